// The page's read-only mirror of the engine's run: everything the panels show (progress, history,
// curves, confusion, hardest, validation predictions, the weights as a Network for predictions),
// changed only by applying the engine's events (src/engine/protocol.h). Plain C++: native tests
// feed it the engine's own events.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "app/engine_client/snapshot_store.h"
#include "core/class_names.h"
#include "core/metrics.h"
#include "core/network.h"
#include "core/status.h"
#include "core/trainer.h"
#include "engine/protocol.h"
#include "engine/settings.h"

namespace fm {

// CurvePoint (core/history.h): one minibatch point of the live curves.

// The lesson's cross-validation as the engine reports it.
struct CvView {
  bool running = false, done = false, cancelled = false;
  int side = 0, fold = 0, folds = 0;
  double fold_progress = 0, compute_s = 0;
  double mean = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> scores;
};

class RunView {
 public:
  RunView();

  // Applies one event; returns true when something the page shows changed. Events of other
  // types (ready, fatal, error, exported, config, data_loaded) are not the run's: false.
  bool apply(const Message& event);
  void clear();  // no run (reset, or a fresh worker)
  void clear_cv() { cv_ = CvView{}; }  // a new cross-validation was asked for

  // Shaped like the Trainer's reads the panels used.
  bool has_model() const { return has_model_; }
  Phase phase() const { return phase_; }
  bool busy() const;        // training, validating or testing (paused or not)
  bool paused() const { return paused_; }
  bool running() const { return busy() && !paused_; }
  int epoch() const { return epoch_; }  // finished epochs
  long long batch_in_epoch() const { return batch_; }
  long long batches_per_epoch() const { return batches_per_epoch_; }
  long long samples_seen() const { return samples_; }
  const std::vector<EpochRecord>& history() const { return history_; }
  float test_acc() const { return test_acc_; }  // NaN until the test pass is done
  float test_loss() const { return test_loss_; }
  float val_acc() const { return history_.empty() ? saved_val_acc_ : history_.back().val_acc; }
  const Settings& settings() const { return settings_; }  // the run's (lr: the live one)
  const TrainConfig& config() const { return config_; }
  int side() const { return settings_.side; }
  long long params() const { return params_; }
  long long train_count() const { return train_; }
  long long val_count() const { return val_; }
  long long test_count() const { return test_; }
  float lr() const { return settings_.lr; }
  double compute_s() const { return compute_s_; }
  double train_compute_s() const { return train_compute_s_; }
  int epochs() const { return settings_.epochs; }  // grows with +1 epoch

  // The latest weights snapshot; has_weights() false until the first weights event of the run.
  bool has_weights() const { return has_weights_; }
  const Network& network() const { return network_; }
  uint64_t weights_version() const { return weights_version_; }

  const ConfusionMatrix& val_confusion() const { return confusion_; }
  const std::vector<Mistake>& val_hardest() const { return hardest_; }
  const std::vector<int32_t>& val_indices() const { return val_indices_; }  // into train images
  const std::vector<uint8_t>& val_predictions() const { return val_predictions_; }
  const std::vector<CurvePoint>& curve() const { return curve_; }
  // After `diverged`: the minibatch points of the stretch that blew up (dropped from curve(), the
  // weights being back at the last good epoch) and the failing batch's loss, so the plot can show
  // the blow-up; empty again after continue or a new run.
  const std::vector<CurvePoint>& blowup() const { return blowup_; }
  // The class names of the model's outputs: its data's when trained, its file's when imported.
  const ClassNames& class_names() const { return names_; }

  // After `diverged`: the reason (a core Status), the learning rate it had and the suggested one.
  const Status& divergence() const { return divergence_; }
  float suggested_lr() const { return suggested_lr_; }
  bool imported() const { return imported_; }  // the run is an imported model's
  uint64_t run_id() const { return run_id_; }  // changes with every started/imported/reset
  int stop_after_epoch() const { return stop_after_epoch_; }
  // Early stopping: the epoch whose weights the run keeps (0: off or none yet), and whether
  // patience ran out before the last epoch.
  int best_epoch() const { return best_epoch_; }
  bool stopped_early() const { return stopped_early_; }

