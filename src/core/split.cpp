// Hold-out and stratified k-fold splits of the training images, and minibatch gathering.
#include "core/split.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>

#include "core/kernels.h"
#include "core/rng.h"

namespace fm {

Split holdout_split(Index n, double val_fraction, uint64_t seed) {
  assert(n >= 0 && n <= INT32_MAX);
  std::vector<int32_t> order(static_cast<size_t>(n));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  Rng rng(seed);
  rng.shuffle(order);
  const double want = std::round(static_cast<double>(n) * val_fraction);
  const size_t n_val = want <= 0 ? 0 : std::min(order.size(), static_cast<size_t>(want));
  const auto cut = order.begin() + static_cast<std::ptrdiff_t>(order.size() - n_val);
  Split split;
  split.train.assign(order.begin(), cut);
  split.val.assign(cut, order.end());
  return split;
}

std::vector<Split> stratified_kfold(const std::vector<uint8_t>& labels, int k) {
  const size_t n = labels.size();
  if (k < 2 || static_cast<size_t>(k) > n) return {};  // no valid split: sklearn raises here
  // scikit-learn (≥ 0.22) numbers classes by order of first appearance, not by value; the
  // order of the classes in the sorted y decides which fold gets a class's remainder.
  constexpr int kValues = 256;
  std::array<int, kValues> code;
  code.fill(-1);
  std::vector<int> counts;
  for (uint8_t y : labels) {
    if (code[y] < 0) {
      code[y] = static_cast<int>(counts.size());
      counts.push_back(0);
    }
    ++counts[code[y]];
  }
  const size_t classes = counts.size();
  // allocation[i][c] = members of class c among positions i, i+k, i+2k, … of the sorted codes.
  std::vector<std::vector<int>> allocation(k, std::vector<int>(classes, 0));
  size_t pos = 0;
  for (size_t c = 0; c < classes; ++c) {
    for (int m = 0; m < counts[c]; ++m, ++pos) ++allocation[pos % k][c];
  }
  // Deal each class's samples, in their original order, to folds 0, 1, … in contiguous blocks.
  std::vector<int> fold_of(n);
  std::vector<int> fold_cursor(classes, 0), left_in_fold(classes);
  for (size_t c = 0; c < classes; ++c) left_in_fold[c] = allocation[0][c];
  for (size_t i = 0; i < n; ++i) {
    const int c = code[labels[i]];
    while (left_in_fold[c] == 0) left_in_fold[c] = allocation[++fold_cursor[c]][c];
    fold_of[i] = fold_cursor[c];
    --left_in_fold[c];
  }
  std::vector<Split> splits(k);
  for (size_t i = 0; i < n; ++i) {
    for (int f = 0; f < k; ++f) {
      (f == fold_of[i] ? splits[f].val : splits[f].train).push_back(static_cast<int32_t>(i));
    }
  }
  return splits;
}

void gather_batch(const uint8_t* images, const uint8_t* labels, int pixels, const int32_t* indices,
                  Index count, Matrix* x, uint8_t* batch_labels) {
  assert(x->rows() == pixels && x->cols() >= count);
  // The images are scattered over the data set (shuffled order), so each is a handful of cache
  // misses: fetch kAhead images ahead so those misses overlap instead of queueing one by one.
  constexpr Index kAhead = 32;
  const auto image = [&](Index j) { return images + static_cast<size_t>(indices[j]) * pixels; };
  for (Index j = 0; j < std::min(kAhead, count); ++j) kernels::prefetch(image(j), pixels);
  // x is column-major, so each sample's column is contiguous: convert it with 4-float vectors
  // (a table lookup per byte does not vectorise; the division gives the same floats).
  for (Index j = 0; j < count; ++j) {
    if (j + kAhead < count) kernels::prefetch(image(j + kAhead), pixels);
    kernels::bytes_to_unit(image(j), pixels, x->data() + j * x->rows());
    if (labels && batch_labels) batch_labels[j] = labels[indices[j]];
  }
}

}  // namespace fm
