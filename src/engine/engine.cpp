// The engine: commands applied between slices, training and cross-validation in time slices
// measured by the injected clock, and the events that keep the page's view of the run current.
#include "engine/engine.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/bundle.h"
#include "core/model_file.h"
#include "core/safetensors.h"
#include "core/train_config.h"
#include "engine/settings.h"

namespace fm {
namespace {

constexpr double kNegInf = -1e300;
constexpr long long kCvWork = 10000;    // sample-class updates per cv step(): about a millisecond
constexpr size_t kMaxCurvePoints = 64;  // (x, loss, acc) triples per progress payload
constexpr int kMaxFolds = 20;
constexpr double kMaxSliceMs = 1000;
constexpr long long kMaxIntervalMs = 60000;
constexpr double kMinShare = 0.1;  // a run that yields to drawing still moves
constexpr double kConvEvalMacs = 2.5e7;  // multiply-adds per evaluation step of a conv net
constexpr Index kConvEvalColumns = 64;   // a conv net's columns per forward (as the Trainer's)
// Inside the first epoch, the page keeps the weights after these minibatches (time travel): the
// model changes fastest there.
constexpr Index kKeptFirstEpochBatches[] = {10, 50, 200};

int slot_of(int side) { return input_side_index(side); }  // data_'s slot: kInputSides' order

const SettingRow& row(const char* name) { return *find_setting(name); }

const char* model_name(ModelKind kind) {
  const SettingRow& r = row("model");
  const size_t i = static_cast<size_t>(kind);
  return i < r.choices.size() ? r.choices[i] : "unknown";
}

// The one place the trainer's divergence reason becomes fields (like write_status for Status).
void write_divergence_reason(FieldWriter& w, const Trainer& t) { write_status(w, t.divergence()); }

SavedModel saved_model_of(const Trainer& t, const ClassNames& names) {
  SavedModel m;
  m.arch = t.network().arch();
  m.side = t.data()->side;
  m.config = t.config();
  m.val_acc = t.val_acc();
  m.class_names = names;
  m.history = t.history();
  m.curve = t.curve(kMaxSavedCurve);
  m.params = t.network().params();  // after a divergence: the last good weights
  return m;
}

}  // namespace

int eval_chunk_for(const TrainConfig& config, int side) {
  const Architecture arch = architecture_for(config, side);
  if (arch.is_dense()) {
    const double params = static_cast<double>(arch.param_count());
    return static_cast<int>(std::clamp(400000.0 / std::max(1.0, params), 25.0, 2000.0));
  }
  // A conv net's forward pass costs far more than its weights suggest (each filter runs at every
  // position): size its chunk by multiply-adds, about 5 ms natively (the book CNN: 6 samples, a
  // quarter of a training step; cnn-small at 14×14: 91).
  const double macs = static_cast<double>(arch.forward_macs());
  return static_cast<int>(std::clamp(kConvEvalMacs / std::max(1.0, macs), 1.0, 2000.0));
}

Engine::Engine(Clock now_ms, Sink sink) : now_(std::move(now_ms)), sink_(std::move(sink)) {}

const Dataset* Engine::data(int side) const {
  const int slot = slot_of(side);
  return slot < 0 ? nullptr : data_[static_cast<size_t>(slot)].get();
}

bool Engine::has_work() const {
  return training_active() || cv_.busy() || explain_.busy() || snapshot_eval_.busy() ||
         fine_tune_.busy();
}

std::vector<Message> Engine::take_events() {
  std::vector<Message> out;
  out.swap(queue_);
  return out;
}

void Engine::emit(Message&& m) {
  if (sink_) {
    sink_(std::move(m));
  } else {
    queue_.push_back(std::move(m));
  }
}

void Engine::refuse(std::string_view command, std::string_view reason, const FieldWriter& extra) {
  FieldWriter w;
  w.add("command", command).add("reason", reason).append(extra.text());
  emit(make_message("error", w));
}

// --- commands ---

void Engine::handle(const Message& command) {
  t_ = now_();
  const std::string_view type = message_type(command);
  const FieldReader f = message_fields(command);
  if (type == "load_data") {
    on_load_data(command, f);
  } else if (type == "train") {
    on_train(f);
  } else if (type == "pause") {
    on_pause();
  } else if (type == "resume") {
    on_resume();
  } else if (type == "reset") {
    on_reset();
  } else if (type == "set_lr") {
    on_set_lr(f);
  } else if (type == "plus_epoch") {
    on_plus_epoch(f);
  } else if (type == "set_pace") {
    on_set_pace(f);
  } else if (type == "continue") {
    on_continue(f);
  } else if (type == "import") {
    on_import(command);
  } else if (type == "export") {
    on_export(f);
  } else if (type == "cv") {
    on_cv(f);
  } else if (type == "cancel_cv") {
    on_cancel_cv();
  } else if (type == "eval_test") {
    on_eval_test();
  } else if (type == "config") {
    on_config(f);
  } else if (type == "neighbours") {
    on_neighbours(command, f);
  } else if (type == "eval_weights") {
    on_eval_weights(command, f);
  } else if (type == "user_data_begin") {
    on_user_data_begin(f);
  } else if (type == "user_data_chunk") {
    on_user_data_chunk(command);
  } else if (type == "user_data_idx") {
    on_user_data_idx(command, f);
  } else if (type == "user_data_names") {
    on_user_data_names(command);
  } else if (type == "user_data_end") {
    on_user_data_end();
  } else if (type == "user_data_cancel") {
    on_user_data_cancel();
  } else if (type == "correct") {
    on_correct(command, f);
  } else if (type == "undo_correction") {
    on_undo_correction();
  } else {
    refuse(type, "unknown_command");
  }
}

namespace {

// A command's field read through a settings row (side, lr, seed): false when given but refused.
bool read_row(const FieldReader& f, const char* key, const SettingRow& r, SettingValue* out,
              bool* given) {
  *given = f.has(key);
  return !*given || parse_setting(r, f.get(key), out);
}

FieldWriter bad_field(const char* field, const std::string& value) {
  FieldWriter w;
  w.add("field", field).add("value", value.substr(0, 64));
  return w;
}

FieldWriter side_field(int side) {
  FieldWriter w;
  w.add("side", side);
  return w;
}

}  // namespace

void Engine::on_load_data(const Message& m, const FieldReader& f) {
  SettingValue side_value;
  bool given = false;
  if (!read_row(f, "side", row("side"), &side_value, &given)) {
    return refuse("load_data", "bad_field", bad_field("side", f.get("side")));
  }
  if (m.payload.empty()) return refuse("load_data", "no_payload");
  Dataset parsed;
  const Status st = parse_bundle(m.payload.data(), m.payload.size(), &parsed);
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("load_data", "status", w);
  }
  if (f.has("names")) {  // a user's data set's names (a fresh worker gets them with its bundle)
    std::string text;
    for (const std::string& n : f.get_list("names")) text += n + "\n";
    ClassNames names;
    const Status ns = parse_class_names(reinterpret_cast<const uint8_t*>(text.data()), text.size(), &names);
    if (!ns) return refuse("load_data", "bad_field", bad_field("names", f.get("names")));
    parsed.class_names = names;
  }
  const int slot = slot_of(parsed.side);
  if (slot < 0 ||
      (given && format_setting(row("side"), side_value) != std::to_string(parsed.side))) {
    return refuse("load_data", "bad_field", bad_field("side", f.get("side")));
  }
  const Dataset* old = data_[static_cast<size_t>(slot)].get();
  if (old && ((trainer_.has_model() && trainer_.data() == old) ||
              (cv_.busy() && cv_side_ == parsed.side))) {
    return refuse("load_data", "data_in_use", side_field(parsed.side));
  }
  data_[static_cast<size_t>(slot)] = std::make_unique<Dataset>(std::move(parsed));
  const Dataset& d = *data_[static_cast<size_t>(slot)];
  FieldWriter w;
  w.add("side", d.side)
      .add("train", static_cast<long long>(d.train_count()))
      .add("test", static_cast<long long>(d.test_count()));
  emit(make_message("data_loaded", w));
}

