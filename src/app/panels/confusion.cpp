// The Confusion panel: the last validation pass as a heat map (rows: true class, columns:
// predicted), counts in the cells, per-class accuracy; a click shows that cell's images.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "app/panels/confusion.h"
#include "app/panels/time_travel.h"

#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {

// A cell's count in the cell: "1081" at the panel's font size if it fits, else smaller, else
// "1.1k" (four-digit counts on a phone's narrow cells).
bool draw_count(ImDrawList* dl, int n, ImVec2 at, ImVec2 cell, ImU32 color) {
  char full[16], short_form[16];
  std::snprintf(full, sizeof(full), "%d", n);
  if (n >= 10000) std::snprintf(short_form, sizeof(short_form), "%dk", (n + 500) / 1000);
  else if (n >= 1000) std::snprintf(short_form, sizeof(short_form), "%.1fk", n / 1000.0);
  else std::snprintf(short_form, sizeof(short_form), "%d", n);
  ImFont* font = ImGui::GetFont();
  const float base = ImGui::GetFontSize();
  for (const char* text : {full, short_form}) {
    for (float scale : {1.0f, 0.82f, 0.68f}) {
      const ImVec2 ts = font->CalcTextSizeA(base * scale, FLT_MAX, 0.0f, text);
      if (ts.x <= cell.x - 2 && ts.y <= cell.y + 1) {
        dl->AddText(font, base * scale, ImVec2(at.x + (cell.x - ts.x) * 0.5f, at.y + (cell.y - ts.y) * 0.5f), color, text);
        return true;
      }
    }
  }
  return false;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
  const ImVec4 x = ImGui::ColorConvertU32ToFloat4(a), y = ImGui::ColorConvertU32ToFloat4(b);
  return ImGui::ColorConvertFloat4ToU32(ImVec4(x.x + (y.x - x.x) * t, x.y + (y.y - x.y) * t,
                                               x.z + (y.z - x.z) * t, 1.0f));
}

}  // namespace

