// Quantised rows and a linear k-nearest scan over them.
#include "core/nearest.h"

#include <algorithm>
#include <cmath>

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

// Σ (a − b)² over dim bytes: at most 4096·255² < 2³¹. A plain loop the compiler vectorises.
int32_t squared_distance(const uint8_t* a, const uint8_t* b, Index dim) {
  int32_t s = 0;
  for (Index i = 0; i < dim; ++i) {
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
    const int32_t d = squared_distance(row, query, dim);
    if (best.size() == keep && d >= best.back().first) continue;
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
