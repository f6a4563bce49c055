// The model file: a versioned binary with magic, version, architecture, input side, training
// config, class names, the run's history, weights and a CRC32. Loading validates everything and never touches the caller's model.
#pragma once

#include <cstdint>
#include <vector>

#include "class_names.h"
#include "dataset.h"
#include "history.h"
#include "network.h"
#include "train_config.h"

namespace fm {

struct SavedModel {
  Architecture arch;
  int side = 14;
  TrainConfig config;  // how it was trained (model, hidden, optimizer, lr, batch, epochs, seed)
  float val_acc = 0;   // validation accuracy when saved (NaN if unknown)
  Vector params;
  // The names of the classes it was trained on (a user's names file, or Fashion-MNIST's; files
  // before version 3 load with Fashion-MNIST's).
  ClassNames class_names = default_class_names();
  // The run's epochs behind the weights, epoch 1 first (empty: unknown, as in files before
  // version 4); its length is the epochs trained.
  History history;
  // The plots' per-batch curve of that run (at most kMaxSavedCurve points, x in epochs; empty:
  // none, as in files before version 4).
  std::vector<CurvePoint> curve;
  // Corrections that fine-tuned it (issue 14 §1; core/fine_tune.h): above 0, its seed and settings
  // no longer reproduce it. Files before version 5 carry none.
  int corrections = 0;
};

std::vector<uint8_t> save_model(const SavedModel& model);
// Refuses a wrong magic, unknown version, truncated or over-long file, absurd architecture,
// class names that are not ten valid names (class_names.h), a history check_history refuses,
// parameter count that disagrees with the architecture, non-finite weights or a CRC mismatch;
// `out` is untouched on error.
Status load_model(const uint8_t* bytes, size_t size, SavedModel* out);
// A loaded model fits a data set when its input size is side×side.
Status check_model_fits(const SavedModel& model, int side);

}  // namespace fm
