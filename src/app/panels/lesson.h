// The guided lesson: its window (five steps with their texts, Run / Run all / Cancel, each live
// result beside the reference number), the menu bar's Lesson and language items, and its logic:
// steps started and cancelled, the cross-validation and the Dense run followed in the engine.
#pragma once

#include <utility>

#include "imgui.h"

#include "app/panels/lesson_state.h"
#include "core/status.h"

namespace fm {

class ConfirmReplace;
class JsonWriter;
class Session;

class LessonPanel {
 public:
  // window.fmnist.lesson.run(step): 1..5 one step, 0 all in order.
  Status run(Session& session, int step);
  void cancel(Session& session);
  // Follows the engine's CV and the lesson's run (every engine event and frame).
  void tick(Session& session);
  // The window; true when "Go to the canvas" was pressed (the layout shows the canvas). Runs
  // that train a model (all steps, step 4) ask `confirm` first.
  // `dock` (min, max): where the window sits (the layout's lesson_dock()).
  bool draw(Session& session, ConfirmReplace& confirm, std::pair<ImVec2, ImVec2> dock);
  bool* open_flag() { return &state_.open; }  // the Training panel's offer opens it
  const LessonState& state() const { return state_; }
  // A Run button's action (step 0: Run all): the steps that train ask `confirm` first.
  void start(Session& session, int step, ConfirmReplace& confirm);
  void draw_menu_items();  // Lesson and language, in the menu bar
  void json(JsonWriter& j) const;  // state().lesson

 private:
  void begin_step(Session& session, int step);
  void finish_step(Session& session);
  void draw_data_step(const Session& session);
  void draw_cv_step();
  void draw_dense_step();

  LessonState state_;
  float run_all_rect_[4] = {0, 0, 0, 0};  // x, y, w, h of Run all (state().lesson.run_all_rect)
  float window_rect_[4] = {0, 0, 0, 0};   // the window's (state().lesson.rect)
  std::pair<ImVec2, ImVec2> docked_{};     // the dock the window was last put in
};

}  // namespace fm
