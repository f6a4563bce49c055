// The per-frame training budget: how long trainer.step() may run in this frame, adapted to the
// measured frame interval and UI cost so the page stays near the display's rate while training.
#pragma once

namespace fm {

class FrameBudget {
 public:
  // Call at the start of each frame; measures the interval since the previous one.
  void begin_frame(double now_ms);
  // Call after rendering; `train_ms` is the time spent in training during this frame.
  void end_frame(double now_ms, double train_ms);

  double budget_ms() const { return budget_ms_; }
  double fps() const { return fps_; }
  double ui_ms() const { return ui_ms_; }

 private:
  double frame_start_ = 0;
  double last_start_ = 0;
  double interval_ms_ = 1000.0 / 60.0;  // smoothed
  double ui_ms_ = 2.0;                  // smoothed cost of everything but training
  double budget_ms_ = 8.0;
  // fps over whole seconds
  double fps_window_start_ = 0;
  int fps_frames_ = 0;
  double fps_ = 0;
};

}  // namespace fm
