// The on-screen keyboard's JS↔C++ functions (web/soft_keyboard.js ↔ src/app/ui/soft_keyboard.h),
// beside web_bridge.cpp's: the number fields' rectangles, and the hidden input's focus, text and
// commit. The page asks for frames after each call (window.fmnist._requestFrames).
#include <emscripten.h>

#include <string>

#include "app/ui/soft_keyboard.h"

extern "C" {

// The number fields of the last drawn frame: [{id, name, x, y, w, h, text, whole, disabled}].
EMSCRIPTEN_KEEPALIVE const char* fm_soft_keyboard_fields() {
  static std::string json;
  json = fm::soft_keyboard().fields_json();
  return json.c_str();
}

EMSCRIPTEN_KEEPALIVE void fm_soft_keyboard_begin(double id) {
  fm::soft_keyboard().begin(static_cast<ImGuiID>(id));
}

EMSCRIPTEN_KEEPALIVE void fm_soft_keyboard_text(const char* utf8) {
  if (utf8 != nullptr) fm::soft_keyboard().set_text(utf8);
}

EMSCRIPTEN_KEEPALIVE void fm_soft_keyboard_commit() { fm::soft_keyboard().commit(); }

}  // extern "C"
