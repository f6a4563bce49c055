// IDX, the data set's original format (already gunzipped by the caller): parsing the image and
// label files and assembling the 28×28 Dataset from them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dataset.h"

namespace fm {

struct IdxImages {
  int count = 0, rows = 0, cols = 0;
  std::vector<uint8_t> pixels;  // count × rows × cols
};
// Checks magic (0x00000803 / 0x00000801), dimensions and that the size matches the header.
Status parse_idx_images(const uint8_t* bytes, size_t size, IdxImages* out);
Status parse_idx_labels(const uint8_t* bytes, size_t size, std::vector<uint8_t>* out);
// One image file and its label file as LabelledImages: images 28×28, as many images as labels
// (both counts in the refusal), at most kMaxImages, labels 0..9. `test` picks the codes that name
// the test files (kTest…) rather than the training files (kTrain…). `out` is left alone on error.
Status make_labelled_images(IdxImages images, std::vector<uint8_t> labels, bool test,
                            LabelledImages* out);
// Assembles a 28×28 Dataset (Fashion-MNIST's class names) from the two pairs, each checked as
// make_labelled_images does; the training set must not be empty.
Status make_dataset(IdxImages train_images, std::vector<uint8_t> train_labels,
                    IdxImages test_images, std::vector<uint8_t> test_labels, Dataset* out);

}  // namespace fm
