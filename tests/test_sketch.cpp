// Tests of sketch.cpp: a drawing ends up cropped, scaled to fill, centred and in [0, 1];
// empty canvases stay empty; light backgrounds are detected; closed outlines get filled.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/sketch.h"

namespace fm {
namespace {

struct Canvas {
  int width, height;
  std::vector<uint8_t> px;
  Canvas(int w, int h, uint8_t fill = 0) : width(w), height(h), px(size_t(w) * h, fill) {}
  uint8_t& at(int x, int y) { return px[size_t(y) * width + x]; }
  void rect(int x0, int y0, int w, int h, uint8_t v) {
    for (int y = y0; y < y0 + h; ++y)
      for (int x = x0; x < x0 + w; ++x) at(x, y) = v;
  }
};

struct Extent {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  double cx = 0, cy = 0;  // centre of mass
};

Extent extent(const SketchInput& s, float above = 0.01f) {
  Extent e;
  double mass = 0;
  for (int y = 0; y < s.side; ++y) {
    for (int x = 0; x < s.side; ++x) {
      const float v = s.pixels[size_t(y) * s.side + x];
      if (v > above) {
        e.x0 = std::min(e.x0, x), e.x1 = std::max(e.x1, x);
        e.y0 = std::min(e.y0, y), e.y1 = std::max(e.y1, y);
      }
      mass += v, e.cx += v * x, e.cy += v * y;
    }
  }
  e.cx /= mass, e.cy /= mass;
  return e;
}

TEST(Sketch, OffCentreSquareEndsCentredAndFillingTheFrame) {
  Canvas c(100, 80);
  c.rect(5, 60, 10, 10, 255);  // small, near the bottom-left corner
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  ASSERT_FALSE(s.empty);
  ASSERT_EQ(s.side, 28);
  ASSERT_EQ(s.pixels.size(), 784u);
  const Extent e = extent(s);
  EXPECT_EQ(e.x0, 0);
  EXPECT_EQ(e.x1, 27);
  EXPECT_EQ(e.y0, 0);
  EXPECT_EQ(e.y1, 27);
  EXPECT_NEAR(e.cx, 13.5, 0.5);
  EXPECT_NEAR(e.cy, 13.5, 0.5);
  for (float v : s.pixels) EXPECT_NEAR(v, 1.0f, 1e-5f);  // a solid square stays solid
}

TEST(Sketch, WideRectangleKeepsItsAspectRatio) {
  Canvas c(200, 200);
  c.rect(120, 10, 60, 30, 200);  // 2:1, off-centre
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  ASSERT_FALSE(s.empty);
  const Extent e = extent(s);
  EXPECT_EQ(e.x0, 0);  // the longest side touches both edges
  EXPECT_EQ(e.x1, 27);
  EXPECT_EQ(e.y1 - e.y0 + 1, 14);  // the other side is scaled by the same factor
  EXPECT_NEAR(e.cx, 13.5, 0.5);
  EXPECT_NEAR(e.cy, 13.5, 0.5);
  EXPECT_NEAR(s.pixels[14 * 28 + 14], 200.0f / 255.0f, 1e-5f);
  EXPECT_EQ(s.pixels[0], 0.0f);
}

TEST(Sketch, ShrinkingAveragesTheArea) {
  // A 56×56 checkerboard halves to 28×28: every output pixel covers two ink pixels of four.
  Canvas c(56, 56);
  for (int y = 0; y < 56; ++y)
    for (int x = 0; x < 56; ++x) c.at(x, y) = (x + y) % 2 == 0 ? 255 : 0;
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  ASSERT_FALSE(s.empty);
  for (float v : s.pixels) ASSERT_NEAR(v, 0.5f, 1e-5f);
}

TEST(Sketch, NonIntegerShrinkConservesInk) {
  // 100 → 28 is not an integer factor: the fractional coverage must still sum to the mean.
  Canvas c(100, 100);
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 100; ++x) c.at(x, y) = static_cast<uint8_t>(50 + (x * 7 + y * 3) % 150);
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  double in = 0, out = 0;
  for (uint8_t v : c.px) in += v / 255.0;
  for (float v : s.pixels) out += v;
  EXPECT_NEAR(out / 784.0, in / 10000.0, 1e-4);
}

TEST(Sketch, EnlargingATinyDotFillsTheFrame) {
  Canvas c(50, 50);
  c.rect(30, 7, 2, 2, 255);
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  ASSERT_FALSE(s.empty);
  for (float v : s.pixels) ASSERT_NEAR(v, 1.0f, 1e-5f);
}

TEST(Sketch, ThinLineStaysVisible) {
  Canvas c(280, 280);
  c.rect(140, 40, 1, 200, 255);  // one pixel wide, 200 tall
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  ASSERT_FALSE(s.empty);
  const Extent e = extent(s);
  EXPECT_EQ(e.y0, 0);
  EXPECT_EQ(e.y1, 27);
  EXPECT_NEAR(e.cx, 13.5, 0.6);
  float peak = 0;
  for (float v : s.pixels) peak = std::max(peak, v);
  EXPECT_GT(peak, 0.9f);
}

TEST(Sketch, Side14IsTheMeanOf2x2Blocks) {
  Canvas c(100, 80);
  c.rect(40, 20, 30, 15, 255);  // 2:1 → 28×14 in the 28 frame, rows 7..20
  const SketchInput s28 = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  const SketchInput s14 = preprocess_sketch(c.px.data(), c.width, c.height, 14);
  ASSERT_FALSE(s14.empty);
  ASSERT_EQ(s14.side, 14);
  ASSERT_EQ(s14.pixels.size(), 196u);
  for (int r = 0; r < 14; ++r) {
    for (int col = 0; col < 14; ++col) {
      const float* p = &s28.pixels[size_t(2 * r) * 28 + 2 * col];
      const float mean = 0.25f * (p[0] + p[1] + p[28] + p[29]);
      ASSERT_NEAR(s14.pixels[size_t(r) * 14 + col], mean, 1e-6f) << r << "," << col;
    }
  }
  const Extent e = extent(s14);
  EXPECT_EQ(e.x0, 0);
  EXPECT_EQ(e.x1, 13);
  EXPECT_NEAR(e.cy, 6.5, 0.5);
}

TEST(Sketch, Side7IsTheMeanOf4x4Blocks) {
  Canvas c(100, 80);
  c.rect(40, 20, 30, 15, 255);  // 2:1 → 28×14 in the 28 frame, rows 7..20
  const SketchInput s28 = preprocess_sketch(c.px.data(), c.width, c.height, 28);
  const SketchInput s7 = preprocess_sketch(c.px.data(), c.width, c.height, 7);
  ASSERT_FALSE(s7.empty);
  ASSERT_EQ(s7.side, 7);
  ASSERT_EQ(s7.pixels.size(), 49u);
  for (int r = 0; r < 7; ++r) {
    for (int col = 0; col < 7; ++col) {
      float sum = 0;
      for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 4; ++x) sum += s28.pixels[size_t(4 * r + y) * 28 + 4 * col + x];
      ASSERT_NEAR(s7.pixels[size_t(r) * 7 + col], sum / 16, 1e-6f) << r << "," << col;
    }
  }
  const Extent e = extent(s7);
  EXPECT_EQ(e.x0, 0);
  EXPECT_EQ(e.x1, 6);
  EXPECT_NEAR(e.cy, 3.0, 0.5);
}

