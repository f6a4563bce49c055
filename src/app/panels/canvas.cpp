// The Drawing canvas: strokes come straight from SDL mouse/touch events (every event, not one
// position per frame), brush/eraser/clear/undo, outline filling, the core's sketch
// preprocessing shown as the model input, and live probability bars.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"
#include "app/panels/canvas.h"
#include "app/panels/time_travel.h"

#include "app/explain/map_view.h"

#include "app/image_ops.h"
#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"
#include "core/metrics.h"
#include "core/sketch.h"
#include "core/strokes.h"

namespace fm {
namespace {

Str model_short_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::kMlp: return Str::kModelMlpShort;
    case ModelKind::kCnn: return Str::kModelCnnShort;
    case ModelKind::kCnnSmall: return Str::kModelCnnSmallShort;
    default: return Str::kModelSoftmaxShort;
  }
}

}  // namespace

ImVec2 CanvasPanel::to_canvas(float x, float y) const {
  const float w = std::max(1.0f, max_.x - min_.x);
  const float h = std::max(1.0f, max_.y - min_.y);
  return ImVec2((x - min_.x) / w * kCanvasSize, (y - min_.y) / h * kCanvasSize);
}

// True when (x, y) is on the drawing area and no other window or popup covers it there
// (checked against last frame's windows, front to back, as ImGui's own hovering does).
bool CanvasPanel::accepts(float x, float y) const {
  if (!shown_ || window_ == nullptr) return false;
  if (x < min_.x || y < min_.y || x >= max_.x || y >= max_.y) return false;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  if (g.OpenPopupStack.Size > 0) return false;
  const ImVec2 p(x, y);
  for (int i = g.Windows.Size - 1; i >= 0; --i) {
    const ImGuiWindow* w = g.Windows[i];
    if (!w->Active || w->Hidden || (w->Flags & ImGuiWindowFlags_ChildWindow) != 0) continue;
    if (!w->Rect().Contains(p)) continue;
    return w == window_->RootWindow;
  }
  return false;
}

