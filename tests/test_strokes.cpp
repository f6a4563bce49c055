// Tests of strokes.cpp: the same drawing at any size and position gives (almost) the same input;
// erasing and undo work on strokes; closed outlines are filled; empty and degenerate drawings.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "core/strokes.h"

namespace fm {
namespace {

constexpr float kBrush = 22.0f;  // the page's default brush on its 280 px canvas

// A T-shirt's outline in a unit box, as one polyline (closed: it ends where it starts).
const std::vector<StrokePoint> kShirt = {
    {0.30f, 0.05f}, {0.45f, 0.12f}, {0.55f, 0.12f}, {0.70f, 0.05f}, {0.98f, 0.25f},
    {0.88f, 0.42f}, {0.78f, 0.36f}, {0.78f, 0.95f}, {0.22f, 0.95f}, {0.22f, 0.36f},
    {0.12f, 0.42f}, {0.02f, 0.25f}, {0.30f, 0.05f}};

// The polyline as the mouse would give it on the canvas: `size` px wide at (x, y), each point
// rounded to a whole pixel (unless `exact`), points every ~3 px along each edge.
Stroke drawn(const std::vector<StrokePoint>& shape, float size, float x, float y,
             bool erase = false, float width = kBrush, bool exact = false) {
  Stroke s;
  s.width = width;
  s.erase = erase;
  for (size_t i = 0; i < shape.size(); ++i) {
    const StrokePoint a = shape[i], b = shape[std::min(i + 1, shape.size() - 1)];
    const int n = i + 1 < shape.size()
                      ? std::max(1, static_cast<int>(std::hypot(b.x - a.x, b.y - a.y) * size / 3))
                      : 1;
    for (int t = 0; t < n; ++t) {
      const float f = static_cast<float>(t) / n;
      const float px = x + size * (a.x + f * (b.x - a.x)), py = y + size * (a.y + f * (b.y - a.y));
      s.points.push_back(exact ? StrokePoint{px, py} : StrokePoint{std::round(px), std::round(py)});
    }
  }
  return s;
}

float max_difference(const std::vector<float>& a, const std::vector<float>& b) {
  EXPECT_EQ(a.size(), b.size());
  float d = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) d = std::max(d, std::abs(a[i] - b[i]));
  return d;
}

bool all_in_unit_range(const std::vector<float>& v) {
  return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x) && x >= 0 && x <= 1; });
}

float at(const SketchInput& in, int x, int y) { return in.pixels[static_cast<size_t>(y) * in.side + x]; }

TEST(Strokes, OneDrawingAtThreeSizesAndPlacesGivesTheSameInput) {
  // On the 280 px canvas: large and centred, small in a corner, mid-sized off-centre; the mouse's
  // whole pixels are the only difference.
  const StrokeSteps big = normalise_strokes({drawn(kShirt, 250, 12, 18)}, 14);
  const StrokeSteps small = normalise_strokes({drawn(kShirt, 80, 192, 195)}, 14);
  const StrokeSteps mid = normalise_strokes({drawn(kShirt, 130, 30, 140)}, 14);
  for (const StrokeSteps* s : {&big, &small, &mid}) {
    ASSERT_FALSE(s->input.empty);
    ASSERT_EQ(s->input.side, 14);
    ASSERT_EQ(s->input.pixels.size(), 196u);
    EXPECT_TRUE(all_in_unit_range(s->input.pixels));
    EXPECT_TRUE(all_in_unit_range(s->outline));
  }
  EXPECT_LE(max_difference(big.input.pixels, small.input.pixels), 0.15f);
  EXPECT_LE(max_difference(big.input.pixels, mid.input.pixels), 0.15f);
  EXPECT_LE(max_difference(small.input.pixels, mid.input.pixels), 0.15f);
  EXPECT_LE(max_difference(big.outline, small.outline), 0.15f);  // before filling too
  // Without the mouse's rounding the input is the same up to float rounding, at both sides, even
  // for a drawing a fifth of the canvas wide.
  for (const int side : {7, 14, 28}) {
    EXPECT_LE(max_difference(normalise_strokes({drawn(kShirt, 250, 12, 18, false, kBrush, true)}, side).input.pixels,
                             normalise_strokes({drawn(kShirt, 56, 211, 3, false, kBrush, true)}, side).input.pixels),
              0.01f);
  }
  // The user's brush does not change the input either.
  EXPECT_LE(max_difference(big.input.pixels,
                           normalise_strokes({drawn(kShirt, 250, 12, 18, false, 4)}, 14).input.pixels),
            1e-6f);
}

