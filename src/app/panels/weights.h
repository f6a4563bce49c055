// The Weights panel: the softmax model's 10 class templates (an MLP's hidden units, a CNN's
// first-layer filters) as blue-red images, refreshed with each weights snapshot, a page at a
// time, each enlarged in a tooltip on hover.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "app/explain/activations_view.h"
#include "app/ui/gl_texture.h"

namespace fm {

class JsonWriter;
class Session;

class WeightsPanel {
 public:
  // input, input_key: the drawing's model input and its key (CanvasPanel), for the activations.
  void draw(const Session& session, const std::vector<float>& input, const std::string& input_key);
  // state().ui.weights: what the panel last drew (view: none|templates|units|filters), how many
  // cells on this page (count) of how many (total), the page's first cell (first, 0-based), the
  // first cell's rectangle, the hovered cell (its index in the layer, −1: none) and whether its
  // enlarged tooltip is up, the pager's buttons (prev, next: {x, y, w, h}, w 0 when not drawn);
  // an MLP's or CNN's Activations box (activations_box) and, view "activations", each hidden
  // layer's activations for the drawing (activations).
  void json(JsonWriter& j) const;

 private:
  using Rect = std::pair<ImVec2, ImVec2>;
  Texture tex_;
  std::string key_;
  int count_ = 0, total_ = 0, first_ = 0, cols_ = 1, per_page_ = 0;
  float scale_ = 0;
  int hovered_ = -1;
  bool tooltip_ = false;
  const char* view_ = "none";
  float cell_x_ = 0, cell_y_ = 0, cell_size_ = 0, cell_step_x_ = 0, cell_step_y_ = 0;  // the filter under the pointer (a CNN's), for state().ui and the tooltip
  Rect prev_{}, next_{};
  bool show_activations_ = false;  // an MLP's or CNN's hidden activations for the drawing (issue 13 §4)
  Rect show_rect_{};               // the Activations box
  ActivationsView activations_;
};

}  // namespace fm
