// Splits (indices into the training images) and minibatch gathering.
#pragma once

#include <cstdint>
#include <vector>

#include "types.h"

namespace fm {

struct Split {
  std::vector<int32_t> train;
  std::vector<int32_t> val;
};
// Seeded shuffle, then the last round(n·val_fraction) go to validation (60,000 → 48,000 / 12,000).
Split holdout_split(Index n, double val_fraction, uint64_t seed);
// scikit-learn's StratifiedKFold(n_splits=k, shuffle=False): within each class, samples in their
// original order are dealt to folds in contiguous blocks sized so every fold has the class's share.
std::vector<Split> stratified_kfold(const std::vector<uint8_t>& labels, int k);

// Gathers `count` images into columns [0, count) of x (pixels rows, ≥ count columns,
// preallocated by the caller: no allocation here) as pixel/255, and their labels.
void gather_batch(const uint8_t* images, const uint8_t* labels, int pixels,
                  const int32_t* indices, Index count, Matrix* x, uint8_t* batch_labels);

}  // namespace fm
