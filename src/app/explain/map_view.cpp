#include "app/explain/map_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/i18n/strings.h"
#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {

constexpr int kThumbs = 8;

Str space_str(const std::string& space) {
  return space == "pixels" ? Str::kSpacePixels : space == "hidden" ? Str::kSpaceHidden : Str::kSpaceLogits;
}

// The data set the run's images come from (its input size), or null.
const BundleView* run_data(const Session& s) {
  const BundleView* d = s.data();
  return d != nullptr && d->side() == s.run().side() ? d : nullptr;
}

void rect_json(JsonWriter& j, const std::pair<ImVec2, ImVec2>& r) {
  j.begin_object().key("x").number(r.first.x).key("y").number(r.first.y);
  j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y).end_object();
}

}  // namespace

bool MapView::draw(Session& s, const std::vector<float>& input, const std::string& input_key) {
  hovered_ = -1;
  cells_.clear();
  square_ = {};
  const ExplainData& ex = s.engine().explain();
  s.engine().enable_explain();  // the engine builds maps from now on (and one for this model)
  ImGui::PushTextWrapPos(0.0f);
  if (!s.run().has_model()) {
    ImGui::TextDisabled("%s", tr(Str::kMapNoModel));
    ImGui::PopTextWrapPos();
    return false;
  }
  if (ex.map().epoch < 0) {
    ImGui::TextDisabled("%s", tr(Str::kMapNotYet));
    ImGui::PopTextWrapPos();
    return false;
  }
  ImGui::PopTextWrapPos();
  // Ask the engine for the drawing's neighbours and dot whenever the drawing or the map changed.
  const bool has_input = !input.empty() && static_cast<Index>(input.size()) == s.run().network().arch().inputs;
  if (has_input) {
    s.engine().ask_neighbours(input_key + "/" + std::to_string(ex.map().version), input);
  }
  bool clicked = draw_neighbours(s, has_input);
  clicked |= draw_map(s, ImGui::GetContentRegionAvail());
  return clicked;
}

bool MapView::draw_neighbours(Session& s, bool has_input) {
  const ExplainData& ex = s.engine().explain();
  const MapData& map = ex.map();
  const bool val = map.neighbour_set == "val";
  const long long pool = val ? s.run().val_count() : s.run().train_count();
  char buf[200];
  std::snprintf(buf, sizeof(buf), tr(val ? Str::kFmtNearestVal : Str::kFmtNearestTrain), format_count(pool).c_str(),
                tr(space_str(map.neighbour_space)));
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(buf);
  ImGui::PopTextWrapPos();
  const NeighboursData& nb = ex.neighbours();
  const BundleView* d = run_data(s);
  if (!has_input || nb.items.empty() || d == nullptr) {
    ImGui::TextDisabled("%s", tr(Str::kNearestDraw));
    return false;
  }
  // One row of thumbnails, their labels and distances under them.
  const float line_h = ImGui::GetTextLineHeight();
  const float gap = 4.0f;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float cell = std::clamp(std::floor((avail - gap * (kThumbs - 1)) / kThumbs), 24.0f, 56.0f);
  const int side = d->side();
  std::string key = std::to_string(side);
  for (const NeighboursData::Item& it : nb.items) key += "," + std::to_string(it.index);
  if (key != thumbs_key_) {
    thumbs_key_ = key;
    Atlas atlas;
    atlas.reset(kThumbs, 1, side, side);
    for (size_t k = 0; k < nb.items.size() && k < kThumbs; ++k) {
      if (nb.items[k].index < d->train_count()) atlas.put_gray(static_cast<int>(k), d->train_image(nb.items[k].index).data());
    }
    thumbs_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  bool clicked = false;
  for (size_t k = 0; k < nb.items.size() && k < kThumbs; ++k) {
    const NeighboursData::Item& it = nb.items[k];
    const ImVec2 p0(o.x + static_cast<float>(k) * (cell + gap), o.y);
    const ImVec2 p1(p0.x + cell, p0.y + cell);
    ImVec2 uv0, uv1;
    thumbs_.cell_uv(static_cast<int>(k), 0, side, side, &uv0, &uv1);
    dl->AddImage(thumbs_.id(), p0, p1, uv0, uv1);
    cells_.push_back({p0, p1});
    draw_fitted(dl, ImVec2(p0.x, p1.y + 1), class_color(it.label), class_name(it.label), cell + gap * 0.5f);
    std::snprintf(buf, sizeof(buf), "%.2f", it.distance);
    draw_fitted(dl, ImVec2(p0.x, p1.y + 1 + line_h), ImGui::GetColorU32(ImGuiCol_TextDisabled), buf, cell);
    const bool hovered = ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p0, p1);
    dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p1.x + 1, p1.y + 1), hovered ? IM_COL32(255, 220, 90, 255) : IM_COL32(255, 255, 255, 50));
    if (hovered) {
      ImGui::BeginTooltip();
      std::snprintf(buf, sizeof(buf), tr(nb.set == "val" ? Str::kFmtTipValImage : Str::kFmtTipTrainImage), it.index);
      ImGui::TextUnformatted(buf);
      ImGui::Text("%s: %s", tr(Str::kLabelTruth), class_name(it.label));
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtDistance), it.distance);
      ImGui::TextUnformatted(buf);
      ImGui::TextDisabled("%s", tr(Str::kTipClickToCanvas));
      ImGui::EndTooltip();
      if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        clicked = static_cast<bool>(s.load_image(nb.set == "val" ? 1 : 0, it.index));
      }
    }
  }
  ImGui::Dummy(ImVec2(kThumbs * (cell + gap) - gap, cell + 2 * line_h + 2));
  return clicked;
}

