// "Why this class" (issue 13 §1): each model-input pixel's contribution to a class's logit
// against the mean training image (core/attribution.h), for the canvas's current input and the
// latest weights: red for the class, blue against it. The class is the top prediction unless the
// user picked another bar. Drawn over the model input preview and, mapped back through the
// stroke normalisation (or the whole canvas for a loaded image), over the drawing itself.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "imgui.h"
#include "core/attribution.h"

namespace fm {

class JsonWriter;
class Session;

class AttributionView {
 public:
  // Recomputes when the input or the class changed, and at most once a second for new weights.
  // `input`: side×side floats, the canvas's model input (empty: nothing drawn); `top`: the top
  // class, −1 without a prediction.
  void update(const Session& session, const std::vector<float>& input, int side, int top,
              const std::string& input_key);
  // A class bar clicked: explain that class; the top class's bar (or the same bar again): back
  // to following the top prediction.
  void pick(int cls);
  void clear_pick() { picked_ = -1; }

  bool ready() const { return !map_.empty(); }
  int explained_class() const { return cls_; }
  bool picked() const { return picked_ >= 0; }
  // The map as coloured cells over the square [p0, p0 + size], one per input pixel.
  void draw_square(ImDrawList* dl, ImVec2 p0, float size) const;
  // The map over the canvas, input pixel (i, j) ↦ canvas rect ((i − dx)/scale …) in canvas pixels,
  // scaled by k canvas-pixels→screen from p0; lighter than on the preview, so the ink shows.
  void draw_mapped(ImDrawList* dl, ImVec2 p0, float k, float scale, float dx, float dy) const;
  // state().explain; `more` adds the other views' fields to the same object (the map's).
  void json(JsonWriter& j, const std::function<void(JsonWriter&)>& more = nullptr) const;

 private:
  const std::vector<float>& baseline(const Session& s, int side);
  ImU32 colour(float v, float opacity) const;

  std::unique_ptr<Attributor> attributor_;
  std::vector<float> mean_;  // the mean training image at mean_side_
  int mean_side_ = 0;
  unsigned long long mean_data_ = ~0ull;  // session's data_generation() it was made for
  std::string key_;          // input and class of map_
  unsigned long long weights_ = 0;  // the weights version of map_
  double computed_at_ = -1e9;       // ImGui time of map_
  std::vector<float> map_;   // side_×side_ contributions
  int side_ = 0, cls_ = -1, picked_ = -1;
  float max_abs_ = 0;
  Attribution result_;
};

}  // namespace fm
