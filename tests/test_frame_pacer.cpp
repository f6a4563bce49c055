// The page's frame pacing and training rate, natively (times passed in): an idle page draws
// nothing and pauses its loop, anything that asks for frames resumes it at once, input keeps
// frames coming for a moment; the rate shows the last run's figure after it stops.
#include <gtest/gtest.h>

#include "app/pacing/frame_pacer.h"

namespace fm {
namespace {

// One loop tick as main.cpp runs it: draws when the pacer wants a frame, else an idle tick.
// Returns whether a frame was drawn; *paused is set when the loop pauses.
bool tick(FramePacer* p, double t, bool* paused = nullptr) {
  if (p->wants_frame(t, false)) {
    p->begin_frame(t);
    p->end_frame(t + 2);
    return true;
  }
  if (p->idle_tick() && paused != nullptr) *paused = true;
  return false;
}

TEST(FramePacer, AnIdlePageSettlesThenPausesItsLoop) {
  FramePacer p;
  int drawn = 0;
  bool paused = false;
  double t = 0;
  for (int i = 0; i < 20; ++i, t += 16) drawn += tick(&p, t, &paused) ? 1 : 0;
  EXPECT_EQ(drawn, FramePacer::kSettleFrames);
  EXPECT_TRUE(paused);
  EXPECT_TRUE(p.paused());
  // Pausing is asked once, not on every idle tick.
  EXPECT_FALSE(p.idle_tick());
}

TEST(FramePacer, EveryRequestWhilePausedResumesTheLoopAndDrawsAFrame) {
  FramePacer p;
  double t = 0;
  bool paused = false;
  while (!paused) tick(&p, t += 16, &paused);
  // An engine event (progress, an epoch's end): the loop resumes and the next tick draws.
  for (int event = 0; event < 10; ++event) {
    EXPECT_TRUE(p.request(1)) << "the paused loop is resumed for event " << event;
    EXPECT_TRUE(tick(&p, t += 16)) << "event " << event << " gets its frame";
    // Between events the loop may pause again; the next request resumes it.
    paused = false;
    for (int i = 0; i < 5; ++i) tick(&p, t += 16, &paused);
    EXPECT_TRUE(paused) << "idle again after event " << event;
    EXPECT_TRUE(p.paused());
  }
  EXPECT_TRUE(p.request(3));
  EXPECT_FALSE(p.request(3)) << "a running loop is not resumed twice";
}

TEST(FramePacer, InputKeepsFramesComingForAMoment) {
  FramePacer p;
  double t = 0;
  bool paused = false;
  while (!paused) tick(&p, t += 16, &paused);
  EXPECT_TRUE(p.wake(t)) << "input resumes a paused loop";
  const double woke = t;
  int drawn = 0;
  while (t < woke + FramePacer::kInputLingerMs) drawn += tick(&p, t += 16) ? 1 : 0;
  EXPECT_GE(drawn, static_cast<int>(FramePacer::kInputLingerMs / 16) - 1);
  EXPECT_TRUE(p.wants_frame(t + 10000, true)) << "a text field being edited keeps drawing";
}

TEST(FramePacer, FpsCountsFramesPresentedInTheLastSecond) {
  FramePacer p;
  for (int i = 0; i < 30; ++i) {
    p.request(1);
    p.begin_frame(i * 50.0);
    p.end_frame(i * 50.0 + 5);
  }
  EXPECT_EQ(p.fps(30 * 50.0), 20.0);
  EXPECT_NEAR(p.ui_ms(), 5.0, 1e-9);
  EXPECT_EQ(p.fps(100000), 0.0);
}

TEST(RateMeter, ShowsTheRunsRateWhileItGoesAndItsAverageAfter) {
  RateMeter r;
  EXPECT_EQ(r.samples_per_s(), 0.0);
  long long samples = 0;
  double t = 1000;
  r.update(t, true, samples);
  for (int i = 0; i < 20; ++i) {
    t += 100;
    samples += 500;  // 5,000 samples/s
    r.update(t, true, samples);
  }
  EXPECT_NEAR(r.samples_per_s(), 5000.0, 1.0);
  r.update(t + 10, false, samples);  // done
  EXPECT_NEAR(r.samples_per_s(), 10000.0 / 2.01, 1.0) << "the whole run's average stays";
  r.update(t + 5000, false, samples);
  EXPECT_NEAR(r.samples_per_s(), 10000.0 / 2.01, 1.0) << "and does not decay while idle";
}

TEST(RateMeter, ARunShorterThanOneMeasurementStillGetsARate) {
  RateMeter r;
  r.update(0, true, 0);
  r.update(200, true, 3000);
  EXPECT_EQ(r.samples_per_s(), 0.0) << "no figure before the first interval";
  r.update(300, false, 4800);
  EXPECT_NEAR(r.samples_per_s(), 16000.0, 1e-6);
  r.reset();
  EXPECT_EQ(r.samples_per_s(), 0.0) << "a new run starts without a figure";
  r.update(400, false, 0);
  EXPECT_EQ(r.samples_per_s(), 0.0) << "nothing measured: nothing shown";
}

}  // namespace
}  // namespace fm
