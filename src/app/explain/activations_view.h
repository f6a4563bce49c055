// What the network does with the drawing (issue 13 §4): each hidden layer's activations for the
// canvas's model input, as ConvNetJS and TensorFlow Playground show them: a conv or pool layer's
// feature maps side by side, a Dense layer's units as a strip of cells (bright = active), each
// layer scaled by its own largest value. Recomputed when the input or the weights change.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "app/ui/gl_texture.h"
#include "core/network.h"

namespace fm {

class JsonWriter;
class RunView;

class ActivationsView {
 public:
  // input: the canvas's model input (side×side), empty when nothing is drawn; input_key changes
  // with it. Draws into the current window.
  void draw(const RunView& run, const std::vector<float>& input, const std::string& input_key);
  void json(JsonWriter& j) const;  // state().ui.weights.activations: [{kind, h, w, c, max, sum}]

 private:
  struct Layer {
    LayerKind kind = LayerKind::kDense;
    int h = 0, w = 0, c = 0, cols = 1;  // cols: maps (or units) per atlas row
    float max = 0;
    double sum = 0;
  };
  void compute(const RunView& run, const std::vector<float>& input);

  Network net_;  // the model's architecture, one column: forward() keeps each layer's output
  std::string key_;
  std::vector<Layer> layers_;
  std::array<Texture, kMaxLayers> tex_;
};

}  // namespace fm
