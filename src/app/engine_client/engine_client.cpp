// EngineClient: commands out, events in, the worker's life.
#include "app/engine_client/engine_client.h"

#include <utility>

namespace fm {

EngineClient::EngineClient(Host host) : host_(std::move(host)) {}

void EngineClient::post(std::string_view type, const FieldWriter& fields,
                        std::vector<uint8_t> payload) {
  if (!worker_alive()) return;
  host_.post(make_message(type, fields, std::move(payload)));
}

void EngineClient::send_bundle(int slot) {
  const std::vector<uint8_t>* b = bundles_[static_cast<size_t>(slot)];
  if (b == nullptr || b->empty()) return;
  FieldWriter w;
  w.add("side", kInputSides[slot]);
  if (!names_.empty()) w.add_list("names", names_);
  post("load_data", w, *b);  // a copy: the page keeps its bytes for the next worker
}

void EngineClient::set_bundle(int side, const std::vector<uint8_t>* bytes) {
  const int slot = input_side_index(side);
  if (slot < 0) return;
  bundles_[static_cast<size_t>(slot)] = bytes;
  loaded_[static_cast<size_t>(slot)] = false;
  send_bundle(slot);
}

void EngineClient::adopt_bundle(int side, const std::vector<uint8_t>* bytes) {
  const int slot = input_side_index(side);
  if (slot < 0) return;
  bundles_[static_cast<size_t>(slot)] = bytes;
  loaded_[static_cast<size_t>(slot)] = true;
}

void EngineClient::user_data_begin(const std::string& part, double bytes, bool idx) {
  FieldWriter w;
  w.add("part", part).add("bytes", static_cast<long long>(bytes)).add("format", idx ? "idx" : "csv");
  post("user_data_begin", w);
}

void EngineClient::user_data_chunk(std::vector<uint8_t> bytes) { post("user_data_chunk", {}, std::move(bytes)); }
void EngineClient::user_data_names(std::vector<uint8_t> bytes) { post("user_data_names", {}, std::move(bytes)); }
void EngineClient::user_data_idx(bool images, std::vector<uint8_t> bytes) {
  post("user_data_idx", FieldWriter().add("kind", images ? "images" : "labels"), std::move(bytes));
}
void EngineClient::user_data_end() { post("user_data_end"); }
void EngineClient::user_data_cancel() { post("user_data_cancel"); }

void EngineClient::start() {
  if (worker_alive()) return;
  worker_ = Worker::kStarting;
  fatal_kind_.clear();
  fatal_message_.clear();
  loaded_ = {};
  drawing_ = false;  // a new worker computes at full share
  explain_.worker_restarted();
  ++workers_started_;
  host_.start();
  if (slice_set_) {
    FieldWriter w;
    w.add("slice_ms", slice_ms_);
    post("config", w);
  }
  if (explain_on_) post("config", FieldWriter().add("explain", 1));
  for (int side : {14, 28, 7}) send_bundle(input_side_index(side));  // the default size first
}

void EngineClient::worker_died(std::string kind, std::string message) {
  if (worker_ == Worker::kDead) return;
  if (worker_alive()) host_.terminate();
  worker_ = Worker::kDead;
  fatal_kind_ = std::move(kind);
  fatal_message_ = std::move(message);
  starting_run_ = false;
  loaded_ = {};
  view_.drop_eval();  // a snapshot's pass asked of it never comes: the view says so
  // The run is gone with the worker; its last weights stay in the view for predictions.
  Message m = make_message("progress", FieldWriter().add("phase", "idle").add("paused", 0));
  if (view_.busy() || view_.phase() == Phase::kDiverged) view_.apply(m);
}

void EngineClient::train(const Settings& s) {
  if (!worker_alive()) start();
  starting_run_ = true;
  post("train", FieldWriter().append(format_settings(s)));
}

void EngineClient::pause() {
  if (busy()) post("pause");
}

void EngineClient::resume() {
  if (view_.busy()) post("resume");
}

// Reset and continue show at once (the view applies the event the engine will send; its own
// copy, when it comes, changes nothing more). Events of the dropped run that were already on
// their way find no run and are ignored.
void EngineClient::reset() {
  starting_run_ = false;
  post("reset");
  view_.apply(make_message("reset"));
}

void EngineClient::set_lr(float lr) {
  if (view_.has_model()) post("set_lr", FieldWriter().add("lr", lr));
}

void EngineClient::plus_epoch() { post("plus_epoch"); }

void EngineClient::set_pace(Pace pace) {
  post("set_pace", FieldWriter().add("pace", pace == Pace::kWatch ? "watch" : "full"));
}

void EngineClient::continue_run(float lr) {
  FieldWriter w;
  if (lr > 0) w.add("lr", lr);
  post("continue", w);
  if (view_.phase() == Phase::kDiverged && worker_alive()) {
    FieldWriter local;
    local.add("lr", lr > 0 ? lr : view_.lr()).add("epoch", view_.epoch()).add("samples_seen", view_.samples_seen());
    view_.apply(make_message("continued", local));
  }
}

void EngineClient::import_model(std::vector<uint8_t> file) {
  if (!worker_alive()) start();
  post("import", {}, std::move(file));
}

void EngineClient::correct(const std::vector<int>& labels, const std::vector<float>& inputs) {
  FieldWriter w;
  w.add_list("labels", labels);
  post("correct", w, float_bytes(inputs.data(), inputs.size()));
}

void EngineClient::export_model(const char* format) {
  FieldWriter w;
  w.add("format", format);
  post("export", w);
}

void EngineClient::cv(int side) {
  if (!worker_alive()) start();
  view_.clear_cv();
  post("cv", FieldWriter().add("side", side));
}

void EngineClient::cancel_cv() { post("cancel_cv"); }

void EngineClient::config(double slice_ms) {
  slice_ms_ = slice_ms;
  slice_set_ = true;
  post("config", FieldWriter().add("slice_ms", slice_ms));
}

void EngineClient::yield_to_drawing(bool drawing) {
  if (drawing == drawing_ || !worker_alive()) return;
  drawing_ = drawing;
  post("config", FieldWriter().add("share", drawing ? kDrawingShare : 1.0));
}

void EngineClient::crash() { post("crash"); }

void EngineClient::enable_explain() {
  if (explain_on_) return;
  explain_on_ = true;
  post("config", FieldWriter().add("explain", 1));
}

void EngineClient::ask_neighbours(const std::string& key, const std::vector<float>& input) {
  Message m;
  if (worker_alive() && explain_.ask(key, input, &m)) host_.post(m);
}

bool EngineClient::on_event(const Message& m) {
  const std::string_view type = message_type(m);
  const FieldReader f = message_fields(m);
  if (type == "ready") {
    if (worker_ == Worker::kStarting) worker_ = Worker::kReady;
    simd_ = f.get("simd") == "1";
    return true;
  }
  if (type == "fatal") {
    worker_died(f.get("kind"), f.get("message"));
    return true;
  }
  if (type == "data_loaded") {
    long long side = 0;
    if (f.get_whole("side", 7, 28, &side) && input_side_index(static_cast<int>(side)) >= 0) {
      loaded_[static_cast<size_t>(input_side_index(static_cast<int>(side)))] = true;
    }
    return true;
  }
  if (type == "config") {
    double v = 0;
    if (f.get_double("slice_ms", &v)) slice_ms_ = v;
    return false;
  }
  if (type == "map" || type == "neighbours") {
    const bool changed = explain_.apply(m);
    Message next;
    if (explain_.take_waiting(&next) && worker_alive()) host_.post(next);
    return changed;
  }
  if (type == "error" && f.get("command") == "neighbours") {
    explain_.refused();
    Message next;
    if (explain_.take_waiting(&next) && worker_alive()) host_.post(next);
    return false;
  }
  if (type == "started" || type == "imported" || type == "reset") explain_.apply(m);
  if (type == "started" || type == "imported") starting_run_ = false;
  if (type == "error" && (f.get("command") == "train")) starting_run_ = false;
  return view_.apply(m) || type == "error";
}

bool EngineClient::view_at(long long pos) {
  if (!view_.view_at(pos)) return false;
  const Snapshot* s = view_.viewed();
  if (s != nullptr && !s->evaluated && view_.eval_pending() != s->pos && worker_alive()) {
    FieldWriter w;
    w.add("id", static_cast<long long>(view_.begin_eval(s->pos)));
    post("eval_weights", w, float_bytes(s->params.data(), s->params.size()));
  }
  return true;
}

}  // namespace fm
