// What the page's polite live region says (issue 16 §1): the facts a listener follows, compared
// with the last ones seen, give the sentences to announce, worded in the current language. Plain
// C++ (tests/test_announcer.cpp); web/a11y.js paces them to at most one every 2 s.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace fm {

// The live region's kinds, in the order a summary reads them (web/a11y.js merges by kind: a
// newer sentence of a kind replaces the older one, and a run's end drops its epochs).
enum class Announce : uint8_t { kReady, kRun, kEpoch, kRunEnd, kProblem, kPrediction, kLesson };
const char* announce_kind_name(Announce kind);  // "ready", "run", "epoch", "end", ...

struct Announcement {
  Announce kind;
  std::string text;
};

// The facts, as of now. NaN: not known (yet).
struct A11yFacts {
  bool ready = false;           // the data is in and the page answers
  uint64_t run = 0;             // changes with each new, adopted or dropped model
  bool training = false;        // a run is busy (running or paused)
  bool paused = false;
  bool diverged = false;
  std::string divergence;       // its sentence
  std::string model;            // the run's model, named ("the softmax model")
  int epochs = 0;               // the run's planned epochs
  int epochs_done = 0;          // epochs with a validation result
  double val_acc = NAN;         // the last epoch's
  double test_acc = NAN;        // once the run is over (NaN: no test set)
  bool run_over = false;        // the run finished (not diverged)
  std::string error;            // the overlay's current error message ("" none)
  std::string input_key;        // changes with the drawing (stroke, clear, test image)
  std::string top_name;         // the prediction's class ("" none)
  double top_prob = NAN;
  std::array<std::string, 6> lesson;  // [1..5]: each step's result once done ("" not yet)
};

class Announcer {
 public:
  // The sentences for what changed since the last call (none on the first: the page just
  // started). Wording is tr()'s, in the language in force.
  std::vector<Announcement> update(const A11yFacts& now);

 private:
  A11yFacts last_;
  bool first_ = true;
};

}  // namespace fm
