// The training engine: owns the data sets, the Trainer, the lesson's cross-validation and every
// validation/test pass, driven by protocol.h's commands and reporting by its events. Plain C++:
// the worker (worker_main.cpp) and the native tests drive the same class the same way.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <vector>

#include "core/dataset.h"
#include "core/fine_tune.h"
#include "core/linear_sgd.h"
#include "core/trainer.h"
#include "engine/explain_index.h"
#include "engine/protocol.h"
#include "engine/settings.h"
#include "engine/snapshot_eval.h"
#include "engine/user_data_loader.h"

namespace fm {

class Engine {
 public:
  using Clock = std::function<double()>;  // milliseconds, never decreasing
  using Sink = std::function<void(Message&&)>;

  // The clock is the engine's only notion of time: slice deadlines, compute_s, and the event
  // throttles all read it. With a sink, each event leaves as it happens; without, events queue
  // for take_events().
  explicit Engine(Clock now_ms, Sink sink = nullptr);

  // Applies one command at once (never mid-step): see protocol.h for the list.
  void handle(const Message& command);
  // Works for up to the slice length (at least one step when there is work) and returns whether
  // work remains. Slicing decides how many steps run per slice, never which.
  bool run_slice();
  bool has_work() const;
  bool correcting() const { return fine_tune_.busy(); }
  int corrections() const { return corrections_; }  // applied to the model in use (undo: −1)
  std::vector<Message> take_events();

  // Read-only views for tests and native front ends.
  const Trainer& trainer() const { return trainer_; }
  const ExplainIndex& explain() const { return explain_; }
  const Dataset* data(int side) const;
  bool paused() const { return paused_; }
  double slice_ms() const { return slice_ms_; }
  double share() const { return share_; }
  Pace pace() const { return pace_; }
  // How long the caller may wait before the next run_slice() has a step to take (Watch holds
  // minibatches back; a share below 1 leaves the rest of the time to the page's drawing); 0: run
  // it now. At most 100 ms, so commands are never held long.
  double wait_ms() const;

 private:
  bool training_active() const { return trainer_.busy() && !paused_ && !fine_tune_.busy(); }
  void emit(Message&& m);
  void refuse(std::string_view command, std::string_view reason, const FieldWriter& extra = {});

  // Commands
  void on_load_data(const Message& m, const FieldReader& f);
  void on_train(const FieldReader& f);
  void on_pause();
  void on_resume();
  void on_reset();
  void on_set_lr(const FieldReader& f);
  void on_plus_epoch(const FieldReader& f);
  void on_set_pace(const FieldReader& f);
  void on_continue(const FieldReader& f);
  void on_import(const Message& m);
  void on_export(const FieldReader& f);
  void on_cv(const FieldReader& f);
  void on_cancel_cv();
  void on_eval_test();
  void on_config(const FieldReader& f);
  void on_neighbours(const Message& m, const FieldReader& f);
  void on_eval_weights(const Message& m, const FieldReader& f);
  // engine_user_data.cpp: a user's CSV files, chunk by chunk.
  void on_user_data_begin(const FieldReader& f);
  void on_user_data_chunk(const Message& m);
  void on_user_data_idx(const Message& m, const FieldReader& f);
  void on_user_data_names(const Message& m);
  void on_user_data_end();
  void on_user_data_cancel();
  // engine_correction.cpp: a correction's fine-tune (issue 14 §1) and its undo.
  void on_correct(const Message& m, const FieldReader& f);
  void on_undo_correction();
  void correction_step(double* t);
  void emit_correct_progress();
  void drop_correction();  // a new, adopted or dropped model: nothing to finish or undo

  // Work
  void train_step(double* t);
  void cv_step(double* t);
  void explain_step(double* t);
  void start_explain();  // the map and neighbours of the current weights (explain_index.h)
  void snapshot_eval_step(double* t);
  void after_phase_change(Phase before, Phase after, size_t epochs_before,
                          long long samples_before);
  void begin_run();  // counters and throttles of a new or adopted run
  void restart_pace_clock();          // Watch: one step now, the next on schedule
  bool pace_allows_step(double t);    // Watch: false while ahead of the schedule

  // Events
  // `before`: curve points sent ahead of the new minibatches' (an imported model's curve).
  void emit_progress(const std::vector<CurvePoint>* before = nullptr);
  // keep: a snapshot the page keeps for time travel (epoch ends, a few first-epoch batches).
  void emit_weights(bool keep = false);
  void emit_validation_results();
  void emit_paused(const char* reason);
  void emit_done();
  void emit_cv_progress();
  // settings + counts, the model's class names and its history (an adopted model's), for
  // started/imported
  FieldWriter run_fields() const;

  Clock now_;
  double t_ = 0;  // the clock's latest reading (throttle times)
  Sink sink_;
  std::vector<Message> queue_;

  std::array<std::unique_ptr<Dataset>, std::size(kInputSides)> data_;  // [i]: kInputSides[i]
  UserDataLoader user_data_;  // a user's data set on its way in (user_data_* commands)
  Trainer trainer_;
  // The class names of the model in use: its data's when trained here, its file's when imported
  // (a model of a user's classes keeps them on Fashion-MNIST's images); exports carry them.
  ClassNames model_names_ = default_class_names();
  bool paused_ = false;
  int stop_after_epoch_ = -1;   // plus_epoch: pause once this many epochs are done
  int extend_to_epoch_ = 0;     // plus_epoch beyond the run's end: train to this epoch once done
  Pace pace_ = Pace::kFull;
  double watch_rate_ = 0;              // Watch: minibatches per ms of the engine's clock
  double credit_ = 1, credit_ms_ = 0;  // Watch: minibatches allowed now, and when it was counted
  double compute_ms_ = 0, train_compute_ms_ = 0;
  size_t curve_sent_ = 0;  // batch_history() records already sent in progress payloads
  double last_progress_ms_ = -1e300, last_weights_ms_ = -1e300;
  long long weights_samples_ = -1;  // samples_seen() of the last weights event

  ExplainIndex explain_;
  double explain_started_ms_ = 0, explain_compute_ms_ = 0;
  bool explain_fresh_ = false;
  bool explain_on_ = false;     // config explain=1: the page shows the map (off: no index built)  // a build started in this slice: it takes the next one

  CrossValidation cv_;
  int cv_side_ = 0;
  double cv_compute_ms_ = 0;
  double last_cv_progress_ms_ = -1e300;
  unsigned slices_ = 0;  // takes turns of whole slices between a run, the CV and a snapshot's pass

  SnapshotEval snapshot_eval_;  // eval_weights: a kept snapshot's validation pass

  FineTune fine_tune_;
  bool can_undo_ = false;  // fine_tune_ holds the weights from before the last correction
  int corrections_ = 0;
  double correct_compute_ms_ = 0, last_correct_progress_ms_ = -1e300;

  double slice_ms_ = 15, snapshot_ms_ = 100, progress_ms_ = 100;
  double last_slice_ms_ = 0;  // how long the last run_slice() computed
  double share_ = 1;  // of the engine's clock spent computing while there is work (config share)
};

// One evaluation step() near a millisecond or two whatever the model size: Dense models 25…2000
// samples by their weights, conv nets 1…2000 by the multiply-adds of a forward pass (about 5 ms,
// within a 15 ms slice: the book CNN 6, cnn-small 91 at 14×14 and 22 at 28×28).
int eval_chunk_for(const TrainConfig& config, int side);

}  // namespace fm