void Engine::begin_run() {
  paused_ = false;
  stop_after_epoch_ = -1;
  extend_to_epoch_ = 0;
  // Watch spreads the run's minibatches (as many as its epochs setting) over kWatchRunMs; +1
  // epoch goes on at the same rate.
  watch_rate_ = static_cast<double>(std::max(1, trainer_.config().epochs)) *
                static_cast<double>(std::max<Index>(1, trainer_.batches_per_epoch())) / kWatchRunMs;
  restart_pace_clock();
  compute_ms_ = train_compute_ms_ = 0;
  curve_sent_ = 0;
  last_progress_ms_ = last_weights_ms_ = kNegInf;
  weights_samples_ = -1;
  snapshot_eval_.cancel();  // a pass of the run before (its split and data may be gone)
}

FieldWriter Engine::run_fields() const {
  const Dataset& d = *trainer_.data();
  FieldWriter w;
  Settings base;
  base.pace = pace_;
  w.append(format_settings(settings_from_config(trainer_.config(), d.side, base)))
      .add("train", static_cast<long long>(trainer_.split().train.size()))
      .add("val", static_cast<long long>(trainer_.split().val.size()))
      .add("test", static_cast<long long>(d.test_count()))
      .add("batches_per_epoch", static_cast<long long>(trainer_.batches_per_epoch()))
      .add("params", static_cast<long long>(trainer_.network().params().size()))
      .add_list("names", std::vector<std::string>(model_names_.begin(), model_names_.end()));
  const History& h = trainer_.history();
  if (!h.empty()) {
    std::vector<float> train_loss, train_acc, val_loss, val_acc;
    for (const EpochRecord& e : h) {
      train_loss.push_back(e.train_loss);
      train_acc.push_back(e.train_acc);
      val_loss.push_back(e.val_loss);
      val_acc.push_back(e.val_acc);
    }
    w.add_list("history_train_loss", train_loss).add_list("history_train_acc", train_acc)
        .add_list("history_val_loss", val_loss).add_list("history_val_acc", val_acc);
  }
  return w;
}

