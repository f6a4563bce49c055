// The per-frame training budget: how long trainer.step() may run in this frame. It starts from
// the display period minus the measured UI cost, and follows the measured frame rate: it shrinks
// when frames are late (below 45 fps) and grows back while they are on time (50 fps and up).
#pragma once

namespace fm {

class FrameBudget {
 public:
  static constexpr double kDisplayMs = 1000.0 / 60.0;  // the frame period we aim for
  static constexpr double kLateMs = 1000.0 / 45.0;     // slower than this is too slow
  static constexpr double kOnTimeMs = 1000.0 / 50.0;   // faster than this leaves room to train
  // Never less: a run keeps moving even where frames are slow for other reasons (a software
  // renderer), at the cost of a few fps there.
  static constexpr double kMinBudgetMs = 3.0;
  static constexpr double kMaxBudgetMs = 12.0;
  static constexpr double kBrowserMarginMs = 3.0;  // compositing and GL submission outside our callback

  // Call at the start of each frame; measures the interval since the previous one.
  void begin_frame(double now_ms);
  // Call after rendering; `train_ms` is the time spent in training during this frame.
  void end_frame(double now_ms, double train_ms);

  double budget_ms() const { return budget_ms_; }
  double fps() const { return fps_; }
  double ui_ms() const { return ui_ms_; }
  double interval_ms() const { return interval_ms_; }

 private:
  double frame_start_ = 0;
  double last_start_ = 0;
  double interval_ms_ = kDisplayMs;  // smoothed
  double ui_ms_ = 2.0;               // smoothed cost of everything but training
  double budget_ms_ = 8.0;
  // fps over whole seconds
  double fps_window_start_ = 0;
  int fps_frames_ = 0;
  double fps_ = 0;
};

}  // namespace fm
