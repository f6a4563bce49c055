// The Weights panel: the softmax model's 10 class templates (an MLP's first hidden units, a CNN's
// first-layer filters) as blue-red images, refreshed with each weights snapshot.
#pragma once

#include <cstdint>
#include <string>

#include "app/ui/gl_texture.h"

namespace fm {

class JsonWriter;
class Session;

class WeightsPanel {
 public:
  void draw(const Session& session);
  // state().ui.weights: what the panel last drew (view: none|templates|units|filters), how many
  // cells, the first cell's rectangle and the hovered cell (−1: none).
  void json(JsonWriter& j) const;

 private:
  Texture tex_;
  std::string key_;
  int count_ = 0, cols_ = 1;
  float scale_ = 0;
  int hovered_ = -1;
  const char* view_ = "none";
  float cell_x_ = 0, cell_y_ = 0, cell_size_ = 0, cell_step_x_ = 0, cell_step_y_ = 0;  // the filter under the pointer (a CNN's), for state().ui and the tooltip
};

}  // namespace fm
