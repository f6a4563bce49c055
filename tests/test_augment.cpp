// Tests of augment.cpp: no limits is the identity; each call draws six numbers; the sketch look
// flattens a silhouette or keeps its rim; shifts move the image; values stay in [0, 1].
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/augment.h"

namespace fm {
namespace {

// A 14×14 image: a soft-edged grey rectangle (0.5 inside, 0.2 on its rim).
std::vector<float> rectangle() {
  std::vector<float> img(196, 0.0f);
  for (int y = 3; y <= 10; ++y) {
    for (int x = 4; x <= 9; ++x) img[y * 14 + x] = (y == 3 || y == 10 || x == 4 || x == 9) ? 0.2f : 0.5f;
  }
  return img;
}

AugmentLimits none() {
  AugmentLimits l;
  l.shift = l.scale = l.rotation = l.sketch_p = 0;
  return l;
}

TEST(Augment, NoLimitsIsTheIdentityAndSixDrawsAreUsed) {
  std::vector<float> img = rectangle(), scratch(2 * 196);
  Rng rng(5), twin(5);
  augment_image(img.data(), 14, rng, scratch.data(), none());
  EXPECT_EQ(img, rectangle());
  for (int i = 0; i < 6; ++i) twin.next_u32();
  EXPECT_EQ(rng.next_u32(), twin.next_u32());
}

TEST(Augment, TheSketchLookFlattensOrKeepsTheRim) {
  std::vector<float> scratch(2 * 196);
  AugmentLimits filled = none();
  filled.sketch_p = 1;
  filled.outline_p = 0;
  std::vector<float> img = rectangle();
  Rng rng(1);
  augment_image(img.data(), 14, rng, scratch.data(), filled);
  EXPECT_EQ(img[6 * 14 + 6], 1.0f);               // 0.5 × 4, capped
  EXPECT_NEAR(img[3 * 14 + 6], 0.8f, 1e-6f);      // the soft edge stays grey
  EXPECT_EQ(img[0], 0.0f);

  AugmentLimits rim = filled;
  rim.outline_p = 1;
  img = rectangle();
  augment_image(img.data(), 14, rng, scratch.data(), rim);
  EXPECT_EQ(img[6 * 14 + 6], 0.0f);               // the inside is gone
  EXPECT_NEAR(img[3 * 14 + 6], 0.8f, 1e-6f);      // the rim stays, about a pixel wide
  EXPECT_NEAR(img[4 * 14 + 6], 0.2f, 1e-6f);
  EXPECT_EQ(img[5 * 14 + 6], 0.0f);
  EXPECT_EQ(img[0], 0.0f);
}

TEST(Augment, ShiftsScalesAndRotationsStayInRangeAndMoveTheImage) {
  std::vector<float> scratch(2 * 196);
  Rng rng(9);
  double moved = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<float> img = rectangle();
    augment_image(img.data(), 14, rng, scratch.data());
    for (size_t i = 0; i < img.size(); ++i) {
      ASSERT_TRUE(std::isfinite(img[i]) && img[i] >= 0.0f && img[i] <= 1.0f) << trial << " " << i;
      moved += std::abs(img[i] - rectangle()[i]);
    }
  }
  EXPECT_GT(moved / 200, 1.0);  // on average more than one pixel's worth changes
  // A pure shift by whole pixels moves the rectangle exactly (bilinear at integer offsets).
  AugmentLimits shift = none();
  shift.shift = 1.0f / 14;  // up to ±1 pixel
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<float> img = rectangle();
    augment_image(img.data(), 14, rng, scratch.data(), shift);
    float sum = 0;
    for (float v : img) sum += v;
    float before = 0;
    for (float v : rectangle()) before += v;
    EXPECT_NEAR(sum, before, 1e-3f);  // the object stays inside the frame: nothing lost
  }
}

}  // namespace
}  // namespace fm
