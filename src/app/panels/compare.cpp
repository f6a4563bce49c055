// ComparePanel: the button, progress, table and chart of the resolution comparison.
#include "app/panels/compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/i18n/strings.h"
#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/panels/confirm_replace.h"
#include "app/session/resolution_compare.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {

namespace {
constexpr ImU32 kValColor = IM_COL32(70, 140, 220, 255);
constexpr ImU32 kTestColor = IM_COL32(240, 190, 70, 255);

void accuracy_text(float v, ImU32 color) {
  if (std::isfinite(v)) {
    ImGui::TextColored(to_vec4(color), "%.4f", static_cast<double>(v));
  } else {
    ImGui::TextDisabled("\xE2\x80\x94");  // em dash: no test set
  }
}
}  // namespace

void ComparePanel::draw(Session& s, ResolutionCompare& c, ConfirmReplace& confirm) {
  char buf[240];
  ImGui::Separator();
  if (c.running()) {
    const int side = c.current_side();
    int n = 1;
    for (const CompareRow& r : c.rows()) n += r.done ? 1 : 0;
    std::snprintf(buf, sizeof(buf), tr(c.downloading(s) ? Str::kFmtCompareDownloading : Str::kFmtCompareTraining),
                  side, side, std::min(n, 3));
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, to_u32(palette::kCompareBar));
    ImGui::ProgressBar(static_cast<float>(c.progress(s)), ImVec2(-1, 0), buf);
    ImGui::PopStyleColor();
    if (ImGui::Button(tr(Str::kCompareCancel), ImVec2(-1, 0))) c.cancel(s);
    button_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  } else {
    const bool busy = s.engine().busy();
    ImGui::BeginDisabled(busy);
    ImGui::PushStyleColor(ImGuiCol_Button, to_u32(palette::kCompareButton));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_u32(palette::kCompareButtonHovered));
    if (ImGui::Button(tr(Str::kButtonCompare), ImVec2(-1, 0))) {
      confirm.ask(s, Replace::kTrain, [&s, &c] {
        const Status st = c.start(s, s.form.settings());
        if (!st) s.messages.error = tr(st);
      });
    }
    ImGui::PopStyleColor(2);
    button_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::EndDisabled();
    item_tooltip(tr(Str::kTipCompare), true);
    if (c.state() == ResolutionCompare::State::kCancelled) ImGui::TextDisabled("%s", tr(Str::kCompareCancelled));
  }
  const uint64_t moment = 2 * c.finished() + (c.running() ? 1 : 0);  // a start or an end
  bool scroll = false;
  if (moment != scrolled_for_) {
    scrolled_for_ = moment;
    scroll = c.state() != ResolutionCompare::State::kIdle;
  }
  bool any = false;
  for (const CompareRow& r : c.rows()) any = any || r.done;
  if (!any) {
    if (scroll) ImGui::SetScrollHereY(1.0f);
    return;
  }
  const Settings& set = c.settings();
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtCompareTitle), model_kind_name(set.model), set.epochs,
                static_cast<unsigned long long>(set.seed));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(buf);
  ImGui::PopTextWrapPos();
  draw_table(c);
  draw_chart(c);
  if (scroll) ImGui::SetScrollHereY(1.0f);
}

void ComparePanel::draw_table(const ResolutionCompare& c) {
  // The previews follow the sketch (ResolutionCompare::update_sketch ran this frame).
  uint64_t key = 0;
  for (const CompareRow& r : c.rows()) {
    for (float v : r.input) key = key * 1099511628211ull + static_cast<uint64_t>(v * 255.0f + 0.5f);
    key = key * 31 + (r.done ? 1 : 0);
  }
  if (key != previews_for_) {
    previews_for_ = key;
    for (size_t i = 0; i < c.rows().size(); ++i) {
      const CompareRow& r = c.rows()[i];
      if (r.input.size() != static_cast<size_t>(r.side * r.side)) continue;
      Atlas a;
      a.reset(1, 1, r.side, r.side);
      a.put_gray(0, r.input.data());
      previews_[i].upload(r.side, r.side, a.rgba.data());
    }
  }
  const float line = ImGui::GetTextLineHeight();
  const float thumb = std::max(28.0f, 2.0f * line);
  // A phone's panel has no room for six columns: accuracy and size then share theirs, two lines each.
  const bool narrow = ImGui::GetContentRegionAvail().x < 34.0f * ImGui::GetFontSize();
  const int columns = narrow ? 4 : 6;
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##compare", columns, flags)) return;
  char head_acc[96], head_size[96];
  std::snprintf(head_acc, sizeof(head_acc), "%s\n%s", tr(Str::kCompareVal), tr(Str::kCompareTest));
  std::snprintf(head_size, sizeof(head_size), "%s\n%s", tr(Str::kCompareParams), tr(Str::kCompareSecEpoch));
  ImGui::TableSetupColumn(tr(Str::kCompareInput));
  if (narrow) {
    ImGui::TableSetupColumn(head_acc);
    ImGui::TableSetupColumn(head_size);
  } else {
    ImGui::TableSetupColumn(tr(Str::kCompareVal));
    ImGui::TableSetupColumn(tr(Str::kCompareTest));
    ImGui::TableSetupColumn(tr(Str::kCompareParams));
    ImGui::TableSetupColumn(tr(Str::kCompareSecEpoch));
  }
  ImGui::TableSetupColumn(tr(Str::kCompareSays), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableHeadersRow();
  char buf[96];
  bool sketched = false;
  for (size_t i = 0; i < c.rows().size(); ++i) {
    const CompareRow& r = c.rows()[i];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%d\xC3\x97%d", r.side, r.side);
    if (!r.done) {
      for (int k = 1; k < columns; ++k) {
        ImGui::TableNextColumn();
        ImGui::TextDisabled("\xE2\x80\xA6");  // still to come
      }
      continue;
    }
    ImGui::TableNextColumn();
    ImGui::TextColored(to_vec4(kValColor), "%.4f", static_cast<double>(r.val_acc));
    if (!narrow) ImGui::TableNextColumn();
    accuracy_text(r.test_acc, kTestColor);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_count(r.params).c_str());
    if (!narrow) ImGui::TableNextColumn();
    ImGui::Text("%.2f", r.seconds_per_epoch);
    ImGui::TableNextColumn();
    if (previews_[i].valid() && r.top >= 0) {  // the sketch as this model sees it
      ImGui::Image(previews_[i].id(), ImVec2(thumb, thumb));
      if (!narrow) ImGui::SameLine();
    }
    if (r.top >= 0) {
      sketched = true;
      std::snprintf(buf, sizeof(buf), "%s %.0f%%", class_name(r.top), 100.0 * static_cast<double>(r.probs[static_cast<size_t>(r.top)]));
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(to_vec4(class_color(r.top)), "%s", buf);
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::EndTable();
  if (!sketched) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kCompareNoSketch));
    ImGui::PopTextWrapPos();
  }
}

