// The model and the settings kept across reloads, through web/storage.js (localStorage, the
// model file base64-encoded): the settings in the URL hash's text form whenever they change, the
// model (exported by the engine) at the end of each epoch and of each run; restored once the
// data is in by importing it into the engine. state().ready waits for the restore.
#include <cstdio>
#include <vector>

#include "app/app.h"
#include "app/json_writer.h"
#include "app/strings.h"
#include "app/url_settings.h"
#include "app/web_bridge.h"
#include "core/model_file.h"

namespace fm {

// Settings precedence: URL hash > saved > defaults. This fills form_ from the saved settings;
// whatever applies URL-hash settings must run after it (App::init() calls this first).
void App::load_saved_settings() {
  const std::string text = storage_load_settings();
  if (!text.empty()) apply_settings(text, SettingsOrigin::kSaved);
  settings_notice_.clear();  // a saved value the table refuses is dropped quietly
}

void App::save_to_storage(const std::vector<uint8_t>& bytes) {
  const int r = storage_save(&bytes, saved_settings_);
  const char* before = storage_status_;
  storage_status_ = r == 0 ? "saved" : r == 1 ? "too_large" : "unavailable";
  if (r == 1 && before != storage_status_) error_ = tr(Str::kErrStorageTooLarge);
}

void App::forget_saved_model() {
  storage_forget_model();
  storage_status_ = "none";
}

void App::persist_tick() {
  if (restore_pending()) return;
  // Settings: written whenever the form changes (a few hundred bytes), in the link's form.
  const std::string text = format_settings(form_settings());
  if (saved_settings_ != text) {
    saved_settings_ = text;
    storage_save(nullptr, saved_settings_);
  }
  // The model: at the end of each epoch and of each run, exported by the engine (after_event
  // saves the file). An imported model is saved once its evaluation is done; a restored one is
  // already saved.
  const uint64_t id = run().run_id();
  if (id != saved_run_) {
    saved_run_ = id;
    saved_epochs_ = 0;
    saved_done_ = false;
    if (!run().has_model() && !engine_.busy()) forget_saved_model();  // reset(): gone for good
  }
  if (!run().has_model() || id == restore_run_ || !engine_.worker_alive()) return;
  const size_t epochs = run().history().size();
  const bool done = run().phase() == Phase::kDone;
  if (epochs > saved_epochs_ || (done && !saved_done_)) {
    export_purposes_.push_back(1);
    engine_.export_model();
    saved_epochs_ = epochs;
    saved_done_ = done;
  }
}

void App::restore_saved_model() {
  if (restore_tried_ && restore_wait_side_ == 0) return;
  if (restore_wait_side_ == 28) {
    const BundleSlot& big = bundles_[1];
    if (!big.data.loaded()) {
      if (big.requested) return;  // still downloading
      restore_wait_side_ = 0;     // the download failed: give the model up
      error_ = std::string(tr(Str::kErrRestore)) + big.error;
      return;
    }
    restore_wait_side_ = 0;
  }
  restore_tried_ = true;
  std::vector<uint8_t> bytes = storage_load_model();
  if (bytes.empty()) return;
  SavedModel m;
  Status st = load_model(bytes.data(), bytes.size(), &m);
  if (st && m.side == 28 && !bundles_[1].data.loaded()) {
    restore_wait_side_ = 28;
    select_side(28);
    return;
  }
  if (st) st = send_model(std::move(bytes), true);
  if (!st) {
    forget_saved_model();
    error_ = std::string(tr(Str::kErrRestore)) + tr(st);
  }
}

bool App::restore_pending() const {
  return !restore_tried_ || restore_wait_side_ != 0 || restore_sent_ ||
         (run().run_id() == restore_run_ && run().busy());
}

void App::persistence_json(JsonWriter& j) const {
  j.key("heap_bytes").number(heap_bytes());
  j.key("storage").begin_object();
  j.key("status").string(storage_status_);
  j.key("restored").boolean(run().run_id() == restore_run_ && run().has_model());
  j.key("pending").boolean(restore_pending());
  j.end_object();
}

}  // namespace fm
