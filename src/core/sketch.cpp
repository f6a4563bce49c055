// Canvas pixels → model input, made like the data set: bounding box, longest side scaled to 28
// with area averaging, centred, /255, then 2×2 (4×4) mean pooling for 14×14 (7×7) models.
#include "core/sketch.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/dataset.h"

namespace fm {

namespace {

constexpr int kFrame = 28;

// One source pixel's share in a destination pixel.
struct Tap {
  int src;
  float weight;
};

// For each of `m` destination pixels along one axis, the source pixels (of `n`) it is made
// from, weights summing to 1. Shrinking averages the covered area (box filter with fractional
// coverage at the ends), which antialiases thin strokes; enlarging interpolates linearly so a
// tiny drawing does not turn into blocks.
std::vector<std::vector<Tap>> axis_taps(int n, int m) {
  std::vector<std::vector<Tap>> taps(m);
  const double scale = static_cast<double>(n) / m;  // source pixels per destination pixel
  for (int d = 0; d < m; ++d) {
    if (m < n) {
      const double a = d * scale, b = (d + 1) * scale;
      const int last = std::min(n - 1, static_cast<int>(std::ceil(b)) - 1);
      for (int i = static_cast<int>(std::floor(a)); i <= last; ++i) {
        const double overlap = std::min(b, i + 1.0) - std::max(a, static_cast<double>(i));
        if (overlap > 0) taps[d].push_back({i, static_cast<float>(overlap / scale)});
      }
    } else {
      const double u = std::clamp((d + 0.5) * scale - 0.5, 0.0, n - 1.0);
      const int i0 = static_cast<int>(std::floor(u));
      const int i1 = std::min(i0 + 1, n - 1);
      const float f = static_cast<float>(u - i0);
      taps[d].push_back({i0, 1.0f - f});
      if (i1 != i0 && f > 0) taps[d].push_back({i1, f});
    }
  }
  return taps;
}

}  // namespace

SketchInput preprocess_sketch(const uint8_t* canvas, int width, int height, int side,
                              uint8_t threshold) {
  assert(is_input_side(side));
  SketchInput result;
  result.side = side;
  if (!canvas || width <= 0 || height <= 0 || !is_input_side(side)) return result;

  // Bounding box of the ink.
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = canvas + static_cast<size_t>(y) * width;
    for (int x = 0; x < width; ++x) {
      if (row[x] > threshold) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
      }
    }
  }
  if (x1 < 0) return result;

  // Longest side → 28, the other scaled by the same factor (at least one pixel).
  const int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  const int longest = std::max(bw, bh);
  const auto scaled = [&](int len) {
    return len == longest
               ? kFrame
               : std::max(1, static_cast<int>(std::lround(len * double{kFrame} / longest)));
  };
  const int ow = scaled(bw), oh = scaled(bh);
  const std::vector<std::vector<Tap>> tx = axis_taps(bw, ow), ty = axis_taps(bh, oh);

  // Separable resampling: rows first (bh × ow), then columns into the centred frame.
  std::vector<float> rows(static_cast<size_t>(bh) * ow, 0.0f);
  for (int y = 0; y < bh; ++y) {
    const uint8_t* src = canvas + static_cast<size_t>(y0 + y) * width + x0;
    for (int d = 0; d < ow; ++d) {
      float v = 0;
      for (const Tap& t : tx[d]) v += t.weight * src[t.src];
      rows[static_cast<size_t>(y) * ow + d] = v;
    }
  }
  std::vector<float> frame(kFrame * kFrame, 0.0f);
  const int ox = (kFrame - ow) / 2, oy = (kFrame - oh) / 2;
  for (int d = 0; d < oh; ++d) {
    for (int x = 0; x < ow; ++x) {
      float v = 0;
      for (const Tap& t : ty[d]) v += t.weight * rows[static_cast<size_t>(t.src) * ow + x];
      frame[(oy + d) * kFrame + ox + x] = std::clamp(v / 255.0f, 0.0f, 1.0f);
    }
  }

  if (side == kFrame) {
    result.pixels = std::move(frame);
  } else {
    // f×f mean (2×2 for 14, 4×4 for 7), as those data sets were made from the 28×28 images.
    const int f = kFrame / side;
    const float inv_area = 1.0f / static_cast<float>(f * f);
    result.pixels.assign(side * side, 0.0f);
    for (int r = 0; r < side; ++r) {
      for (int c = 0; c < side; ++c) {
        float sum = 0;
        for (int y = 0; y < f; ++y) {
          const float* p = frame.data() + (f * r + y) * kFrame + f * c;
          for (int x = 0; x < f; ++x) sum += p[x];
        }
        result.pixels[r * side + c] = sum * inv_area;
      }
    }
  }
  result.empty = false;
  return result;
}

bool has_light_background(const uint8_t* image, int width, int height) {
  if (!image || width <= 0 || height <= 0) return false;
  long long sum = 0, n = 0;
  const auto add = [&](int x, int y) {
    sum += image[static_cast<size_t>(y) * width + x];
    ++n;
  };
  for (int x = 0; x < width; ++x) {
    add(x, 0);
    if (height > 1) add(x, height - 1);
  }
  for (int y = 1; y < height - 1; ++y) {
    add(0, y);
    if (width > 1) add(width - 1, y);
  }
  return sum > 127 * n;  // mean > 127 without a division
}

void fill_closed_outlines(uint8_t* canvas, int width, int height, uint8_t threshold) {
  if (!canvas || width <= 0 || height <= 0) return;
  const size_t n = static_cast<size_t>(width) * height;
  // Flood the background from every border pixel (4-connected, explicit stack: no recursion).
  std::vector<uint8_t> reached(n, 0);
  std::vector<size_t> stack;
  const auto push = [&](size_t i) {
    if (!reached[i] && canvas[i] <= threshold) {
      reached[i] = 1;
      stack.push_back(i);
    }
  };
  for (int x = 0; x < width; ++x) {
    push(static_cast<size_t>(x));
    push(static_cast<size_t>(height - 1) * width + x);
  }
  for (int y = 0; y < height; ++y) {
    push(static_cast<size_t>(y) * width);
    push(static_cast<size_t>(y) * width + width - 1);
  }
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    const int x = static_cast<int>(i % width), y = static_cast<int>(i / width);
    if (x > 0) push(i - 1);
    if (x + 1 < width) push(i + 1);
    if (y > 0) push(i - width);
    if (y + 1 < height) push(i + width);
  }
  // Background the flood never reached is enclosed by ink: fill it.
  for (size_t i = 0; i < n; ++i) {
    if (canvas[i] <= threshold && !reached[i]) canvas[i] = 255;
  }
}

}  // namespace fm
