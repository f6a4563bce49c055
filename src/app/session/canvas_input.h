// The drawing canvas → a model's input at any input size, as the Drawing panel makes it
// (CanvasPanel::update_prediction, which could call this too): an unmodified data-set image as the
// data set has it, strokes re-rendered at the side (core/strokes.h), or a drawing over a loaded
// image through the pixels (core/sketch.h). The resolution comparison shows the sketch at 7×7,
// 14×14 and 28×28 with it. Plain C++.
#pragma once

#include <vector>

#include "app/sketch_canvas.h"
#include "core/strokes.h"

namespace fm {

struct CanvasInput {
  // Where the input came from: nothing drawn, an unmodified data-set image, the strokes
  // (normalised: `steps` holds each step), or the canvas's pixels (a drawing over a loaded image).
  enum class Path { kNone, kSource, kStrokes, kPixels };
  Path path = Path::kNone;
  std::vector<float> pixels;  // side×side in [0, 1], zeros when nothing is drawn
  StrokeSteps steps;          // kStrokes: the normalisation's steps (outline, box)
};

// `fill_outlines`: closed outlines become silhouettes, as the data set's items are.
CanvasInput canvas_input(const SketchCanvas& canvas, int side, bool fill_outlines);

}  // namespace fm
