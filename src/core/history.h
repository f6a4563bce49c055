// A run's history: one record per finished epoch, epoch 1 first. The Trainer keeps it; model files
// carry it (model_file.h, safetensors.h), so an imported or restored model shows its plots again
// and +1 epoch goes on at epoch N+1.
#pragma once

#include <vector>

#include "status.h"

namespace fm {

struct EpochRecord {
  int epoch = 0;  // 1-based
  float train_loss = 0, train_acc = 0, val_loss = 0, val_acc = 0;
};

using History = std::vector<EpochRecord>;

// A history as a run makes it: at most kMaxEpochs records, numbered 1, 2, … in order, losses
// finite and ≥ 0, accuracies in [0, 1]. Refused with the first bad record's number.
Status check_history(const History& history);

}  // namespace fm
