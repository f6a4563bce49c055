// Quantised rows and a linear k-nearest scan over them.
#include "core/nearest.h"

#include <algorithm>
#include <climits>
#include <cmath>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

namespace fm {

uint8_t Quantizer::code(float v) const {
  const float c = std::round((v - lo) / step);
  if (!(c > 0)) return 0;  // below the range, or NaN
  return static_cast<uint8_t>(std::min(c, 255.0f));
}

Quantizer Quantizer::spanning(const float* values, size_t n) {
  Quantizer q;
  if (n == 0) return q;
  float lo = values[0], hi = values[0];
  for (size_t i = 1; i < n; ++i) {
    lo = std::min(lo, values[i]);
    hi = std::max(hi, values[i]);
  }
  q.lo = lo;
  q.step = hi > lo ? (hi - lo) / 255.0f : 1.0f;
  return q;
}

void quantize(const Quantizer& q, const float* values, size_t n, uint8_t* out) {
  for (size_t i = 0; i < n; ++i) out[i] = std::isfinite(values[i]) ? q.code(values[i]) : 0;
}

namespace {

constexpr Index kBlock = 128;  // bytes summed between two looks at the bound

// Σ (a − b)² over dim bytes: at most 4096·255² < 2³¹. Natively a plain loop the compiler
// vectorises; under -msimd128 16 bytes a step by hand (clang left the loop scalar: a softmax's
// query over 48,000 images of 784 pixels took about 50 ms in the page).
int32_t squared_distance(const uint8_t* a, const uint8_t* b, Index dim) {
  int32_t s = 0;
  Index i = 0;
#if defined(__wasm_simd128__)
  v128_t acc = wasm_i32x4_splat(0);
  for (; i + 16 <= dim; i += 16) {
    const v128_t va = wasm_v128_load(a + i), vb = wasm_v128_load(b + i);
    // Differences as 16-bit lanes (−255…255), squared and summed in pairs into 32-bit lanes.
    const v128_t lo = wasm_i16x8_sub(wasm_u16x8_extend_low_u8x16(va), wasm_u16x8_extend_low_u8x16(vb));
    const v128_t hi = wasm_i16x8_sub(wasm_u16x8_extend_high_u8x16(va), wasm_u16x8_extend_high_u8x16(vb));
    acc = wasm_i32x4_add(acc, wasm_i32x4_add(wasm_i32x4_dot_i16x8(lo, lo), wasm_i32x4_dot_i16x8(hi, hi)));
  }
  s = wasm_i32x4_extract_lane(acc, 0) + wasm_i32x4_extract_lane(acc, 1) + wasm_i32x4_extract_lane(acc, 2) +
      wasm_i32x4_extract_lane(acc, 3);
#endif
  for (; i < dim; ++i) {
    const int32_t d = static_cast<int32_t>(a[i]) - static_cast<int32_t>(b[i]);
    s += d * d;
  }
  return s;
}

}  // namespace

std::vector<Neighbour> nearest_rows(const uint8_t* data, Index dim, const int32_t* ids, Index n,
                                    const uint8_t* query, int k, float step) {
  const size_t keep = static_cast<size_t>(std::max<Index>(0, std::min<Index>(k, n)));
  // The best `keep` so far, sorted by (distance, row): insertion into a short list.
  std::vector<std::pair<int32_t, int32_t>> best;  // (squared codes distance, row)
  best.reserve(keep + 1);
  for (Index r = 0; r < n && keep > 0; ++r) {
    const uint8_t* row = data + (ids ? static_cast<Index>(ids[r]) : r) * dim;
    // A block at a time, given up once the sum reaches the k-th best: most rows are far (about a
    // third of the work for a softmax's 784 pixels). Exact: a partial sum only grows.
    const int32_t bound = best.size() == keep ? best.back().first : INT32_MAX;
    int32_t d = 0;
    for (Index at = 0; at < dim && d < bound; at += kBlock) {
      d += squared_distance(row + at, query + at, std::min(kBlock, dim - at));
    }
    if (d >= bound) continue;
    const std::pair<int32_t, int32_t> item{d, static_cast<int32_t>(r)};
    best.insert(std::upper_bound(best.begin(), best.end(), item), item);
    if (best.size() > keep) best.pop_back();
  }
  std::vector<Neighbour> out;
  out.reserve(best.size());
  for (const auto& [d, r] : best) {
    out.push_back({r, static_cast<float>(std::sqrt(static_cast<double>(d))) * step});
  }
  return out;
}

}  // namespace fm
