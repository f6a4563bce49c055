// The Training panel: the form (model, optimizer, hyper-parameters, input size), Train / Pause /
// Resume / +1 epoch / Reset, Export / Import, and the run's progress with its training rate.
#pragma once

#include <utility>

#include "app/pacing/frame_pacer.h"
#include "imgui.h"

namespace fm {

class Session;

class TrainingPanel {
 public:
  // The rate follows the run (called on every engine event and frame, drawn or not).
  void update_rate(const Session& session, double now_ms);
  double samples_per_s() const { return rate_.samples_per_s(); }
  // The Export as safetensors button where it was last drawn (state().ui.export_safetensors).
  const std::pair<ImVec2, ImVec2>& safetensors_rect() const { return safetensors_rect_; }
  // `compact`: the layout has no room for the data counts in the menu bar, so they go here.
  void draw(Session& session, bool compact);

 private:
  RateMeter rate_;
  std::pair<ImVec2, ImVec2> safetensors_rect_{};
  uint64_t rate_generation_ = 0;
};

}  // namespace fm
