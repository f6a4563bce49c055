// A finger is not a mouse: after it lifts, ImGui's pointer would stay where it touched (hovering
// that widget, its tooltip up) and the next tap elsewhere would first move the pointer, then
// press. Once the frame that saw the release is drawn, the pointer leaves the screen, so every
// tap is a fresh hover + press (one tap switches a tab). touch() says the last input was a
// finger: keyboard hints and tooltips are not shown then.
#pragma once

#include <SDL.h>

namespace fm {

class TouchPointer {
 public:
  void on_event(const SDL_Event& event);  // every SDL event, as it is polled
  void after_new_frame();                 // after the backend's NewFrame set the pointer
  bool touch() const { return touch_; }
  // Before any input: a touch-first screen (no hover, a coarse pointer) starts as touch, so a
  // phone's first screen shows no keyboard hints.
  void set_touch_first(bool touch_first) { touch_ = touch_first; }

 private:
  bool touch_ = false;
  bool lifted_ = false;   // a finger went up: the pointer goes away
  int keep_frames_ = 0;   // frames that still see it where it lifted (the release's own)
};

}  // namespace fm
