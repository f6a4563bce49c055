// A drawing → the model's input, made the way Fashion-MNIST images were made: crop to the
// bounding box, scale the longest side to fill the frame, centre, light on dark, downsample.
#pragma once

#include <cstdint>
#include <vector>

namespace fm {

struct SketchInput {
  bool empty = true;         // nothing drawn: do not classify
  int side = 0;
  std::vector<float> pixels; // side×side, row-major, in [0, 1], object light on dark
};

// canvas: width×height grayscale bytes, row-major, ink light on dark (0 = background).
// Pixels at or below `threshold` count as background when finding the bounding box.
SketchInput preprocess_sketch(const uint8_t* canvas, int width, int height, int side,
                              uint8_t threshold = 16);

// True when the border of the image is mostly light (a photo or a scan of dark ink on paper),
// so the caller should invert before preprocess_sketch.
bool has_light_background(const uint8_t* image, int width, int height);

// Fills enclosed background regions (not reachable from the border) with ink, so an outline
// becomes a silhouette like the data set's images. In place.
void fill_closed_outlines(uint8_t* canvas, int width, int height, uint8_t threshold = 16);

}  // namespace fm
