// Fashion-MNIST in memory: the Dataset type, the class names and the label check the parsers
// share. The formats live beside it: idx.h (the original files), bundle.h (the page's file),
// downsample.h (28→14 and 28→7), split.h (hold-out and k-fold splits, minibatches).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "types.h"

namespace fm {

constexpr int kFullSide = 28;
// The input sizes a model reads: the 28×28 images and their 2×2 and 4×4 mean poolings.
constexpr int kInputSides[] = {7, 14, 28};
constexpr bool is_input_side(int side) { return side == 7 || side == 14 || side == 28; }
// side's index in kInputSides (a data slot, a settings choice), −1 for any other side.
constexpr int input_side_index(int side) { return side == 7 ? 0 : side == 14 ? 1 : side == 28 ? 2 : -1; }
// The most images one file of a user's data set may hold (a CSV file, an IDX pair).
constexpr int kMaxImages = 200000;

// The 60,000 training and 10,000 test images; pixels stay uint8 (0 = background) and are
// converted to float per batch. Images are row-major, one after another.
struct Dataset {
  int side = 0;  // 28, 14 or 7 (is_input_side)
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

// 28×28 images with their labels, as one CSV file or one IDX pair gives them, before they become
// a Dataset (user_data.h).
struct LabelledImages {
  std::vector<uint8_t> pixels;  // count × 784, one image after another
  std::vector<uint8_t> labels;  // count, each 0..9
  Index count() const { return static_cast<Index>(labels.size()); }
};

// English class names in label order (T-shirt/top … Ankle boot).
const std::array<std::string, kNumClasses>& default_class_names();

// Every label is 0..9; else `out_of_range` (one of the k…LabelRange codes) with the label and
// its index.
Status check_labels(const std::vector<uint8_t>& labels, ErrorCode out_of_range);

}  // namespace fm
