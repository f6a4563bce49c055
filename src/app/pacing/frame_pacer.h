// When the page draws: only when something changed. Input, an engine event, a download's
// progress or a resize asks for frames; an idle page draws none, and after a few idle loop ticks
// the frame loop pauses altogether (no animation-frame callbacks) until something asks again.
// Also the frame statistics state() reports: ui_ms and frames presented in the last second.
// Plain C++: times are passed in (ms), the caller pauses and resumes the real loop.
#pragma once

#include <vector>

namespace fm {

class FramePacer {
 public:
  static constexpr int kSettleFrames = 3;        // drawn after a change, so ImGui settles
  static constexpr double kInputLingerMs = 800;  // drawn after input (hover effects, tooltips)
  static constexpr int kIdleTicksToPause = 3;

  // Asks for at least n more frames. True when the loop was paused and must be resumed now.
  bool request(int n);
  // Input seen: draw now and for kInputLingerMs after. True when the loop must be resumed.
  bool wake(double now_ms);
  // Whether this loop tick draws a frame (`text_input`: a text field blinks its caret).
  bool wants_frame(double now_ms, bool text_input) const;
  // A tick that drew nothing. True when the loop should pause now.
  bool idle_tick();
  // A frame is being drawn / was presented (its main-thread time from begin to end).
  void begin_frame(double now_ms);
  void end_frame(double now_ms);

  double ui_ms() const { return ui_ms_; }  // main-thread time per drawn frame (smoothed)
  double fps(double now_ms);              // frames presented in the last second
  bool paused() const { return paused_; }

 private:
  int frames_left_ = kSettleFrames;
  int idle_ticks_ = 0;
  bool paused_ = false;
  double draw_until_ms_ = 0;
  double frame_start_ms_ = 0;
  double ui_ms_ = 0;
  std::vector<double> frame_times_;
};

// The training rate the Training panel shows: samples per second of wall time, smoothed while
// the run goes; when it stops, the whole run's average stays (a run shorter than one
// measurement still gets one). 0: nothing measured (nothing is shown).
class RateMeter {
 public:
  static constexpr double kIntervalMs = 500;
  void update(double now_ms, bool running, long long samples);
  void reset();  // a new, adopted or dropped model
  double samples_per_s() const { return rate_; }

 private:
  double rate_ = 0;
  double last_ms_ = 0, start_ms_ = 0;
  long long last_samples_ = 0, start_samples_ = 0;
  bool measuring_ = false;
};

}  // namespace fm
