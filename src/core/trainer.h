// The training state machine. step() does one minibatch or one chunk of an evaluation pass
// and returns, so a browser frame runs as many as fit its budget; fit() loops for the CLI.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "augment.h"
#include "dataset.h"
#include "history.h"
#include "metrics.h"
#include "network.h"
#include "optimizer.h"
#include "rng.h"
#include "split.h"
#include "train_config.h"

namespace fm {

// Running means since the start of the epoch, as Keras' progress bar prints them.
struct BatchRecord {
  float loss = 0, acc = 0;
};

enum class Phase : uint8_t {
  kIdle,        // no run started (or reset)
  kTraining,    // minibatches of the current epoch
  kValidating,  // chunked validation pass at the end of an epoch
  kTesting,     // chunked test-set pass (after the last epoch, or on request)
  kDone,        // all epochs finished (test evaluated)
  kDiverged,    // stopped: loss or weights non-finite, or loss > 10·ln 10 for 50 batches
};

class Trainer {
 public:
  // Validates, splits (from config.seed), initialises fresh weights (from config.seed) and
  // enters kTraining. `data` must outlive the run. On error nothing changes. Dropout masks come
  // from their own stream of config.seed, so a run is bitwise the same however it is sliced.
  Status start(const Dataset& data, const TrainConfig& config);
  // Adopts saved weights (e.g. a loaded model file) for `data`, with the history of the run that
  // made them (check_history; empty when unknown): epoch() is its length, so extend() trains
  // epoch N+1, with the shuffles that run would have had next (the optimizer state, dropout and
  // augmentation streams start afresh: a file does not carry them). The next steps compute
  // validation and test metrics (phase kValidating, then kTesting), ending in kDone. Refuses
  // weights whose count does not fit the config's architecture, non-finite ones or a bad history.
  // `curve`: that run's per-batch curve (check_curve), kept for curve().
  Status adopt(const Dataset& data, const TrainConfig& config, const Vector& params,
               const History& history = {}, const std::vector<CurvePoint>& curve = {});
  void reset();  // back to kIdle: weights, history and divergence dropped

  bool busy() const;  // kTraining, kValidating or kTesting
  void step();        // one unit of work; does nothing when not busy
  // Runs until not busy; on_epoch is called after each validation pass.
  void fit(const std::function<void(const EpochRecord&)>& on_epoch = nullptr);

  // Apply from the next step.
  Status set_lr(float lr);
  Status set_batch(int batch);
  // After kDiverged: restore the last good weights (end of the last finished epoch) and go on.
  Status continue_from_snapshot();
  // Evaluates the test set (chunked) with the current weights; result in test_acc().
  void request_test_eval();
  // After kDone: `count` more epochs of the same run (the next shuffles, the optimizer state
  // kept, from the last epoch's weights even if early stopping restored the best), exactly as if
  // it had been started with epoch() + count epochs; then the test pass again. A run that early
  // stopping ended trains `count` more epochs with its patience counted afresh (as a new Keras
  // fit() would), the best epoch so far still restored at the end if none beats it. False, and
  // nothing changes, in any other phase or beyond kMaxEpochs.
  bool extend(int count = 1);

  // A correction (fine_tune.h) trains the model in place while the run is paused or done: the
  // network and optimizer it steps. Undo puts both back through them, and set_tuned_val() gives
  // the model the validation results it then has (exports carry them).
  Network& tuned_network() { return net_; }
  Optimizer& tuned_optimizer() { return opt_; }
  void set_tuned_val(float acc, float loss) {
    val_acc_ = acc;
    val_loss_ = loss;
  }

  Phase phase() const { return phase_; }
  bool has_model() const { return phase_ != Phase::kIdle; }
  const TrainConfig& config() const { return config_; }
  const Network& network() const { return net_; }
  const Dataset* data() const { return data_; }
  const Split& split() const { return split_; }

