// A correction (issue 14 §1): the model fine-tuned in place on the user's own sketches, a few
// hundred minibatches that mix augmented copies of them with ordinary training images (so the fix
// generalises and the rest is not forgotten), with the run's own optimizer; validation passes
// before (unless the finished run's last one was of these weights) and after show what the fix
// cost. Step-wise like the Trainer, so the engine slices it.
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "augment.h"
#include "optimizer.h"
#include "rng.h"
#include "trainer.h"

namespace fm {

constexpr int kMaxFineTuneSketches = 500;

struct FineTuneConfig {
  // Tried on the dev sketches each 1-epoch softmax and MLP 100 misreads (README "Teach it back"):
  // 8 copies among 32 images cost the softmax up to 4.5 validation points; 4 among 64 fixed every
  // one, redrawn smaller elsewhere too, for at most 0.6; 2 among 64 missed some.
  int steps = 200;                // mixed minibatches
  int sketches_per_batch = 4;     // augmented sketch copies in each (half of them the newest)
  int data_per_batch = 64;        // ordinary training images in each
  uint64_t seed = 1;              // which images, copies and moves: its own streams
  // The sketches are already sketches: moved, scaled and turned, but no sketch look or mirror.
  AugmentLimits limits = {0.10f, 0.15f, 0.25f, 0.0f, 0.0f, 0.0f};
};

class FineTune {
 public:
  enum class Phase : uint8_t { kIdle, kValidatingBefore, kTuning, kValidatingAfter, kDone };

  // `trainer`: a model that is not mid-step (paused, or done); it must outlive the fine-tune and
  // not step meanwhile. `sketches`: N model inputs of side² floats in [0, 1] each (the trainer's
  // side), `labels` N classes 0–9; the last one is the correction just made. Keeps the weights and
  // optimizer state from before for undo. Refuses (nothing changes) bad sizes or labels.
  Status start(Trainer* trainer, std::vector<float> sketches, std::vector<uint8_t> labels,
               const FineTuneConfig& config = {});
  bool busy() const { return phase_ != Phase::kIdle && phase_ != Phase::kDone; }
  // One unit of work: a chunk of a validation pass or one mixed minibatch.
  void step();
  void fit() { while (busy()) step(); }

  Phase phase() const { return phase_; }
  int steps_done() const { return steps_done_; }
  int steps() const { return config_.steps; }
  // 0..1 over both validation passes and the minibatches (for a progress bar).
  float progress() const;

  // The newest sketch's predicted class and that class's probability, before and after.
  int before() const { return before_; }
  int after() const { return after_; }
  float before_confidence() const { return before_p_; }
  float after_confidence() const { return after_p_; }
  float val_before() const { return val_before_; }
  float val_after() const { return val_after_; }
  float val_loss_before() const { return val_loss_before_; }
  float val_loss_after() const { return val_loss_after_; }
  // What undo puts back.
  const Vector& params_before() const { return params_before_; }
  const Optimizer& optimizer_before() const { return opt_before_; }

 private:
  void predict_newest(int* cls, float* p);
  void eval_chunk();
  void tune_step();

  Trainer* trainer_ = nullptr;
  FineTuneConfig config_;
  Phase phase_ = Phase::kIdle;
  int side_ = 0;
  std::vector<float> sketches_;
  std::vector<uint8_t> labels_;
  Rng pick_rng_, augment_rng_, dropout_rng_;
  AugmentScratch scratch_;
  Matrix x_;
  std::vector<uint8_t> y_;
  std::vector<int32_t> picks_;
  int steps_done_ = 0;
  Index eval_pos_ = 0;
  long long eval_correct_ = 0;
  double eval_loss_ = 0;
  Vector params_before_;
  Optimizer opt_before_;
  int before_ = -1, after_ = -1;
  float before_p_ = 0, after_p_ = 0;
  float val_before_ = std::numeric_limits<float>::quiet_NaN();
  float val_after_ = std::numeric_limits<float>::quiet_NaN();
  float val_loss_before_ = std::numeric_limits<float>::quiet_NaN();
  float val_loss_after_ = std::numeric_limits<float>::quiet_NaN();
};

}  // namespace fm
