// A sketch file (tests/sketches/*.json): one drawing of one class, as strokes in the sketch's own
// square box. The format, exactly:
//   {"class": 3, "name": "dress-02",
//    "strokes": [{"erase": false, "width": 0.08, "points": [[0.12, 0.3], [0.15, 0.31], ...]}, ...]}
// class: 0–9 (Fashion-MNIST's labels); name: optional text; strokes: in drawing order, at least
// one. A stroke: points [x, y] with x, y in [0, 1] (y down), at least one; erase optional (false);
// width optional, the brush diameter as a fraction of the box, in (0, 1] (default: the page's
// brush, kDefaultBrushFraction). Keys are these and no others, each at most once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "strokes.h"
#include "types.h"

namespace fm {

constexpr size_t kMaxSketchFileBytes = size_t(4) << 20;
constexpr size_t kMaxSketchStrokes = 2000;
constexpr size_t kMaxSketchPoints = 200000;  // all strokes together
constexpr size_t kMaxSketchNameBytes = 200;
// A set of sketches ("My sketches", issue 14 §1), exactly:
//   {"format": "fmnist-sketches", "version": 1, "sketches": [<a sketch file's object>, ...]}
// version optional (1); at most kMaxSketchSetSize sketches, each within a sketch file's limits on
// strokes and points, kMaxSketchSetBytes in all.
constexpr const char* kSketchSetFormat = "fmnist-sketches";
constexpr size_t kMaxSketchSetSize = 500;
constexpr size_t kMaxSketchSetBytes = size_t(32) << 20;

struct SketchFile {
  int label = 0;
  std::string name;             // "" when the file has none
  std::vector<Stroke> strokes;  // units: the sketch's box, [0, 1]
};

// Refusals (error_codes.h, kSketch…) name what is wrong and where: a line and column for JSON
// syntax, the stroke and point (1-based) for a bad value. `out` is left alone on error.
Status parse_sketch_file(const uint8_t* bytes, size_t size, SketchFile* out);
// A set: any other JSON (or a key of its own) is kSketchSetNotSet; a bad sketch in it is
// kSketchSetItem (its number) because of what is wrong with it. `out` is left alone on error.
Status parse_sketch_set(const uint8_t* bytes, size_t size, std::vector<SketchFile>* out);
// The set as parse_sketch_set reads it (coordinates and widths clamped into the format's ranges,
// 4 significant digits).
std::string write_sketch_set(const std::vector<SketchFile>& sketches);

}  // namespace fm
