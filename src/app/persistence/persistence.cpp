// The model and the settings kept across reloads, through web/storage.js (localStorage, the
// model file base64-encoded): the settings in the link's text form whenever they change, the
// model (exported by the engine) at the end of each epoch and of each run; restored once the
// data is in by importing it into the engine. state().ready waits for the restore.
#include "app/persistence/persistence.h"

#include <cstdio>
#include <string>
#include <vector>

#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"
#include "app/web_bridge.h"
#include "core/model_file.h"

namespace fm {
namespace {

// The epochs the page kept beside the model before model files carried them (version 4):
// "epoch,train_loss,train_acc,val_loss,val_acc;…". A damaged text gives the epochs read before
// the damage (the model restores either way).
History parse_history(const std::string& text) {
  History out;
  const char* p = text.c_str();
  while (*p != '\0') {
    EpochRecord e;
    int used = 0;
    if (std::sscanf(p, "%d,%f,%f,%f,%f%n", &e.epoch, &e.train_loss, &e.train_acc, &e.val_loss,
                    &e.val_acc, &used) != 5 || e.epoch != static_cast<int>(out.size()) + 1) {
      break;
    }
    out.push_back(e);
    p += used;
    if (*p == ';') ++p;
  }
  return out;
}

}  // namespace

std::string Persistence::saved_settings() { return storage_load_settings(); }

void Persistence::keep(const std::vector<uint8_t>& bytes, Session& session) {
  const int r = storage_save(&bytes, saved_settings_);
  const char* before = status_;
  status_ = r == 0 ? "saved" : r == 1 ? "too_large" : "unavailable";
  if (r == 1 && before != status_) session.messages.error = tr(Str::kErrStorageTooLarge);
}

void Persistence::forget() {
  storage_forget_model();
  status_ = "none";
}

void Persistence::restored(const Session& session) {
  restore_run_ = session.run().run_id();
  saved_corrections_ = session.corrections.applied();
  status_ = "saved";
}

void Persistence::tick(Session& session) {
  // My sketches: written whenever the set changes; a full storage is said once.
  if (session.corrections.version() != sketches_version_) {
    sketches_version_ = session.corrections.version();
    const int r = storage_save_sketches(session.corrections.to_json());
    if (r == 1 && !sketches_full_) session.messages.error = tr(Str::kErrSketchesStorage);
    sketches_full_ = r == 1;
  }
  if (pending(session)) return;
  const RunView& run = session.run();
  // Settings: written whenever the form changes (a few hundred bytes), in the link's form.
  const std::string text = format_settings(session.form.settings());
  if (saved_settings_ != text) {
    saved_settings_ = text;
    storage_save(nullptr, saved_settings_);
  }
  // The model: at the end of each epoch and of each run, exported by the engine (the session
  // hands the file to keep()). An imported model is saved once its evaluation is done; a
  // restored one is already saved.
  const uint64_t id = run.run_id();
  if (id != saved_run_) {
    saved_run_ = id;
    saved_epochs_ = 0;
    saved_done_ = false;
    if (!run.has_model() && !session.engine().busy()) forget();  // reset(): gone for good
  }
  // A correction (or its undo) changed the weights: keep the model as it now is, marked (issue 14).
  const int corrections = session.corrections.applied();
  if (corrections != saved_corrections_ && !session.corrections.running() && run.has_model() &&
      !session.engine().busy() && session.engine().worker_alive()) {
    saved_corrections_ = corrections;
    session.export_for_storage();
    return;
  }
  if (!run.has_model() || id == restore_run_ || !session.engine().worker_alive()) return;
  const size_t epochs = run.history().size();
  const bool done = run.phase() == Phase::kDone;
  if (epochs > saved_epochs_ || (done && !saved_done_)) {
    session.export_for_storage();
    saved_epochs_ = epochs;
    saved_done_ = done;
  }
}

void Persistence::restore(Session& session) {
  if (!sketches_tried_) {  // My sketches from the last visit (a damaged copy is left as it is)
    sketches_tried_ = true;
    const std::string text = storage_load_sketches();
    if (!text.empty() && session.corrections.restore_json(text)) {
      sketches_version_ = session.corrections.version();
    } else if (!text.empty()) {
      sketches_version_ = session.corrections.version();  // not overwritten until the set changes
    }
  }
  if (tried_ && wait_side_ == 0) return;
  if (wait_side_ != 0) {
    const BundleSlot& big = session.bundle(wait_side_);
    if (!big.data.loaded()) {
      if (big.requested) return;  // still downloading
      wait_side_ = 0;             // the download failed: give the model up
      session.messages.error = std::string(tr(Str::kErrRestore)) + big.error;
      return;
    }
    wait_side_ = 0;
  }
  tried_ = true;
  std::vector<uint8_t> bytes = storage_load_model();
  if (bytes.empty()) return;
  SavedModel m;
  Status st = load_model(bytes.data(), bytes.size(), &m);
  if (st && m.side != 14 && !session.bundle(m.side).data.loaded()) {
    wait_side_ = m.side;
    session.select_side(m.side);
    return;
  }
  if (st && m.history.empty()) {
    // Kept by a page before version 4 files: its history beside it goes into the file.
    History old = parse_history(storage_load_history());
    if (!old.empty() && check_history(old)) {
      m.history = std::move(old);
      bytes = save_model(m);
    }
  }
  if (st) st = session.restore_model(std::move(bytes));
  if (!st) {
    forget();
    session.messages.error = std::string(tr(Str::kErrRestore)) + tr(st);
  }
}

bool Persistence::pending(const Session& session) const {
  return !tried_ || wait_side_ != 0 || session.restore_sent() ||
         (session.run().run_id() == restore_run_ && session.run().busy());
}

void Persistence::json(const Session& session, JsonWriter& j) const {
  j.key("heap_bytes").number(heap_bytes());
  j.key("storage").begin_object();
  j.key("status").string(status_);
  j.key("restored").boolean(session.run().run_id() == restore_run_ && session.run().has_model());
  j.key("pending").boolean(pending(session));
  j.end_object();
}

}  // namespace fm