TEST(Sketch, EmptyCanvasIsEmpty) {
  Canvas c(64, 64);
  const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, 14);
  EXPECT_TRUE(s.empty);
  EXPECT_TRUE(s.pixels.empty());
  c.rect(10, 10, 5, 5, 16);  // faint marks at the threshold are background
  EXPECT_TRUE(preprocess_sketch(c.px.data(), c.width, c.height, 14).empty);
  c.at(3, 3) = 17;
  EXPECT_FALSE(preprocess_sketch(c.px.data(), c.width, c.height, 14).empty);
}

TEST(Sketch, OutputStaysInUnitRange) {
  Canvas c(97, 61);
  for (int y = 0; y < 61; ++y)
    for (int x = 0; x < 97; ++x) c.at(x, y) = static_cast<uint8_t>((x * 31 + y * 17) % 256);
  for (int side : {7, 14, 28}) {
    const SketchInput s = preprocess_sketch(c.px.data(), c.width, c.height, side);
    ASSERT_FALSE(s.empty);
    for (float v : s.pixels) {
      ASSERT_GE(v, 0.0f);
      ASSERT_LE(v, 1.0f);
    }
  }
}

TEST(LightBackground, PaperWithDarkInk) {
  Canvas paper(40, 30, 240);
  paper.rect(10, 10, 20, 10, 0);  // dark ink inside
  EXPECT_TRUE(has_light_background(paper.px.data(), paper.width, paper.height));
  Canvas screen(40, 30, 0);
  screen.rect(10, 10, 20, 10, 255);
  EXPECT_FALSE(has_light_background(screen.px.data(), screen.width, screen.height));
}

