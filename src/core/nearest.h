// Nearest neighbours in a model's representation (issue 13 §2): rows stored as one byte per
// value (value = lo + code·step), searched by exact Euclidean distance between codes. A byte a
// value keeps 48,000 rows of a 100-unit layer in 4.8 MB and the scan in integers (SIMD-friendly);
// the rounding (≤ step/2 a value) moves distances by far less than the gaps between neighbours.
#pragma once

#include <cstdint>
#include <vector>

#include "types.h"

namespace fm {

// One byte per value over [lo, lo + 255·step]; values outside are clamped.
struct Quantizer {
  float lo = 0, step = 1;
  uint8_t code(float v) const;
  // The range of `values` (n of them); a flat or empty range gets step 1.
  static Quantizer spanning(const float* values, size_t n);
};

void quantize(const Quantizer& q, const float* values, size_t n, uint8_t* out);

struct Neighbour {
  int32_t row = 0;     // the row's position in the searched list (ids' index, or the row)
  float distance = 0;  // Euclidean, in values (codes' distance · step)
};

// The k rows nearest `query` (dim codes), nearest first (ties: the earlier row). Row r is at
// data + ids[r]·dim, or data + r·dim when ids is null; n rows.
std::vector<Neighbour> nearest_rows(const uint8_t* data, Index dim, const int32_t* ids, Index n,
                                    const uint8_t* query, int k, float step);

}  // namespace fm
