// The session's data and commands. Each command is checked here (the settings table, the data
// that is in, the run's phase) and sent to the engine as a protocol command; the run's state
// comes back as events (RunView), and after_event() words refusals and hands files out.
#include "app/session/session.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "core/model_file.h"
#include "core/photo.h"
#include "core/safetensors.h"
#include "core/sketch_file.h"
#include "core/strokes.h"

namespace fm {
namespace {
// "The 28×28 data could not be loaded: " in the page's language, for any size but 14.
std::string bundle_error(int side) {
  char buf[200];
  std::snprintf(buf, sizeof(buf), tr(Str::kErrBundleSideFailed), side, side);
  return buf;
}
}  // namespace

Session::Session(EngineClient::Host engine_host, Host host)
    : host_(std::move(host)), engine_(std::move(engine_host)) {}

// --- Data

const BundleView* Session::data() const {
  const BundleView& b = bundles_[slot_of(side_)].data;
  return b.loaded() ? &b : nullptr;
}

int Session::model_side() const { return run().has_model() ? run().side() : side_; }

const Split& Session::split() {
  const BundleView* d = data();
  uint64_t seed = TrainConfig{}.seed;
  double fraction = TrainConfig{}.val_fraction;
  if (run().has_model() && d != nullptr && run().side() == d->side()) {
    seed = run().config().seed;
    fraction = run().config().val_fraction;
  }
  if (d != nullptr && (browse_split_for_ != d || browse_seed_ != seed)) {
    browse_split_ = holdout_split(d->train_count(), fraction, seed);
    browse_split_for_ = d;
    browse_seed_ = seed;
  }
  return browse_split_;
}

void Session::expect_bundle(int side) {
  BundleSlot& slot = builtin_slot(side);
  slot.requested = slot.loading = true;
}

Status Session::load_bundle(std::vector<uint8_t> bytes, int side) {
  BundleSlot& slot = builtin_slot(side);
  slot.loading = false;
  BundleView parsed;
  Status st = parsed.load(std::move(bytes));
  if (st && parsed.side() != side) st = tr_error(Str::kErrBundleSide);
  if (!st) {
    slot.error = tr(st);
    if (side == 14) {
      messages.fatal = tr(st);
    } else {
      messages.error = bundle_error(side) + tr(st);
      form.side = side_;
    }
    return st;
  }
  slot.data = std::move(parsed);
  slot.error.clear();
  ++data_generation_;
  if (user_.active) return Status::Ok();  // kept aside for Back to Fashion-MNIST
  browse_split_for_ = nullptr;
  engine_.set_bundle(side, &slot.data.bytes());  // the worker gets a copy
  redraw();
  if (side == 14 && !messages.fatal.empty()) messages.fatal.clear();
  if (form.side == side) select_side(side);
  return Status::Ok();
}

void Session::bundle_progress(int side, double loaded, double total) {
  BundleSlot& slot = builtin_slot(side);
  slot.loading = true;
  slot.loaded = loaded;
  slot.total = total;
  redraw(1);
}

void Session::bundle_failed(int side, const std::string& message) {
  BundleSlot& slot = builtin_slot(side);
  slot.loading = false;
  slot.requested = false;  // allow a retry
  slot.error = message;
  if (side == 14) {
    messages.fatal = message;
  } else {
    messages.error = bundle_error(side) + message;
    form.side = side_;
  }
  redraw();
}

void Session::select_side(int side) {
  form.side = side;
  BundleSlot& slot = bundles_[slot_of(side)];
  if (!slot.data.loaded()) {
    if (!slot.requested) {
      slot.requested = slot.loading = true;
      slot.loaded = slot.total = 0;
      slot.error.clear();
      if (host_.request_bundle) host_.request_bundle(side);
    }
    return;  // switches when it arrives
  }
  if (side_ != side) {
    if (run().has_model() && !engine_.busy()) reset();  // old model has the other input size
    side_ = side;
  }
}

// --- A user's own data

Status Session::user_data_begin(const std::string& part, double bytes, bool idx) {
  if (part == "train") {
    if (user_.loading) return tr_error(Str::kErrUserDataBusy);
    if (!engine_.worker_alive()) engine_.start();
    user_.loading = true;
    messages.error.clear();
  } else if (!user_.loading) {
    return tr_error(Str::kErrUserDataNoCsv);
  }
  user_.part = part;
  user_.fraction = 0;
  user_.images = 0;
  engine_.user_data_begin(part, bytes, idx);
  redraw();
  return Status::Ok();
}

Status Session::user_data_chunk(std::vector<uint8_t> bytes) {
  if (!user_.loading || !engine_.worker_alive()) return tr_error(Str::kErrUserDataNoCsv);
  engine_.user_data_chunk(std::move(bytes));
  return Status::Ok();
}

Status Session::user_data_idx(bool images, std::vector<uint8_t> bytes) {
  if (!user_.loading || !engine_.worker_alive()) return tr_error(Str::kErrUserDataNoCsv);
  engine_.user_data_idx(images, std::move(bytes));
  return Status::Ok();
}

Status Session::user_data_names(std::vector<uint8_t> bytes) {
  if (!user_.loading || !engine_.worker_alive()) return tr_error(Str::kErrUserDataNoCsv);
  user_.part = "names";
  engine_.user_data_names(std::move(bytes));
  return Status::Ok();
}

Status Session::user_data_end() {
  if (!user_.loading || !engine_.worker_alive()) return tr_error(Str::kErrUserDataNoCsv);
  engine_.user_data_end();
  return Status::Ok();
}

void Session::user_data_cancel() {
  if (!user_.loading) return;
  user_.loading = false;
  engine_.user_data_cancel();
  redraw();
}

// `user_data` side=28, side=7, then side=14&done=1: the bundles the engine made take the slots.
void Session::on_user_data(const Message& m) {
  const FieldReader f = message_fields(m);
  long long side_value = 0;
  if (!f.get_whole("side", 7, 28, &side_value) || !is_input_side(static_cast<int>(side_value))) return;
  const int side = static_cast<int>(side_value);
  if (!user_.active) {
    builtin_ = std::move(bundles_);
    bundles_ = {};
    user_.active = true;
  }
  BundleSlot& slot = bundles_[slot_of(side)];
  slot = BundleSlot();
  const Status st = slot.data.load(m.payload);
  if (!st) messages.error = std::string(tr(Str::kErrUserDataPrefix)) + tr(st);
  slot.requested = true;
  const std::vector<std::string> names = f.get_list("names");
  for (size_t i = 0; i < user_.names.size() && i < names.size(); ++i) user_.names[i] = names[i];
  engine_.set_names(names);
  engine_.adopt_bundle(side, &slot.data.bytes());
  set_user_class_names(&user_.names);
  browse_split_for_ = nullptr;
  ++data_generation_;
  f.get_whole("train", 0, 1LL << 40, &user_.train);
  f.get_whole("test", 0, 1LL << 40, &user_.test);
  if (f.get("done") != "1") return;
  user_.loading = false;
  clear_run_state();  // the engine reset the run: a model of other classes
  ++resets_;
  messages.notice = user_.test == 0 ? tr(Str::kNoticeUserNoTest) : "";
  side_ = is_input_side(form.side) && bundles_[slot_of(form.side)].data.loaded() ? form.side : 14;
}

Status Session::back_to_builtin() {
  if (user_.loading) return tr_error(Str::kErrUserDataBusy);
  if (!user_.active) return Status::Ok();
  if (engine_.busy() || run().has_model()) engine_.reset();  // a model of the user's classes
  bundles_ = std::move(builtin_);
  builtin_ = {};
  user_ = UserData();
  set_user_class_names(nullptr);
  engine_.set_names({});
  for (int side : kInputSides) {
    BundleSlot& slot = bundles_[slot_of(side)];
    engine_.set_bundle(side, slot.data.loaded() ? &slot.data.bytes() : nullptr);
  }
  browse_split_for_ = nullptr;
  ++data_generation_;
  messages.notice.clear();
  clear_run_state();
  ++resets_;
  if (!bundles_[slot_of(side_)].data.loaded()) side_ = form.side = 14;
  sync_model_names();
  return Status::Ok();
}

// --- Commands

void Session::clear_run_state() {
  ++generation_;
  messages.error.clear();
  redraw();
}

void Session::form_from_config(const TrainConfig& c, int side) {
  form.set(settings_from_config(c, side, form.settings()));
  form.side = side;
}

Status Session::start_training(const TrainConfig& config, Pace pace) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  Settings s = settings_from_config(config, d->side());
  s.pace = pace;
  const Status st = check_run_settings(s, d->train_count());
  if (!st) return st;
  form_from_config(config, d->side());
  clear_run_state();
  origin_ = Origin::kTrained;
  origin_name_.clear();
  engine_.train(s);  // running() is true from here; `started` confirms
  return Status::Ok();
}