void CanvasPanel::handle_event(Session& s, const SDL_Event& e) {
  SketchCanvas& canvas_ = s.canvas;
  switch (e.type) {
    case SDL_MOUSEBUTTONDOWN:
      if (e.button.button == SDL_BUTTON_LEFT &&
          accepts(static_cast<float>(e.button.x), static_cast<float>(e.button.y))) {
        const ImVec2 c = to_canvas(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
        canvas_.begin_stroke(c.x, c.y);
        s.engine().yield_to_drawing(true);
      }
      break;
    case SDL_MOUSEMOTION:
      if (canvas_.stroking()) {
        const ImVec2 c = to_canvas(static_cast<float>(e.motion.x), static_cast<float>(e.motion.y));
        canvas_.stroke_to(c.x, c.y);
      }
      break;
    case SDL_MOUSEBUTTONUP:
      if (e.button.button == SDL_BUTTON_LEFT && canvas_.stroking()) {
        const ImVec2 c = to_canvas(static_cast<float>(e.button.x), static_cast<float>(e.button.y));
        canvas_.stroke_to(c.x, c.y);
        canvas_.end_stroke();
        s.engine().yield_to_drawing(false);
      }
      break;
    default:
      break;
  }
}

// The model input for the canvas and its probabilities: immediately after an edit, and a few
// times a second while training changes the weights.
const std::vector<float>& CanvasPanel::model_input() const {
  static const std::vector<float> kNothing;
  return input_path_ == InputPath::kNone ? kNothing : model_input_;
}

void CanvasPanel::update_prediction(const Session& s) {
  refresh_prediction(s);
  if (show_why_) why_.update(s, model_input(), model_input_side_, top_, pred_input_key_);
}

void CanvasPanel::refresh_prediction(const Session& s) {
  const RunView& run = s.run();
  const SketchCanvas& canvas_ = s.canvas;
  const int side = s.model_side();
  const bool model = run.shown_has_weights();
  char key[96];
  std::snprintf(key, sizeof(key), "%llu/%d/%d", static_cast<unsigned long long>(canvas_.version()),
                side, fill_outlines_ ? 1 : 0);
  const bool input_changed = pred_input_key_ != key;
  const bool weights_changed = model && static_cast<long long>(run.shown_version()) != pred_weights_;
  const bool model_changed = model != has_probs_;
  if (!input_changed && !model_changed && !weights_changed) return;
  pred_weights_ = static_cast<long long>(run.shown_version());

  if (input_changed) {
    pred_input_key_ = key;
    model_input_side_ = side;
    model_input_.assign(static_cast<size_t>(side) * side, 0.0f);
    steps_ = StrokeSteps{};
    input_path_ = InputPath::kNone;
    if (!canvas_.empty()) {
      if (canvas_.has_source() && canvas_.source_side() == side) {
        // An unmodified data-set image: exactly what the data set gives the model.
        input_path_ = InputPath::kSource;
        for (size_t i = 0; i < model_input_.size(); ++i) model_input_[i] = canvas_.source()[i] / 255.0f;
      } else if (!canvas_.has_bitmap()) {
        // Strokes alone: re-rendered at the model's side from the ink's box, whatever the
        // drawing's size or place on the canvas.
        StrokeStyle style;
        style.fill = fill_outlines_;
        steps_ = normalise_strokes(canvas_.drawing().strokes(), side, style);
        if (!steps_.input.empty && steps_.input.pixels.size() == model_input_.size()) {
          input_path_ = InputPath::kStrokes;
          model_input_ = steps_.input.pixels;
        }
      } else {
        input_path_ = InputPath::kPixels;
        std::vector<uint8_t> work(canvas_.pixels(), canvas_.pixels() + kCanvasSize * kCanvasSize);
        if (fill_outlines_) fill_closed_outlines(work.data(), kCanvasSize, kCanvasSize);
        const SketchInput in = preprocess_sketch(work.data(), kCanvasSize, kCanvasSize, side);
        if (!in.empty && in.pixels.size() == model_input_.size()) model_input_ = in.pixels;
      }
    }
    Atlas atlas;
    atlas.reset(1, 1, side, side);
    atlas.put_gray(0, model_input_.data());
    input_tex_.upload(side, side, atlas.rgba.data());
    if (input_path_ == InputPath::kStrokes) {
      atlas.put_gray(0, steps_.outline.data());
      outline_tex_.upload(side, side, atlas.rgba.data());
    }
  }
  probs_.fill(0.0f);
  top_ = -1;
  has_probs_ = model;
  if (model && input_path_ != InputPath::kNone && run.shown_network().arch().inputs == side * side) {
    run.shown_network().predict(model_input_.data(), probs_.data());
    top_ = argmax(probs_.data(), kNumClasses);
  }
}

void CanvasPanel::draw(Session& s, float reserve) {
  const RunView& run = s.run();
  SketchCanvas& canvas_ = s.canvas;
  const BundleView* d = s.data();
  if (d == nullptr) return;
  draw_viewing_banner(s);  // time travel: the prediction is an earlier model's
  char buf[200];
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line_h = ImGui::GetTextLineHeight();
  const float frame_h = ImGui::GetFrameHeight();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  avail.y -= reserve;

  // Drawing area with the tools below it; probability bars and the model input beside it, or
  // below it when the panel is tall and narrow (phones, the 800×600 tab).
  const float tools_h = 3 * (frame_h + style.ItemSpacing.y);
  const float bar_h = line_h + 4.0f;
  const float info_h = kNumClasses * bar_h + 3 * line_h + 16.0f;
  const float beside = std::min(avail.x - 190.0f - style.ItemSpacing.x, avail.y - tools_h);
  const float below = std::min(avail.x, avail.y - tools_h - info_h - style.ItemSpacing.y);
  const bool stacked = below > beside + 24.0f;
  const float draw = std::floor(std::clamp(stacked ? below : beside, 120.0f, 420.0f));

  // Upload the canvas when it changed (at most once a frame).
  if (canvas_tex_version_ != canvas_.version() || !canvas_tex_.valid()) {
    canvas_tex_version_ = canvas_.version();
    Atlas atlas;
    atlas.reset(1, 1, kCanvasSize, kCanvasSize);
    atlas.put_gray(0, canvas_.pixels());
    canvas_tex_.upload(kCanvasSize, kCanvasSize, atlas.rgba.data());
  }

  ImGui::BeginGroup();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##draw", ImVec2(draw, draw));
  const bool hovered = ImGui::IsItemHovered();
  min_ = p0;
  max_ = ImVec2(p0.x + draw, p0.y + draw);
  shown_ = true;
  window_ = ImGui::GetCurrentWindow();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddImage(canvas_tex_.id(), min_, max_);
  dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(max_.x + 1, max_.y + 1),
              IM_COL32(120, 160, 255, hovered ? 255 : 150), 0, 0, 1.5f);
  if (canvas_.empty()) {
    const std::string hint = fit_text(tr(Str::kCanvasHint), draw - 8.0f);
    const ImVec2 ts = ImGui::CalcTextSize(hint.c_str());
    dl->AddText(ImVec2(p0.x + (draw - ts.x) * 0.5f, p0.y + (draw - ts.y) * 0.5f),
                IM_COL32(150, 150, 160, 255), hint.c_str());
  }
  if (canvas_.has_source() && canvas_.source_tag() >= 0) {
    // Which test image this is, as a caption in the drawing area's corner: beside the buttons it
    // widened this column and squeezed the bars (a phone cut it, "test #2: Tro").
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtTestImage), canvas_.source_tag(),
                  class_name(s.test_label(canvas_.source_tag())));
    const std::string caption = fit_text(buf, draw - 8.0f);
    const ImVec2 ts = ImGui::CalcTextSize(caption.c_str());
    dl->AddRectFilled(ImVec2(p0.x + 1, p0.y + 1), ImVec2(p0.x + ts.x + 8, p0.y + ts.y + 4), IM_COL32(0, 0, 0, 170));
    dl->AddText(ImVec2(p0.x + 4, p0.y + 2), IM_COL32(190, 190, 200, 255), caption.c_str());
  }
  if (input_path_ == InputPath::kStrokes && !steps_.box.empty) {
    // The normalisation's first step: the box of the ink left after erasing (centre lines).
    const float k = draw / kCanvasSize;
    const InkBox& b = steps_.box;
    dl->AddRect(ImVec2(p0.x + b.x0 * k - 1, p0.y + b.y0 * k - 1), ImVec2(p0.x + b.x1 * k + 1, p0.y + b.y1 * k + 1),
                IM_COL32(255, 200, 80, 140), 0, 0, 1.0f);
  }
  if (show_why_ && why_.ready()) {
    // The Why map over the drawing: through the stroke normalisation's transform, or the whole
    // canvas for an unmodified data-set image (a drawing over an image is cropped by the pixel
    // path, whose transform is not kept: the map shows on the model input only).
    const float k = draw / kCanvasSize;
    if (input_path_ == InputPath::kStrokes) {
      why_.draw_mapped(dl, p0, k, steps_.scale, steps_.dx, steps_.dy);
    } else if (input_path_ == InputPath::kSource && model_input_side_ > 0) {
      why_.draw_mapped(dl, p0, k, static_cast<float>(model_input_side_) / kCanvasSize, 0, 0);
    }
  }
  if (hovered) {
    // Brush outline under the pointer.
    const float r = canvas_.brush() * 0.5f * draw / kCanvasSize;
    dl->AddCircle(ImGui::GetIO().MousePos, r, canvas_.eraser() ? IM_COL32(255, 120, 100, 220)
                                                               : IM_COL32(255, 255, 255, 160), 24, 1.0f);
  }
  // Tools, three rows under the drawing area.
  // The radio buttons' labels end a spacing short of the drawing's right edge (not against it).
  const float radios_w = ImGui::CalcTextSize(tr(Str::kToolDraw)).x + ImGui::CalcTextSize(tr(Str::kToolErase)).x +
                         2 * (frame_h + style.ItemInnerSpacing.x) + 3 * style.ItemSpacing.x;
  float brush = canvas_.brush();
  ImGui::SetNextItemWidth(std::max(70.0f, draw - radios_w));
  if (ImGui::SliderFloat("##brush", &brush, 4.0f, 60.0f, tr(Str::kFmtBrush))) canvas_.set_brush(brush);
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtBrush), canvas_.brush());
  check_frame_text(buf);
  ImGui::SameLine();
  int tool = canvas_.eraser() ? 1 : 0;
  const auto item_rect = [] { return std::array<float, 4>{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y,
                                                          ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y}; };
  if (ImGui::RadioButton(tr(Str::kToolDraw), &tool, 0)) canvas_.set_eraser(false);
  tool_rects_[0] = item_rect();
  ImGui::SameLine();
  if (ImGui::RadioButton(tr(Str::kToolErase), &tool, 1)) canvas_.set_eraser(true);
  tool_rects_[1] = item_rect();
  if (ImGui::Button(tr(Str::kButtonClear))) s.clear_canvas();
  tool_rects_[2] = item_rect();
  ImGui::SameLine();
  ImGui::BeginDisabled(!canvas_.can_undo());
  if (ImGui::Button(tr(Str::kButtonUndo))) s.undo_canvas();
  tool_rects_[3] = item_rect();
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::Checkbox(tr(Str::kFillOutlines), &fill_outlines_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::kTipFill));
  if (ImGui::Button(tr(Str::kButtonRandomTest))) {
    const int i = static_cast<int>(rng_.below(static_cast<uint32_t>(d->test_count())));
    const Status st = s.load_test_image(i);
    if (!st) s.messages.error = tr(st);
  }
  ImGui::SameLine();
  if (ImGui::Button(tr(Str::kButtonClassifyImage))) open_image_dialog();  // web/image.js
  item_tooltip(tr(Str::kTipClassifyImage));
  ImGui::EndGroup();

  // --- Probabilities and the model input ---
  if (!stacked) ImGui::SameLine();
  ImGui::BeginGroup();
  const float rw = ImGui::GetContentRegionAvail().x;
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + rw);
  if (!run.shown_has_weights()) {
    ImGui::TextDisabled("%s", tr(Str::kCanvasNoModel));
  } else if (const Snapshot* v = run.viewed()) {  // time travel: an earlier model
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtPredictWithViewed), tr(model_short_name(run.config().model)),
                  view_label(s, *v).c_str());
    ImGui::TextDisabled("%s", buf);
  } else {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtPredictWith),
                  tr(model_short_name(run.config().model)),
                  run.epoch(), s.running() ? tr(Str::kTrainingNow) : "");
    ImGui::TextDisabled("%s", buf);
  }
  ImGui::PopTextWrapPos();
  // Stacked: the model input sits right of the bars; beside: below them. From strokes, the
  // outline step comes first (above it when stacked, left of it beside).
  const bool two_steps = input_path_ == InputPath::kStrokes;
  float input_px = std::floor(std::clamp(stacked ? std::min(rw * 0.3f, kNumClasses * bar_h)
                                                 : std::min(rw, 112.0f),
                                         28.0f, 140.0f));
  if (two_steps) {
    input_px = std::floor(std::max(28.0f, stacked ? std::min(input_px, (kNumClasses * bar_h - line_h) * 0.5f - 4.0f)
                                                  : std::min(input_px, (rw - style.ItemSpacing.x) * 0.5f)));
  }
  char input_label[64];
  std::snprintf(input_label, sizeof(input_label), tr(Str::kFmtModelInput), model_input_side_, model_input_side_);
  const float input_col = std::max(input_px, ImGui::CalcTextSize(input_label).x);
  const float bars_w = stacked ? rw - input_col - style.ItemSpacing.x : rw;
  float name_w = 0;
  for (int c = 0; c < kNumClasses; ++c) name_w = std::max(name_w, ImGui::CalcTextSize(predicted_name(c)).x);
  const ImVec2 b0 = ImGui::GetCursorScreenPos();
  const float bar_x = b0.x + name_w + 6.0f;
  const float pct_w = ImGui::CalcTextSize("100%").x + 4.0f;
  const float bar_w = std::max(20.0f, bars_w - name_w - 6.0f - pct_w);
  for (int c = 0; c < kNumClasses; ++c) {
    const float y = b0.y + c * bar_h;
    const bool top = c == top_;
    dl->AddRectFilled(ImVec2(bar_x, y + 2), ImVec2(bar_x + bar_w, y + bar_h - 2), IM_COL32(255, 255, 255, 18));
    const float p = has_probs_ ? std::clamp(probs_[static_cast<size_t>(c)], 0.0f, 1.0f) : 0.0f;
    if (p > 0) {
      dl->AddRectFilled(ImVec2(bar_x, y + 2), ImVec2(bar_x + bar_w * p, y + bar_h - 2),
                        top ? IM_COL32(90, 200, 110, 255) : IM_COL32(100, 140, 220, 255));
    }
    dl->AddText(ImVec2(b0.x, y + (bar_h - line_h) * 0.5f),
                top ? IM_COL32(255, 255, 255, 255) : ImGui::GetColorU32(ImGuiCol_Text), predicted_name(c));
    std::snprintf(buf, sizeof(buf), "%.0f%%", p * 100.0f);
    dl->AddText(ImVec2(bar_x + bar_w + 4, y + (bar_h - line_h) * 0.5f), ImGui::GetColorU32(ImGuiCol_Text), buf);
    // Each bar is a button: what speaks for and against that class (the Why view).
    ImGui::SetCursorScreenPos(ImVec2(b0.x, y));
    ImGui::PushID(c);
    if (ImGui::InvisibleButton("##bar", ImVec2(bars_w, bar_h)) && has_probs_) {
      why_.pick(c == top_ && !why_.picked() ? -1 : c);
      show_why_ = true;
    }
    ImGui::PopID();
    bar_rects_[static_cast<size_t>(c)] = {b0.x, y, bars_w, bar_h};
    if (has_probs_) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtTipWhyBar), class_name(c));
      item_tooltip(buf);
    }
    if (show_why_ && why_.ready() && why_.explained_class() == c) {
      dl->AddRect(ImVec2(b0.x - 2, y), ImVec2(b0.x + bars_w, y + bar_h), IM_COL32(255, 200, 80, 220), 3.0f, 0, 1.5f);
    }
  }
  ImGui::SetCursorScreenPos(ImVec2(b0.x, b0.y + kNumClasses * bar_h));
  ImGui::Dummy(ImVec2(bars_w, 2));
  if (stacked) ImGui::SetCursorScreenPos(ImVec2(b0.x + bars_w + style.ItemSpacing.x, b0.y));
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", input_label);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::kTipModelInput));
  const auto image = [&](const Texture& tex, Str tip) {
    const ImVec2 m0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(input_px, input_px));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(tip));
    if (tex.valid()) dl->AddImage(tex.id(), m0, ImVec2(m0.x + input_px, m0.y + input_px));
    dl->AddRect(ImVec2(m0.x - 1, m0.y - 1), ImVec2(m0.x + input_px + 1, m0.y + input_px + 1), IM_COL32(255, 255, 255, 60));
  };
  if (two_steps) {
    image(outline_tex_, Str::kTipStepOutline);
    if (!stacked) ImGui::SameLine();
  }
  image(input_tex_, two_steps && fill_outlines_ ? Str::kTipStepFilled : Str::kTipModelInput);
  if (show_why_) why_.draw_square(dl, ImGui::GetItemRectMin(), input_px);
  ImGui::BeginDisabled(!has_probs_);
  ImGui::Checkbox(tr(Str::kWhyToggle), &show_why_);
  ImGui::EndDisabled();
  tool_rects_[4] = item_rect();
  item_tooltip(tr(Str::kTipWhy), true);
  if (show_why_ && why_.ready()) {
    // The key beside the checkbox: a red and a blue swatch; the class is the outlined bar.
    const float h = ImGui::GetFrameHeight();
    const float key_w = 2 * (h * 0.5f + 3.0f + style.ItemSpacing.x) + ImGui::CalcTextSize(tr(Str::kWhyFor)).x +
                        ImGui::CalcTextSize(tr(Str::kWhyAgainst)).x;
    bool first = true;  // beside the checkbox when the key fits there, else on the next line
    const bool wrap = ImGui::GetItemRectMax().x + key_w > ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    const auto swatch = [&](ImU32 colour, Str word) {
      if (!(first && wrap)) ImGui::SameLine();
      first = false;
      const ImVec2 q = ImGui::GetCursorScreenPos();
      dl->AddRectFilled(ImVec2(q.x, q.y + h * 0.25f), ImVec2(q.x + h * 0.5f, q.y + h * 0.75f), colour);
      ImGui::Dummy(ImVec2(h * 0.5f, h));
      ImGui::SameLine(0, 3.0f);
      ImGui::AlignTextToFramePadding();
      ImGui::TextDisabled("%s", tr(word));
    };
    swatch(IM_COL32(255, 60, 40, 230), Str::kWhyFor);
    swatch(IM_COL32(50, 120, 255, 230), Str::kWhyAgainst);
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWhyLegend), class_name(why_.explained_class()));
    item_tooltip(buf);
  }
  ImGui::EndGroup();
  ImGui::EndGroup();
}