void Engine::on_train(const FieldReader& f) {
  Settings s;
  const SettingsParse p = parse_settings(f, &s);
  if (!p.ok()) {
    std::vector<std::string> keys, values, rules;
    for (const SettingError& e : p.errors) {
      keys.push_back(e.key);
      values.push_back(e.value);
      rules.push_back(setting_rule_name(e.rule));
    }
    FieldWriter w;
    w.add_list("keys", keys).add_list("values", values).add_list("rules", rules);
    return refuse("train", "settings", w);
  }
  const Dataset* d = data(s.side);
  if (!d) return refuse("train", "no_data", side_field(s.side));
  TrainConfig c = to_train_config(s);
  c.eval_chunk = eval_chunk_for(c, s.side);
  const Status st = trainer_.start(*d, c);  // on error the current run goes on unchanged
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("train", "status", w);
  }
  pace_ = s.pace;
  model_names_ = d->class_names;
  explain_.clear();
  drop_correction();
  begin_run();
  const std::vector<int32_t>& val = trainer_.split().val;
  emit(make_message("started", run_fields(), int32_bytes(val.data(), val.size())));
  emit_weights(true);  // the untrained model: time travel's epoch 0
  emit_progress();
}

void Engine::on_pause() {
  if (!trainer_.busy()) return refuse("pause", "not_running");
  paused_ = true;  // run_slice() checks this before every step
  emit_progress();
  emit_paused("user");
}

void Engine::on_resume() {
  if (!trainer_.busy()) return refuse("resume", "not_running");
  if (fine_tune_.busy()) return refuse("resume", "correcting");
  paused_ = false;
  stop_after_epoch_ = -1;
  restart_pace_clock();
  FieldWriter w;
  w.add("samples_seen", trainer_.samples_seen())
      .add("epochs", std::max(trainer_.config().epochs, extend_to_epoch_))
      .add("stop_after_epoch", stop_after_epoch_);
  emit(make_message("resumed", w));
}

void Engine::on_reset() {
  drop_correction();
  trainer_.reset();
  explain_.clear();
  begin_run();
  emit(make_message("reset"));
}

void Engine::on_set_lr(const FieldReader& f) {
  SettingValue lr;
  if (!f.has("lr") || !parse_setting(row("lr"), f.get("lr"), &lr)) {
    return refuse("set_lr", "bad_field", bad_field("lr", f.get("lr")));
  }
  if (!trainer_.has_model()) return refuse("set_lr", "no_model");
  const Status st = trainer_.set_lr(lr.number);
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("set_lr", "status", w);
  }
  FieldWriter w;
  w.add("lr", lr.number).add("samples_seen", trainer_.samples_seen());
  emit(make_message("lr_set", w));
}

void Engine::on_plus_epoch(const FieldReader& f) {
  long long count = 1;
  if (f.has("count") && !f.get_whole("count", 1, kMaxEpochs, &count)) {
    return refuse("plus_epoch", "bad_field", bad_field("count", f.get("count")));
  }
  const Phase phase = trainer_.phase();
  if (phase == Phase::kIdle) return refuse("plus_epoch", "no_model");
  if (fine_tune_.busy()) return refuse("plus_epoch", "correcting");
  if (phase == Phase::kDiverged) return refuse("plus_epoch", "diverged");
  // The epoch under way, if any, is the first of the `count`.
  const int last = trainer_.epoch() + static_cast<int>(count);
  if (last > kMaxEpochs) {
    FieldWriter w;
    w.add("epochs", kMaxEpochs);
    return refuse("plus_epoch", "max_epochs", w);
  }
  stop_after_epoch_ = -1;
  extend_to_epoch_ = 0;
  if (phase == Phase::kDone) {
    trainer_.extend(last - trainer_.epoch());  // last ≤ kMaxEpochs: cannot refuse
  } else if (phase == Phase::kTesting) {
    extend_to_epoch_ = last;  // the test pass finishes first, then the run grows
  } else {
    stop_after_epoch_ = last;  // pause there (no pause where the run ends anyway)
    if (last > trainer_.config().epochs) extend_to_epoch_ = last;
  }
  paused_ = false;
  restart_pace_clock();
  FieldWriter w;
  w.add("samples_seen", trainer_.samples_seen())
      .add("epochs", std::max(trainer_.config().epochs, extend_to_epoch_))
      .add("stop_after_epoch", stop_after_epoch_);
  emit(make_message("resumed", w));
  emit_progress();
}

void Engine::on_set_pace(const FieldReader& f) {
  SettingValue v;
  if (!f.has("pace") || !parse_setting(row("pace"), f.get("pace"), &v)) {
    return refuse("set_pace", "bad_field", bad_field("pace", f.get("pace")));
  }
  pace_ = static_cast<Pace>(v.choice);
  restart_pace_clock();
  FieldWriter w;
  w.add("pace", format_setting(row("pace"), v));
  emit(make_message("pace_set", w));
}

