// The model and the settings kept across reloads, through web/storage.js (localStorage): the
// settings in the link's text form whenever they change, the model (exported by the engine) at
// the end of each epoch and of each run; restored once the data is in by importing it into the
// engine. state().ready waits for the restore.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fm {

class JsonWriter;
class Session;

class Persistence {
 public:
  // The saved settings text ("" when none). Precedence: URL hash > saved > defaults, so the
  // caller applies it before the hash.
  static std::string saved_settings();
  // Every frame once the page is ready: saves the settings when they change and asks the
  // engine for the model file at each epoch's and run's end.
  void tick(Session& session);
  // Once the data is in: sends the kept model (if any) to the engine; a 28×28 one waits for its
  // bundle.
  void restore(Session& session);
  bool pending(const Session& session) const;
  // Session::Host's storage hooks.
  void keep(const std::vector<uint8_t>& model_file, Session& session);
  void forget();
  void restored(const Session& session);
  void json(const Session& session, JsonWriter& j) const;  // heap_bytes, storage

 private:
  bool tried_ = false;          // the kept model (if any) was looked at
  int wait_side_ = 0;           // a kept 28×28 (7×7) model waits for its bundle
  uint64_t restore_run_ = ~0ull;  // run id of the model restored from storage
  uint64_t saved_run_ = ~0ull;    // run id and epochs of the last save
  size_t saved_epochs_ = 0;
  bool saved_done_ = false;
  std::string saved_settings_;  // the settings text last written
  const char* status_ = "none";  // none | saved | too_large | unavailable
  // My sketches (issue 14 §1): the set's version last written, whether it was read back, whether
  // the storage was full; the corrections of the model last kept.
  uint64_t sketches_version_ = 0;
  bool sketches_tried_ = false, sketches_full_ = false;
  int saved_corrections_ = 0;
};

}  // namespace fm
