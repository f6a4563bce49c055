// Strokes → the model's input: the centre lines of the ink (each drawing stroke's path, cut where
// a later eraser covers it), their box, the lines re-drawn at the new width on a 112×112
// supersampled frame, closed outlines filled, box-averaged to the side.
#include "core/strokes.h"

#include <algorithm>
#include <cmath>

#include "core/dataset.h"

namespace fm {

namespace {

constexpr int kFine = 112;           // the supersampled frame: 16× a 7×7 input, 8× 14×14, 4× 28×28
constexpr int kBoxSamples = 256;     // centre-line samples across the drawing's extent (ink_box)
constexpr uint8_t kWallLevel = 127;  // a fine pixel at least half covered stops the fill's flood

// Squared distance from p to the segment a–b (a point when a == b).
float segment_distance2(float px, float py, const StrokePoint& a, const StrokePoint& b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  const float t = len2 > 0 ? std::clamp(((px - a.x) * dx + (py - a.y) * dy) / len2, 0.0f, 1.0f)
                           : 0.0f;
  const float ex = px - a.x - t * dx, ey = py - a.y - t * dy;
  return ex * ex + ey * ey;
}

// Whether an eraser stroke covers the point.
bool erased_by(const Stroke& eraser, float x, float y) {
  const float r = eraser.width * 0.5f;
  const std::vector<StrokePoint>& p = eraser.points;
  for (size_t i = 0; i < p.size(); ++i) {
    const StrokePoint& b = p[std::min(i + 1, p.size() - 1)];
    if (segment_distance2(x, y, p[i], b) <= r * r) return true;
    if (i + 1 >= p.size() - 1) break;  // the last segment (or the dot) is done
  }
  return false;
}

void grow(InkBox* box, float x, float y) {
  if (box->empty) {
    *box = {false, x, y, x, y};
    return;
  }
  box->x0 = std::min(box->x0, x);
  box->y0 = std::min(box->y0, y);
  box->x1 = std::max(box->x1, x);
  box->y1 = std::max(box->y1, y);
}

// The paths drawn into a kFine² coverage buffer in [0, 1] with radius `r` (fine pixels): point p
// lands at p·scale + (dx, dy). Round caps and joins; overlaps take the max.
std::vector<float> render(const std::vector<std::vector<StrokePoint>>& paths, float scale, float dx,
                          float dy, float r) {
  std::vector<float> out(static_cast<size_t>(kFine) * kFine, 0.0f);
  for (const std::vector<StrokePoint>& path : paths) {
    for (size_t i = 0; i < path.size(); ++i) {
      const size_t j = std::min(i + 1, path.size() - 1);
      if (i > 0 && j == i) break;  // past the last segment
      const StrokePoint a{path[i].x * scale + dx, path[i].y * scale + dy};
      const StrokePoint b{path[j].x * scale + dx, path[j].y * scale + dy};
      const int xa = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - r - 1)));
      const int xb = std::min(kFine - 1, static_cast<int>(std::ceil(std::max(a.x, b.x) + r + 1)));
      const int ya = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - r - 1)));
      const int yb = std::min(kFine - 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + r + 1)));
      for (int y = ya; y <= yb; ++y) {
        for (int x = xa; x <= xb; ++x) {
          const float d = std::sqrt(segment_distance2(x + 0.5f, y + 0.5f, a, b));
          const float cover = std::clamp(r + 0.5f - d, 0.0f, 1.0f);
          float& v = out[static_cast<size_t>(y) * kFine + x];
          v = std::max(v, cover);
        }
      }
    }
  }
  return out;
}

// kFine² → side² by averaging each block (anti-aliasing).
std::vector<float> box_average(const std::vector<float>& fine, int side) {
  const int k = kFine / side;
  std::vector<float> out(static_cast<size_t>(side) * side, 0.0f);
  for (int y = 0; y < kFine; ++y) {
    for (int x = 0; x < kFine; ++x) {
      out[static_cast<size_t>(y / k) * side + x / k] += fine[static_cast<size_t>(y) * kFine + x];
    }
  }
  const float norm = 1.0f / static_cast<float>(k * k);
  for (float& v : out) v = std::clamp(v * norm, 0.0f, 1.0f);
  return out;
}

// The enclosed area of `walls` (not reachable from the frame's border between wall pixels), grown
// by `margin` fine pixels into the walls so that it meets ink thinner than the walls. 1 = inside.
std::vector<uint8_t> enclosed(const std::vector<float>& walls, int margin) {
  const size_t n = walls.size();
  std::vector<uint8_t> level(n), filled(n);
  for (size_t i = 0; i < n; ++i) {
    level[i] = walls[i] * 255.0f >= kWallLevel + 1 ? 255 : 0;
  }
  filled = level;
  fill_closed_outlines(filled.data(), kFine, kFine, kWallLevel);
  std::vector<uint8_t> inside(n), next(n);
  for (size_t i = 0; i < n; ++i) inside[i] = filled[i] != level[i];
  for (int step = 0; step < margin; ++step) {  // one 8-neighbour dilation per fine pixel
    next = inside;
    for (int y = 0; y < kFine; ++y) {
      for (int x = 0; x < kFine; ++x) {
        if (!inside[static_cast<size_t>(y) * kFine + x]) continue;
        for (int v = std::max(0, y - 1); v <= std::min(kFine - 1, y + 1); ++v) {
          for (int u = std::max(0, x - 1); u <= std::min(kFine - 1, x + 1); ++u) {
            next[static_cast<size_t>(v) * kFine + u] = 1;
          }
        }
      }
    }
    inside.swap(next);
  }
  return inside;
}

}  // namespace