TEST(LightBackground, ThresholdIsAMeanAbove127) {
  Canvas grey(10, 10, 128);
  grey.rect(1, 1, 8, 8, 0);  // the inside does not count
  EXPECT_TRUE(has_light_background(grey.px.data(), 10, 10));
  Canvas darker(10, 10, 127);
  darker.rect(1, 1, 8, 8, 255);
  EXPECT_FALSE(has_light_background(darker.px.data(), 10, 10));
  Canvas one(1, 1, 200);
  EXPECT_TRUE(has_light_background(one.px.data(), 1, 1));
}

TEST(FillOutlines, ClosedOutlineBecomesASilhouette) {
  Canvas c(20, 20);
  c.rect(4, 4, 10, 1, 255);
  c.rect(4, 13, 10, 1, 255);
  c.rect(4, 4, 1, 10, 255);
  c.rect(13, 4, 1, 10, 255);
  c.at(8, 8) = 10;  // faint noise inside counts as background and is filled too
  fill_closed_outlines(c.px.data(), c.width, c.height);
  for (int y = 4; y < 14; ++y)
    for (int x = 4; x < 14; ++x) ASSERT_EQ(c.at(x, y), 255) << x << "," << y;
  EXPECT_EQ(c.at(0, 0), 0);
  EXPECT_EQ(c.at(3, 8), 0);
  EXPECT_EQ(c.at(14, 8), 0);
  EXPECT_EQ(c.at(19, 19), 0);
}

TEST(FillOutlines, OnlyEnclosedRegionsFill) {
  Canvas c(20, 20);
  c.rect(4, 4, 10, 1, 255);
  c.rect(4, 13, 10, 1, 255);
  c.rect(4, 4, 1, 10, 255);
  c.rect(13, 4, 1, 4, 255);  // a gap at x = 13, y 8..12: open
  c.rect(13, 12, 1, 2, 255);
  fill_closed_outlines(c.px.data(), c.width, c.height);
  EXPECT_EQ(c.at(8, 8), 0);

  // A line across the canvas encloses nothing: both sides touch the border.
  Canvas d(10, 10);
  d.rect(0, 5, 10, 1, 255);
  fill_closed_outlines(d.px.data(), 10, 10);
  EXPECT_EQ(d.at(5, 2), 0);
  EXPECT_EQ(d.at(5, 8), 0);

  // A wall of pixels touching only at their corners still closes: the background flood is
  // 4-connected, so it cannot slip between them. A diamond's inside is filled.
  Canvas e(9, 9);
  for (int i = 0; i < 4; ++i) {
    e.at(4 + i, i) = e.at(8 - i, 4 + i) = e.at(4 - i, 8 - i) = e.at(i, 4 - i) = 255;
  }
  fill_closed_outlines(e.px.data(), 9, 9);
  EXPECT_EQ(e.at(4, 4), 255);
  EXPECT_EQ(e.at(4, 1), 255);
  EXPECT_EQ(e.at(0, 0), 0);
}

}  // namespace
}  // namespace fm
