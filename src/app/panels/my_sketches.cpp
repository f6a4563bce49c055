// MySketchesPanel: the correction control, its progress and results, and the My sketches set.
#include "app/panels/my_sketches.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "app/i18n/strings.h"
#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"
#include "core/strokes.h"

namespace fm {

namespace {

constexpr int kThumbSide = 28;
constexpr int kAtlasCols = 20;
constexpr float kThumbPx = 48.0f;  // a thumbnail on screen
constexpr ImU32 kFineTunedColor = IM_COL32(240, 170, 60, 255);

std::array<float, 4> item_rect() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectSize();
  return {a.x, a.y, b.x, b.y};
}

}  // namespace

void MySketchesPanel::refresh_thumbnails(const Session& s) {
  const std::vector<SketchFile>& set = s.corrections.sketches();
  if (thumbs_version_ == s.corrections.version() && (set.empty() || thumbs_.valid())) return;
  thumbs_version_ = s.corrections.version();
  if (set.empty()) return;
  const int n = static_cast<int>(set.size());
  thumb_cols_ = std::min(n, kAtlasCols);
  Atlas atlas;
  atlas.reset(thumb_cols_, (n + thumb_cols_ - 1) / thumb_cols_, kThumbSide, kThumbSide);
  for (int i = 0; i < n; ++i) {
    const StrokeSteps st = normalise_strokes(set[static_cast<size_t>(i)].strokes, kThumbSide);
    if (!st.input.empty) atlas.put_gray(i, st.input.pixels.data());
  }
  thumbs_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
}

float MySketchesPanel::height() const {
  const float row = ImGui::GetFrameHeightWithSpacing();
  return 4 * row + kThumbPx + ImGui::GetStyle().ScrollbarSize + 2 * ImGui::GetStyle().ItemSpacing.y + 4;
}

