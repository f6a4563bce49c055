// The Weights panel: for the softmax model the 10 weight templates (one per class) as blue-red
// images, refreshed live while training; for an MLP the first hidden units' input weights; for a
// CNN the first convolution layer's filters, each k×k, with its numbers on hover.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/panels/weights.h"

#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {
constexpr int kMaxUnits = 20;    // hidden units shown for an MLP
constexpr int kShownFilters = 64;  // first-layer filters shown for a CNN (cnn has 32)
}  // namespace

void WeightsPanel::draw(const Session& s) {
  const RunView& run = s.run();
  view_ = "none";
  if (!run.has_weights()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kHintWeights));
    ImGui::PopTextWrapPos();
    return;
  }
  const Network& net = run.network();
  const bool softmax = net.arch().layers.empty();
  // A CNN's first layer: its filters, k×k each (one input channel: row o of the C_out×k·k
  // weights is filter o, taps dy·k + dx). A Dense layer: each unit's side×side input weights.
  const bool conv = !softmax && net.arch().layers[0].kind == LayerKind::kConv2D;
  const int side = conv ? net.arch().layers[0].kernel : s.model_side();
  const Eigen::Map<const Matrix> w = net.weights(0);  // out×in
  const int count = softmax ? kNumClasses
                            : std::min<int>(conv ? kShownFilters : kMaxUnits, static_cast<int>(w.rows()));
  if (w.cols() != static_cast<Eigen::Index>(side) * side) return;  // not one input channel

  // Refreshed with each weights snapshot (the engine sends at most ~10 a second).
  char key[96];
  std::snprintf(key, sizeof(key), "%llu/%lld", static_cast<unsigned long long>(run.weights_version()),
                run.samples_seen());
  if (key_ != key || !tex_.valid()) {
    key_ = key;
    count_ = count;
    cols_ = conv ? 8 : 5;
    Atlas atlas;
    atlas.reset(cols_, (count + cols_ - 1) / cols_, side, side);
    // One symmetric scale for all templates so their strengths compare.
    float scale = 0;
    for (int r = 0; r < count; ++r) scale = std::max(scale, w.row(r).cwiseAbs().maxCoeff());
    scale_ = scale;
    for (int r = 0; r < count; ++r) {
      // Row r of a column-major out×in matrix: stride = rows.
      atlas.put_diverging(r, w.data() + r, static_cast<int>(w.rows()), scale);
    }
    tex_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
  }

  char buf[160];
  ImGui::PushTextWrapPos(0.0f);
  if (softmax) {
    ImGui::TextDisabled("%s", tr(Str::kWeightsSoftmaxNote));
  } else if (conv) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsConvNote), count, side, side);
    ImGui::TextDisabled("%s", buf);
  } else {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsMlpNote), count);
    ImGui::TextDisabled("%s", buf);
  }
  ImGui::PopTextWrapPos();

  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const int cols = cols_;
  const int rows = (count_ + cols - 1) / cols;
  const float gap = 6.0f;
  const float legend_h = line_h + 10.0f;
  const float by_w = (avail.x - gap * (cols - 1)) / cols;
  const float by_h = (avail.y - legend_h - rows * (line_h + gap)) / rows;
  const float size = std::max(24.0f, std::floor(std::min(by_w, by_h)));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float grid_w = cols * size + (cols - 1) * gap;
  const float x0 = o.x + std::max(0.0f, (avail.x - grid_w) * 0.5f);
  auto cell_origin = [&](int i) {
    return ImVec2(x0 + (i % cols) * (size + gap), o.y + (i / cols) * (size + line_h + gap));
  };
  // Images first, then labels: two draw calls rather than two per template.
  for (int i = 0; i < count_; ++i) {
    const ImVec2 p0 = cell_origin(i);
    ImVec2 uv0, uv1;
    tex_.cell_uv(i % cols, i / cols, side, side, &uv0, &uv1);
    dl->AddImage(tex_.id(), p0, ImVec2(p0.x + size, p0.y + size), uv0, uv1);
  }
  view_ = softmax ? "templates" : conv ? "filters" : "units";
  cell_x_ = cell_origin(0).x;
  cell_y_ = cell_origin(0).y;
  cell_size_ = size;
  cell_step_x_ = size + gap;
  cell_step_y_ = size + line_h + gap;
  hovered_ = -1;
  for (int i = 0; i < count_; ++i) {
    const ImVec2 p0 = cell_origin(i);
    if (ImGui::IsMouseHoveringRect(p0, ImVec2(p0.x + size, p0.y + size)) && ImGui::IsWindowHovered()) hovered_ = i;
    if (softmax) {
      std::snprintf(buf, sizeof(buf), "%s", class_name(i));
    } else if (conv) {
      std::snprintf(buf, sizeof(buf), "%d", i + 1);  // 8 to a row: the tooltip names it
    } else {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtUnit), i + 1);
    }
    // Centred under its tile; a long name in smaller type rather than cut.
    const float full_w = ImGui::CalcTextSize(buf).x;
    const float room = size + gap;
    const float tw = std::min(full_w, room);
    draw_fitted(dl, ImVec2(p0.x + (size - tw) * 0.5f, p0.y + size + 1), ImGui::GetColorU32(ImGuiCol_Text), buf, room);
  }
  ImGui::Dummy(ImVec2(avail.x, rows * (size + line_h + gap)));
  if (conv && hovered_ >= 0 && hovered_ < w.rows()) {
    // The hovered filter's weights, as its k×k grid, and its bias.
    const ImVec2 p0 = cell_origin(hovered_);
    dl->AddRect(ImVec2(p0.x - 2, p0.y - 2), ImVec2(p0.x + size + 2, p0.y + size + 2), IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
    ImGui::BeginTooltip();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtFilter), hovered_ + 1);
    ImGui::TextUnformatted(buf);
    for (int y = 0; y < side; ++y) {
      std::string line;
      for (int x = 0; x < side; ++x) {
        std::snprintf(buf, sizeof(buf), "%+.3f ", w(hovered_, y * side + x));
        line += buf;
      }
      ImGui::TextUnformatted(line.c_str());
    }
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtFilterBias), net.bias(0)(hovered_));
    ImGui::TextDisabled("%s", buf);
    ImGui::EndTooltip();
  }

  // Legend: the colour bar with the scale.
  const ImVec2 l0 = ImGui::GetCursorScreenPos();
  const float bar_w = std::min(160.0f, avail.x * 0.4f);
  const float bx = l0.x + std::max(0.0f, (avail.x - bar_w) * 0.5f);
  const ImU32 blue = IM_COL32(33, 102, 172, 255), white = IM_COL32(255, 255, 255, 255),
              red = IM_COL32(178, 24, 43, 255);
  dl->AddRectFilledMultiColor(ImVec2(bx, l0.y + 3), ImVec2(bx + bar_w * 0.5f, l0.y + 3 + line_h - 4),
                              blue, white, white, blue);
  dl->AddRectFilledMultiColor(ImVec2(bx + bar_w * 0.5f, l0.y + 3), ImVec2(bx + bar_w, l0.y + 3 + line_h - 4),
                              white, red, red, white);
  std::snprintf(buf, sizeof(buf), "-%.2f", scale_);
  const float nw = ImGui::CalcTextSize(buf).x;
  dl->AddText(ImVec2(bx - nw - 6, l0.y + 1), ImGui::GetColorU32(ImGuiCol_Text), buf);
  std::snprintf(buf, sizeof(buf), "+%.2f", scale_);
  dl->AddText(ImVec2(bx + bar_w + 6, l0.y + 1), ImGui::GetColorU32(ImGuiCol_Text), buf);
  ImGui::Dummy(ImVec2(avail.x, legend_h));
}

void WeightsPanel::json(JsonWriter& j) const {
  j.key("weights").begin_object();
  j.key("view").string(view_);
  j.key("count").integer(std::string(view_) == "none" ? 0 : count_);
  j.key("cols").integer(cols_);
  j.key("cell").begin_object();
  j.key("x").number(cell_x_).key("y").number(cell_y_).key("size").number(cell_size_);
  j.key("step_x").number(cell_step_x_).key("step_y").number(cell_step_y_);
  j.end_object();
  j.key("hovered").integer(hovered_);
  j.end_object();
}

}  // namespace fm
