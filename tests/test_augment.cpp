// Tests of augment.cpp: no limits is the identity; each call draws seven numbers; a mirror; the sketch look
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
  l.shift = l.scale = l.rotation = l.sketch_p = l.flip_p = 0;
  return l;
}

TEST(Augment, NoLimitsIsTheIdentityAndSevenDrawsAreUsed) {
  std::vector<float> img = rectangle();
  AugmentScratch scratch(14);
  Rng rng(5), twin(5);
  augment_image(img.data(), 14, rng, scratch, none());
  EXPECT_EQ(img, rectangle());
  for (int i = 0; i < 7; ++i) twin.next_u32();
  EXPECT_EQ(rng.next_u32(), twin.next_u32());
}

TEST(Augment, TheSketchLookFlattensOrKeepsTheRim) {
  AugmentScratch scratch(14);
  AugmentLimits filled = none();
  filled.sketch_p = 1;
  filled.outline_p = 0;
  std::vector<float> img = rectangle();
  Rng rng(1);
  augment_image(img.data(), 14, rng, scratch, filled);
  EXPECT_EQ(img[6 * 14 + 6], 1.0f);               // 0.5 × 4, capped
  EXPECT_NEAR(img[3 * 14 + 6], 0.8f, 1e-6f);      // the soft edge stays grey
  EXPECT_EQ(img[0], 0.0f);

  AugmentLimits rim = filled;
  rim.outline_p = 1;
  img = rectangle();
  augment_image(img.data(), 14, rng, scratch, rim);
  EXPECT_EQ(img[6 * 14 + 6], 0.0f);               // the inside is gone
  EXPECT_NEAR(img[3 * 14 + 6], 0.8f, 1e-6f);      // the rim stays, about a pixel wide
  EXPECT_NEAR(img[4 * 14 + 6], 0.2f, 1e-6f);
  EXPECT_EQ(img[5 * 14 + 6], 0.0f);
  EXPECT_EQ(img[0], 0.0f);
}

TEST(Augment, TheSketchLookFillsHoles) {
  // A ring (a bag's handle): its hole is filled, the outside is not.
  std::vector<float> img(196, 0.0f);
  for (int y = 3; y <= 9; ++y) {
    for (int x = 3; x <= 9; ++x) img[y * 14 + x] = (y == 3 || y == 9 || x == 3 || x == 9) ? 0.6f : 0.0f;
  }
  AugmentScratch scratch(14);
  AugmentLimits filled = none();
  filled.sketch_p = 1;
  filled.outline_p = 0;
  Rng rng(2);
  augment_image(img.data(), 14, rng, scratch, filled);
  EXPECT_EQ(img[6 * 14 + 6], 1.0f);
  EXPECT_EQ(img[3 * 14 + 3], 1.0f);
  EXPECT_EQ(img[1 * 14 + 1], 0.0f);
  EXPECT_EQ(img[6 * 14 + 11], 0.0f);
}

TEST(Augment, AMirrorFlipsLeftAndRight) {
  std::vector<float> img(196, 0.0f);
  AugmentScratch scratch(14);
  img[3 * 14 + 1] = 1.0f;  // one pixel near the left edge
  AugmentLimits mirror = none();
  mirror.flip_p = 1;
  Rng rng(3);
  augment_image(img.data(), 14, rng, scratch, mirror);
  for (int i = 0; i < 196; ++i) EXPECT_EQ(img[i], i == 3 * 14 + 12 ? 1.0f : 0.0f) << i;
}

TEST(Augment, ShiftsScalesAndRotationsStayInRangeAndMoveTheImage) {
  AugmentScratch scratch(14);
  Rng rng(9);
  double moved = 0;
  for (int trial = 0; trial < 200; ++trial) {
    std::vector<float> img = rectangle();
    augment_image(img.data(), 14, rng, scratch);
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
    augment_image(img.data(), 14, rng, scratch, shift);
    float sum = 0;
    for (float v : img) sum += v;
    float before = 0;
    for (float v : rectangle()) before += v;
    EXPECT_NEAR(sum, before, 1e-3f);  // the object stays inside the frame: nothing lost
  }
}

}  // namespace
}  // namespace fm