TEST(Strokes, TheShapeFillsTheFrameCentredAndTheOutlineIsFilled) {
  const StrokeSteps s = normalise_strokes({drawn(kShirt, 200, 40, 40)}, 28);
  ASSERT_FALSE(s.input.empty);
  // The box is the centre line's, in canvas pixels.
  EXPECT_NEAR(s.box.x0, 40 + 0.02f * 200, 1.0f);
  EXPECT_NEAR(s.box.x1, 40 + 0.98f * 200, 1.0f);
  EXPECT_NEAR(s.box.y0, 40 + 0.05f * 200, 1.0f);
  EXPECT_NEAR(s.box.y1, 40 + 0.95f * 200, 1.0f);
  // The longer side (width) touches both edges; the shape is centred vertically too.
  int x0 = 28, x1 = -1, y0 = 28, y1 = -1;
  for (int y = 0; y < 28; ++y) {
    for (int x = 0; x < 28; ++x) {
      if (at(s.input, x, y) > 0.05f) {
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
    }
  }
  EXPECT_EQ(x0, 0);
  EXPECT_EQ(x1, 27);
  EXPECT_NEAR((y0 + y1) / 2.0, 13.5, 1.0);
  // Inside the body: filled in the input, dark in the outline step.
  EXPECT_NEAR(at(s.input, 14, 16), 1.0f, 1e-6f);
  EXPECT_LT(s.outline[16 * 28 + 14], 0.01f);
  // Outside (between a sleeve and the body, below the sleeve): dark in both.
  EXPECT_LT(at(s.input, 2, 20), 0.01f);
  // Anti-aliased: some grey levels between 0 and 1 on the outline's edges.
  EXPECT_TRUE(std::any_of(s.outline.begin(), s.outline.end(), [](float v) { return v > 0.1f && v < 0.9f; }));
}

TEST(Strokes, SevenBySevenIsFilledCentredAndOtherSidesAreEmpty) {
  const StrokeSteps s = normalise_strokes({drawn(kShirt, 200, 40, 40)}, 7);
  ASSERT_FALSE(s.input.empty);
  ASSERT_EQ(s.input.side, 7);
  ASSERT_EQ(s.input.pixels.size(), 49u);
  ASSERT_EQ(s.outline.size(), 49u);
  EXPECT_TRUE(all_in_unit_range(s.input.pixels));
  // The width touches both edges; the body's middle is filled.
  EXPECT_GT(at(s.input, 0, 1), 0.05f);
  EXPECT_GT(at(s.input, 6, 1), 0.05f);
  EXPECT_GT(at(s.input, 3, 4), 0.9f);
  for (int side : {0, 8, 21}) EXPECT_TRUE(normalise_strokes({drawn(kShirt, 200, 40, 40)}, side).input.empty) << side;
}

TEST(Strokes, AnOpenShapeIsNotFilledButASmallGapCloses) {
  // A U: open at the top, stays an outline.
  const std::vector<StrokePoint> u = {{0.1f, 0.1f}, {0.1f, 0.9f}, {0.9f, 0.9f}, {0.9f, 0.1f}};
  const StrokeSteps open = normalise_strokes({drawn(u, 200, 40, 40)}, 14);
  EXPECT_LT(at(open.input, 7, 7), 0.01f);
  // A square whose last side stops 12 % short of the corner: open with the default walls (the
  // lines), closed by walls of 0.16 of the side.
  const std::vector<StrokePoint> almost = {
      {0.1f, 0.1f}, {0.1f, 0.9f}, {0.9f, 0.9f}, {0.9f, 0.1f}, {0.22f, 0.1f}};
  EXPECT_LT(at(normalise_strokes({drawn(almost, 200, 40, 40)}, 14).input, 7, 7), 0.01f);
  StrokeStyle walls;
  walls.close_width = 0.16f;
  const StrokeSteps closed = normalise_strokes({drawn(almost, 200, 40, 40)}, 14, walls);
  EXPECT_NEAR(at(closed.input, 7, 7), 1.0f, 1e-6f);
  EXPECT_LE(max_difference(closed.outline, normalise_strokes({drawn(almost, 200, 40, 40)}, 14).outline), 1e-6f);
  // Without filling, the input is the outline.
  StrokeStyle style;
  style.fill = false;
  const StrokeSteps outline = normalise_strokes({drawn(almost, 200, 40, 40)}, 14, style);
  EXPECT_EQ(outline.input.pixels, outline.outline);
  EXPECT_LT(at(outline.input, 7, 7), 0.01f);
}

TEST(Strokes, ErasingRemovesInkAndShrinksTheBox) {
  const std::vector<StrokePoint> line = {{0.1f, 0.5f}, {0.6f, 0.5f}};
  const std::vector<StrokePoint> post = {{0.9f, 0.1f}, {0.9f, 0.9f}};  // apart from the line
  const Stroke a = drawn(line, 200, 40, 40), b = drawn(post, 200, 40, 40);
  const StrokeSteps alone = normalise_strokes({a}, 14);
  const StrokeSteps both = normalise_strokes({a, b}, 14);
  EXPECT_GT(max_difference(alone.input.pixels, both.input.pixels), 0.5f);
  // The post erased along its length with the default eraser: as if it had never been drawn.
  const StrokeSteps erased = normalise_strokes({a, b, drawn(post, 200, 40, 40, true)}, 14);
  EXPECT_NEAR(erased.box.x1, alone.box.x1, 1e-3f);
  EXPECT_NEAR(erased.box.y0, alone.box.y0, 1e-3f);
  EXPECT_LE(max_difference(alone.input.pixels, erased.input.pixels), 1e-6f);
  // Ink drawn after the eraser stays.
  const StrokeSteps redrawn = normalise_strokes({a, b, drawn(post, 200, 40, 40, true), b}, 14);
  EXPECT_LE(max_difference(both.input.pixels, redrawn.input.pixels), 1e-6f);
  // Erasing the right half of the line: the box is the left half, rescaled to fill the frame.
  Stroke cut;
  cut.erase = true;
  cut.width = 30;
  cut.points = {{40 + 0.35f * 200 + 15, 140}, {40 + 0.65f * 200, 140}};
  const StrokeSteps half = normalise_strokes({a, cut}, 14);
  EXPECT_NEAR(half.box.x0, 60, 0.5f);
  EXPECT_NEAR(half.box.x1, 40 + 0.35f * 200, 1.5f);
  EXPECT_GT(at(half.input, 13, 7), 0.3f);  // the half left still spans the frame
  // Erasing the middle of the line keeps the box and leaves a gap.
  cut.points = {{110, 130}, {110, 150}};
  const StrokeSteps gap = normalise_strokes({a, cut}, 14);
  EXPECT_EQ(gap.box.x0, alone.box.x0);
  EXPECT_EQ(gap.box.x1, alone.box.x1);
  EXPECT_LT(gap.input.pixels[6 * 14 + 7] + gap.input.pixels[7 * 14 + 7], 0.05f);
  EXPECT_GT(alone.input.pixels[6 * 14 + 7] + alone.input.pixels[7 * 14 + 7], 0.5f);
}

TEST(Strokes, UndoRemovesTheLastStroke) {
  Drawing d;
  EXPECT_FALSE(d.undo());
  d.begin_stroke(10, 10, kBrush, false);
  d.stroke_to(100, 10);
  d.stroke_to(100, 10);  // a repeated point is dropped
  d.stroke_to(100, 100);
  ASSERT_EQ(d.strokes().size(), 1u);
  EXPECT_EQ(d.strokes()[0].points.size(), 3u);
  const StrokeSteps before = normalise_strokes(d.strokes(), 14);
  d.begin_stroke(100, 100, kBrush, true);
  d.stroke_to(100, 10);
  EXPECT_GT(max_difference(before.input.pixels, normalise_strokes(d.strokes(), 14).input.pixels), 0.3f);
  EXPECT_TRUE(d.undo());
  EXPECT_EQ(normalise_strokes(d.strokes(), 14).input.pixels, before.input.pixels);
  EXPECT_TRUE(d.undo());
  EXPECT_TRUE(d.empty());
  EXPECT_FALSE(d.undo());
  d.stroke_to(5, 5);  // no stroke begun: nothing happens
  EXPECT_TRUE(d.empty());
}

TEST(Strokes, NothingLeftIsEmpty) {
  EXPECT_TRUE(normalise_strokes({}, 14).input.empty);
  EXPECT_TRUE(ink_box({}).empty);
  Stroke e = drawn(kShirt, 200, 40, 40, true);
  EXPECT_TRUE(normalise_strokes({e}, 14).input.empty);  // only an eraser
  // Everything erased by a wide eraser over the whole drawing.
  Stroke wipe;
  wipe.erase = true;
  wipe.width = 400;
  wipe.points = {{140, 140}};
  const StrokeSteps gone = normalise_strokes({drawn(kShirt, 200, 40, 40), wipe}, 28);
  EXPECT_TRUE(gone.input.empty);
  EXPECT_TRUE(gone.input.pixels.empty());
  EXPECT_TRUE(gone.box.empty);
  // A stroke with no points, and an unsupported side.
  EXPECT_TRUE(normalise_strokes({Stroke{}}, 14).input.empty);
  EXPECT_TRUE(normalise_strokes({drawn(kShirt, 200, 40, 40)}, 20).input.empty);
}

TEST(Strokes, ADotAndAStraightLineAreCentredWithoutNaN) {
  Stroke dot;
  dot.width = kBrush;
  dot.points = {{17, 250}};
  const StrokeSteps d = normalise_strokes({dot}, 14);
  ASSERT_FALSE(d.input.empty);
  EXPECT_TRUE(all_in_unit_range(d.input.pixels));
  EXPECT_TRUE(std::isfinite(d.scale) && std::isfinite(d.dx) && std::isfinite(d.dy));
  const auto brightest = std::max_element(d.input.pixels.begin(), d.input.pixels.end());
  EXPECT_GT(*brightest, 0.1f);
  const int i = static_cast<int>(brightest - d.input.pixels.begin());
  EXPECT_NEAR(i % 14, 6.5, 0.6);
  EXPECT_NEAR(i / 14, 6.5, 0.6);
  // The same point twice and a zero-width dot.
  dot.points.push_back(dot.points[0]);
  dot.width = 0;
  EXPECT_TRUE(all_in_unit_range(normalise_strokes({dot}, 28).input.pixels));

  for (const bool vertical : {false, true}) {
    Stroke line;
    line.width = kBrush;
    line.points = vertical ? std::vector<StrokePoint>{{50, 20}, {50, 90}}
                           : std::vector<StrokePoint>{{20, 50}, {90, 50}};
    const StrokeSteps s = normalise_strokes({line}, 14);
    ASSERT_FALSE(s.input.empty);
    EXPECT_TRUE(all_in_unit_range(s.input.pixels));
    for (int k = 0; k < 14; ++k) {  // the whole length, through the centre; nothing at the edge
      const float along = vertical ? (at(s.input, 6, k) + at(s.input, 7, k)) : (at(s.input, k, 6) + at(s.input, k, 7));
      const float edge = vertical ? at(s.input, 0, k) : at(s.input, k, 0);
      EXPECT_GT(along, 0.4f) << k;
      EXPECT_EQ(edge, 0.0f) << k;
    }
  }
}

}  // namespace
}  // namespace fm