Status Session::train_from_api(const std::string& text) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  Settings s;
  const Status st = settings_from_api(text, d->side(), &s);
  if (!st) return st;
  if (s.side != d->side()) {  // a preset's input size: switch to it when its data is in
    if (!bundle(s.side).data.loaded()) return tr_error(Str::kErrPresetSide);
    select_side(s.side);
  }
  return start_training(to_train_config(s), s.pace);
}

void Session::reset() {
  engine_.reset();
  clear_run_state();
  origin_ = Origin::kNone;
  ++resets_;
}

void Session::plus_epoch() {
  if (!engine_.busy() && !run().has_model()) {
    const Status st = train_from_form();
    if (!st) messages.error = tr(st);
  }
  engine_.plus_epoch();  // one more epoch, then pause there (or after done: one more)
}

void Session::set_pace(Pace pace) {
  form.pace = pace;
  if (run().has_model() && run().busy()) engine_.set_pace(pace);
}

void Session::set_lr(float lr) {
  form.lr = lr;
  if (run().has_model() && run().busy()) engine_.set_lr(lr);  // from the next minibatch
}

Status Session::set_input_size(int side) {
  if (!is_input_side(side)) return tr_error(Str::kErrApiSide);
  if (engine_.busy()) return tr_error(Str::kErrSideWhileTraining);
  select_side(side);
  return Status::Ok();
}

