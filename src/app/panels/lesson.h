// The guided lesson: its window (five steps with their texts, Run / Run all / Cancel, each live
// result beside the reference number), the menu bar's Lesson and language items, and its logic:
// steps started and cancelled, the cross-validation and the Dense run followed in the engine.
#pragma once

#include "app/panels/lesson_state.h"
#include "core/status.h"

namespace fm {

class JsonWriter;
class Session;

class LessonPanel {
 public:
  // window.fmnist.lesson.run(step): 1..5 one step, 0 all in order.
  Status run(Session& session, int step);
  void cancel(Session& session);
  // Follows the engine's CV and the lesson's run (every engine event and frame).
  void tick(Session& session);
  // The window; true when "Go to the canvas" was pressed (the layout shows the canvas).
  bool draw(Session& session);
  void draw_menu_items();  // Lesson and language, in the menu bar
  void json(JsonWriter& j) const;  // state().lesson

 private:
  void begin_step(Session& session, int step);
  void finish_step(Session& session);
  void draw_data_step(const Session& session);
  void draw_cv_step();
  void draw_dense_step();

  LessonState state_;
};

}  // namespace fm
