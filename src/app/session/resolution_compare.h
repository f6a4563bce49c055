// "Compare resolutions" (issue 14 §3): the current model type trained at 7×7, 14×14 and 28×28
// with the same seed and settings, one run after another through the engine, the size in use
// last (so its model stays the page's); a row per size: validation and test accuracy, parameters,
// seconds per epoch, and the final weights, which classify the current sketch as that model sees
// it. Plain C++: it drives the Session as the page's commands do (tests/test_resolution_compare.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "app/session/session.h"
#include "core/network.h"

namespace fm {

class SketchCanvas;

struct CompareRow {
  int side = 0;
  bool done = false;
  float val_acc = std::numeric_limits<float>::quiet_NaN();
  float test_acc = std::numeric_limits<float>::quiet_NaN();  // NaN: no test set
  long long params = 0;
  int epochs = 0;
  double seconds_per_epoch = std::numeric_limits<double>::quiet_NaN();  // training compute only
  Network network;  // the final weights
  // The current sketch as this model sees it, and what it says (top -1: nothing drawn).
  std::vector<float> input;
  std::array<float, kNumClasses> probs{};
  int top = -1;
};

class ResolutionCompare {
 public:
  enum class State { kIdle, kRunning, kDone, kFailed, kCancelled };

  // Starts from `settings` (side ignored): refused while a run is busy, for the book's CNN
  // (28×28 only) or without data. A finished model is replaced (the caller asks first).
  Status start(Session& session, const Settings& settings);
  void cancel(Session& session);  // stops after the run in progress is reset
  // Follows the session (bundles arriving, runs starting and finishing); call after each engine
  // event and each frame. Returns true on the tick the comparison ends (done, failed, cancelled).
  bool tick(Session& session);
  // The sketch through each finished row's model (when the canvas or the rows changed).
  void update_sketch(const SketchCanvas& canvas, bool fill_outlines);

  State state() const { return state_; }
  bool running() const { return state_ == State::kRunning; }
  int current_side() const { return running() ? order_[at_] : 0; }
  bool downloading(const Session& session) const;  // the current size's data is on its way
  double progress(const Session& session) const;   // 0..1 over the three runs
  const Settings& settings() const { return settings_; }
  const std::array<CompareRow, 3>& rows() const { return rows_; }  // 7, 14, 28
  const std::string& error() const { return error_; }  // kFailed: why, in the page's language
  uint64_t finished() const { return finished_; }      // bumps when a comparison ends

 private:
  enum class Step { kData, kStarting, kTraining };
  void fail(std::string why);
  void finish(State state);

  State state_ = State::kIdle;
  Settings settings_;
  std::array<int, 3> order_{};  // the sizes in run order
  size_t at_ = 0;
  Step step_ = Step::kData;
  bool asked_ = false;       // the current size's data was asked for
  uint64_t run_before_ = 0;  // the run id before this size's train was sent
  uint64_t run_ = 0;         // this size's run id
  std::array<CompareRow, 3> rows_;
  std::string error_;
  uint64_t finished_ = 0;
  uint64_t sketch_version_ = 0, rows_version_ = 0, sketch_rows_ = ~0ull;
  bool sketch_fill_ = true;
};

const char* compare_state_name(ResolutionCompare::State state);  // idle, running, done, failed, cancelled

}  // namespace fm
