// The guided lesson's state: which step runs, the cross-validation (step 2) and the lesson's
// Dense(10, softmax) run (step 4), both run by the engine in its worker, and what the panel
// shows. LessonPanel drives it (panels/lesson_steps.cpp) and draws it (panels/lesson.cpp).
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <vector>

#include "app/ui/gl_texture.h"

namespace fm {

class BundleView;

constexpr int kLessonSteps = 5;
constexpr int kDenseStep = 4;  // the step that trains a model (Keras' Dense(10, softmax))

struct LessonState {
  bool open = false;      // the window is shown
  int step = 0;           // the step running or run last (1..5), 0 = none yet
  bool running = false;
  bool run_all = false;   // go on to the next step when this one finishes
  bool cancelled = false;
  int open_step = 0;      // a step whose section opens on the next frame
  std::array<bool, kLessonSteps + 1> done{};  // [1..5]

  // Step 1: the data
  std::array<int, 10> balance{};
  const BundleView* first_ten_for = nullptr;
  Texture first_ten;  // 10 images side by side

  // Step 2: cross-validation (the engine's `cv`; the view's cv() has its progress)
  bool cv_started = false;
  int cv_side = 0;
  int cv_fold = 0, cv_k = 5;
  double cv_fold_progress = 0;
  double cv_ms = 0;   // the engine's compute time
  double cv_mean = std::numeric_limits<double>::quiet_NaN();  // NaN until all folds are in
  std::vector<double> cv_folds;

  // Step 3: the split
  long long split_train = 0, split_val = 0;

  // Step 4: the Dense run (a run in the engine; the live panels show it)
  uint64_t dense_run = 0;   // the RunView's run id of the lesson's run, 0 = none
  bool dense_pending = false;  // train sent, `started` not yet here
  int dense_side = 0;
  float dense_val_acc = std::numeric_limits<float>::quiet_NaN();  // NaN until the run finished
  std::vector<float> dense_epochs;

  // Step 5
  bool hidden_ready = false;
};

// The lesson's reference numbers (tests/reference/README.md).
struct LessonReference {
  static constexpr double kCv28 = 0.8196, kCv14 = 0.8291;
  static constexpr double kDense28 = 0.850;
  static constexpr double kDense14Low = 0.824, kDense14High = 0.829;
  // 7×7 (4×4 means): the dense runs only; there is no cross-validation reference at 7×7.
  static constexpr double kDense7 = 0.7753, kMlp7 = 0.8317;
};

}  // namespace fm