void MapView::fit(const std::vector<float>& rows) {
  // The middle 99.8 % of each axis (a few far dots would squeeze the rest), the same scale on both.
  const size_t n = rows.size() / 3;
  if (n == 0) return;
  std::vector<float> xs(n), ys(n);
  for (size_t i = 0; i < n; ++i) xs[i] = rows[3 * i], ys[i] = rows[3 * i + 1];
  const auto range = [n](std::vector<float>& v) {
    const size_t lo = n / 1000, hi = n - 1 - n / 1000;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(lo), v.end());
    const float a = v[lo];
    std::nth_element(v.begin(), v.begin() + static_cast<long>(hi), v.end());
    return std::pair<float, float>(a, v[hi]);
  };
  const auto [x0, x1] = range(xs);
  const auto [y0, y1] = range(ys);
  cx_ = 0.5f * (x0 + x1);
  cy_ = 0.5f * (y0 + y1);
  extent_ = std::max(1e-6f, 0.52f * std::max(x1 - x0, y1 - y0));
}

bool MapView::draw_map(Session& s, ImVec2 avail) {
  const ExplainData& ex = s.engine().explain();
  const MapData& map = ex.map();
  char buf[200];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtMapTitle), format_count(static_cast<long long>(map.count())).c_str(),
                tr(space_str(map.space)), map.epoch);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(buf);
  ImGui::PopTextWrapPos();
  avail = ImGui::GetContentRegionAvail();
  // The square, and the class legend beside it (below it when the panel is narrow).
  const float line_h = ImGui::GetTextLineHeight();
  float legend_w = 0;
  for (int c = 0; c < kNumClasses; ++c) legend_w = std::max(legend_w, ImGui::CalcTextSize(class_name(c)).x);
  legend_w = std::max(legend_w, ImGui::CalcTextSize(tr(Str::kMapYourDrawing)).x) + line_h + 8;
  const float legend_h = (kNumClasses + 1) * line_h;
  const bool beside = avail.x - legend_w - 8 >= std::min(avail.y, 160.0f);
  float size = beside ? std::min(avail.x - legend_w - 8, avail.y) : std::min(avail.x, avail.y - legend_h - 4);
  size = std::floor(std::max(size, 80.0f));
  const int px = static_cast<int>(size);
  if (map.version != dots_version_ || px != dots_size_) {
    if (map.version != dots_version_) fit(map.rows);
    dots_version_ = map.version;
    dots_size_ = px;
    // Each dot 2×2 pixels (3×3 on a large map), painted in the map's order.
    std::vector<uint8_t> rgba(static_cast<size_t>(px) * px * 4, 0);
    for (size_t i = 0; i < rgba.size(); i += 4) rgba[i + 0] = 18, rgba[i + 1] = 18, rgba[i + 2] = 24, rgba[i + 3] = 255;
    const int dot = px >= 320 ? 3 : 2;
    const float k = static_cast<float>(px) / (2 * extent_);
    for (size_t i = 0; i + 2 < map.rows.size(); i += 3) {
      const int x = static_cast<int>((map.rows[i] - cx_) * k + px * 0.5f);
      const int y = static_cast<int>(px * 0.5f - (map.rows[i + 1] - cy_) * k);
      const ImU32 c = class_color(static_cast<int>(map.rows[i + 2]));
      for (int dy = 0; dy < dot; ++dy) {
        for (int dx = 0; dx < dot; ++dx) {
          const int xx = x + dx, yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= px || yy >= px) continue;
          uint8_t* p = &rgba[(static_cast<size_t>(yy) * px + xx) * 4];
          p[0] = static_cast<uint8_t>(c >> IM_COL32_R_SHIFT);
          p[1] = static_cast<uint8_t>(c >> IM_COL32_G_SHIFT);
          p[2] = static_cast<uint8_t>(c >> IM_COL32_B_SHIFT);
        }
      }
    }
    dots_.upload(px, px, rgba.data());
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 p1(p0.x + size, p0.y + size);
  dl->AddImage(dots_.id(), p0, p1);
  dl->AddRect(p0, p1, IM_COL32(255, 255, 255, 60));
  square_ = {p0, p1};
  scale_ = size / (2 * extent_);
  const auto to_screen = [&](float x, float y) {
    return ImVec2(p0.x + size * 0.5f + (x - cx_) * scale_, p0.y + size * 0.5f - (y - cy_) * scale_);
  };
  // The drawing's dot, from the neighbours answer of this map's weights.
  if (ex.sketch_on_map()) {
    ImVec2 q = to_screen(ex.neighbours().x, ex.neighbours().y);
    q.x = std::clamp(q.x, p0.x + 4, p1.x - 4);
    q.y = std::clamp(q.y, p0.y + 4, p1.y - 4);
    dl->AddCircleFilled(q, 6.0f, IM_COL32(255, 255, 255, 255));
    dl->AddCircle(q, 7.0f, IM_COL32(0, 0, 0, 255), 0, 2.0f);
  }
  bool clicked = false;
  const ImVec2 mouse = ImGui::GetMousePos();
  if (ImGui::IsWindowHovered() && ImGui::IsMouseHoveringRect(p0, p1)) {
    // The dot under the pointer: the nearest within 5 px, the last drawn (on top) on a tie.
    float best = 25.0f;
    for (size_t i = 0; i + 2 < map.rows.size(); i += 3) {
      const ImVec2 q = to_screen(map.rows[i], map.rows[i + 1]);
      const float d2 = (q.x - mouse.x) * (q.x - mouse.x) + (q.y - mouse.y) * (q.y - mouse.y);
      if (d2 <= best) best = d2, hovered_ = static_cast<int>(i / 3);
    }
  }
  const std::vector<int32_t>& val = s.run().val_indices();
  const BundleView* d = run_data(s);
  if (hovered_ >= 0 && static_cast<size_t>(hovered_) < val.size() && d != nullptr) {
    const int row = val[static_cast<size_t>(hovered_)];
    const int label = static_cast<int>(map.rows[static_cast<size_t>(hovered_) * 3 + 2]);
    const ImVec2 q = to_screen(map.rows[static_cast<size_t>(hovered_) * 3], map.rows[static_cast<size_t>(hovered_) * 3 + 1]);
    dl->AddCircle(q, 5.0f, IM_COL32(255, 220, 90, 255), 0, 2.0f);
    if (row != hover_row_) {
      hover_row_ = row;
      Atlas atlas;
      atlas.reset(1, 1, d->side(), d->side());
      atlas.put_gray(0, d->train_image(row).data());
      hover_tex_.upload(atlas.width(), atlas.height(), atlas.rgba.data());
    }
    ImGui::BeginTooltip();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtTipValImageAt), hovered_, row);
    ImGui::TextUnformatted(buf);
    ImGui::Image(hover_tex_.id(), ImVec2(84, 84));
    ImGui::TextColored(to_vec4(class_color(label)), "%s: %s", tr(Str::kLabelTruth), class_name(label));
    ImGui::TextDisabled("%s", tr(Str::kTipClickToCanvas));
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) clicked = static_cast<bool>(s.load_image(1, row));
  }
  // Legend: a swatch and name per class, and the drawing's dot.
  const ImVec2 l0 = beside ? ImVec2(p1.x + 8, p0.y) : ImVec2(p0.x, p1.y + 4);
  for (int c = 0; c <= kNumClasses; ++c) {
    const float y = l0.y + static_cast<float>(c) * line_h;
    const ImVec2 m(l0.x + line_h * 0.5f, y + line_h * 0.5f);
    if (c < kNumClasses) {
      dl->AddRectFilled(ImVec2(m.x - 4, m.y - 4), ImVec2(m.x + 4, m.y + 4), class_color(c));
    } else {
      dl->AddCircleFilled(m, 4.5f, IM_COL32(255, 255, 255, 255));
      dl->AddCircle(m, 5.5f, IM_COL32(0, 0, 0, 255), 0, 1.5f);
    }
    dl->AddText(ImVec2(l0.x + line_h + 4, y), ImGui::GetColorU32(ImGuiCol_Text),
                c < kNumClasses ? class_name(c) : tr(Str::kMapYourDrawing));
  }
  if (beside) {
    ImGui::Dummy(ImVec2(size + 8 + legend_w, std::max(size, legend_h)));
  } else {
    ImGui::Dummy(ImVec2(std::max(size, legend_w), size + 4 + legend_h));
  }
  return clicked;
}