void Engine::on_continue(const FieldReader& f) {
  SettingValue lr;
  bool given = false;
  if (!read_row(f, "lr", row("lr"), &lr, &given)) {
    return refuse("continue", "bad_field", bad_field("lr", f.get("lr")));
  }
  if (trainer_.phase() != Phase::kDiverged) return refuse("continue", "not_diverged");
  if (given) {
    const Status st = trainer_.set_lr(lr.number);
    if (!st) {
      FieldWriter w;
      write_status(w, st);
      return refuse("continue", "status", w);
    }
  }
  const Status st = trainer_.continue_from_snapshot();
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("continue", "status", w);
  }
  paused_ = false;
  stop_after_epoch_ = -1;
  extend_to_epoch_ = 0;
  restart_pace_clock();
  curve_sent_ = std::min(curve_sent_, trainer_.batch_history().size());
  FieldWriter w;
  w.add("lr", trainer_.config().optimizer.lr)
      .add("epoch", trainer_.epoch())
      .add("samples_seen", trainer_.samples_seen());
  emit(make_message("continued", w));
  emit_weights();
  emit_progress();
}

void Engine::on_import(const Message& m) {
  if (m.payload.empty()) return refuse("import", "no_payload");
  SavedModel model;
  Status st = load_any_model(m.payload.data(), m.payload.size(), &model);
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("import", "status", w);
  }
  const Dataset* d = data(model.side);
  if (!d) return refuse("import", "no_data", side_field(model.side));
  st = check_model_fits(model, d->side);
  TrainConfig c = model.config;
  c.eval_chunk = eval_chunk_for(c, d->side);
  if (st) st = trainer_.adopt(*d, c, model.params, model.history, model.curve);  // refuses weights that do not fit
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("import", "status", w);
  }
  model_names_ = model.class_names;
  explain_.clear();
  drop_correction();
  corrections_ = model.corrections;
  begin_run();
  FieldWriter w = run_fields();
  w.add("saved_val_acc", model.val_acc);
  if (corrections_ > 0) w.add("corrections", corrections_);
  const std::vector<int32_t>& val = trainer_.split().val;
  emit(make_message("imported", w, int32_bytes(val.data(), val.size())));
  emit_weights();
  emit_progress(&trainer_.adopted_curve());  // the file's per-batch curve for the plots
  start_explain();
}

void Engine::on_export(const FieldReader& f) {
  const std::string format = f.has("format") ? f.get("format") : "fmnist";
  if (format != "fmnist" && format != "safetensors") {
    return refuse("export", "bad_field", bad_field("format", format));
  }
  if (!trainer_.has_model() || !trainer_.data()) return refuse("export", "no_model");
  if (fine_tune_.busy()) return refuse("export", "correcting");
  SavedModel m = saved_model_of(trainer_, model_names_);
  m.corrections = corrections_;  // a corrected model says so (version 5)
  std::vector<uint8_t> bytes = format == "safetensors" ? save_safetensors(m) : save_model(m);
  FieldWriter w;
  w.add("side", m.side)
      .add("model", model_name(m.config.model))
      .add("format", format)
      .add("bytes", static_cast<long long>(bytes.size()));
  emit(make_message("exported", w, std::move(bytes)));
}

void Engine::on_cv(const FieldReader& f) {
  SettingValue side, seed;
  bool given = false;
  if (!read_row(f, "side", row("side"), &side, &given) || !given) {
    return refuse("cv", "bad_field", bad_field("side", f.get("side")));
  }
  long long folds = 5;
  if (f.has("folds") && !f.get_whole("folds", 2, kMaxFolds, &folds)) {
    return refuse("cv", "bad_field", bad_field("folds", f.get("folds")));
  }
  LinearSgdConfig config;
  if (!read_row(f, "seed", row("seed"), &seed, &given)) {
    return refuse("cv", "bad_field", bad_field("seed", f.get("seed")));
  }
  if (given) config.seed = static_cast<uint64_t>(seed.whole);
  const int side_px = kInputSides[side.choice];
  const Dataset* d = data(side_px);
  if (!d) return refuse("cv", "no_data", side_field(side_px));
  const Status st = cv_.start(*d, static_cast<int>(folds), config);
  if (!st) {
    FieldWriter w;
    write_status(w, st);
    return refuse("cv", "status", w);
  }
  cv_side_ = side_px;
  cv_compute_ms_ = 0;
  emit_cv_progress();
}

void Engine::on_cancel_cv() {
  cv_.cancel();
  FieldWriter w;
  w.add("side", cv_side_);
  emit(make_message("cv_cancelled", w));
}

void Engine::on_eval_test() {
  if (trainer_.phase() != Phase::kDone) return refuse("eval_test", "not_done");
  if (fine_tune_.busy()) return refuse("eval_test", "correcting");
  trainer_.request_test_eval();
  emit_progress();
}

