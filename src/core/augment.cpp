// The sketch look, then one affine map (a mirror maybe) sampled bilinearly, inverse mapping about the centre.
#include "core/augment.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

namespace fm {

namespace {

constexpr float kInk = 0.1f;         // a pixel above this is part of the object
constexpr float kSilhouette = 4.0f;  // contrast stretch: faint edge pixels stay grey, the rest 1

// sin and cos of |t| ≤ 0.5 by their Taylor series (error below 2e-7): the same bits on every
// platform, which libm's sin and cos do not promise.
void sin_cos(float t, float* s, float* c) {
  const float t2 = t * t;
  *s = t * (1.0f - t2 / 6.0f * (1.0f - t2 / 20.0f * (1.0f - t2 / 42.0f)));
  *c = 1.0f - t2 / 2.0f * (1.0f - t2 / 12.0f * (1.0f - t2 / 30.0f));
}

// A flat, light silhouette with soft edges and its holes filled (background the border cannot
// reach through pixels below half), as the page fills a sketch; with `outline_only`, just its rim
// (what is left after removing the pixels whose four neighbours are all inside).
void sketch_look(float* image, int side, bool outline_only, AugmentScratch& s) {
  const int n = side * side;
  float* flat = s.flat.data();
  uint8_t* outside = s.outside.data();
  int* stack = s.stack.data();
  int top = 0;
  for (int i = 0; i < n; ++i) {
    flat[i] = std::min(1.0f, image[i] * kSilhouette);
    outside[i] = 0;
  }
  const auto push = [&](int i) {
    if (!outside[i] && flat[i] < 0.5f) {
      outside[i] = 1;
      stack[top++] = i;  // each pixel at most once: n slots
    }
  };
  for (int k = 0; k < side; ++k) {
    push(k), push((side - 1) * side + k), push(k * side), push(k * side + side - 1);
  }
  while (top > 0) {
    const int i = stack[--top], x = i % side, y = i / side;
    if (x > 0) push(i - 1);
    if (x + 1 < side) push(i + 1);
    if (y > 0) push(i - side);
    if (y + 1 < side) push(i + side);
  }
  for (int i = 0; i < n; ++i) {
    if (!outside[i] && flat[i] < 0.5f) flat[i] = 1.0f;  // a hole
  }
  if (!outline_only) {
    std::memcpy(image, flat, sizeof(float) * static_cast<size_t>(n));
    return;
  }
  const auto at = [&](int x, int y) {
    return x < 0 || y < 0 || x >= side || y >= side ? 0.0f : flat[y * side + x];
  };
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const float inner = std::min(std::min(at(x - 1, y), at(x + 1, y)), std::min(at(x, y - 1), at(x, y + 1)));
      image[y * side + x] = flat[y * side + x] > kInk ? std::min(flat[y * side + x], 1.0f - inner) : 0.0f;
    }
  }
}

}  // namespace

AugmentScratch::AugmentScratch(int side_)
    : side(side_),
      source(static_cast<size_t>(side_) * side_),
      flat(source.size()),
      stack(source.size()),
      outside(source.size()) {}

void augment_image(float* image, int side, Rng& rng, AugmentScratch& scratch, const AugmentLimits& limits) {
  assert(scratch.side == side);
  // Seven draws, whatever is used, so one sample never shifts the next one's.
  const float u_sketch = rng.uniform01(), u_outline = rng.uniform01(), u_flip = rng.uniform01();
  const float scale = 1.0f + limits.scale * (2.0f * rng.uniform01() - 1.0f);
  const float angle = std::clamp(limits.rotation, 0.0f, 0.5f) * (2.0f * rng.uniform01() - 1.0f);
  const float shift = limits.shift * static_cast<float>(side);
  const float tx = shift * (2.0f * rng.uniform01() - 1.0f), ty = shift * (2.0f * rng.uniform01() - 1.0f);
  const int n = side * side;
  float* source = scratch.source.data();
  if (u_sketch < limits.sketch_p) sketch_look(image, side, u_outline < limits.outline_p, scratch);
  std::memcpy(source, image, sizeof(float) * static_cast<size_t>(n));

  // Output pixel centre p (about the image centre c) reads the source at M·R(−angle)(p − t)/scale + c,
  // M the mirror x → −x when flipped.
  float sn = 0, cs = 1;
  sin_cos(angle, &sn, &cs);
  const float c = 0.5f * static_cast<float>(side), inv = 1.0f / scale;
  const auto pixel = [&](int x, int y) {
    return x < 0 || y < 0 || x >= side || y >= side ? 0.0f : source[y * side + x];
  };
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const float px = static_cast<float>(x) + 0.5f - c - tx, py = static_cast<float>(y) + 0.5f - c - ty;
      const float mx = (cs * px + sn * py) * inv;
      const float sx = (u_flip < limits.flip_p ? -mx : mx) + c - 0.5f;  // source, pixel centres at k
      const float sy = (-sn * px + cs * py) * inv + c - 0.5f;
      const float fx = std::floor(sx), fy = std::floor(sy);
      const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
      const float ax = sx - fx, ay = sy - fy;
      const float top = (1 - ax) * pixel(x0, y0) + ax * pixel(x0 + 1, y0);
      const float bottom = (1 - ax) * pixel(x0, y0 + 1) + ax * pixel(x0 + 1, y0 + 1);
      image[y * side + x] = (1 - ay) * top + ay * bottom;
    }
  }
}

}  // namespace fm