void CanvasPanel::json(const Session& s, JsonWriter& j) const {
  const SketchCanvas& canvas = s.canvas;
  j.key("canvas").begin_object();
  const float w = shown_ ? max_.x - min_.x : 0.0f;
  const float h = shown_ ? max_.y - min_.y : 0.0f;
  j.key("rect").begin_object();
  j.key("x").number(min_.x).key("y").number(min_.y);
  j.key("w").number(w).key("h").number(h);
  j.end_object();
  j.key("visible").boolean(shown_);
  j.key("brush").number(w > 0 ? canvas.brush() * w / kCanvasSize : 0.0);
  j.key("eraser").boolean(canvas.eraser());
  j.key("empty").boolean(canvas.empty());
  j.key("probs").begin_array();
  for (float p : probs_) j.number(has_probs_ ? p : 0.0);
  j.end_array();
  j.key("top");
  if (has_probs_ && top_ >= 0) {
    j.integer(top_);
  } else {
    j.null();
  }
  j.key("top_name");  // the top bar's name as drawn (the model's class names)
  if (has_probs_ && top_ >= 0) {
    j.string(predicted_name(top_));
  } else {
    j.null();
  }
  j.key("source");
  if (canvas.has_source()) {
    j.integer(canvas.source_tag());
  } else {
    j.null();
  }
  j.key("fill").boolean(fill_outlines_);
  j.key("strokes").integer(static_cast<long long>(canvas.drawing().strokes().size()));
  // The tools' rectangles: draw, erase, clear, undo.
  j.key("tools").begin_object();
  static const char* const kTools[] = {"draw", "erase", "clear", "undo", "why"};
  for (size_t i = 0; i < tool_rects_.size(); ++i) {
    const auto& r = tool_rects_[i];
    j.key(kTools[i]).begin_object().key("x").number(r[0]).key("y").number(r[1]);
    j.key("w").number(r[2]).key("h").number(r[3]).end_object();
  }
  j.end_object();
  j.key("bars").begin_array();
  for (const auto& r : bar_rects_) {
    j.begin_object().key("x").number(r[0]).key("y").number(r[1]).key("w").number(r[2]).key("h").number(r[3]).end_object();
  }
  j.end_array();
  j.key("why").boolean(show_why_);
  // The model input as the model reads it: side×side values in [0, 1], rounded to 1/1000.
  static const char* const kPaths[] = {"none", "source", "strokes", "pixels"};
  j.key("input").begin_object();
  j.key("path").string(kPaths[static_cast<int>(input_path_)]);
  j.key("side").integer(model_input_side_);
  j.key("pixels").begin_array();
  for (float v : model_input_) j.number(std::round(v * 1000.0f) / 1000.0);
  j.end_array();
  j.end_object();
  j.end_object();
  why_.json(j, [&](JsonWriter& w) { MapView::json_explain(s, w); });
}

}  // namespace fm
