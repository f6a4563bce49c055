// Binary PGM (P5) reading for `fmnist predict`: any size, 8- or 16-bit, to 8-bit grey.
#pragma once

#include <cstdint>
#include <vector>

#include "core/types.h"

namespace fm {

struct GrayImage {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // row-major
};

Status parse_pgm(const std::vector<uint8_t>& bytes, GrayImage* out);

}  // namespace fm