void Engine::on_config(const FieldReader& f) {
  double slice = slice_ms_, share = share_;
  long long snapshot = static_cast<long long>(snapshot_ms_),
            progress = static_cast<long long>(progress_ms_);
  if (f.has("slice_ms") &&
      !(parse_number(f.get("slice_ms"), &slice) && slice > 0 && slice <= kMaxSliceMs)) {
    return refuse("config", "bad_field", bad_field("slice_ms", f.get("slice_ms")));
  }
  if (f.has("snapshot_ms") && !f.get_whole("snapshot_ms", 0, kMaxIntervalMs, &snapshot)) {
    return refuse("config", "bad_field", bad_field("snapshot_ms", f.get("snapshot_ms")));
  }
  if (f.has("progress_ms") && !f.get_whole("progress_ms", 0, kMaxIntervalMs, &progress)) {
    return refuse("config", "bad_field", bad_field("progress_ms", f.get("progress_ms")));
  }
  if (f.has("share") &&
      !(parse_number(f.get("share"), &share) && share >= kMinShare && share <= 1)) {
    return refuse("config", "bad_field", bad_field("share", f.get("share")));
  }
  long long explain = explain_on_ ? 1 : 0;
  if (f.has("explain") && !f.get_whole("explain", 0, 1, &explain)) {
    return refuse("config", "bad_field", bad_field("explain", f.get("explain")));
  }
  slice_ms_ = slice;
  share_ = share;
  // Turned on with a model and no index of its weights yet: build one now.
  const bool turned_on = explain == 1 && !explain_on_;
  explain_on_ = explain == 1;
  if (!explain_on_) explain_.clear();
  if (turned_on && !explain_.busy()) start_explain();
  snapshot_ms_ = static_cast<double>(snapshot);
  progress_ms_ = static_cast<double>(progress);
  FieldWriter w;
  w.add("slice_ms", slice_ms_).add("snapshot_ms", snapshot).add("progress_ms", progress);
  w.add("share", share_).add("explain", explain_on_ ? 1 : 0);
  emit(make_message("config", w));
}

void Engine::on_eval_weights(const Message& m, const FieldReader& f) {
  long long id = 0;
  if (!f.get_whole("id", 0, 1LL << 52, &id)) return refuse("eval_weights", "bad_field", bad_field("id", f.get("id")));
  if (!trainer_.has_model() || !trainer_.data()) return refuse("eval_weights", "no_model");
  if (m.payload.empty()) return refuse("eval_weights", "no_payload");
  const Architecture& arch = trainer_.network().arch();
  if (m.payload.size() != static_cast<size_t>(arch.param_count()) * sizeof(float)) {
    return refuse("eval_weights", "bad_field", bad_field("payload", std::to_string(m.payload.size())));
  }
  const std::vector<float> params = bytes_to_floats(m.payload);
  const int chunk = eval_chunk_for(trainer_.config(), trainer_.data()->side);
  const int columns = arch.is_dense() ? chunk : static_cast<int>(std::min<Index>(chunk, kConvEvalColumns));
  snapshot_eval_.start(arch, params.data(), *trainer_.data(), &trainer_.split().val, chunk, columns, id);
}

// --- work ---

bool Engine::run_slice() {
  if (!has_work()) return false;
  // A pass whose run is gone (its data replaced) is dropped, never read.
  if (snapshot_eval_.busy() && (!trainer_.has_model() || trainer_.data() != snapshot_eval_.data())) {
    snapshot_eval_.cancel();
    if (!has_work()) return false;
  }
  // The explanation index takes every other slice while there is other work (a map per epoch
  // without holding training back for long), all of them otherwise.
  // A build just started (an epoch's end) goes first, so each epoch gets its map.
  const bool other_work = training_active() || cv_.busy() || snapshot_eval_.busy() || fine_tune_.busy();
  if (explain_.busy() && (!other_work || explain_fresh_ || (slices_++ & 1u) == 0)) {
    explain_fresh_ = false;
    double t = t_ = now_();
    const double start = t, deadline = t + slice_ms_;
    do {
      explain_step(&t);
    } while (t < deadline && explain_.busy());
    last_slice_ms_ = t - start;
    return has_work();
  }
  // A run (or a correction of its model), a CV and a snapshot's pass: whole slices in turn among
  // those with work.
  enum Job { kRun, kCv, kEval };
  const bool busy[] = {training_active() || fine_tune_.busy(), cv_.busy(), snapshot_eval_.busy()};
  int job = static_cast<int>(slices_++ % 3u);
  while (!busy[job]) job = (job + 1) % 3;
  double t = t_ = now_();
  const double start = t, deadline = t + slice_ms_;
  do {
    if (job == kCv) {
      cv_step(&t);
    } else if (job == kEval) {
      snapshot_eval_step(&t);
    } else {
      if (fine_tune_.busy()) {
        correction_step(&t);
        continue;
      }
      if (!pace_allows_step(t)) break;  // Watch: ahead of its schedule, wait_ms() says how long
      train_step(&t);
    }
  } while (t < deadline &&
           (job == kCv    ? cv_.busy()
            : job == kEval ? snapshot_eval_.busy()
                           : training_active() || fine_tune_.busy()) &&
           !explain_fresh_);
  last_slice_ms_ = t - start;
  return has_work();
}

// Watch: a minibatch costs one credit, earned at watch_rate_ per ms of the engine's clock (at most
// 100 ms' worth banked, so a stall is not made up in a burst). Evaluation passes are not held.
void Engine::restart_pace_clock() {
  credit_ = 1;
  credit_ms_ = t_;
}

