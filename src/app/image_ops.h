// Pixel helpers for display: grayscale and diverging (blue-white-red) colour maps into RGBA
// atlases, and bilinear resampling of a small image onto the drawing canvas.
#pragma once

#include <cstdint>
#include <vector>

namespace fm {

// An atlas of cols×rows cells of side×side pixels, RGBA, filled cell by cell.
struct Atlas {
  int cols = 0, rows = 0, cell_w = 0, cell_h = 0;
  std::vector<uint8_t> rgba;

  void reset(int cols_, int rows_, int cell_w_, int cell_h_);
  int width() const { return cols * cell_w; }
  int height() const { return rows * cell_h; }
  // Grayscale bytes (0 = black) into cell i (row-major cells).
  void put_gray(int i, const uint8_t* pixels);
  void put_gray(int i, const float* pixels01);
  // Diverging map: negative blue, zero white, positive red; `scale` maps to full colour.
  void put_diverging(int i, const float* values, int stride, float scale);
};

// Resamples a side×side image bilinearly onto a size×size canvas (centres aligned).
void resample_bilinear(const uint8_t* src, int side, uint8_t* dst, int size);

}  // namespace fm
