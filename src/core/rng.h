// The project's own seeded random generator and distributions (header-only).
// std:: distributions differ between libstdc++ and Emscripten's libc++, so we never use them:
// the same seed must give the same weights, shuffles and splits natively and in the browser.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace fm {

// xoshiro128** seeded through splitmix64: small, fast, identical on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed = 42) { reseed(seed); }

  void reseed(uint64_t seed) {
    for (uint32_t& word : s_) {
      seed += 0x9E3779B97F4A7C15ull;
      uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
      word = static_cast<uint32_t>((z ^ (z >> 31)) >> 16);
    }
    if ((s_[0] | s_[1] | s_[2] | s_[3]) == 0) s_[0] = 1;
  }

  uint32_t next_u32() {
    const uint32_t result = rotl(s_[1] * 5, 7) * 9;
    const uint32_t t = s_[1] << 9;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 11);
    return result;
  }

  // Uniform in [0, 1) with 24 random bits: exactly representable as float, same everywhere.
  float uniform01() { return static_cast<float>(next_u32() >> 8) * (1.0f / 16777216.0f); }
  // Uniform in [lo, hi).
  float uniform(float lo, float hi) { return lo + (hi - lo) * uniform01(); }
  // Uniform integer in [0, n), unbiased (rejection sampling), n > 0.
  uint32_t below(uint32_t n) {
    const uint32_t limit = static_cast<uint32_t>(-n) % n;  // 2^32 mod n
    uint32_t r = next_u32();
    while (r < limit) r = next_u32();
    return r % n;
  }
  // Fisher–Yates shuffle with our own `below`.
  template <typename T>
  void shuffle(std::vector<T>& v) {
    for (size_t i = v.size(); i > 1; --i) {
      const size_t j = below(static_cast<uint32_t>(i));
      T tmp = v[i - 1];
      v[i - 1] = v[j];
      v[j] = tmp;
    }
  }

 private:
  static uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }
  uint32_t s_[4] = {1, 2, 3, 4};
};

}  // namespace fm
