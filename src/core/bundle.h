// The bundle: the compact file the page loads (format in assets/README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dataset.h"

namespace fm {

// What check_bundle() read from a bundle's header; the sections follow it in the bytes.
struct BundleLayout {
  int side = 0, bits = 8;  // bits 4: pixels are levels 0..15 (value = level·17)
  size_t train = 0, test = 0;
  size_t train_labels = 0, test_labels = 0, train_images = 0, test_images = 0;  // offsets
};

// bits_per_pixel 8 stores pixels as they are; 4 stores 16 grey levels (value = q·17).
std::vector<uint8_t> write_bundle(const Dataset& data, int bits_per_pixel = 8);
// Validates magic, version, side, counts against size, labels and the CRC32; `out` is untouched
// on error. Pixels of a 4-bit bundle are expanded back to 0..255.
Status parse_bundle(const uint8_t* bytes, size_t size, Dataset* out);
// Every check of parse_bundle (levels included), without unpacking: for a reader that keeps the
// bytes and unpacks the few images it shows (the page).
Status check_bundle(const uint8_t* bytes, size_t size, BundleLayout* out);

}  // namespace fm