  const CvView& cv() const { return cv_; }

  // --- Time travel (issue 14 §2): the snapshots kept (`weights keep=1`), and the model the
  // panels show: the live one, or a snapshot. Training goes on either way.
  const SnapshotStore& snapshots() const { return snapshots_; }
  // A point of the run as a snapshot's pos: `epoch` finished epochs and `batch` minibatches more.
  long long pos_of(int epoch, long long batch) const { return epoch * std::max(1LL, batches_per_epoch_) + batch; }
  // The latest snapshot at or before `pos` is shown: false (nothing changes) when none is.
  bool view_at(long long pos);
  void view_live();
  bool viewing() const { return viewing_; }
  const Snapshot* viewed() const { return viewing_ ? snapshots_.find(view_pos_) : nullptr; }
  // What the panels show: the viewed snapshot's model and validation results, else the live ones.
  const Network& shown_network() const { return viewing_ ? view_net_ : network_; }
  bool shown_has_weights() const { return viewing_ || has_weights_; }
  // Changes whenever shown_network() or the shown validation results change (cache keys).
  uint64_t shown_version() const { return shown_version_; }
  // The viewed snapshot's validation pass is known (always true for the live model).
  bool shown_evaluated() const;
  const ConfusionMatrix& shown_confusion() const;
  const std::vector<Mistake>& shown_hardest() const;
  const std::vector<uint8_t>& shown_predictions() const;
  // The viewed snapshot's validation pass, asked of the engine (EngineClient): the id to send,
  // remembered so that its `weights_eval` answer lands on that snapshot.
  uint64_t begin_eval(long long pos);
  long long eval_pending() const { return eval_pos_; }  // the pos asked for, -1: none
  // The engine that was asked died (or refused): no answer will come (EngineClient::worker_died).
  void drop_eval();
  // The viewed snapshot's pass is not known and nobody computes it: the engine stopped first.
  bool shown_eval_lost() const;

 private:
  void keep_snapshot(const FieldReader& f, const std::vector<float>& params);
  void begin_run(const FieldReader& f, const Message& m, bool imported);
  void trim_curve_to_epoch(bool keep_blowup);

  bool has_model_ = false;
  Phase phase_ = Phase::kIdle;
  bool paused_ = false;
  int epoch_ = 0;
  long long batch_ = 0, batches_per_epoch_ = 0, samples_ = 0;
  std::vector<EpochRecord> history_;
  ClassNames names_;
  float test_acc_, test_loss_, saved_val_acc_;
  Settings settings_;
  TrainConfig config_;
  long long params_ = 0, train_ = 0, val_ = 0, test_ = 0;
  double compute_s_ = 0, train_compute_s_ = 0;
  bool has_weights_ = false;
  Network network_;
  uint64_t weights_version_ = 0;
  ConfusionMatrix confusion_;
  std::vector<Mistake> hardest_;
  std::vector<int32_t> val_indices_;
  std::vector<uint8_t> val_predictions_;
  std::vector<CurvePoint> curve_, blowup_;
  Status divergence_;
  float suggested_lr_ = 1e-3f;
  bool imported_ = false;
  uint64_t run_id_ = 0;
  int stop_after_epoch_ = -1;
  int best_epoch_ = 0;
  bool stopped_early_ = false;
  CvView cv_;

  SnapshotStore snapshots_;
  bool viewing_ = false;
  long long view_pos_ = 0;
  Network view_net_;
  uint64_t shown_version_ = 0;
  bool fresh_val_ = false;  // validation results came since the last weights event (an epoch end)
  uint64_t eval_id_ = 0;
  long long eval_pos_ = -1;
};

// Phase from its protocol name (phase_name's inverse); false for an unknown name.
bool phase_from_name(std::string_view name, Phase* out);

}  // namespace fm
