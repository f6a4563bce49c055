// A drawing kept as strokes, and the model's input re-rendered from them: the ink's bounding box
// (what erasing left), scaled so its longer side fills the frame, centred, drawn at the model's
// side with a line width that is a fixed fraction of that side, anti-aliased, outlines filled.
// The same drawing at any size or position gives (almost) the same input.
#pragma once

#include <cstdint>
#include <vector>

#include "sketch.h"

namespace fm {

// The page's default brush, 22 px on its 280 px canvas (src/app/sketch_canvas.h), as a fraction
// of the drawing's side: the width of a stroke that does not say its own (sketch_file.h).
constexpr float kDefaultBrushFraction = 22.0f / 280.0f;

struct StrokePoint {
  float x = 0, y = 0;  // the drawing's units (canvas pixels, or [0, 1] in a sketch file); y down
};

struct Stroke {
  std::vector<StrokePoint> points;  // the path; one point is a dot
  float width = 0;                  // brush diameter, the drawing's units
  bool erase = false;               // an eraser stroke removes ink drawn before it
};

// What the user drew, in order, with undo (one stroke at a time).
class Drawing {
 public:
  void begin_stroke(float x, float y, float width, bool erase);
  void stroke_to(float x, float y);  // extends the last stroke; a repeated point is dropped
  void add(Stroke stroke);           // a whole stroke (e.g. from a sketch file)
  bool undo();                       // removes the last stroke; false when there is none
  void clear() { strokes_.clear(); }
  bool empty() const { return strokes_.empty(); }
  const std::vector<Stroke>& strokes() const { return strokes_; }

 private:
  std::vector<Stroke> strokes_;
};

// How the strokes become the model's input. Widths are fractions of the output side, so the
// input does not depend on the drawing's size or the user's brush.
// Defaults tuned on the dev half of tests/sketches (README "Sketches"): thinner lines read a little
// better than 0.08 or 0.11; wider fill walls made no difference, so the walls are the lines.
struct StrokeStyle {
  float line_width = 0.06f;  // the rendered line's width
  // Gaps narrower than about this still close an outline: the walls the fill floods against are
  // this wide (the ink stays line_width). Below line_width (0: the default) it is line_width.
  float close_width = 0.0f;
  bool fill = true;          // fill closed outlines (a silhouette, like the data set's images)
};

// An axis-aligned box in the drawing's units; empty when nothing is inside.
struct InkBox {
  bool empty = true;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// Each step of the normalisation, for a preview to show.
struct StrokeSteps {
  InkBox box;  // the centre lines of the ink left after erasing, the drawing's units
  // drawing → output pixels: x' = x·scale + dx, y' = y·scale + dy (pixel centres at i + 0.5)
  float scale = 0, dx = 0, dy = 0;
  std::vector<float> outline;  // side×side: the strokes drawn in the frame, before filling
  SketchInput input;           // side×side: the model's input (outline with closed shapes filled)
};

// The centre lines of the ink that erasing left: each drawing stroke's path, cut into pieces where
// an eraser stroke after it covers the path (tested every 256th of the drawing's extent). Only the
// centre line counts: an eraser that trims a line's edge without reaching its middle leaves it,
// since the input re-draws every line at its own width.
std::vector<std::vector<StrokePoint>> ink_paths(const std::vector<Stroke>& strokes);
// Their bounding box.
InkBox ink_box(const std::vector<Stroke>& strokes);

// side: 14 or 28 (else input.empty). Nothing left after erasing: input.empty, no pixels. A single
// dot or a straight line is centred (no division by a zero extent).
StrokeSteps normalise_strokes(const std::vector<Stroke>& strokes, int side,
                              const StrokeStyle& style = {});

}  // namespace fm
