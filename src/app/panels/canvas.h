// The Drawing canvas panel: strokes straight from SDL mouse/touch events, brush/eraser/clear/
// undo, outline filling, the model input (the core's sketch preprocessing) and live probability
// bars. The canvas's pixels are the session's (window.fmnist commands reach them too).
#pragma once

#include <SDL.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "app/explain/attribution_view.h"
#include "app/ui/gl_texture.h"
#include "core/rng.h"
#include "core/strokes.h"
#include "core/types.h"

struct ImGuiWindow;

namespace fm {

class JsonWriter;
class Session;

class CanvasPanel {
 public:
  void handle_event(Session& session, const SDL_Event& event);  // strokes
  // The model input and its probabilities: at once after an edit, and with each new weights
  // snapshot while training. Called every drawn frame, shown or not.
  void update_prediction(const Session& session);
  void begin_frame() { shown_ = false; }
  // `reserve`: height kept free below for the panel's next section (Teach it back).
  void draw(Session& session, float reserve = 0);
  void json(const Session& session, JsonWriter& j) const;  // state().canvas
  // The drawing's model input (empty when nothing is drawn) and a key that changes with it.
  const std::vector<float>& model_input() const;
  const std::string& input_key() const { return pred_input_key_; }
  // The prediction's top class (-1: none) and its probability.
  int top() const { return has_probs_ ? top_ : -1; }
  float top_prob() const { return has_probs_ && top_ >= 0 ? probs_[static_cast<size_t>(top_)] : 0.0f; }

 private:
  void refresh_prediction(const Session& session);  // update_prediction without the Why view
  bool accepts(float x, float y) const;  // on the drawing area and not covered
  ImVec2 to_canvas(float x, float y) const;

  // Where the model input came from: nothing drawn, an unmodified data-set image, the strokes
  // (normalised: steps_ holds each step), or the canvas's pixels (a drawing over a loaded image).
  enum class InputPath { kNone, kSource, kStrokes, kPixels };

  Texture canvas_tex_, input_tex_, outline_tex_;
  InputPath input_path_ = InputPath::kNone;
  StrokeSteps steps_;
  uint64_t canvas_tex_version_ = 0;
  bool fill_outlines_ = true;
  std::array<float, kNumClasses> probs_{};
  int top_ = -1;
  bool has_probs_ = false;
  std::vector<float> model_input_;
  int model_input_side_ = 0;
  std::string pred_input_key_;
  long long pred_weights_ = -1;
  ImVec2 min_{0, 0}, max_{0, 0};
  std::array<std::array<float, 4>, 5> tool_rects_{};  // x, y, w, h of draw, erase, clear, undo, why
  std::array<std::array<float, 4>, kNumClasses> bar_rects_{};  // the class bars (click: why that class)
  bool show_why_ = false;  // the "Why?" overlay (issue 13 §1)
  AttributionView why_;
  bool shown_ = false;
  ImGuiWindow* window_ = nullptr;
  Rng rng_{12345};
};

}  // namespace fm
