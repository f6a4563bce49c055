// Issue 16 §3: every text colour of the ImGui theme and the panels over every background it is
// drawn on (src/app/ui/palette.h's kTextPairs) has a WCAG 2.x contrast ratio of at least 4.5:1
// (body text), computed with WCAG's relative luminance after blending translucent backgrounds
// over what is under them. Prints every pair's ratio and the worst one.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/ui/palette.h"

namespace fm {
namespace {

using palette::Color;

// WCAG 2.x: sRGB channel to linear light.
double linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

double luminance(const Color& c) {
  return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

// `top` drawn over the opaque `under` (source-over, in sRGB as the renderer blends).
Color over(const Color& top, const Color& under) {
  const float a = top.a;
  return {top.r * a + under.r * (1 - a), top.g * a + under.g * (1 - a), top.b * a + under.b * (1 - a), 1.0f};
}

double contrast(const Color& a, const Color& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(Contrast, WcagFormulaGivesItsKnownValues) {
  EXPECT_NEAR(contrast({0, 0, 0, 1}, {1, 1, 1, 1}), 21.0, 1e-9);
  EXPECT_NEAR(contrast({1, 1, 1, 1}, {1, 1, 1, 1}), 1.0, 1e-9);
  // #777777 on white: 4.48:1, the classic near miss.
  EXPECT_NEAR(contrast(palette::rgb8(0x77, 0x77, 0x77), {1, 1, 1, 1}), 4.48, 0.01);
}

TEST(Contrast, EveryThemeTextPairIsAtLeast4_5To1) {
  double worst = 1e9;
  std::string worst_what;
  for (const palette::TextPair& p : palette::kTextPairs) {
    const Color bg = over(p.bg, p.under);
    const Color text = over(p.text, bg);
    const double r = contrast(text, bg);
    std::printf("%-24s %5.2f:1\n", p.what, r);
    EXPECT_GE(r, 4.5) << p.what;
    if (r < worst) {
      worst = r;
      worst_what = p.what;
    }
  }
  std::printf("worst pair: %s, %.2f:1\n", worst_what.c_str(), worst);
}

}  // namespace
}  // namespace fm
