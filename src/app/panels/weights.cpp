// The Weights panel: for the softmax model the 10 weight templates (one per class) as blue-red
// images, refreshed live while training; for an MLP the first hidden units' input weights.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/weights.h"

#include "app/image_ops.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {
constexpr int kMaxUnits = 20;  // hidden units shown for an MLP
}  // namespace

void WeightsPanel::draw(const Session& s) {
  const RunView& run = s.run();
  if (!run.has_weights()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kHintWeights));
    ImGui::PopTextWrapPos();
    return;
  }
  const Network& net = run.network();
  const int side = s.model_side();
  const bool softmax = net.arch().layers.empty();
  const Eigen::Map<const Matrix> w = net.weights(0);  // out×in
  const int count = softmax ? kNumClasses : std::min<int>(kMaxUnits, static_cast<int>(w.rows()));

  // Refreshed with each weights snapshot (the engine sends at most ~10 a second).
  char key[96];
  std::snprintf(key, sizeof(key), "%llu/%lld", static_cast<unsigned long long>(run.weights_version()),
                run.samples_seen());
  if (key_ != key || !tex_.valid()) {
    key_ = key;
    count_ = count;
    cols_ = 5;
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
  for (int i = 0; i < count_; ++i) {
    const ImVec2 p0 = cell_origin(i);
    if (softmax) {
      std::snprintf(buf, sizeof(buf), "%s", class_name(i));
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

}  // namespace fm