Status Session::load_test_image(int index) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  if (index < 0 || index >= d->test_count()) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrTestIndex), static_cast<long long>(d->test_count() - 1));
    return text_error(buf);
  }
  const std::vector<uint8_t> image = d->test_image(index);
  canvas.load_image(image.data(), d->side(), index);
  redraw();
  return Status::Ok();
}

Status Session::load_image(int split, int index) {
  if (split == 2) return load_test_image(index);
  if (split != 0 && split != 1) return tr_error(Str::kErrApiSplit);
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  if (index < 0 || index >= d->train_count()) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrTrainIndex), static_cast<long long>(d->train_count() - 1));
    return text_error(buf);
  }
  canvas.load_image(d->train_image(index).data(), d->side(), -1);
  redraw();
  return Status::Ok();
}

Status Session::classify_image(const uint8_t* rgba, int w, int h) {
  const int side = model_side();
  std::vector<uint8_t> image;
  const Status st = photo_to_image(rgba, w, h, side, &image);
  if (!st) return text_error(std::string(tr(Str::kErrImagePrefix)) + tr(st));
  canvas.load_image(image.data(), side, -1);
  redraw();
  return Status::Ok();
}

int Session::test_label(int index) const {
  const BundleView* d = data();
  if (d == nullptr || index < 0 || index >= d->test_count()) return -1;
  return d->test_label(index);
}

void Session::clear_canvas() {
  canvas.clear();
  redraw();
}

void Session::undo_canvas() {
  if (canvas.undo()) redraw();
}

Status Session::continue_after_divergence(double lr) {
  if (run().phase() != Phase::kDiverged) return tr_error(Str::kErrNotDiverged);
  if (lr != 0 && !lr_acceptable(lr)) return tr_error(Str::kErrApiLr);
  if (lr != 0) form.lr = static_cast<float>(lr);
  engine_.continue_run(static_cast<float>(lr));
  messages.error.clear();
  divergence_run_ = ~0ull;
  return Status::Ok();
}

void Session::check_divergence() {
  if (run().phase() != Phase::kDiverged) {
    divergence_run_ = ~0ull;
    return;
  }
  if (run().divergence().ok) return;  // the `diverged` event with the reason is still to come
  // By run, not by phase change: a new train() may diverge within its first slice.
  if (divergence_run_ == run().run_id()) return;
  divergence_run_ = run().run_id();
  messages.error = tr(run().divergence());
  notice_lr = run().suggested_lr();
}

// --- The model file

Status Session::send_model(std::vector<uint8_t> bytes, bool from_storage) {
  SavedModel m;
  Status st = load_any_model(bytes.data(), bytes.size(), &m);
  if (!st) return st;
  if (m.side != 14 && !bundles_[slot_of(m.side)].data.loaded()) {
    char buf[300];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrImportNeedsSide), m.side, m.side, m.side, m.side);
    return text_error(buf);
  }
  if (!bundles_[slot_of(m.side)].data.loaded()) return tr_error(Str::kErrNoData);
  st = check_model_fits(m, m.side);
  if (!st) return st;
  (from_storage ? restore_sent_ : import_sent_) = true;
  engine_.import_model(std::move(bytes));
  return Status::Ok();
}

