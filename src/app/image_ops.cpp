// Colour maps and resampling for the panels' textures. Display only: the model never sees
// these pixels (it reads the core's uint8 images and the sketch preprocessing).
#include "app/image_ops.h"

#include <algorithm>
#include <cmath>

namespace fm {

void Atlas::reset(int cols_, int rows_, int cell_w_, int cell_h_) {
  cols = cols_;
  rows = rows_;
  cell_w = cell_w_;
  cell_h = cell_h_;
  rgba.assign(static_cast<size_t>(width()) * height() * 4, 0);
}

namespace {
uint8_t* cell_origin(Atlas& a, int i) {
  const int cx = (i % a.cols) * a.cell_w;
  const int cy = (i / a.cols) * a.cell_h;
  return a.rgba.data() + (static_cast<size_t>(cy) * a.width() + cx) * 4;
}
}  // namespace

void Atlas::put_gray(int i, const uint8_t* pixels) {
  if (i < 0 || i >= cols * rows) return;
  uint8_t* o = cell_origin(*this, i);
  for (int y = 0; y < cell_h; ++y) {
    uint8_t* row = o + static_cast<size_t>(y) * width() * 4;
    for (int x = 0; x < cell_w; ++x) {
      const uint8_t v = pixels[y * cell_w + x];
      row[x * 4 + 0] = v;
      row[x * 4 + 1] = v;
      row[x * 4 + 2] = v;
      row[x * 4 + 3] = 255;
    }
  }
}

void Atlas::put_gray(int i, const float* pixels01) {
  if (i < 0 || i >= cols * rows) return;
  uint8_t* o = cell_origin(*this, i);
  for (int y = 0; y < cell_h; ++y) {
    uint8_t* row = o + static_cast<size_t>(y) * width() * 4;
    for (int x = 0; x < cell_w; ++x) {
      const float f = std::clamp(pixels01[y * cell_w + x], 0.0f, 1.0f);
      const auto v = static_cast<uint8_t>(std::lround(f * 255.0f));
      row[x * 4 + 0] = v;
      row[x * 4 + 1] = v;
      row[x * 4 + 2] = v;
      row[x * 4 + 3] = 255;
    }
  }
}

void Atlas::put_diverging(int i, const float* values, int stride, float scale) {
  if (i < 0 || i >= cols * rows) return;
  const float inv = scale > 0 ? 1.0f / scale : 0.0f;
  uint8_t* o = cell_origin(*this, i);
  for (int y = 0; y < cell_h; ++y) {
    uint8_t* row = o + static_cast<size_t>(y) * width() * 4;
    for (int x = 0; x < cell_w; ++x) {
      const float v = values[static_cast<size_t>(y * cell_w + x) * stride];
      float t = std::isfinite(v) ? std::clamp(v * inv, -1.0f, 1.0f) : 0.0f;
      // white at 0, towards (33,102,172) blue or (178,24,43) red (ColorBrewer RdBu ends)
      const float a = std::fabs(t);
      const float r = t < 0 ? 33.0f : 178.0f, g = t < 0 ? 102.0f : 24.0f, b = t < 0 ? 172.0f : 43.0f;
      row[x * 4 + 0] = static_cast<uint8_t>(255.0f + (r - 255.0f) * a);
      row[x * 4 + 1] = static_cast<uint8_t>(255.0f + (g - 255.0f) * a);
      row[x * 4 + 2] = static_cast<uint8_t>(255.0f + (b - 255.0f) * a);
      row[x * 4 + 3] = 255;
    }
  }
}

void resample_bilinear(const uint8_t* src, int side, uint8_t* dst, int size) {
  const float scale = static_cast<float>(side) / static_cast<float>(size);
  for (int y = 0; y < size; ++y) {
    const float sy = std::clamp((y + 0.5f) * scale - 0.5f, 0.0f, side - 1.0f);
    const int y0 = static_cast<int>(sy);
    const int y1 = std::min(y0 + 1, side - 1);
    const float fy = sy - y0;
    for (int x = 0; x < size; ++x) {
      const float sx = std::clamp((x + 0.5f) * scale - 0.5f, 0.0f, side - 1.0f);
      const int x0 = static_cast<int>(sx);
      const int x1 = std::min(x0 + 1, side - 1);
      const float fx = sx - x0;
      const float top = src[y0 * side + x0] * (1 - fx) + src[y0 * side + x1] * fx;
      const float bottom = src[y1 * side + x0] * (1 - fx) + src[y1 * side + x1] * fx;
      dst[y * size + x] = static_cast<uint8_t>(std::lround(top * (1 - fy) + bottom * fy));
    }
  }
}

}  // namespace fm
