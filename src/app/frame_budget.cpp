// Adapts the training budget. Late frames (below 45 fps) shrink it, down to a minimum that keeps
// the run moving; on-time frames (50 fps and up) grow it, never beyond the display period minus
// the measured UI cost and a margin for the browser's own work.
#include "app/frame_budget.h"

#include <algorithm>

namespace fm {

void FrameBudget::begin_frame(double now_ms) {
  frame_start_ = now_ms;
  if (last_start_ > 0) {
    const double interval = now_ms - last_start_;
    // A hidden tab or a stall is not a frame rate: do not let it steer the budget.
    if (interval < 250.0) {
      interval_ms_ += 0.1 * (interval - interval_ms_);
      if (interval_ms_ > kLateMs) {
        budget_ms_ *= 0.93;
      } else if (interval_ms_ < kOnTimeMs) {
        budget_ms_ += 0.1;
      }
    } else {
      fps_frames_ = 0;
      fps_window_start_ = now_ms;
    }
  }
  last_start_ = now_ms;
  const double ceiling = std::min(kMaxBudgetMs, kDisplayMs - ui_ms_ - kBrowserMarginMs);
  budget_ms_ = std::clamp(budget_ms_, kMinBudgetMs, std::max(kMinBudgetMs, ceiling));

  ++fps_frames_;
  if (fps_window_start_ == 0) fps_window_start_ = now_ms;
  const double window = now_ms - fps_window_start_;
  if (window >= 1000.0) {
    fps_ = fps_frames_ * 1000.0 / window;
    fps_frames_ = 0;
    fps_window_start_ = now_ms;
  }
}

void FrameBudget::end_frame(double now_ms, double train_ms) {
  const double ui = std::max(0.0, now_ms - frame_start_ - train_ms);
  ui_ms_ += 0.1 * (ui - ui_ms_);
}

}  // namespace fm
