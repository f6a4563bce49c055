// "My sketches" and the correction loop (issue 14 §1), the page's side: the user's corrected
// sketches kept as strokes with their labels (exported, imported and kept across reloads as a
// sketch set, core/sketch_file.h), the engine's fine-tune followed from its events (progress, the
// last fix's before and after), and how many corrections the model in use carries (the page's
// fine-tuned mark). Plain C++: the Session drives it, tests/test_session.cpp checks it.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/sketch_file.h"
#include "engine/fields.h"

namespace fm {

struct LastFix {
  int before = -1, after = -1;  // the newest sketch's class, before and after
  float before_p = 0, after_p = 0;
  float val_before = NAN, val_after = NAN;
  int steps = 0;
  double compute_s = 0;
  int label = -1;  // what the user said it is
};

class Corrections {
 public:
  const std::vector<SketchFile>& sketches() const { return sketches_; }
  bool full() const { return sketches_.size() >= kMaxSketchSetSize; }
  // Bumps with every change to the set (thumbnails, storage).
  uint64_t version() const { return version_; }
  bool remove(size_t index);
  void clear();
  // The set as a sketch-set file, and back: import appends the file's sketches (refused whole,
  // nothing changed, when the file is not a sketch set or the set would grow beyond its limit);
  // restore replaces the set (the browser's kept copy).
  std::string to_json() const { return write_sketch_set(sketches_); }
  Status import_json(const uint8_t* bytes, size_t size);
  Status restore_json(const std::string& text);

  // A `correct` command went out with `sketch` as its newest: it joins the set now (pending) and
  // leaves it again if the engine refuses.
  void sent(SketchFile sketch);
  bool running() const { return running_; }
  float fraction() const { return fraction_; }
  int steps_done() const { return steps_done_; }
  int steps() const { return steps_; }
  bool has_fix() const { return has_fix_; }
  const LastFix& last_fix() const { return fix_; }
  // Corrections the model in use carries (0: it is what its seed and settings give).
  int applied() const { return applied_; }
  bool can_undo() const { return can_undo_; }
  void undo_sent() { can_undo_ = false; }

  // One engine event (correct_progress, corrected, correction_undone; an `error` for correct or
  // undo_correction): true when it was about corrections.
  bool on_event(std::string_view type, const FieldReader& f);
  // train, import or reset: a different model, nothing to undo, no mark. `applied`: what the new
  // model carries (a restored or imported file's).
  void model_replaced(int applied = 0);

 private:
  std::vector<SketchFile> sketches_;
  uint64_t version_ = 1;
  bool pending_ = false;  // the set's last sketch waits for the engine's answer
  bool running_ = false;
  float fraction_ = 0;
  int steps_done_ = 0, steps_ = 0;
  bool has_fix_ = false;
  LastFix fix_;
  int applied_ = 0;
  bool can_undo_ = false;
};

}  // namespace fm
