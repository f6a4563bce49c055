// A phone's on-screen keyboard for the number fields (issue 16 §2). A canvas cannot open it: the
// page (web/soft_keyboard.js) puts a hidden <input> over the field a finger tapped, from the
// rectangles the fields record here each frame, and focuses it inside the touchend handler (a
// mobile browser opens its keyboard only from a user gesture). What the input holds (typed, or
// composed by an IME) comes back as the field's whole text, and Enter or leaving the input
// commits it: the field takes it as if typed into ImGui and applies it on deactivation, refusal
// message and all (number_field.cpp).
#pragma once

#include <string>
#include <vector>

#include "imgui.h"

namespace fm {

class SoftKeyboard {
 public:
  struct Field {
    ImGuiID id = 0;
    std::string name;   // its setting (lr, batch, epochs, seed, hidden)
    std::string label;  // what the panel calls it, in the current language (the input's name)
    ImVec2 min, max;   // on screen, in CSS px
    std::string text;  // what it shows
    bool whole = false;     // digits only (inputmode numeric), else a decimal number
    bool disabled = false;  // a busy run keeps it: no keyboard
    int frame = 0;
  };
  // A number field drawn this frame (after its InputText).
  void drawn(ImGuiID id, const char* setting, const std::string& text, bool whole);
  // The fields drawn in the last drawn frame, as JSON for the page.
  std::string fields_json() const;

  // From the page: the keyboard opened over field `id`; its text now; Enter or blur.
  void begin(ImGuiID id);
  void set_text(const char* utf8);
  void commit();

  // For the field `id`, in its draw: should it take keyboard focus (the tap may not have
  // activated it), is there text to put in it, should it end its edit now.
  bool wants_focus(ImGuiID id) const { return open_ && id == id_ && !focused_; }
  void focused(ImGuiID id) { if (id == id_) focused_ = true; }
  bool has_text(ImGuiID id) const { return open_ && id == id_ && text_pending_; }
  const std::string& take_text() { text_pending_ = false; return text_; }
  bool wants_commit(ImGuiID id) const { return open_ && id == id_ && commit_pending_ && !text_pending_; }
  void close() { open_ = false; commit_pending_ = false; text_pending_ = false; }

 private:
  std::vector<Field> fields_;
  ImGuiID id_ = 0;
  bool open_ = false, focused_ = false, text_pending_ = false, commit_pending_ = false;
  std::string text_;
};

SoftKeyboard& soft_keyboard();  // the page's one

}  // namespace fm
