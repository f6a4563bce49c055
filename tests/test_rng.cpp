// Tests of fm::Rng: determinism, the range and rough uniformity of below(), shuffle, and a
// pinned stream for seed 42 (the browser and native builds must draw exactly these numbers).
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "core/rng.h"

namespace fm {
namespace {

TEST(Rng, SameSeedSameStream) {
  Rng a(123), b(123);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next_u32(), b.next_u32()) << "draw " << i;
}

TEST(Rng, DifferentSeedsDiffer) {
  Rng a(1), b(2);
  int equal = 0;
  for (int i = 0; i < 100; ++i) equal += a.next_u32() == b.next_u32();
  EXPECT_LT(equal, 3);
}

TEST(Rng, ReseedRestartsTheStream) {
  Rng a(7);
  const uint32_t first = a.next_u32();
  a.next_u32();
  a.reseed(7);
  EXPECT_EQ(a.next_u32(), first);
}

// Regression pin: computed once from this implementation and hard-coded. If this fails, every
// seeded run (weights, shuffles, splits) changed, natively and in the browser.
TEST(Rng, PinnedStreamForSeed42) {
  Rng r(42);
  const uint32_t expected[] = {0x0B2DF8F8u, 0xD9866F7Fu, 0xB162A8DBu, 0x04C7DEC8u, 0xC4849DEBu};
  for (uint32_t e : expected) EXPECT_EQ(r.next_u32(), e);

  Rng b(42);
  const uint32_t below10[] = {2, 9, 7, 0, 5};
  for (uint32_t e : below10) EXPECT_EQ(b.below(10), e);

  Rng s(42);
  std::vector<int> v{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  s.shuffle(v);
  EXPECT_EQ(v, (std::vector<int>{4, 1, 5, 9, 0, 8, 6, 3, 7, 2}));
}

TEST(Rng, Uniform01InRange) {
  Rng r(5);
  double sum = 0;
  for (int i = 0; i < 100000; ++i) {
    const float u = r.uniform01();
    ASSERT_GE(u, 0.0f);
    ASSERT_LT(u, 1.0f);
    sum += u;
  }
  EXPECT_NEAR(sum / 100000, 0.5, 0.01);
}

TEST(Rng, UniformRange) {
  Rng r(6);
  for (int i = 0; i < 10000; ++i) {
    const float u = r.uniform(-0.25f, 0.75f);
    ASSERT_GE(u, -0.25f);
    ASSERT_LT(u, 0.75f);
  }
}

TEST(Rng, BelowStaysInRange) {
  Rng r(9);
  for (uint32_t n : {1u, 2u, 3u, 7u, 10u, 1000u, 0x80000001u, 0xFFFFFFFFu}) {
    for (int i = 0; i < 2000; ++i) ASSERT_LT(r.below(n), n) << "n = " << n;
  }
  EXPECT_EQ(r.below(1), 0u);
}

// Chi-square over 10 bins, 100,000 draws: 9 degrees of freedom, so the statistic is about 9;
// 40 is far beyond the 99.99th percentile (≈ 33.7), a loose bound that still catches a bias.
TEST(Rng, BelowIsRoughlyUniform) {
  Rng r(11);
  constexpr int kBins = 10, kDraws = 100000;
  std::vector<int> counts(kBins, 0);
  for (int i = 0; i < kDraws; ++i) ++counts[r.below(kBins)];
  const double expected = double{kDraws} / kBins;
  double chi2 = 0;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  EXPECT_LT(chi2, 40.0);
}

TEST(Rng, ShuffleIsAPermutation) {
  Rng r(3);
  std::vector<int> v(1000);
  std::iota(v.begin(), v.end(), 0);
  r.shuffle(v);
  std::vector<int> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(sorted[i], i);
  int fixed_points = 0;
  for (int i = 0; i < 1000; ++i) fixed_points += v[i] == i;
  EXPECT_LT(fixed_points, 10);  // about 1 expected for a random permutation
}

TEST(Rng, ShuffleOfTinyVectors) {
  Rng r(3);
  std::vector<int> empty, one{5};
  r.shuffle(empty);
  r.shuffle(one);
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(one, std::vector<int>{5});
}

}  // namespace
}  // namespace fm
