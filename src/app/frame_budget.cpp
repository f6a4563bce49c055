// Adapts the training budget: shrink when frames come late because of training, grow slowly when
// on time, never beyond the frame period minus the measured UI cost and a margin for the browser.
// When frames are late even without training (a slow renderer), keep a floor: cutting training
// further would not bring the frame rate back, only stall the run.
#include "app/frame_budget.h"

#include <algorithm>

namespace fm {
namespace {
constexpr double kTargetMs = 1000.0 / 60.0;
constexpr double kMinBudgetMs = 1.0;
constexpr double kFloorMs = 3.0;   // when training is not what makes frames late
constexpr double kMaxBudgetMs = 12.0;
constexpr double kBrowserMarginMs = 3.5;  // compositing, GL submission outside our callback
}  // namespace

void FrameBudget::begin_frame(double now_ms) {
  frame_start_ = now_ms;
  if (last_start_ > 0) {
    const double interval = now_ms - last_start_;
    // A hidden tab or a stall is not a frame rate: do not let it steer the budget.
    if (interval < 250.0) {
      interval_ms_ += 0.1 * (interval - interval_ms_);
      if (interval_ms_ > kTargetMs * 1.2) {  // below 50 fps
        // Late. Would we be on time without training? Then training is the cause: shrink.
        const bool training_is_cause = interval_ms_ - budget_ms_ < kTargetMs * 1.05;
        const double floor = training_is_cause ? kMinBudgetMs : kFloorMs;
        budget_ms_ = std::max(floor, budget_ms_ * 0.93);
      } else if (interval_ms_ < kTargetMs * 1.1) {  // 55 fps and up (headless runs ~57-60)
        budget_ms_ += 0.05;
      }
    } else {
      fps_frames_ = 0;
      fps_window_start_ = now_ms;
    }
  }
  last_start_ = now_ms;
  const double ceiling = std::min(kMaxBudgetMs, kTargetMs - ui_ms_ - kBrowserMarginMs);
  budget_ms_ = std::clamp(budget_ms_, kMinBudgetMs, std::max(kFloorMs, ceiling));

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