// Validation accuracy as a bar per input size, test accuracy as a tick across it; the axis from a
// little below the lowest figure to a little above the highest.
void ComparePanel::draw_chart(const ResolutionCompare& c) {
  float lo = 1, hi = 0;
  for (const CompareRow& r : c.rows()) {
    if (!r.done) continue;
    for (float v : {r.val_acc, r.test_acc}) {
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  if (!(hi >= lo)) return;
  lo = std::max(0.0f, std::floor((lo - 0.02f) * 20) / 20);
  hi = std::min(1.0f, std::ceil((hi + 0.01f) * 20) / 20);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", tr(Str::kCompareChart));
  ImGui::PopTextWrapPos();
  const float line = ImGui::GetTextLineHeight();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const float w = std::max(120.0f, ImGui::GetContentRegionAvail().x), h = 5.0f * line;
  const float axis = ImGui::CalcTextSize("0.00").x + 6;
  ImGui::Dummy(ImVec2(w, h + line));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 grid = IM_COL32(120, 120, 120, 90), text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const float x0 = p0.x + axis, x1 = p0.x + w, y0 = p0.y + h, y1 = p0.y + 2;
  const auto y_of = [&](float v) { return y0 - (v - lo) / (hi - lo) * (y0 - y1); };
  char buf[32];
  for (float v = lo; v <= hi + 1e-4f; v += 0.05f) {
    dl->AddLine(ImVec2(x0, y_of(v)), ImVec2(x1, y_of(v)), grid);
    std::snprintf(buf, sizeof(buf), "%.2f", static_cast<double>(v));
    dl->AddText(ImVec2(p0.x, y_of(v) - line / 2), text, buf);
  }
  const float slot = (x1 - x0) / 3;
  for (size_t i = 0; i < c.rows().size(); ++i) {
    const CompareRow& r = c.rows()[i];
    const float cx = x0 + slot * (static_cast<float>(i) + 0.5f), half = slot * 0.25f;
    std::snprintf(buf, sizeof(buf), "%d\xC3\x97%d", r.side, r.side);
    dl->AddText(ImVec2(cx - ImGui::CalcTextSize(buf).x / 2, y0 + 2), text, buf);
    if (!r.done) continue;
    dl->AddRectFilled(ImVec2(cx - half, y_of(r.val_acc)), ImVec2(cx + half, y0), kValColor);
    if (std::isfinite(r.test_acc)) {
      dl->AddLine(ImVec2(cx - half * 1.4f, y_of(r.test_acc)), ImVec2(cx + half * 1.4f, y_of(r.test_acc)), kTestColor, 3.0f);
    }
  }
}

void ComparePanel::json(const Session& s, const ResolutionCompare& c, JsonWriter& j) const {
  j.key("compare").begin_object();
  j.key("state").string(compare_state_name(c.state()));
  j.key("side").integer(c.current_side());
  j.key("downloading").boolean(c.downloading(s));
  j.key("progress").number(c.progress(s));
  const Settings& set = c.settings();
  j.key("model").string(model_kind_name(set.model));
  j.key("epochs").integer(set.epochs);
  j.key("seed").integer(static_cast<long long>(set.seed));
  j.key("error");
  if (c.error().empty()) {
    j.null();
  } else {
    j.string(c.error().c_str());
  }
  j.key("rows").begin_array();
  for (const CompareRow& r : c.rows()) {
    j.begin_object();
    j.key("side").integer(r.side);
    j.key("done").boolean(r.done);
    j.key("val_acc").number(r.val_acc);
    j.key("test_acc").number(r.test_acc);
    j.key("params").integer(r.params);
    j.key("epochs").integer(r.epochs);
    j.key("seconds_per_epoch").number(r.seconds_per_epoch);
    j.key("top").integer(r.top);
    j.key("prediction");
    if (r.top >= 0) {
      j.string(class_name(r.top));
    } else {
      j.null();
    }
    j.key("prob").number(r.top >= 0 ? r.probs[static_cast<size_t>(r.top)] : NAN);
    j.key("input_pixels").integer(static_cast<long long>(r.input.size()));
    j.end_object();
  }
  j.end_array();
  j.key("button");
  if (button_.second.x > button_.first.x) {
    j.begin_object();
    j.key("x").number(button_.first.x).key("y").number(button_.first.y);
    j.key("w").number(button_.second.x - button_.first.x).key("h").number(button_.second.y - button_.first.y);
    j.end_object();
  } else {
    j.null();
  }
  j.end_object();
}

}  // namespace fm
