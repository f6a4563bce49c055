// Brush strokes are stamped as capsules (a segment with round ends) with a one-pixel soft edge,
// so fast mouse moves leave continuous lines; ink takes the max, the eraser the min.
#include "app/sketch_canvas.h"

#include <algorithm>
#include <cmath>

#include "app/image_ops.h"

namespace fm {
namespace {
constexpr size_t kUndoDepth = 30;
constexpr uint8_t kInkThreshold = 16;  // the core's sketch threshold for "background"
}  // namespace

SketchCanvas::SketchCanvas() : pixels_(static_cast<size_t>(kCanvasSize) * kCanvasSize, 0) {}

void SketchCanvas::push_undo() {
  undo_.push_back({pixels_, source_, source_side_, source_tag_, drawing_, bitmap_});
  if (undo_.size() > kUndoDepth) undo_.pop_front();
}

void SketchCanvas::changed(bool keep_source) {
  if (!keep_source) {
    source_.clear();
    source_side_ = 0;
    source_tag_ = -1;
  }
  empty_ = std::none_of(pixels_.begin(), pixels_.end(), [](uint8_t v) { return v > kInkThreshold; });
  ++version_;
}

void SketchCanvas::begin_stroke(float x, float y) {
  push_undo();
  stroking_ = true;
  last_x_ = x;
  last_y_ = y;
  drawing_.begin_stroke(x, y, brush_, eraser_);
  stamp_segment(x, y, x, y);
  changed(false);
}

void SketchCanvas::stroke_to(float x, float y) {
  if (!stroking_) return;
  if (x == last_x_ && y == last_y_) return;
  drawing_.stroke_to(x, y);
  stamp_segment(last_x_, last_y_, x, y);
  last_x_ = x;
  last_y_ = y;
  changed(false);
}

void SketchCanvas::clear() {
  stroking_ = false;
  if (empty_ && !has_source()) return;
  push_undo();
  std::fill(pixels_.begin(), pixels_.end(), 0);
  drawing_.clear();
  bitmap_ = false;
  changed(false);
}

bool SketchCanvas::undo() {
  if (undo_.empty()) return false;
  stroking_ = false;
  Snapshot& s = undo_.back();
  pixels_.swap(s.pixels);
  source_.swap(s.source);
  source_side_ = s.source_side;
  source_tag_ = s.source_tag;
  drawing_ = std::move(s.drawing);
  bitmap_ = s.bitmap;
  undo_.pop_back();
  changed(true);
  return true;
}

void SketchCanvas::load_image(const uint8_t* image, int side, int tag) {
  stroking_ = false;
  push_undo();
  resample_bilinear(image, side, pixels_.data(), kCanvasSize);
  source_.assign(image, image + static_cast<size_t>(side) * side);
  source_side_ = side;
  source_tag_ = tag;
  drawing_.clear();
  bitmap_ = true;
  changed(true);
}

void SketchCanvas::stamp_segment(float x0, float y0, float x1, float y1) {
  const float r = std::max(0.5f, brush_ * 0.5f);
  const int xa = std::max(0, static_cast<int>(std::floor(std::min(x0, x1) - r - 1)));
  const int xb = std::min(kCanvasSize - 1, static_cast<int>(std::ceil(std::max(x0, x1) + r + 1)));
  const int ya = std::max(0, static_cast<int>(std::floor(std::min(y0, y1) - r - 1)));
  const int yb = std::min(kCanvasSize - 1, static_cast<int>(std::ceil(std::max(y0, y1) + r + 1)));
  const float dx = x1 - x0, dy = y1 - y0;
  const float len2 = dx * dx + dy * dy;
  for (int y = ya; y <= yb; ++y) {
    for (int x = xa; x <= xb; ++x) {
      const float px = x + 0.5f - x0, py = y + 0.5f - y0;
      const float t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0f, 1.0f) : 0.0f;
      const float ex = px - t * dx, ey = py - t * dy;
      const float d = std::sqrt(ex * ex + ey * ey);
      const float cover = std::clamp(r + 0.5f - d, 0.0f, 1.0f);
      if (cover <= 0) continue;
      uint8_t& v = pixels_[static_cast<size_t>(y) * kCanvasSize + x];
      const auto level = static_cast<uint8_t>(std::lround(cover * 255.0f));
      if (eraser_) {
        v = std::min<uint8_t>(v, static_cast<uint8_t>(255 - level));
      } else {
        v = std::max(v, level);
      }
    }
  }
}

}  // namespace fm
