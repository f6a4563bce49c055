#include "app/ui/touch_pointer.h"

#include <cfloat>

#include "imgui.h"

namespace fm {

void TouchPointer::on_event(const SDL_Event& e) {
  // SDL turns a touch into mouse events from SDL_TOUCH_MOUSEID (and finger events beside them).
  switch (e.type) {
    case SDL_MOUSEMOTION:
      touch_ = e.motion.which == SDL_TOUCH_MOUSEID;
      if (!touch_) lifted_ = false;
      break;
    case SDL_MOUSEBUTTONDOWN:
      touch_ = e.button.which == SDL_TOUCH_MOUSEID;
      lifted_ = false;
      break;
    case SDL_MOUSEBUTTONUP:
      touch_ = e.button.which == SDL_TOUCH_MOUSEID;
      lifted_ = touch_;
      keep_frames_ = 1;
      break;
    case SDL_FINGERDOWN:
      touch_ = true;
      lifted_ = false;
      break;
    default: break;
  }
}

void TouchPointer::after_new_frame() {
  if (!lifted_) return;
  // A quick tap's press and release can come in one frame: the backend then holds the button
  // down for that frame and releases it in the next, which must still see the pointer there.
  if (ImGui::GetIO().MouseDown[0]) return;
  if (keep_frames_ > 0) {
    --keep_frames_;
    return;
  }
  ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
}

}  // namespace fm