bool Engine::pace_allows_step(double t) {
  if (pace_ != Pace::kWatch || trainer_.phase() != Phase::kTraining) return true;
  const double cap = std::max(1.0, watch_rate_ * 100);
  credit_ = std::min(cap, credit_ + std::max(0.0, t - credit_ms_) * watch_rate_);
  credit_ms_ = t;
  if (credit_ < 1) return false;
  credit_ -= 1;
  return true;
}

double Engine::wait_ms() const {
  // A share below 1: as long again as the last slice took, times (1 − share) / share.
  const double yield = has_work() ? last_slice_ms_ * (1 / share_ - 1) : 0;
  if (pace_ != Pace::kWatch || !training_active() || cv_.busy() || snapshot_eval_.busy() ||
      trainer_.phase() != Phase::kTraining || credit_ >= 1) {
    return std::min(100.0, yield);
  }
  return std::min(100.0, std::max(yield, (1 - credit_) / watch_rate_));
}

void Engine::train_step(double* t) {
  const Phase before = trainer_.phase();
  const size_t epochs_before = trainer_.history().size();
  const long long samples_before = trainer_.samples_seen();
  trainer_.step();
  const double t1 = now_();
  compute_ms_ += t1 - *t;
  if (before == Phase::kTraining) train_compute_ms_ += t1 - *t;
  *t = t_ = t1;
  bool emitted = false;
  const Phase after = trainer_.phase();
  if (after != before) {
    after_phase_change(before, after, epochs_before, samples_before);
    emitted = true;
  }
  if (trainer_.busy() && t1 - last_progress_ms_ >= progress_ms_) {
    emit_progress();
    emitted = true;
  }
  const bool keep = before == Phase::kTraining && after == Phase::kTraining &&
                    trainer_.epoch() == 0 && trainer_.samples_seen() != weights_samples_ &&
                    std::find(std::begin(kKeptFirstEpochBatches), std::end(kKeptFirstEpochBatches),
                              trainer_.batch_in_epoch()) != std::end(kKeptFirstEpochBatches);
  if (keep || (trainer_.phase() == Phase::kTraining && trainer_.samples_seen() != weights_samples_ &&
               t1 - last_weights_ms_ >= snapshot_ms_)) {
    emit_weights(keep);
    emitted = true;
  }
  if (emitted) *t = t_ = now_();  // the next step's compute time starts after the events are out
}

void Engine::after_phase_change(Phase before, Phase after, size_t epochs_before,
                                long long samples_before) {
  if (after == Phase::kDiverged) {
    stop_after_epoch_ = -1;
    extend_to_epoch_ = 0;
    // A failed minibatch never counted its samples; a stop after counting it (running loss,
    // end-of-epoch weights, validation loss) already counted its batch.
    const bool uncounted = before == Phase::kTraining && trainer_.samples_seen() == samples_before;
    const float lr = trainer_.config().optimizer.lr;
    FieldWriter w;
    w.add("epoch", trainer_.epoch() + 1)
        .add("batch", static_cast<long long>(trainer_.batch_in_epoch() + (uncounted ? 1 : 0)))
        .add("lr", lr)
        .add("suggested_lr", suggested_lr(lr));
    write_divergence_reason(w, trainer_);
    emit_progress();
    emit(make_message("diverged", w));
    emit_weights();  // the last good epoch's, which the trainer went back to
    return;
  }
  if (before == Phase::kValidating && (after == Phase::kTraining || after == Phase::kTesting)) {
    emit_validation_results();
    if (trainer_.history().size() > epochs_before) {
      const EpochRecord& e = trainer_.history().back();
      FieldWriter w;
      w.add("epoch", e.epoch)
          .add("train_loss", e.train_loss)
          .add("train_acc", e.train_acc)
          .add("val_loss", e.val_loss)
          .add("val_acc", e.val_acc)
          .add("samples_seen", trainer_.samples_seen())
          .add("compute_s", compute_ms_ / 1000)
          .add("train_compute_s", train_compute_ms_ / 1000)
          .add("best_epoch", trainer_.best_epoch())
          .add("stopped_early", trainer_.stopped_early());
      emit(make_message("epoch", w));
      // Kept for time travel unless early stopping has just put back an earlier epoch's weights.
      emit_weights(!(after == Phase::kTesting && trainer_.best_epoch() > 0 &&
                     trainer_.best_epoch() != e.epoch));
      start_explain();
    }
  }
  if (after == Phase::kTraining && stop_after_epoch_ >= 0 &&
      trainer_.epoch() >= stop_after_epoch_) {
    stop_after_epoch_ = -1;
    paused_ = true;
    emit_progress();
    emit_paused("epoch");
    return;
  }
  emit_progress();
  if (after == Phase::kDone) {
    stop_after_epoch_ = -1;
    emit_done();
    const int more = extend_to_epoch_ - trainer_.epoch();
    extend_to_epoch_ = 0;
    if (more > 0) {
      if (trainer_.extend(more)) {
        restart_pace_clock();
        emit_progress();
      }
    }
  }
}