  int epoch() const { return epoch_; }  // finished epochs (an adopted history's included)
  // Epochs an adopted model had when adopted (0 for a run started here): batch_history() holds
  // only the batches trained since.
  int adopted_epochs() const { return adopted_epochs_; }
  Index batch_in_epoch() const { return batch_pos_; }
  Index batches_per_epoch() const;
  long long samples_seen() const { return samples_seen_; }
  const std::vector<EpochRecord>& history() const { return history_; }  // finite values only
  const std::vector<BatchRecord>& batch_history() const { return batch_history_; }
  // The run's per-batch curve for a model file: an adopted model's, then the batches trained
  // since (x = adopted_epochs() + batch / batches per epoch), thinned to at most `max` points.
  std::vector<CurvePoint> curve(size_t max) const;
  const std::vector<CurvePoint>& adopted_curve() const { return adopted_curve_; }
  const ConfusionMatrix& val_confusion() const { return val_confusion_; }
  const HardestExamples& val_hardest() const { return val_hardest_; }
  // Predicted class of each validation sample after the last validation pass (indexed like
  // split().val); empty before.
  const std::vector<uint8_t>& val_predictions() const { return val_pred_; }
  // Accuracy and mean loss of the last finished validation pass (also after adopt()); NaN before.
  // When early stopping restored the best epoch's weights: that epoch's (as are val_confusion(),
  // val_hardest() and val_predictions()).
  float val_acc() const { return val_acc_; }
  float val_loss() const { return val_loss_; }
  float test_acc() const { return test_acc_; }  // NaN until evaluated
  float test_loss() const { return test_loss_; }
  // Why the run stopped (code kDiverged, the reason in why), ok unless phase() is kDiverged.
  const Status& divergence() const { return divergence_; }
  // Early stopping (config().early_stopping > 0): the epoch (1-based) with the lowest validation
  // loss so far, whose weights the run ends with; 0 when off or before the first epoch.
  int best_epoch() const { return best_epoch_; }
  // Early stopping ended the run before config().epochs (patience used up).
  bool stopped_early() const { return stopped_early_; }

 private:
  void setup(const Dataset& data, const TrainConfig& config);
  void begin_epoch();
  void train_step();
  void eval_step();
  void begin_validation();
  void finish_validation();
  void begin_test();
  void finish_test();
  void end_training();  // after the last epoch: restore the best weights if early stopping, test
  void diverge(Index batch, ErrorCode why, std::vector<std::string> why_params);

  const Dataset* data_ = nullptr;
  TrainConfig config_;
  Phase phase_ = Phase::kIdle;
  Network net_;
  Optimizer opt_;
  Rng rng_;          // shuffles only; init draws from its own Rng(seed)
  Rng dropout_rng_;  // dropout masks only
  Rng augment_rng_;  // augmentation draws only (config.augment)
  AugmentScratch augment_scratch_;  // augment_image's buffers (config.augment)
  Split split_;
  std::vector<int32_t> order_;  // this epoch's shuffled training indices
  std::vector<int32_t> all_test_;
  Matrix x_;  // pixels × capacity, gathered batch
  std::vector<uint8_t> y_;
  // The last good state (end of the last finished epoch, or the start): restored on divergence.
  Vector snapshot_;
  Optimizer opt_snapshot_;
  Rng dropout_rng_snapshot_;
  Rng augment_rng_snapshot_;
  long long snapshot_samples_ = 0;
  size_t snapshot_batches_ = 0;
  int epoch_ = 0;
  int adopted_epochs_ = 0;
  Index batch_pos_ = 0;   // batches done in this epoch
  Index sample_pos_ = 0;  // samples done in this epoch (position in order_)
  long long samples_seen_ = 0;
  double epoch_loss_sum_ = 0;
  long long epoch_correct_ = 0, epoch_samples_ = 0;
  double smoothed_loss_ = -1;  // EMA of batch losses for the divergence rule; < 0: none yet
  int bad_batches_ = 0;        // consecutive batches with smoothed_loss_ above the ceiling
  bool adopting_ = false;      // adopt(): validation and test only, no epoch record
  // evaluation pass in progress
  Index eval_pos_ = 0;
  double eval_loss_sum_ = 0;
  long long eval_correct_ = 0;
  History history_;
  std::vector<BatchRecord> batch_history_;
  std::vector<CurvePoint> adopted_curve_;
  ConfusionMatrix val_confusion_, eval_confusion_;
  HardestExamples val_hardest_, eval_hardest_;
  std::vector<uint8_t> val_pred_, eval_pred_;
  Index eval_columns_ = 0;  // the most samples one forward pass of an evaluation step takes
  // Early stopping: the best epoch's weights and validation results, restored at the end.
  int best_epoch_ = 0;
  int epochs_without_improvement_ = 0;
  float best_val_loss_ = 0;
  Vector best_params_;
  float best_val_acc_ = 0;
  ConfusionMatrix best_confusion_;
  HardestExamples best_hardest_;
  std::vector<uint8_t> best_pred_;
  bool restored_best_ = false;  // params are best_params_; snapshot_ holds the last epoch's
  bool stopped_early_ = false;
  float val_acc_ = std::numeric_limits<float>::quiet_NaN();
  float val_loss_ = std::numeric_limits<float>::quiet_NaN();
  float test_acc_ = std::numeric_limits<float>::quiet_NaN();
  float test_loss_ = std::numeric_limits<float>::quiet_NaN();
  Status divergence_;
};

const char* phase_name(Phase phase);

}  // namespace fm