ConfusionPanel::Cell ConfusionPanel::draw(const Session& s, Cell chosen) {
  const RunView& run = s.run();
  const ConfusionMatrix& cm = run.shown_confusion();
  char buf[160];
  draw_viewing_banner(s);  // time travel: "Viewing epoch t" over an earlier model's matrix
  if (!run.has_model() || cm.total() == 0) {
    ImGui::PushTextWrapPos(0.0f);
    const Str hint = run.shown_eval_lost() ? Str::kViewEngineStopped
                     : run.viewing()       ? Str::kViewEvaluating
                                           : Str::kHintConfusion;
    ImGui::TextDisabled("%s", tr(hint));
    ImGui::PopTextWrapPos();
    return {};
  }
  if (run.viewing()) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtViewConfusion), format_count(cm.total()).c_str(), cm.accuracy());
  } else {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtConfusionSummary), run.epoch(),
                  format_count(cm.total()).c_str(), cm.accuracy());
  }
  text_wrapped_at_spaces(buf);  // two lines on a phone rather than cut

  const float line_h = ImGui::GetTextLineHeight();
  float name_w = 0;
  for (int c = 0; c < kNumClasses; ++c) name_w = std::max(name_w, ImGui::CalcTextSize(class_name(c)).x);
  name_w += 8.0f;
  const float acc_w = ImGui::CalcTextSize("100.0%").x + 10.0f;
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float header_h = line_h + 4.0f;
  // The axes' note under the grid, from the grid's left edge when it fits there, else from the
  // panel's, wrapped (a phone's English cut it: "predicted clas").
  const char* axes = tr(Str::kConfusionAxes);
  const float axes_w = ImGui::CalcTextSize(axes).x;
  const bool axes_under_grid = axes_w <= avail.x - name_w;
  const float footer_h = (axes_under_grid || axes_w <= avail.x ? 1 : 2) * ImGui::GetTextLineHeightWithSpacing() + 2.0f;
  const float cell_w = std::max(18.0f, (avail.x - name_w - acc_w) / kNumClasses);
  const float cell_h = std::clamp((avail.y - header_h - footer_h) / kNumClasses, 14.0f, cell_w);
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  const ImU32 dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);

  // Column headers: predicted class numbers; the accuracy column.
  for (int p = 0; p < kNumClasses; ++p) {
    std::snprintf(buf, sizeof(buf), "%d", p);
    const float tw = ImGui::CalcTextSize(buf).x;
    dl->AddText(ImVec2(o.x + name_w + p * cell_w + (cell_w - tw) * 0.5f, o.y), dim, buf);
  }
  dl->AddText(ImVec2(o.x + name_w + kNumClasses * cell_w + 6, o.y), dim, tr(Str::kConfusionAccHeader));

  const ImU32 base = to_u32(palette::kCellBase);
  const ImU32 good = to_u32(palette::kCellRight);
  const ImU32 bad = to_u32(palette::kCellWrong);
  int hover_t = -1, hover_p = -1;
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool window_hovered = ImGui::IsWindowHovered();
  for (int t = 0; t < kNumClasses; ++t) {
    const float y = o.y + header_h + t * cell_h;
    dl->AddText(ImVec2(o.x, y + (cell_h - line_h) * 0.5f), text, class_name(t));
    int row_total = 0;
    for (int p = 0; p < kNumClasses; ++p) row_total += cm.at(t, p);
    for (int p = 0; p < kNumClasses; ++p) {
      const int n = cm.at(t, p);
      const float share = row_total > 0 ? static_cast<float>(n) / row_total : 0.0f;
      // sqrt makes small confusions visible next to the large diagonal.
      const ImU32 fill = mix(base, t == p ? good : bad, std::sqrt(share));
      const ImVec2 c0(o.x + name_w + p * cell_w, y), c1(c0.x + cell_w - 1, y + cell_h - 1);
      dl->AddRectFilled(c0, c1, fill);
      if (t == chosen.truth && p == chosen.predicted) {
        dl->AddRect(ImVec2(c0.x - 1, c0.y - 1), ImVec2(c1.x + 1, c1.y + 1), IM_COL32(255, 220, 80, 255), 0, 0, 2.5f);
        outlined_ = {t, p};
      }
      if (window_hovered && mouse.x >= c0.x && mouse.x < c1.x + 1 && mouse.y >= c0.y && mouse.y < c1.y + 1) {
        hover_t = t;
        hover_p = p;
        dl->AddRect(c0, c1, IM_COL32(255, 255, 255, 220), 0, 0, 2.0f);
      }
      if (n > 0) {
        const ImU32 color = share > palette::kCellWhiteShare ? IM_COL32(255, 255, 255, 255) : to_u32(palette::kCellCountDim);
        if (!draw_count(dl, n, c0, ImVec2(cell_w, cell_h), color)) ++counts_hidden_;
      }
    }
    const double acc = cm.class_accuracy(t);
    std::snprintf(buf, sizeof(buf), "%.1f%%", std::isfinite(acc) ? acc * 100.0 : 0.0);
    dl->AddText(ImVec2(o.x + name_w + kNumClasses * cell_w + 6, y + (cell_h - line_h) * 0.5f),
                acc >= 0.85 ? kGood : (acc >= 0.7 ? text : kBad), buf);
  }
  const float grid_bottom = o.y + header_h + kNumClasses * cell_h;
  cells_ = {ImVec2(o.x + name_w, o.y + header_h),
                      ImVec2(o.x + name_w + kNumClasses * cell_w, grid_bottom)};
  ImGui::Dummy(ImVec2(name_w + kNumClasses * cell_w + acc_w, header_h + kNumClasses * cell_h));
  ImGui::SetCursorScreenPos(ImVec2(o.x + (axes_under_grid ? name_w : 0.0f), grid_bottom + 2));
  ImGui::PushStyleColor(ImGuiCol_Text, dim);
  ImGui::BeginGroup();
  text_wrapped_at_spaces(axes);
  ImGui::EndGroup();
  ImGui::PopStyleColor();

  if (hover_t >= 0) {
    const int n = cm.at(hover_t, hover_p);
    ImGui::BeginTooltip();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtConfusionTip), class_name(hover_t),
                  predicted_name(hover_p), n);
    ImGui::TextUnformatted(buf);
    ImGui::TextDisabled("%s", tr(Str::kTipClickCell));
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return {hover_t, hover_p};
  }
  return {};
}

}  // namespace fm
