#include "app/explain/activations_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "app/engine_client/run_view.h"
#include "app/i18n/strings.h"
#include "app/image_ops.h"
#include "app/json_writer.h"

namespace fm {
namespace {

constexpr int kUnitsPerRow = 16;  // a Dense layer's strip: 16 units a row
constexpr int kMapsPerRow = 8;    // a conv layer's atlas (the panel lays maps out by its width)

}  // namespace

void ActivationsView::compute(const RunView& run, const std::vector<float>& input) {
  const Network& model = run.shown_network();
  if (net_.arch() != model.arch() || net_.params().size() != model.params().size()) {
    net_ = Network(model.arch(), 1);
  }
  net_.params() = model.params();
  net_.forward(Eigen::Map<const Matrix>(input.data(), static_cast<Index>(input.size()), 1));
  const std::vector<LayerActivations> acts = net_.activations(0);
  layers_.clear();
  for (size_t i = 0; i < acts.size() && i < tex_.size(); ++i) {
    const LayerActivations& a = acts[i];
    Layer l;
    l.kind = a.kind;
    l.h = a.height;
    l.w = a.width;
    l.c = a.channels;
    const int n = l.h * l.w * l.c;
    for (int k = 0; k < n; ++k) {
      l.max = std::max(l.max, a.values[k]);
      l.sum += a.values[k];
    }
    const float scale = l.max > 0 ? 1.0f / l.max : 0.0f;
    Atlas atlas;
    if (l.kind == LayerKind::kDense) {
      // One image, kUnitsPerRow units a row, a pixel each (cells past the last unit black).
      l.cols = std::min(l.c, kUnitsPerRow);
      const int rows = (l.c + l.cols - 1) / l.cols;
      std::vector<float> cells(static_cast<size_t>(l.cols) * rows, 0.0f);
      for (int u = 0; u < l.c; ++u) cells[static_cast<size_t>(u)] = std::clamp(a.values[u] * scale, 0.0f, 1.0f);
      atlas.reset(1, 1, l.cols, rows);
      atlas.put_gray(0, cells.data());
    } else {
      // One cell per map: channel ch of the channels-last values.
      l.cols = std::min(l.c, kMapsPerRow);
      atlas.reset(l.cols, (l.c + l.cols - 1) / l.cols, l.w, l.h);
      std::vector<float> map(static_cast<size_t>(l.h) * l.w);
      for (int ch = 0; ch < l.c; ++ch) {
        for (int p = 0; p < l.h * l.w; ++p) {
          map[static_cast<size_t>(p)] = std::clamp(a.values[p * l.c + ch] * scale, 0.0f, 1.0f);
        }
        atlas.put_gray(ch, map.data());
      }
    }
    tex_[i].upload(atlas.width(), atlas.height(), atlas.rgba.data());
    layers_.push_back(l);
  }
}

void ActivationsView::draw(const RunView& run, const std::vector<float>& input, const std::string& input_key) {
  if (input.empty() || !run.shown_has_weights() || run.shown_network().arch().inputs != static_cast<int>(input.size())) {
    layers_.clear();
    key_.clear();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kActivationsHint));
    ImGui::PopTextWrapPos();
    return;
  }
  char key[160];
  std::snprintf(key, sizeof(key), "%s/%llu", input_key.c_str(), static_cast<unsigned long long>(run.shown_version()));
  if (key_ != key) {
    key_ = key;
    compute(run, input);
  }
  char buf[160];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float width = ImGui::GetContentRegionAvail().x;
  const float gap = 3.0f;
  int conv = 0, dense = 0;
  for (size_t i = 0; i < layers_.size(); ++i) {
    const Layer& l = layers_[i];
    if (l.kind == LayerKind::kDense) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtActivationsDense), ++dense, l.c);
    } else if (l.kind == LayerKind::kConv2D) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtActivationsConv), ++conv, l.c, l.h, l.w);
    } else {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtActivationsPool), l.c, l.h, l.w);
    }
    ImGui::TextDisabled("%s", buf);
    const Texture& t = tex_[i];
    if (!t.valid()) continue;
    if (l.kind == LayerKind::kDense) {
      // The strip: square cells as wide as the panel allows, at most 18 px.
      const float cell = std::floor(std::clamp(width / l.cols, 4.0f, 18.0f));
      const int rows = (l.c + l.cols - 1) / l.cols;
      const ImVec2 p0 = ImGui::GetCursorScreenPos();
      ImGui::Dummy(ImVec2(cell * l.cols, cell * rows));
      dl->AddImage(t.id(), p0, ImVec2(p0.x + cell * l.cols, p0.y + cell * rows));
      dl->AddRect(ImVec2(p0.x - 1, p0.y - 1), ImVec2(p0.x + cell * l.cols + 1, p0.y + cell * rows + 1), IM_COL32(255, 255, 255, 50));
      continue;
    }
    // Feature maps: as many a row as fit, each 2–4 px a value (at least 20 px wide).
    const float size = std::floor(std::clamp(static_cast<float>(l.w) * 3.0f, 20.0f, 56.0f));
    const int per_row = std::max(1, static_cast<int>((width + gap) / (size + gap)));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const int rows = (l.c + per_row - 1) / per_row;
    ImGui::Dummy(ImVec2(per_row * (size + gap) - gap, rows * (size + gap) - gap));
    for (int ch = 0; ch < l.c; ++ch) {
      ImVec2 uv0, uv1;
      t.cell_uv(ch % l.cols, ch / l.cols, l.w, l.h, &uv0, &uv1);
      const ImVec2 a(p0.x + (ch % per_row) * (size + gap), p0.y + (ch / per_row) * (size + gap));
      dl->AddImage(t.id(), a, ImVec2(a.x + size, a.y + size), uv0, uv1);
    }
  }
}

void ActivationsView::json(JsonWriter& j) const {
  static const char* const kKinds[] = {"dense", "conv", "pool", "dropout"};
  j.key("activations").begin_array();
  for (const Layer& l : layers_) {
    j.begin_object().key("kind").string(kKinds[static_cast<int>(l.kind)]);
    j.key("h").integer(l.h).key("w").integer(l.w).key("c").integer(l.c);
    j.key("max").number(l.max).key("sum").number(l.sum).end_object();
  }
  j.end_array();
}

}  // namespace fm
