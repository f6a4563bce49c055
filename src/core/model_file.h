// The model file: a versioned binary with magic, version, architecture, input side, training
// config, weights and a CRC32. Loading validates everything and never touches the caller's model.
#pragma once

#include <cstdint>
#include <vector>

#include "network.h"
#include "train_config.h"

namespace fm {

struct SavedModel {
  Architecture arch;
  int side = 14;
  TrainConfig config;  // how it was trained (model, hidden, optimizer, lr, batch, epochs, seed)
  float val_acc = 0;   // validation accuracy when saved (NaN if unknown)
  Vector params;
};

std::vector<uint8_t> save_model(const SavedModel& model);
// Refuses a wrong magic, unknown version, truncated or over-long file, absurd architecture,
// parameter count that disagrees with the architecture, non-finite weights or a CRC mismatch;
// `out` is untouched on error.
Status load_model(const uint8_t* bytes, size_t size, SavedModel* out);
// A loaded model fits a data set when its input size is side×side.
Status check_model_fits(const SavedModel& model, int side);

}  // namespace fm
