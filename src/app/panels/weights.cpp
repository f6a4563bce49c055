// The Weights panel: for the softmax model the 10 weight templates (one per class) as blue-red
// images, refreshed live while training; for an MLP its first hidden units' input weights, all of
// them a page at a time; for a CNN the first convolution layer's filters, each k×k, with its
// numbers on hover. Hovering any tile shows it enlarged with its name.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/panels/weights.h"
#include "app/panels/time_travel.h"

#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {
constexpr float kTileTarget = 48.0f;  // tiles about this wide: 8 px under it is still a tile
constexpr int kMaxCols = 10;
}  // namespace

void WeightsPanel::draw(const Session& s, const std::vector<float>& input, const std::string& input_key) {
  const RunView& run = s.run();
  view_ = "none";
  hovered_ = -1;
  tooltip_ = false;
  prev_ = next_ = {};
  if (!run.shown_has_weights()) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kHintWeights));
    ImGui::PopTextWrapPos();
    return;
  }
  draw_viewing_banner(s);  // time travel: an earlier model's weights
  const Network& net = run.shown_network();
  const bool softmax = net.arch().layers.empty();
  char buf[160];
  show_rect_ = {};
  // Hidden layers: their weights, or (the Activations box) what they make of the drawing. The box
  // sits on the pager's row when it fits there (a row of tiles more in the small panel).
  const auto activations_box = [&] {
    ImGui::Checkbox(tr(Str::kWeightsShowActivations), &show_activations_);
    show_rect_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    item_tooltip(tr(Str::kTipActivations));
  };
  if (!softmax && show_activations_) {
    activations_box();
    if (show_activations_) {
      view_ = "activations";
      activations_.draw(run, input, input_key);
    }
    return;  // unticked: the weights from the next frame
  }
  // A CNN's first layer: its filters, k×k each (one input channel: row o of the C_out×k·k
  // weights is filter o, taps dy·k + dx). A Dense layer: each unit's side×side input weights.
  const bool conv = !softmax && net.arch().layers[0].kind == LayerKind::kConv2D;
  const int side = conv ? net.arch().layers[0].kernel : s.model_side();
  const Eigen::Map<const Matrix> w = net.weights(0);  // out×in
  if (w.cols() != static_cast<Eigen::Index>(side) * side) return;  // not one input channel
  const int total = softmax ? kNumClasses : static_cast<int>(w.rows());

  ImGui::PushTextWrapPos(0.0f);
  if (softmax) {
    ImGui::TextDisabled("%s", tr(Str::kWeightsSoftmaxNote));
  } else if (conv) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsConvNote), total, side, side);
    ImGui::TextDisabled("%s", buf);
  } else {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsMlpNote), total);
    ImGui::TextDisabled("%s", buf);
  }
  ImGui::PopTextWrapPos();

  // --- The grid: tiles about kTileTarget wide filling the width, as many rows as fit; the rest
  // of the layer on further pages.
  const float line_h = ImGui::GetTextLineHeight();
  const float gap = 6.0f;
  // The legend's row and the spacing after the grid: left out, the panel overflows by a few px,
  // its scrollbar narrows it, fewer tiles fit, the scrollbar goes, and the layout flips each frame.
  const float legend_h = line_h + 10.0f + 2 * ImGui::GetStyle().ItemSpacing.y;
  const float pager_h = ImGui::GetFrameHeightWithSpacing();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const ImGuiStyle& style = ImGui::GetStyle();
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsPage), total, total, total);
  const float pager_w = 2 * ImGui::GetFrameHeight() + 2 * style.ItemSpacing.x + ImGui::CalcTextSize(buf).x;
  const float box_w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x +
                      ImGui::CalcTextSize(tr(Str::kWeightsShowActivations)).x;
  const bool box_beside_pager = !softmax && pager_w + 2 * style.ItemSpacing.x + box_w <= avail.x;
  const float box_h = softmax ? 0.0f : pager_h;  // the box's own row (when it has one)
  const int cols = std::clamp(static_cast<int>((avail.x + gap) / (kTileTarget + gap)), 1, kMaxCols);
  float size = std::floor((avail.x - gap * (cols - 1)) / cols);
  const int rows_needed = (total + cols - 1) / cols;
  // All on one page when they fit at up to 2× the target (softmax's 10 templates, small layers).
  const float one_page_size = std::floor((avail.y - legend_h - box_h - rows_needed * (line_h + gap)) / rows_needed);
  int rows;
  if (one_page_size >= std::min(size, kTileTarget - 8.0f)) {
    size = std::min({size, one_page_size, 2.0f * kTileTarget});
    rows = rows_needed;
  } else {
    size = std::min(size, 2.0f * kTileTarget);
    const float above = pager_h + (box_beside_pager ? 0.0f : box_h);
    rows = std::max(1, static_cast<int>((avail.y - legend_h - above + gap) / (size + line_h + gap)));
  }
  size = std::max(24.0f, size);
  per_page_ = std::max(1, std::min(total, cols * rows));
  first_ = std::clamp(first_ - first_ % per_page_, 0, std::max(0, (total - 1) / per_page_ * per_page_));
  const int count = std::min(per_page_, total - first_);

  // Refreshed with each weights snapshot (the engine sends at most ~10 a second), and per page.
  char key[128];
  std::snprintf(key, sizeof(key), "%llu/%lld/%d/%d/%d", static_cast<unsigned long long>(run.shown_version()),
                run.samples_seen(), first_, count, cols);
  if (key_ != key || !tex_.valid()) {
    key_ = key;
    count_ = count;
    total_ = total;
    cols_ = cols;
    Atlas atlas;
    atlas.reset(cols_, (count + cols_ - 1) / cols_, side, side);
    // One symmetric scale for the whole layer (every page) so their strengths compare.
    float scale = 0;
    for (int r = 0; r < total; ++r) scale = std::max(scale, w.row(r).cwiseAbs().maxCoeff());
    scale_ = scale;
    for (int k = 0; k < count; ++k) {
      // Row r of a column-major out×in matrix: stride = rows.
      atlas.put_diverging(k, w.data() + first_ + k, static_cast<int>(w.rows()), scale);
    }
    tex_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
  }

  const bool paged = per_page_ < total;
  if (!softmax && !(paged && box_beside_pager)) activations_box();
  if (paged) {  // ◀ 21–40 of 100 ▶
    ImGui::BeginDisabled(first_ == 0);
    if (ImGui::ArrowButton("##wprev", ImGuiDir_Left)) first_ = std::max(0, first_ - per_page_);
    ImGui::EndDisabled();
    prev_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    ImGui::SameLine();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtWeightsPage), first_ + 1, first_ + count, total);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(buf);
    ImGui::SameLine();
    ImGui::BeginDisabled(first_ + per_page_ >= total);
    if (ImGui::ArrowButton("##wnext", ImGuiDir_Right)) first_ += per_page_;
    ImGui::EndDisabled();
    next_ = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
    if (!softmax && box_beside_pager) {
      ImGui::SameLine(0, 2 * style.ItemSpacing.x);
      activations_box();
    }
    if (ImGui::IsWindowHovered() && ImGui::GetIO().MouseWheel != 0 && ImGui::GetIO().KeyShift) {
      const int step = ImGui::GetIO().MouseWheel > 0 ? -per_page_ : per_page_;
      first_ = std::clamp(first_ + step, 0, (total - 1) / per_page_ * per_page_);
    }
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  const float grid_w = cols * size + (cols - 1) * gap;
  const float x0 = o.x + std::max(0.0f, (avail.x - grid_w) * 0.5f);
  auto cell_origin = [&](int k) {
    return ImVec2(x0 + (k % cols) * (size + gap), o.y + (k / cols) * (size + line_h + gap));
  };
  // Images first, then labels: two draw calls rather than two per tile.
  for (int k = 0; k < count_; ++k) {
    const ImVec2 p0 = cell_origin(k);
    ImVec2 uv0, uv1;
    tex_.cell_uv(k % cols, k / cols, side, side, &uv0, &uv1);
    dl->AddImage(tex_.id(), p0, ImVec2(p0.x + size, p0.y + size), uv0, uv1);
  }
  view_ = softmax ? "templates" : conv ? "filters" : "units";
  cell_x_ = cell_origin(0).x;
  cell_y_ = cell_origin(0).y;
  cell_size_ = size;
  cell_step_x_ = size + gap;
  cell_step_y_ = size + line_h + gap;
  // A tile's name: the class, or "unit 12" when that fits under the tile at full size, else "12".
  const auto name = [&](int i, bool full, char* out, size_t n) {
    if (softmax) {
      std::snprintf(out, n, "%s", predicted_name(i));
    } else {
      std::snprintf(out, n, tr(conv ? Str::kFmtFilter : Str::kFmtUnit), i + 1);
      if (!full && ImGui::CalcTextSize(out).x > size + gap * 0.5f) std::snprintf(out, n, "%d", i + 1);
    }
  };
  int hovered_k = -1;
  for (int k = 0; k < count_; ++k) {
    const ImVec2 p0 = cell_origin(k);
    if (ImGui::IsMouseHoveringRect(p0, ImVec2(p0.x + size, p0.y + size)) && ImGui::IsWindowHovered()) hovered_k = k;
    name(first_ + k, false, buf, sizeof(buf));
    // Centred under its tile; a long class name in smaller type rather than cut.
    const float room = size + gap * 0.5f;
    const float tw = std::min(ImGui::CalcTextSize(buf).x, room);
    draw_fitted(dl, ImVec2(p0.x + (size - tw) * 0.5f, p0.y + size + 1), ImGui::GetColorU32(ImGuiCol_Text), buf, room);
  }
  const int rows_used = (count_ + cols - 1) / cols;
  ImGui::Dummy(ImVec2(std::min(avail.x, grid_w), rows_used * (size + line_h + gap)));
  if (hovered_k >= 0) {
    const int i = first_ + hovered_k;
    hovered_ = i;
    const ImVec2 p0 = cell_origin(hovered_k);
    dl->AddRect(ImVec2(p0.x - 2, p0.y - 2), ImVec2(p0.x + size + 2, p0.y + size + 2), IM_COL32(255, 220, 90, 255), 0, 0, 2.0f);
    // The tile enlarged, with its name (and a filter's numbers and bias).
    ImGui::BeginTooltip();
    name(i, true, buf, sizeof(buf));
    ImGui::TextUnformatted(buf);
    const float big = std::floor(std::max(4.0f, 128.0f / side)) * side;  // whole pixels per weight
    ImVec2 uv0, uv1;
    tex_.cell_uv(hovered_k % cols, hovered_k / cols, side, side, &uv0, &uv1);
    ImGui::Image(tex_.id(), ImVec2(big, big), uv0, uv1);
    if (conv) {
      for (int y = 0; y < side; ++y) {
        std::string line;
        for (int x = 0; x < side; ++x) {
          std::snprintf(buf, sizeof(buf), "%+.3f ", w(i, y * side + x));
          line += buf;
        }
        ImGui::TextUnformatted(line.c_str());
      }
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtFilterBias), net.bias(0)(i));
      ImGui::TextDisabled("%s", buf);
    }
    ImGui::EndTooltip();
    tooltip_ = true;
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
  ImGui::Dummy(ImVec2(std::min(avail.x, bar_w), legend_h));
}

void WeightsPanel::json(JsonWriter& j) const {
  const bool none = std::string(view_) == "none";
  j.key("weights").begin_object();
  j.key("view").string(view_);
  j.key("count").integer(none ? 0 : count_);
  j.key("total").integer(none ? 0 : total_);
  j.key("first").integer(first_);
  j.key("cols").integer(cols_);
  j.key("cell").begin_object();
  j.key("x").number(cell_x_).key("y").number(cell_y_).key("size").number(cell_size_);
  j.key("step_x").number(cell_step_x_).key("step_y").number(cell_step_y_);
  j.end_object();
  j.key("hovered").integer(hovered_);
  j.key("tooltip").boolean(tooltip_);
  if (std::string(view_) == "activations") activations_.json(j);
  for (const auto& [k, r] : {std::pair<const char*, Rect>{"prev", prev_}, {"next", next_},
                             {"activations_box", show_rect_}}) {
    j.key(k).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  }
  j.end_object();
}

}  // namespace fm