void Engine::cv_step(double* t) {
  const size_t scores_before = cv_.fold_scores().size();
  cv_.step(kCvWork);
  const double t1 = now_();
  cv_compute_ms_ += t1 - *t;
  *t = t_ = t1;
  if (!cv_.busy()) {
    FieldWriter w;
    w.add("side", cv_side_)
        .add("folds", cv_.folds())
        .add_list("scores", cv_.fold_scores())
        .add("mean", cv_.mean())
        .add("compute_s", cv_compute_ms_ / 1000);
    emit(make_message("cv_done", w));
    *t = t_ = now_();
  } else if (cv_.fold_scores().size() > scores_before ||
             t1 - last_cv_progress_ms_ >= progress_ms_) {
    emit_cv_progress();
    *t = t_ = now_();
  }
}

void Engine::start_explain() {
  if (!explain_on_ || !trainer_.has_model() || !trainer_.data()) return;
  explain_started_ms_ = t_;
  explain_compute_ms_ = 0;
  explain_fresh_ = true;  // the slice ends here: the index's turn next
  explain_.start(*trainer_.data(), trainer_.split(), trainer_.network().arch(), trainer_.network().params(),
                 trainer_.epoch(), trainer_.config().eval_chunk);
}

void Engine::explain_step(double* t) {
  const bool finished = explain_.step();
  const double t1 = now_();
  explain_compute_ms_ += t1 - *t;
  *t = t_ = t1;
  if (!finished) return;
  // The map: x, y and the label of each validation image, in the split's validation order.
  const std::vector<float>& xy = explain_.points();
  const std::vector<int32_t>& val = trainer_.split().val;
  std::vector<float> rows;
  rows.reserve(xy.size() / 2 * 3);
  for (size_t i = 0; i < xy.size() / 2 && i < val.size(); ++i) {
    rows.insert(rows.end(), {xy[2 * i], xy[2 * i + 1],
                             static_cast<float>(trainer_.data()->train_labels[static_cast<size_t>(val[i])])});
  }
  FieldWriter w;
  w.add("epoch", explain_.epoch())
      .add("count", static_cast<long long>(rows.size() / 3))
      .add("space", rep_space_name(explain_.map_space()))
      .add("dim", explain_.map_dim())
      .add("neighbour_space", rep_space_name(explain_.neighbour_space()))
      .add("neighbour_set", explain_.neighbours_from_val() ? "val" : "train")
      .add("compute_ms", explain_compute_ms_)
      .add("wall_ms", t1 - explain_started_ms_);
  emit(make_message("map", w, float_bytes(rows.data(), rows.size())));
  *t = t_ = now_();
}

void Engine::on_neighbours(const Message& m, const FieldReader& f) {
  long long id = 0;
  if (f.has("id") && !f.get_whole("id", 0, 1LL << 40, &id)) {
    return refuse("neighbours", "bad_field", bad_field("id", f.get("id")));
  }
  const std::vector<float> input = bytes_to_floats(m.payload);
  if (input.empty()) return refuse("neighbours", "no_payload");
  NeighbourAnswer a;
  const double t0 = now_();
  const bool ok = explain_.query(input.data(), static_cast<int>(input.size()), &a);
  const double ms = now_() - t0;
  FieldWriter w;
  w.add("id", id).add("epoch", ok ? explain_.epoch() : -1);
  if (ok) {
    std::vector<int> indices, labels;
    std::vector<float> distances;
    for (const NeighbourAnswer::Item& it : a.items) {
      indices.push_back(it.index);
      labels.push_back(it.label);
      distances.push_back(it.distance);
    }
    w.add("set", explain_.neighbours_from_val() ? "val" : "train")
        .add("space", rep_space_name(explain_.neighbour_space()))
        .add_list("indices", indices)
        .add_list("labels", labels)
        .add_list("distances", distances)
        .add("x", a.x)
        .add("y", a.y)
        .add("ms", ms);
  }
  emit(make_message("neighbours", w));
}

// --- events ---

void Engine::emit_progress(const std::vector<CurvePoint>* before) {
  const Trainer& t = trainer_;
  const std::vector<BatchRecord>& batches = t.batch_history();
  curve_sent_ = std::min(curve_sent_, batches.size());
  const Index per_epoch = std::max<Index>(1, t.batches_per_epoch());
  // The new minibatch records, thinned from the newest back so the last one is always sent.
  std::vector<float> points;
  if (before) {
    for (const CurvePoint& p : *before) points.insert(points.end(), {p.x, p.loss, p.acc});
  }
  const size_t fresh = batches.size() - curve_sent_;
  if (fresh > 0) {
    const size_t stride = (fresh + kMaxCurvePoints - 1) / kMaxCurvePoints;
    std::vector<size_t> picked;
    for (size_t i = batches.size(); i > curve_sent_ && picked.size() < kMaxCurvePoints;
         i -= std::min(stride, i)) {
      picked.push_back(i - 1);
    }
    for (size_t k = picked.size(); k > 0; --k) {
      const size_t i = picked[k - 1];
      points.push_back(static_cast<float>(
          t.adopted_epochs() + static_cast<double>(i + 1) / static_cast<double>(per_epoch)));
      points.push_back(batches[i].loss);
      points.push_back(batches[i].acc);
    }
    curve_sent_ = batches.size();
  }
  const BatchRecord last = batches.empty() ? BatchRecord{NAN, NAN} : batches.back();
  FieldWriter w;
  w.add("phase", phase_name(t.phase()))
      .add("paused", paused_ && t.busy())
      .add("epoch", t.epoch())
      .add("epochs", t.has_model() ? t.config().epochs : 0)
      .add("batch", static_cast<long long>(t.batch_in_epoch()))
      .add("batches_per_epoch", static_cast<long long>(t.batches_per_epoch()))
      .add("samples_seen", t.samples_seen())
      .add("loss", last.loss)
      .add("acc", last.acc)
      .add("lr", t.config().optimizer.lr)
      .add("compute_s", compute_ms_ / 1000)
      .add("train_compute_s", train_compute_ms_ / 1000);
  emit(make_message("progress", w, float_bytes(points.data(), points.size())));
  last_progress_ms_ = t_;
}

