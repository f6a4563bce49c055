// FrameBudget against a simulated browser: frames start on vsync ticks, and a frame whose work
// (UI + training + the browser's own share + any serial renderer cost) overruns a tick waits for
// the next one. Checks that the budget fills the frame when it can, shrinks when frames are late
// but keeps a minimum, and ignores stalls.
#include "app/frame_budget.h"

#include <gtest/gtest.h>

#include <cmath>

namespace fm {
namespace {

struct Browser {
  double ui_ms = 3.0;        // our callback's cost besides training
  double browser_ms = 2.0;   // compositing etc. between callbacks
  double renderer_ms = 0.0;  // a software renderer's serial cost per frame
  double period_ms = 1000.0 / 60.0;
};

struct SimResult {
  double budget_ms = 0;    // at the end
  double fps = 0;          // over the last 300 frames
  double wall_per_train = 0;  // wall time / training time over the last 300 frames
};

SimResult simulate(FrameBudget& fb, const Browser& b, int frames, double* clock) {
  double train_total = 0;
  const double window_start_frame = frames - 300;
  double window_start_time = 0;
  for (int i = 0; i < frames; ++i) {
    if (i == window_start_frame) {
      window_start_time = *clock;
      train_total = 0;
    }
    fb.begin_frame(*clock);
    const double train = fb.budget_ms();
    fb.end_frame(*clock + train + b.ui_ms, train);
    train_total += train;
    const double work = train + b.ui_ms + b.browser_ms + b.renderer_ms;
    *clock += std::ceil(work / b.period_ms - 1e-9) * b.period_ms;  // next vsync tick after the work
  }
  SimResult r;
  r.budget_ms = fb.budget_ms();
  r.fps = 300.0 * 1000.0 / (*clock - window_start_time);
  r.wall_per_train = (*clock - window_start_time) / train_total;
  return r;
}

TEST(FrameBudget, FillsTheFrameWhenTheRendererIsFast) {
  FrameBudget fb;
  double clock = 1000;
  const SimResult r = simulate(fb, Browser{}, 2000, &clock);
  EXPECT_NEAR(fb.ui_ms(), 3.0, 0.01);
  // 16.7 ms − 3 ms UI − 3 ms margin.
  EXPECT_NEAR(r.budget_ms, FrameBudget::kDisplayMs - 3.0 - FrameBudget::kBrowserMarginMs, 0.05);
  EXPECT_NEAR(r.fps, 60.0, 0.1);
  EXPECT_LE(r.wall_per_train, 1.6);
}

TEST(FrameBudget, LeavesRoomForAHeavyUi) {
  FrameBudget fb;
  double clock = 1000;
  Browser b;
  b.ui_ms = 9.0;
  const SimResult r = simulate(fb, b, 2000, &clock);
  EXPECT_NEAR(r.budget_ms, FrameBudget::kDisplayMs - 9.0 - FrameBudget::kBrowserMarginMs, 0.05);
  EXPECT_NEAR(r.fps, 60.0, 0.1);
}

TEST(FrameBudget, ShrinksWhenTrainingMakesFramesLateThenGrowsBack) {
  FrameBudget fb;
  double clock = 1000;
  Browser slow;
  slow.renderer_ms = 6.0;  // 3 UI + 2 browser + 6 renderer: training beyond ~5.7 ms misses the tick
  const SimResult late = simulate(fb, slow, 2000, &clock);
  EXPECT_GE(late.fps, 45.0) << "budget " << late.budget_ms;
  EXPECT_LT(late.budget_ms, 6.0);
  EXPECT_GE(late.budget_ms, FrameBudget::kMinBudgetMs);
  const SimResult fast = simulate(fb, Browser{}, 2000, &clock);  // the renderer is fast again
  EXPECT_NEAR(fast.budget_ms, FrameBudget::kDisplayMs - 3.0 - FrameBudget::kBrowserMarginMs, 0.05);
}

TEST(FrameBudget, KeepsItsMinimumWhenFramesAreLateWithoutTraining) {
  FrameBudget fb;
  double clock = 1000;
  Browser b;
  b.renderer_ms = 14.0;  // 3 + 2 + 14 > 16.7: every frame takes two ticks, trained or not
  const SimResult r = simulate(fb, b, 2000, &clock);
  EXPECT_NEAR(r.fps, 30.0, 0.1);
  EXPECT_DOUBLE_EQ(r.budget_ms, FrameBudget::kMinBudgetMs);
}

TEST(FrameBudget, IgnoresStallsAndCountsFps) {
  FrameBudget fb;
  double clock = 1000;
  simulate(fb, Browser{}, 600, &clock);
  const double before = fb.budget_ms();
  EXPECT_NEAR(fb.fps(), 60.0, 1.0);
  clock += 5000;  // a hidden tab
  fb.begin_frame(clock);
  EXPECT_DOUBLE_EQ(fb.budget_ms(), before);
  EXPECT_NEAR(fb.interval_ms(), FrameBudget::kDisplayMs, 0.5);
}

}  // namespace
}  // namespace fm
