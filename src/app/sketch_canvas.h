// The drawing canvas: what the user drew kept as strokes (the core's Drawing: points, brush
// size, draw or erase), and as the anti-aliased pixels shown; clear, undo (a stroke, a clear or a
// load at a time), and loading a data-set image as a starting point. A drawing made of strokes
// alone becomes the model input through the core's stroke normalisation (core/strokes.h); one
// over a loaded image keeps to the pixels. Knows nothing about ImGui; coordinates are canvas pixels.
#pragma once

#include <cstdint>
#include <deque>
#include <vector>

#include "core/strokes.h"

namespace fm {

constexpr int kCanvasSize = 280;  // 10× a 28×28 image, 20× a 14×14 one

class SketchCanvas {
 public:
  SketchCanvas();

  // A stroke: begin (saves an undo step and stamps a dot), extend, end.
  void begin_stroke(float x, float y);
  void stroke_to(float x, float y);
  void end_stroke() { stroking_ = false; }
  bool stroking() const { return stroking_; }

  void clear();   // undoable; does nothing when already empty
  bool undo();    // false when there is nothing to undo
  bool can_undo() const { return !undo_.empty(); }
  // Replaces the content with a side×side image (light on dark), upscaled; undoable.
  // The image is remembered as the "source" until the next edit, and the canvas has a bitmap
  // under its strokes until the next clear.
  void load_image(const uint8_t* image, int side, int tag);

  // The strokes since the last clear or load, and whether a bitmap lies under them (then the
  // pixels are the drawing: the model input takes the pixel path).
  const Drawing& drawing() const { return drawing_; }
  bool has_bitmap() const { return bitmap_; }

  void set_brush(float diameter) { brush_ = diameter; }
  float brush() const { return brush_; }
  void set_eraser(bool on) { eraser_ = on; }
  bool eraser() const { return eraser_; }

  bool empty() const { return empty_; }
  const uint8_t* pixels() const { return pixels_.data(); }
  // Bumps on every change (for texture uploads and predictions).
  uint64_t version() const { return version_; }

  // The unmodified loaded image, if the canvas still shows exactly that.
  bool has_source() const { return source_side_ > 0; }
  int source_side() const { return source_side_; }
  int source_tag() const { return source_tag_; }
  const std::vector<uint8_t>& source() const { return source_; }

 private:
  struct Snapshot {
    std::vector<uint8_t> pixels, source;
    int source_side = 0, source_tag = -1;
    Drawing drawing;
    bool bitmap = false;
  };
  void push_undo();
  void stamp_segment(float x0, float y0, float x1, float y1);
  void changed(bool keep_source);

  std::vector<uint8_t> pixels_;  // kCanvasSize², 0 = background
  Drawing drawing_;
  bool bitmap_ = false;
  std::deque<Snapshot> undo_;
  std::vector<uint8_t> source_;
  int source_side_ = 0, source_tag_ = -1;
  float brush_ = 22.0f;
  bool eraser_ = false;
  bool stroking_ = false;
  bool empty_ = true;
  float last_x_ = 0, last_y_ = 0;
  uint64_t version_ = 1;
};

}  // namespace fm
