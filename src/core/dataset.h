// Fashion-MNIST in memory: IDX and bundle parsing/writing, 2×2 downsampling, hold-out and
// stratified k-fold splits, and minibatch gathering. Bytes in, results out: no files, no zlib.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "types.h"

namespace fm {

constexpr int kFullSide = 28;

// The 60,000 training and 10,000 test images; pixels stay uint8 (0 = background) and are
// converted to float per batch. Images are row-major, one after another.
struct Dataset {
  int side = 0;  // 28 or 14
  std::vector<uint8_t> train_images;  // train_count × side²
  std::vector<uint8_t> train_labels;  // train_count, each 0..9
  std::vector<uint8_t> test_images;
  std::vector<uint8_t> test_labels;
  std::array<std::string, kNumClasses> class_names;

  int pixels() const { return side * side; }
  Index train_count() const { return static_cast<Index>(train_labels.size()); }
  Index test_count() const { return static_cast<Index>(test_labels.size()); }
  const uint8_t* train_image(Index i) const { return train_images.data() + i * pixels(); }
  const uint8_t* test_image(Index i) const { return test_images.data() + i * pixels(); }
};

// English class names in label order (T-shirt/top … Ankle boot).
const std::array<std::string, kNumClasses>& default_class_names();

// --- IDX (the data set's original format, already gunzipped by the caller) ---
struct IdxImages {
  int count = 0, rows = 0, cols = 0;
  std::vector<uint8_t> pixels;  // count × rows × cols
};
// Checks magic (0x00000803 / 0x00000801), dimensions and that the size matches the header.
Status parse_idx_images(const uint8_t* bytes, size_t size, IdxImages* out);
Status parse_idx_labels(const uint8_t* bytes, size_t size, std::vector<uint8_t>* out);
// Assembles a 28×28 Dataset, checking that image and label counts agree and labels are 0..9.
Status make_dataset(IdxImages train_images, std::vector<uint8_t> train_labels,
                    IdxImages test_images, std::vector<uint8_t> test_labels, Dataset* out);

// 2×2 mean pooling 28→14 (rounded to nearest); side 28 returns a copy. Other sides: error.
Status downsample(const Dataset& full, int side, Dataset* out);

// --- The bundle: the compact file the page loads (format in assets/README.md) ---
// bits_per_pixel 8 stores pixels as they are; 4 stores 16 grey levels (value = q·17).
std::vector<uint8_t> write_bundle(const Dataset& data, int bits_per_pixel = 8);
// Validates magic, version, side, counts against size, labels and the CRC32; `out` is untouched
// on error. Pixels of a 4-bit bundle are expanded back to 0..255.
Status parse_bundle(const uint8_t* bytes, size_t size, Dataset* out);

uint32_t crc32(const uint8_t* bytes, size_t size, uint32_t crc = 0);

// --- Splits: indices into the training images ---
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