Status Session::export_model(bool safetensors) {
  if (!run().has_model() || !engine_.worker_alive()) return tr_error(Str::kErrNoModel);
  export_purposes_.push_back(0);
  engine_.export_model(safetensors ? "safetensors" : "fmnist");  // the `exported` event downloads it
  return Status::Ok();
}

void Session::export_for_storage() {
  export_purposes_.push_back(1);
  engine_.export_model("fmnist");
}

Status Session::import_model(const uint8_t* bytes, size_t size) {
  const std::string prefix = tr(Str::kErrImportPrefix);
  if (bytes == nullptr || size == 0) return text_error(prefix + tr(Str::kErrImportEmpty));
  const Status st = send_model(std::vector<uint8_t>(bytes, bytes + size), false);
  if (!st) return text_error(prefix + tr(st));
  return Status::Ok();
}

Status Session::restore_model(std::vector<uint8_t> file) { return send_model(std::move(file), true); }

// --- Engine events

void Session::sync_model_names() {
  const ClassNames& data_names = user_.active ? user_.names : default_class_names();
  const bool own = run().has_model() && run().class_names() != data_names;
  if (own) model_names_ = run().class_names();
  set_model_class_names(own ? &model_names_ : nullptr);
}

void Session::on_engine_event(const Message& event) {
  // The stream while training (about 10 progress and 10 weights events a second) asks for one
  // frame each: the next animation frame shows it. Other events change what ImGui lays out
  // (a phase, a notice, a new run) and get the settle frames.
  const std::string_view type = message_type(event);
  const bool stream = type == "progress" || type == "weights" || type == "cv_progress";
  if (engine_.on_event(event)) redraw(stream ? 1 : 3);
  after_event(event);
  if (type == "started" || type == "imported" || type == "reset" || type == "user_data") sync_model_names();
  check_divergence();
}

void Session::after_event(const Message& m) {
  const std::string_view type = message_type(m);
  const FieldReader f = message_fields(m);
  if (corrections.on_event(type, f)) {
    redraw(type == "correct_progress" ? 1 : 3);
    return;
  }
  if (type == "started" || type == "reset") corrections.model_replaced();
  if (type == "imported") {
    long long n = 0;
    f.get_whole("corrections", 0, 1 << 30, &n);
    corrections.model_replaced(static_cast<int>(n));
  }
  if (type == "fatal") corrections.model_replaced(corrections.applied());
  if (type == "fatal") {
    char buf[700];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtEngineStopped), engine_.fatal_kind().c_str(),
                  engine_.fatal_message().c_str());
    messages.error = buf;
    restore_sent_ = import_sent_ = false;
    user_.loading = false;
    export_purposes_.clear();
    return;
  }
  if (type == "user_data_progress") {
    if (!user_.loading) return;
    user_.part = f.get("part");
    f.get_whole("images", 0, 1LL << 40, &user_.images);
    f.get_double("fraction", &user_.fraction);
    redraw(1);
    return;
  }
  if (type == "user_data") return on_user_data(m);
  if (type == "error") {
    const std::string command = f.get("command");
    const std::string text = engine_refusal_text(f);
    // A snapshot's pass refused: only when its run was dropped on the way (the view went with it).
    if (command == "eval_weights") return;
    if (command.rfind("user_data", 0) == 0) {
      user_.loading = false;
      messages.error = std::string(tr(Str::kErrUserDataPrefix)) + text;
    } else if (command == "import" && restore_sent_) {
      restore_sent_ = false;
      if (host_.forget_model) host_.forget_model();
      messages.error = std::string(tr(Str::kErrRestore)) + text;
    } else if (command == "import") {
      import_sent_ = false;
      messages.error = std::string(tr(Str::kErrImportPrefix)) + text;
    } else {
      if (command == "export" && !export_purposes_.empty()) export_purposes_.erase(export_purposes_.begin());
      messages.error = text;
    }
    return;
  }
  if (type == "imported") {
    const bool restored = restore_sent_;
    restore_sent_ = import_sent_ = false;
    clear_run_state();
    origin_ = restored ? Origin::kRestored : Origin::kImported;
    origin_name_ = restored ? std::string() : std::move(import_name_);
    import_name_.clear();
    if (restored) {
      if (host_.model_restored) host_.model_restored();  // the form keeps the saved (or link) settings
    } else {
      form_from_config(run().config(), run().side());
    }
    side_ = run().side();
    form.side = side_;
    return;
  }
  if (type == "exported") {
    int purpose = 0;
    if (!export_purposes_.empty()) {
      purpose = export_purposes_.front();
      export_purposes_.erase(export_purposes_.begin());
    }
    if (purpose == 1) {
      if (host_.keep_model) host_.keep_model(m.payload);
    } else if (host_.download) {
      char name[80];
      const int side = run().side();
      const bool st = f.get("format") == "safetensors";
      std::snprintf(name, sizeof(name), "fmnist-%s-%dx%d.%s", f.get("model", "model").c_str(), side, side,
                    st ? "safetensors" : "fmnist");
      host_.download(m.payload, name);
    }
  }
}