void MySketchesPanel::draw(Session& s, int top) {
  shown_ = true;
  Corrections& c = s.corrections;
  char buf[300];
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::Separator();
  // "Wrong? It's a [class] [Teach it]": the menu starts at the prediction, so a change of mind is
  // one pick away.
  if (choice_for_ != top && !ImGui::IsPopupOpen("##correct_class")) {
    choice_for_ = top;
    choice_ = top;
  }
  const bool can_teach = s.run().has_model() && !c.running() && !s.canvas.empty();
  const float teach_w = ImGui::CalcTextSize(tr(Str::kButtonTeach)).x + 2 * style.FramePadding.x;
  const float prompt_w = ImGui::CalcTextSize(tr(Str::kCorrectPrompt)).x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(Str::kCorrectPrompt));
  // The menu beside the question when a 90 px menu and the button fit there, else under it.
  if (prompt_w + 90.0f + teach_w + 2 * style.ItemSpacing.x <= ImGui::GetContentRegionAvail().x) ImGui::SameLine();
  ImGui::SetNextItemWidth(std::max(60.0f, ImGui::GetContentRegionAvail().x - teach_w - style.ItemSpacing.x));
  if (ImGui::BeginCombo("##correct_class", choice_ >= 0 ? predicted_name(choice_) : "")) {
    for (int k = 0; k < kNumClasses; ++k) {
      if (ImGui::Selectable(predicted_name(k), k == choice_)) choice_ = k;
    }
    ImGui::EndCombo();
  }
  rects_[0] = item_rect();
  ImGui::SameLine();
  ImGui::BeginDisabled(!can_teach || choice_ < 0);
  if (ImGui::Button(tr(Str::kButtonTeach))) {
    const Status st = s.correct(choice_);
    if (!st) s.messages.error = tr(st);
  }
  rects_[1] = item_rect();
  ImGui::EndDisabled();
  item_tooltip(tr(Str::kTipTeach), true);

  // The fine-tune's progress, or what the last one did, or what this is for.
  char fine_tuned[200];
  std::snprintf(fine_tuned, sizeof(fine_tuned), tr(Str::kFmtFineTuned), c.applied());
  const LastFix& f = c.last_fix();
  if (c.running()) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtCorrecting), c.steps_done(), c.steps());
    ImGui::ProgressBar(c.fraction(), ImVec2(-1, 0), buf);
  } else if (c.has_fix()) {
    const auto name = [](int k) { return k >= 0 && k < kNumClasses ? predicted_name(k) : "?"; };
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtLastFix), name(f.label), name(f.before),
                  f.before_p * 100.0, name(f.after), f.after_p * 100.0);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(to_vec4(f.after == f.label ? kGood : kBad), "%s", buf);
    ImGui::PopTextWrapPos();
  } else {
    const bool marked = c.applied() > 0;
    const char* text = marked ? fine_tuned : tr(Str::kSketchesNone);
    ImGui::PushTextWrapPos(0.0f);
    if (marked) {
      ImGui::TextColored(to_vec4(kFineTunedColor), "%s", text);
    } else {
      ImGui::TextDisabled("%s", text);
    }
    ImGui::PopTextWrapPos();
  }
  // The cost of the fix, and its undo.
  if (c.has_fix() && !c.running()) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtValCost), f.val_before * 100.0, f.val_after * 100.0,
                  (f.val_after - f.val_before) * 100.0, f.compute_s);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(buf);
    ImGui::PopTextWrapPos();
  }
  ImGui::BeginDisabled(!c.can_undo() || c.running());
  if (ImGui::Button(tr(Str::kButtonUndoCorrection))) {
    const Status st = s.undo_correction();
    if (!st) s.messages.error = tr(st);
  }
  rects_[2] = item_rect();
  ImGui::EndDisabled();

  // --- My sketches: the count and its buttons, the fine-tuned mark, then the thumbnails.
  const std::vector<SketchFile>& set = c.sketches();
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtMySketches), static_cast<int>(set.size()));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(buf);
  ImGui::SameLine();
  ImGui::BeginDisabled(set.empty());
  if (ImGui::SmallButton(tr(Str::kButtonExportSketches))) s.export_sketches();
  rects_[3] = item_rect();
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::SmallButton(tr(Str::kButtonImportSketches))) open_sketches_dialog();  // web/storage.js
  rects_[4] = item_rect();
  ImGui::SameLine();
  ImGui::BeginDisabled(set.empty());
  if (ImGui::SmallButton(tr(Str::kButtonClearSketches))) s.clear_sketches();
  rects_[5] = item_rect();
  ImGui::EndDisabled();
  if (c.applied() > 0 && c.has_fix()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(to_vec4(kFineTunedColor), "%s", fine_tuned);
    ImGui::PopTextWrapPos();
  }
  if (set.empty()) return;
  refresh_thumbnails(s);
  // One row of thumbnails (the sketch as the model input shows it, its class written on it; ×
  // deletes), scrolled sideways when there are more than fit.
  const float cell = kThumbPx;
  ImGui::BeginChild("##my_sketches", ImVec2(0, cell + style.ScrollbarSize + 4), false,
                    ImGuiWindowFlags_HorizontalScrollbar);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  int remove = -1;
  for (int i = 0; i < static_cast<int>(set.size()); ++i) {
    if (i > 0) ImGui::SameLine();
    ImGui::PushID(i);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(cell, cell));
    const char* label = class_name(set[static_cast<size_t>(i)].label);
    item_tooltip(label);
    if (thumbs_.valid()) {
      ImVec2 uv0, uv1;
      thumbs_.cell_uv(i % thumb_cols_, i / thumb_cols_, kThumbSide, kThumbSide, &uv0, &uv1);
      dl->AddImage(thumbs_.id(), p, ImVec2(p.x + cell, p.y + cell), uv0, uv1);
    }
    dl->AddRect(ImVec2(p.x, p.y), ImVec2(p.x + cell, p.y + cell), IM_COL32(255, 255, 255, 60));
    const float lh = ImGui::GetTextLineHeight();
    dl->AddRectFilled(ImVec2(p.x + 1, p.y + cell - lh - 1), ImVec2(p.x + cell - 1, p.y + cell - 1), IM_COL32(0, 0, 0, 170));
    const ImVec4 clip(p.x, p.y, p.x + cell - 1, p.y + cell);  // the name within its thumbnail
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + 2, p.y + cell - lh - 1),
                IM_COL32(230, 230, 235, 255), label, nullptr, 0.0f, &clip);
    const float x_size = ImGui::GetTextLineHeight() + 2;
    const ImVec2 after = ImGui::GetCursorScreenPos();
    ImGui::SetCursorScreenPos(ImVec2(p.x + cell - x_size, p.y));
    if (ImGui::Button("x", ImVec2(x_size, x_size))) remove = i;
    item_tooltip(tr(Str::kTipDeleteSketch));
    ImGui::SetCursorScreenPos(after);
    ImGui::PopID();
  }
  ImGui::EndChild();
  if (remove >= 0) s.remove_sketch(remove);
}

void MySketchesPanel::json(const Session& s, JsonWriter& j) const {
  const Corrections& c = s.corrections;
  j.key("my_sketches").begin_object();
  j.key("count").integer(static_cast<long long>(c.sketches().size()));
  j.key("labels").begin_array();
  for (const SketchFile& f : c.sketches()) j.integer(f.label);
  j.end_array();
  j.key("running").boolean(c.running());
  j.key("fraction").number(c.fraction());
  j.key("steps_done").integer(c.steps_done());
  j.key("steps").integer(c.steps());
  j.key("fine_tuned").integer(c.applied());  // corrections in the model in use
  j.key("can_undo").boolean(c.can_undo());
  j.key("last_fix");
  if (c.has_fix()) {
    const LastFix& f = c.last_fix();
    j.begin_object();
    j.key("label").integer(f.label);
    j.key("before").integer(f.before).key("after").integer(f.after);
    j.key("before_p").number(f.before_p).key("after_p").number(f.after_p);
    j.key("val_before").number(f.val_before).key("val_after").number(f.val_after);
    j.key("steps").integer(f.steps).key("seconds").number(f.compute_s);
    j.end_object();
  } else {
    j.null();
  }
  j.key("choice").integer(choice_);
  j.key("visible").boolean(shown_);
  static const char* const kRects[] = {"choose", "teach", "undo", "export", "import", "clear"};
  j.key("rects").begin_object();
  for (size_t i = 0; i < rects_.size(); ++i) {
    const auto& r = rects_[i];
    j.key(kRects[i]).begin_object().key("x").number(r[0]).key("y").number(r[1]);
    j.key("w").number(r[2]).key("h").number(r[3]).end_object();
  }
  j.end_object();
  j.end_object();
}

}  // namespace fm
