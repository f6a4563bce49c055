// The bundle: the compact file the page loads (format in assets/README.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "dataset.h"

namespace fm {

// bits_per_pixel 8 stores pixels as they are; 4 stores 16 grey levels (value = q·17).
std::vector<uint8_t> write_bundle(const Dataset& data, int bits_per_pixel = 8);
// Validates magic, version, side, counts against size, labels and the CRC32; `out` is untouched
// on error. Pixels of a 4-bit bundle are expanded back to 0..255.
Status parse_bundle(const uint8_t* bytes, size_t size, Dataset* out);

}  // namespace fm
