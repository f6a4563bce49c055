// "Teach it back" under the Drawing canvas (issue 14 §1): "Wrong? It's a [class] [Teach it]",
// the fine-tune's progress, the last fix's prediction and validation accuracy before and after,
// Undo last correction, the fine-tuned mark; then My sketches: thumbnails with their labels
// (delete one), Export, Import, Clear all.
#pragma once

#include <array>
#include <cstdint>

#include "imgui.h"
#include "app/ui/gl_texture.h"

namespace fm {

class JsonWriter;
class Session;

class MySketchesPanel {
 public:
  // `top`: the canvas's predicted class (-1: none), the choice's starting point.
  void draw(Session& session, int top);
  void begin_frame() { shown_ = false; }
  float height() const;  // what draw() takes, for the canvas to leave free
  void json(const Session& session, JsonWriter& j) const;  // state().my_sketches

 private:
  void refresh_thumbnails(const Session& session);

  int choice_ = -1;     // the class the user picked ("It's a …"); -1: none yet
  int choice_for_ = -2;  // the prediction it was preset from
  Texture thumbs_;
  uint64_t thumbs_version_ = 0;
  int thumb_cols_ = 1;
  bool shown_ = false;
  // Rectangles for the tests: choose (the class menu), teach, undo, export, import, clear.
  std::array<std::array<float, 4>, 6> rects_{};
};

}  // namespace fm