// --- The correction loop

Status Session::correct(int label) {
  if (label < 0 || label >= kNumClasses) return tr_error(Str::kErrCorrectLabel);
  if (engine_.busy() && !engine_.paused()) return tr_error(Str::kErrCorrectTraining);
  if (!run().has_model() || !engine_.worker_alive()) return tr_error(Str::kErrCorrectNoModel);
  if (corrections.running()) return tr_error(Str::kErrCorrectBusy);
  const std::vector<Stroke>& strokes = canvas.drawing().strokes();
  if (canvas.has_bitmap() || ink_box(strokes).empty) return tr_error(Str::kErrCorrectEmpty);
  if (corrections.full()) {
    char buf[200];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtErrSketchesFull), static_cast<int>(kMaxSketchSetSize));
    return text_error(buf);
  }
  // Kept in the sketch format's units: the canvas as the [0, 1] box.
  SketchFile sketch;
  sketch.label = label;
  const float k = 1.0f / kCanvasSize;
  for (const Stroke& s : strokes) {
    Stroke t = s;
    t.width = std::clamp(s.width * k, 1e-4f, 1.0f);
    for (StrokePoint& p : t.points) {
      p.x = std::clamp(p.x * k, 0.0f, 1.0f);
      p.y = std::clamp(p.y * k, 0.0f, 1.0f);
    }
    sketch.strokes.push_back(std::move(t));
  }
  // Every sketch as the model sees it at its side (the canvas's default: outlines filled).
  const int side = run().side();
  std::vector<int> labels;
  std::vector<float> inputs;
  const auto add = [&](const SketchFile& f) {
    const StrokeSteps st = normalise_strokes(f.strokes, side);
    if (st.input.empty) return;
    labels.push_back(f.label);
    inputs.insert(inputs.end(), st.input.pixels.begin(), st.input.pixels.end());
  };
  for (const SketchFile& f : corrections.sketches()) add(f);
  const size_t before = labels.size();
  add(sketch);
  if (labels.size() == before) return tr_error(Str::kErrCorrectEmpty);
  engine_.correct(labels, inputs);
  corrections.sent(std::move(sketch));
  redraw();
  return Status::Ok();
}

Status Session::undo_correction() {
  if (corrections.running()) return tr_error(Str::kErrCorrectBusy);
  if (!corrections.can_undo() || !engine_.worker_alive()) return tr_error(Str::kErrUndoNothing);
  if (engine_.busy() && !engine_.paused()) return tr_error(Str::kErrCorrectTraining);
  engine_.undo_correction();
  corrections.undo_sent();
  redraw();
  return Status::Ok();
}

Status Session::remove_sketch(int index) {
  if (index < 0 || !corrections.remove(static_cast<size_t>(index))) return tr_error(Str::kErrSketchIndex);
  redraw();
  return Status::Ok();
}

void Session::clear_sketches() {
  corrections.clear();
  redraw();
}

void Session::export_sketches() {
  const std::string text = corrections.to_json();
  if (host_.download) host_.download(std::vector<uint8_t>(text.begin(), text.end()), "my-sketches.json");
}

Status Session::import_sketches(const uint8_t* bytes, size_t size) {
  const Status st = corrections.import_json(bytes, size);
  if (!st) return text_error(std::string(tr(Str::kErrSketchesImport)) + tr(st));
  redraw();
  return Status::Ok();
}

}  // namespace fm
