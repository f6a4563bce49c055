// The engine's messages: commands in, events out. This header is the contract between the page
// and the engine (worker): every command and event, its fields and its payload, are listed here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "engine/fields.h"

namespace fm {

// One message in either direction. `text` is one line, "<type> k=v&k=v" (or just "<type>"),
// in the URL hash's encoding (fields.h: percent-encoded values, comma lists): readable in logs,
// and native tests send exactly what the page sends. `payload` carries bytes.
struct Message {
  std::string text;
  std::vector<uint8_t> payload;
};

// The type (the text up to the first space) and the fields after it.
std::string_view message_type(const Message& m);
FieldReader message_fields(const Message& m);
Message make_message(std::string_view type, const FieldWriter& fields = {},
                     std::vector<uint8_t> payload = {});

// The one place a core Status becomes fields: its code and parameters, never a sentence (the page
// says it in its language with messages/messages.h): status=<code name>&status_params=<list>, and
// for a reason (a divergence's) status_why=<code name>&status_why_params=<list>. read_status is
// the page's way back; false when the fields are not a status this build knows.
void write_status(FieldWriter& w, const Status& status);
bool read_status(const FieldReader& r, Status* out);

// Payload helpers: little-endian arrays (wasm and x86 are little-endian; the copy is a memcpy).
std::vector<uint8_t> float_bytes(const float* values, size_t count);
std::vector<uint8_t> int32_bytes(const int32_t* values, size_t count);
std::vector<float> bytes_to_floats(const std::vector<uint8_t>& bytes);
std::vector<int32_t> bytes_to_int32(const std::vector<uint8_t>& bytes);

// ================================ Commands (page → engine) ===================================
// Each is applied at once, between slices. A command that cannot be applied changes nothing and
// answers `error` (below). Settings fields are the settings table's rows (settings.h).
//
//   load_data [side=14|28]          payload: the gunzipped bundle (assets/README.md); side, if
//                                   given, must be the bundle's → data_loaded. Refused while that
//                                   side's data is in use (a run, its model, or a CV on it).
//                                   names=<ten names>: the class names (a user's data set's).
//   user_data_begin part=train|test&bytes=N[&format=csv|idx]   a user's CSV file (core/csv.h)
//                                   or IDX pair (core/idx.h) begins: train starts a new data set,
//                                   test follows it → user_data_progress.
//   user_data_idx kind=images|labels  payload: one whole gunzipped IDX file of the current part
//                                   (format=idx) → user_data_progress; refused as a chunk is.
//   user_data_chunk                 payload: the file's next bytes (any size), parsed at once →
//                                   user_data_progress; a refusal (error, reason status: the row
//                                   and why) drops the data set on its way in, nothing else.
//   user_data_names                 payload: a class-names file (core/class_names.h) →
//                                   user_data_progress part=names.
//   user_data_end                   the files are complete: checked and made the data set of both
//                                   input sizes, which replaces the one in use (its run is reset,
//                                   a CV cancelled) → user_data side=28, user_data side=14&done=1.
//   user_data_cancel                drops the data set on its way in → user_data_cancelled.
//   train <settings>                e.g. "train model=mlp&hidden=100&opt=adam&lr=0.001&batch=32&
//                                   epochs=5&seed=42&side=14&pace=watch"; missing rows take the
//                                   lesson's defaults (pace=full). Replaces any current run →
//                                   started, weights, progress. Pace watch holds minibatches back
//                                   so the run's epochs-setting of them spread over about 10 s
//                                   (settings.h kWatchRunMs; evaluation passes are not held, a
//                                   slower machine just goes at full speed); Engine::wait_ms()
//                                   tells the worker how long to sleep between slices.
//   pause                           → paused (after it, no step runs until resume).
//   resume                          → resumed.
//   reset                           drops the run → reset.
//   set_lr lr=X                     applies from the next minibatch → lr_set.
//   plus_epoch [count=k]            k more epochs (1…1000, default 1), the epoch under way being
//                                   the first: while running or paused, run to the end of epoch
//                                   N+k (N: finished epochs) and pause there (paused reason=epoch);
//                                   after done (or during its test pass), train epochs N+1…N+k of
//                                   the same run, then test again → resumed (epochs: the run's new
//                                   length). A continued run is the same run: the model, its
//                                   optimizer state and its random streams (shuffles, dropout,
//                                   augmentation) go on where they were, so N epochs then k more
//                                   are bit for bit a run of N+k epochs with the same settings
//                                   (at any slicing, pace or pause). Early stopping counts its
//                                   patience afresh from a finished run (core/trainer.h extend()).
//   set_pace pace=full|watch        how fast the run goes from the next slice (the settings
//                                   table's pace row; train's pace field sets it too) → pace_set.
//                                   Never which steps run: the weights are the same at either.
//   continue [lr=X]                 after diverged: back to the last good epoch's weights (with a
//                                   new learning rate if given) and on → continued, weights.
//   import                          payload: a model file (core/model_file.h) or a safetensors
//                                   export (core/safetensors.h); its side's data must
//                                   be loaded → imported, weights; then validation and test run
//                                   (confusion, hardest, val_predictions, done). Its history is
//                                   the run's so far: plus_epoch goes on at epoch N+1 (the
//                                   shuffles that run had next; the optimizer state, which a file
//                                   does not carry, starts afresh).
//   export [format=fmnist|safetensors]  → exported (payload: the model file, or safetensors).
//   cv side=14|28 [folds=5&seed=42] the lesson's SGD logistic regression, k-fold cross-validation,
//                                   alongside a run if one is going → cv_progress …, cv_done.
//   cancel_cv                       → cv_cancelled.
//   eval_test                       after done: the test pass again → progress, done.
//   eval_weights id=N               payload: float32 parameters of the run's architecture (a
//                                   snapshot the page kept: time travel). The validation pass on
//                                   them, in slices taking turns with the run and a CV (never
//                                   touching the run's weights or streams) → weights_eval. A new
//                                   one replaces a pass under way; train, import and reset drop it.
//   correct labels=<list>[&steps=N] payload: float32 model inputs (N × side², the model's side),
//                                   the user's sketches, the newest last (issue 14 §1): the model
//                                   fine-tunes on them at once (core/fine_tune.h: N steps, default
//                                   200, of 64 training images and 4 augmented sketch copies,
//                                   the run's optimizer), with validation passes before and after
//                                   → correct_progress …, corrected, weights. Only while the run
//                                   is paused between minibatches or done: refused `training`
//                                   (pause or wait), `correcting`, `diverged`, `no_model`, or
//                                   `status` (kCorrection…: a label outside 0–9, bad sizes).
//                                   resume, plus_epoch, export and eval_test wait for it
//                                   (refused `correcting`); train, import and reset drop it.
//   undo_correction                 the weights and optimizer state from before the last
//                                   correction → correction_undone, weights (once per correction;
//                                   else refused `nothing_to_undo`).
//   config [slice_ms=X][&snapshot_ms=N][&progress_ms=N][&share=S][&explain=0|1]
//                                   slice length (0 < X ≤ 1000, default 15), the least time
//                                   between weights events (default 100) and progress events
//                                   (default 100), in ms of the engine's clock; the share of
//                                   the time the engine computes while it has work (0.1 ≤ S ≤ 1,
//                                   default 1: the page lowers it while the user draws, so the
//                                   renderer gets the cores; wait_ms() asks for the rest);
//                                   explain=1: build the explanation index (map, neighbours) at
//                                   every epoch's end and import, and now for a model without one
//                                   (default 0: the page asks once it shows the map) → config.
//   neighbours [id=N]               payload: float32 model input (side×side, the model's side):
//                                   the sketch's nearest images and its place on the map, from
//                                   the explanation index (explain_index.h) → neighbours.
//
// ================================ Events (engine → page) =====================================
//   data_loaded   side, train, test                       (image counts)
//   user_data_progress  part (train|test|names), bytes, images, fraction (of the file's size)
//   user_data     side, train, test, names (ten), done (1 on the last: side 14)
//                 payload: the data set at that size as a bundle (8 bits a pixel), for the page's
//                 panels and for load_data into a fresh worker
//   user_data_cancelled
//   started       <settings>, train, val, test, batches_per_epoch, params, names (the model's
//                 ten class names: its data's)
//                 payload: int32 validation indices (into the training images), in the order
//                 val_predictions and hardest use.
//   imported      <settings>, saved_val_acc, corrections (a corrected model's file: how many), train, val, test, params, names (the file's, which
//                 the model keeps whatever data it runs on, and its exports carry), and with the
//                 file's history (model files since version 4, safetensors with "history")
//                 history_train_loss, history_train_acc, history_val_loss, history_val_acc (lists,
//                 epoch 1 first: the epochs behind the weights; progress's epoch counts them and
//                 plus_epoch trains the next)   payload: as started
//   progress      phase (idle|training|validating|testing|done|diverged), paused (0|1), epoch
//                 (finished), epochs, batch (in epoch), batches_per_epoch, samples_seen, loss, acc
//                 (the epoch's running means), lr, compute_s (all trainer work), train_compute_s
//                 (minibatch steps only). At most one per progress_ms while working, and at every
//                 phase change, pause and command that changes them.
//                 payload: float32 triples (x, loss, acc) of the minibatches since the previous
//                 progress event, x = fractional epoch; thinned to at most 64 triples. The
//                 first one after `imported` carries the file's per-batch curve (up to 512).
//   epoch         epoch, train_loss, train_acc, val_loss, val_acc, samples_seen, compute_s,
//                 train_compute_s, best_epoch, stopped_early (after each validation pass of a run)
//                 best_epoch: with early stopping, the epoch with the lowest validation loss so
//                 far, whose weights the run ends with (0: off); stopped_early (0|1): patience ran
//                 out at this epoch, the test pass of the best epoch's weights comes next.
//   confusion     counts: 100 numbers, counts[truth·10 + predicted]   (after each validation pass)
//   hardest       indices, labels, predicted, confidence: lists, most confident mistake first
//   val_predictions  count                      payload: one byte (class) per validation sample
//   weights       side, model, hidden, params, epoch, batch (in the epoch under way), samples_seen,
//                 keep=1 on the snapshots the page keeps for time travel: the start (epoch 0),
//                 batches 10, 50 and 200 of a run's first epoch, every epoch end (not the end
//                 where early stopping put back an earlier epoch's weights)
//                 payload: float32 parameters (core/network.h layout). At most one per
//                 snapshot_ms while training, and at every epoch end, start, import, divergence
//                 and continue.
//   weights_eval  id (eval_weights'), val_acc, val_loss, counts (as confusion's), indices,
//                 labels, predicted, confidence (as hardest's)
//                 payload: one byte (class) per validation sample, as val_predictions'
//   paused        samples_seen, epoch, batch, reason (user|epoch): no more steps until resume
//   resumed       samples_seen, epochs, stop_after_epoch (−1: none)
//   lr_set        lr, samples_seen (the first minibatch with the new rate is the next one)
//   done          test_acc, test_loss, val_acc, val_loss (of the weights the run ends with: the
//                 best epoch's under early stopping), best_epoch, stopped_early, epoch,
//                 samples_seen, compute_s, train_compute_s
//   diverged      epoch, batch (where it stopped), lr, suggested_lr, status… (Trainer::divergence(),
//                 see write_status);
//                 the weights are back at the last good epoch's (a weights event follows)
//   continued     lr, epoch, samples_seen
//   pace_set      pace
//   reset         (the run is gone)
//   exported      side, model, format, bytes    payload: the model file or safetensors
//   cv_progress   side, fold (0-based, the one running), folds, fold_progress (0..1), scores
//                 (finished folds), compute_s
//   cv_done       side, folds, scores, mean, compute_s
//   cv_cancelled  side
//   config        slice_ms, snapshot_ms, progress_ms, share, explain
//   map           epoch (the weights' finished epochs), count, space (hidden|logits), dim,
//                 neighbour_space (pixels|hidden|logits), neighbour_set (train|val), compute_ms,
//                 wall_ms (from the epoch's end)   payload: float32 triples (x, y, label), one per
//                 validation image in the started payload's order. After each epoch's end and an
//                 import, once the index of those weights is built (between slices).
//   neighbours    id, epoch (−1: no index yet); with an index: set (train|val), space, indices
//                 (rows of the training file), labels, distances (nearest first, 8), x, y (the
//                 input's place on the map), ms (the query's time)
//   correct_progress  fraction (0..1, both validation passes included), steps_done, steps
//   corrected     before, after (the newest sketch's class), before_p, after_p (their
//                 probabilities), val_before, val_after, steps, corrections (applied to this model),
//                 compute_s
//   correction_undone  corrections, val_acc
//   error         command (the refused command's type), reason, and the reason's fields:
//                   unknown_command
//                   bad_field       field, value        (a command's own field, e.g. set_lr's lr)
//                   settings        keys, values, rules (lists; rules: settings.h's rule names)
//                   no_data         side                (load_data that side first)
//                   data_in_use     side
//                   no_payload
//                   no_user_data                        (a user_data_* command before begin)
//                   no_model                            (nothing trained or imported)
//                   not_running                         (pause/resume with no run going)
//                   not_diverged                        (continue)
//                   diverged                            (plus_epoch: continue or train first)
//                   not_done                            (eval_test)
//                   training                            (correct while a run trains: pause or wait)
//                   correcting                          (a correction is running)
//                   nothing_to_undo                     (undo_correction)
//                   max_epochs      epochs              (plus_epoch beyond the limit)
//                   status          status, status_params  (the core refused: see write_status)
//
// The worker script adds two of its own (web/worker.js): `ready simd=0|1` once the engine is
// instantiated, and `fatal kind=start|script|abort&message=…` when it cannot go on.

}  // namespace fm
