// canvas_input: the three paths from the canvas to a side×side model input.
#include "app/session/canvas_input.h"

#include <cstddef>
#include <cstdint>

#include "core/sketch.h"

namespace fm {

CanvasInput canvas_input(const SketchCanvas& canvas, int side, bool fill_outlines) {
  CanvasInput in;
  in.pixels.assign(static_cast<size_t>(side) * side, 0.0f);
  if (canvas.empty()) return in;
  if (canvas.has_source() && canvas.source_side() == side) {
    // An unmodified data-set image: exactly what the data set gives the model.
    in.path = CanvasInput::Path::kSource;
    for (size_t i = 0; i < in.pixels.size(); ++i) in.pixels[i] = canvas.source()[i] / 255.0f;
  } else if (!canvas.has_bitmap()) {
    // Strokes alone: re-rendered at the model's side from the ink's box, whatever the drawing's
    // size or place on the canvas.
    StrokeStyle style;
    style.fill = fill_outlines;
    in.steps = normalise_strokes(canvas.drawing().strokes(), side, style);
    if (!in.steps.input.empty && in.steps.input.pixels.size() == in.pixels.size()) {
      in.path = CanvasInput::Path::kStrokes;
      in.pixels = in.steps.input.pixels;
    }
  } else {
    in.path = CanvasInput::Path::kPixels;
    std::vector<uint8_t> work(canvas.pixels(), canvas.pixels() + kCanvasSize * kCanvasSize);
    if (fill_outlines) fill_closed_outlines(work.data(), kCanvasSize, kCanvasSize);
    const SketchInput s = preprocess_sketch(work.data(), kCanvasSize, kCanvasSize, side);
    if (!s.empty && s.pixels.size() == in.pixels.size()) in.pixels = s.pixels;
  }
  return in;
}

}  // namespace fm