void MapView::json_explain(const Session& s, JsonWriter& j) {
  const ExplainData& ex = s.engine().explain();
  const NeighboursData& nb = ex.neighbours();
  j.key("neighbours").begin_array();
  for (const NeighboursData::Item& it : nb.items) {
    j.begin_object().key("index").integer(it.index).key("label").integer(it.label);
    j.key("distance").number(it.distance).end_object();
  }
  j.end_array();
  j.key("neighbours_set").string(nb.set.c_str());
  j.key("neighbours_epoch").integer(nb.epoch);
  j.key("query_ms").number(nb.ms);
  j.key("map");
  const MapData& m = ex.map();
  if (m.epoch >= 0) {
    j.begin_object().key("epoch").integer(m.epoch).key("count").integer(static_cast<long long>(m.count()));
    j.key("space").string(m.space.c_str()).key("dim").integer(m.dim);
    j.key("neighbour_space").string(m.neighbour_space.c_str()).key("neighbour_set").string(m.neighbour_set.c_str());
    j.key("compute_ms").number(m.compute_ms).key("wall_ms").number(m.wall_ms).end_object();
  } else {
    j.null();
  }
  j.key("sketch_point");
  if (ex.sketch_on_map()) {
    j.begin_array().number(nb.x).number(nb.y).end_array();
  } else {
    j.null();
  }
}

void MapView::json(JsonWriter& j) const {
  j.key("map").begin_object();
  j.key("rect");
  rect_json(j, square_);
  j.key("cx").number(cx_).key("cy").number(cy_).key("scale").number(scale_);
  j.key("hovered").integer(hovered_);
  j.key("cells").begin_array();
  for (const Rect& r : cells_) rect_json(j, r);
  j.end_array();
  j.end_object();
}

}  // namespace fm