void Drawing::begin_stroke(float x, float y, float width, bool erase) {
  Stroke s;
  s.points.push_back({x, y});
  s.width = width;
  s.erase = erase;
  strokes_.push_back(std::move(s));
}

void Drawing::stroke_to(float x, float y) {
  if (strokes_.empty()) return;
  std::vector<StrokePoint>& p = strokes_.back().points;
  if (!p.empty() && p.back().x == x && p.back().y == y) return;
  p.push_back({x, y});
}

void Drawing::add(Stroke stroke) { strokes_.push_back(std::move(stroke)); }

bool Drawing::undo() {
  if (strokes_.empty()) return false;
  strokes_.pop_back();
  return true;
}

std::vector<std::vector<StrokePoint>> ink_paths(const std::vector<Stroke>& strokes) {
  // The sampling step where an eraser may cut: a 256th of the drawing strokes' extent.
  InkBox all;
  for (const Stroke& s : strokes) {
    if (s.erase) continue;
    for (const StrokePoint& p : s.points) grow(&all, p.x, p.y);
  }
  std::vector<std::vector<StrokePoint>> paths;
  if (all.empty) return paths;
  const float step = std::max(all.x1 - all.x0, all.y1 - all.y0) / kBoxSamples;
  for (size_t i = 0; i < strokes.size(); ++i) {
    const Stroke& s = strokes[i];
    if (s.erase || s.points.empty()) continue;
    std::vector<const Stroke*> erasers;
    for (size_t j = i + 1; j < strokes.size(); ++j) {
      if (strokes[j].erase && !strokes[j].points.empty()) erasers.push_back(&strokes[j]);
    }
    if (erasers.empty()) {
      paths.push_back(s.points);
      continue;
    }
    // Walk the path in small steps; an erased point ends the current piece.
    std::vector<StrokePoint> piece;
    const auto visit = [&](float x, float y) {
      for (const Stroke* e : erasers) {
        if (erased_by(*e, x, y)) {
          if (!piece.empty()) paths.push_back(std::move(piece));
          piece.clear();
          return;
        }
      }
      piece.push_back({x, y});
    };
    visit(s.points[0].x, s.points[0].y);
    for (size_t k = 1; k < s.points.size(); ++k) {
      const StrokePoint &a = s.points[k - 1], &b = s.points[k];
      const float len = std::hypot(b.x - a.x, b.y - a.y);
      const int n = step > 0 ? std::min(4 * kBoxSamples, static_cast<int>(std::ceil(len / step))) : 1;
      for (int t = 1; t <= n; ++t) {
        const float f = static_cast<float>(t) / static_cast<float>(n);
        visit(a.x + f * (b.x - a.x), a.y + f * (b.y - a.y));
      }
    }
    if (!piece.empty()) paths.push_back(std::move(piece));
  }
  return paths;
}

InkBox ink_box(const std::vector<Stroke>& strokes) {
  InkBox box;
  for (const std::vector<StrokePoint>& path : ink_paths(strokes)) {
    for (const StrokePoint& p : path) grow(&box, p.x, p.y);
  }
  return box;
}

StrokeSteps normalise_strokes(const std::vector<Stroke>& strokes, int side,
                              const StrokeStyle& style) {
  StrokeSteps steps;
  steps.input.side = side;
  if (!is_input_side(side)) return steps;
  const std::vector<std::vector<StrokePoint>> paths = ink_paths(strokes);
  for (const std::vector<StrokePoint>& path : paths) {
    for (const StrokePoint& p : path) grow(&steps.box, p.x, p.y);
  }
  if (steps.box.empty) return steps;

  // The centre lines' longer side spans the frame less one line width, so the ink touches both
  // edges; a dot or a line keeps its centre (scale 0 on a zero extent).
  const float line = std::clamp(style.line_width, 0.01f, 0.5f) * static_cast<float>(side);
  const InkBox& b = steps.box;
  const float extent = std::max(b.x1 - b.x0, b.y1 - b.y0);
  steps.scale = extent > 0 ? (static_cast<float>(side) - line) / extent : 0.0f;
  steps.dx = 0.5f * static_cast<float>(side) - 0.5f * (b.x0 + b.x1) * steps.scale;
  steps.dy = 0.5f * static_cast<float>(side) - 0.5f * (b.y0 + b.y1) * steps.scale;

  const float k = static_cast<float>(kFine / side);  // fine pixels per output pixel
  const std::vector<float> ink =
      render(paths, steps.scale * k, steps.dx * k, steps.dy * k, 0.5f * line * k);
  steps.outline = box_average(ink, side);
  if (!style.fill) {
    steps.input.pixels = steps.outline;
  } else {
    const float wall = std::max(line, std::clamp(style.close_width, 0.0f, 0.5f) * side);
    const std::vector<float> walls =
        wall > line ? render(paths, steps.scale * k, steps.dx * k, steps.dy * k, 0.5f * wall * k)
                    : ink;
    const std::vector<uint8_t> inside =
        enclosed(walls, static_cast<int>(std::lround(0.5f * (wall - line) * k)));
    std::vector<float> filled = ink;
    for (size_t i = 0; i < filled.size(); ++i) {
      if (inside[i]) filled[i] = 1.0f;
    }
    steps.input.pixels = box_average(filled, side);
  }
  steps.input.empty = false;
  return steps;
}

}  // namespace fm
