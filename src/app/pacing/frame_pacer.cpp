#include "app/pacing/frame_pacer.h"

#include <algorithm>
#include <cstddef>

namespace fm {

bool FramePacer::request(int n) {
  frames_left_ = std::max(frames_left_, n);
  idle_ticks_ = 0;
  if (!paused_) return false;
  paused_ = false;
  return true;
}

bool FramePacer::wake(double now_ms) {
  draw_until_ms_ = std::max(draw_until_ms_, now_ms + kInputLingerMs);
  return request(kSettleFrames);
}

bool FramePacer::wants_frame(double now_ms, bool text_input) const {
  return frames_left_ > 0 || now_ms < draw_until_ms_ || text_input;
}

bool FramePacer::idle_tick() {
  if (++idle_ticks_ < kIdleTicksToPause || paused_) return false;
  paused_ = true;
  return true;
}

void FramePacer::begin_frame(double now_ms) {
  frame_start_ms_ = now_ms;
  idle_ticks_ = 0;
  if (frames_left_ > 0) --frames_left_;
}

void FramePacer::end_frame(double now_ms) {
  const double ms = now_ms - frame_start_ms_;
  ui_ms_ = ui_ms_ > 0 ? 0.8 * ui_ms_ + 0.2 * ms : ms;
  frame_times_.push_back(now_ms);
}

double FramePacer::fps(double now_ms) {
  size_t old = 0;
  while (old < frame_times_.size() && frame_times_[old] < now_ms - 1000.0) ++old;
  frame_times_.erase(frame_times_.begin(), frame_times_.begin() + static_cast<std::ptrdiff_t>(old));
  return static_cast<double>(frame_times_.size());
}

void RateMeter::reset() { *this = RateMeter(); }

void RateMeter::update(double now_ms, bool running, long long samples) {
  if (!running) {
    if (measuring_) {
      // The run stopped (paused, done, diverged): its average over the whole stretch.
      const double dt = now_ms - start_ms_;
      if (dt > 0 && samples > start_samples_) rate_ = (samples - start_samples_) * 1000.0 / dt;
      measuring_ = false;
    }
    return;
  }
  if (!measuring_) {
    measuring_ = true;
    start_ms_ = last_ms_ = now_ms;
    start_samples_ = last_samples_ = samples;
    return;
  }
  const double dt = now_ms - last_ms_;
  if (dt >= kIntervalMs) {
    const double rate = (samples - last_samples_) * 1000.0 / dt;
    rate_ = rate_ > 0 ? 0.5 * rate_ + 0.5 * rate : rate;
    last_ms_ = now_ms;
    last_samples_ = samples;
  }
}

}  // namespace fm