void Engine::emit_weights(bool keep) {
  const Trainer& t = trainer_;
  if (!t.has_model() || !t.data()) return;
  const Vector& p = t.network().params();
  FieldWriter w;
  w.add("side", t.data()->side)
      .add("model", model_name(t.config().model))
      .add_list("hidden",
                t.config().model == ModelKind::kMlp ? t.config().hidden : std::vector<int>())
      .add("params", static_cast<long long>(p.size()))
      .add("epoch", t.epoch())
      .add("batch", static_cast<long long>(t.phase() == Phase::kTraining ? t.batch_in_epoch() : 0))
      .add("samples_seen", t.samples_seen());
  if (keep) w.add("keep", 1);
  emit(make_message("weights", w, float_bytes(p.data(), static_cast<size_t>(p.size()))));
  weights_samples_ = t.samples_seen();
  last_weights_ms_ = t_;
}

void Engine::emit_validation_results() {
  const Trainer& t = trainer_;
  const ConfusionMatrix& cm = t.val_confusion();
  FieldWriter c;
  c.add_list("counts", std::vector<int>(cm.counts.begin(), cm.counts.end()));
  emit(make_message("confusion", c));

  std::vector<int> indices, labels, predicted;
  std::vector<float> confidence;
  for (const Mistake& m : t.val_hardest().items()) {
    indices.push_back(m.index);
    labels.push_back(m.label);
    predicted.push_back(m.predicted);
    confidence.push_back(m.confidence);
  }
  FieldWriter h;
  h.add_list("indices", indices)
      .add_list("labels", labels)
      .add_list("predicted", predicted)
      .add_list("confidence", confidence);
  emit(make_message("hardest", h));

  const std::vector<uint8_t>& pred = t.val_predictions();
  FieldWriter v;
  v.add("count", static_cast<long long>(pred.size()));
  emit(make_message("val_predictions", v, pred));
}

void Engine::snapshot_eval_step(double* t) {
  snapshot_eval_.step();
  *t = t_ = now_();
  if (snapshot_eval_.busy()) return;
  const SnapshotEval& e = snapshot_eval_;
  std::vector<int> indices, labels, predicted;
  std::vector<float> confidence;
  for (const Mistake& m : e.hardest()) {
    indices.push_back(m.index);
    labels.push_back(m.label);
    predicted.push_back(m.predicted);
    confidence.push_back(m.confidence);
  }
  const ConfusionMatrix& cm = e.confusion();
  FieldWriter w;
  w.add("id", e.id())
      .add("val_acc", e.acc())
      .add("val_loss", e.loss())
      .add_list("counts", std::vector<int>(cm.counts.begin(), cm.counts.end()))
      .add_list("indices", indices)
      .add_list("labels", labels)
      .add_list("predicted", predicted)
      .add_list("confidence", confidence);
  emit(make_message("weights_eval", w, e.predictions()));
  *t = t_ = now_();
}

void Engine::emit_paused(const char* reason) {
  FieldWriter w;
  w.add("samples_seen", trainer_.samples_seen())
      .add("epoch", trainer_.epoch())
      .add("batch", static_cast<long long>(trainer_.batch_in_epoch()))
      .add("reason", reason);
  emit(make_message("paused", w));
}

void Engine::emit_done() {
  FieldWriter w;
  w.add("test_acc", trainer_.test_acc())
      .add("test_loss", trainer_.test_loss())
      .add("val_acc", trainer_.val_acc())
      .add("val_loss", trainer_.val_loss())
      .add("best_epoch", trainer_.best_epoch())
      .add("stopped_early", trainer_.stopped_early())
      .add("epoch", trainer_.epoch())
      .add("samples_seen", trainer_.samples_seen())
      .add("compute_s", compute_ms_ / 1000)
      .add("train_compute_s", train_compute_ms_ / 1000);
  emit(make_message("done", w));
}

void Engine::emit_cv_progress() {
  FieldWriter w;
  w.add("side", cv_side_)
      .add("fold", cv_.current_fold())
      .add("folds", cv_.folds())
      .add("fold_progress", cv_.fold_progress())
      .add_list("scores", cv_.fold_scores())
      .add("compute_s", cv_compute_ms_ / 1000);
  emit(make_message("cv_progress", w));
  last_cv_progress_ms_ = t_;
}

}  // namespace fm
