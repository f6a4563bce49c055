// libFuzzer target: the sketch file, then its strokes normalised at both sides. An accepted file
// has a class 0–9, at least one stroke, each with points in [0, 1] and a width in (0, 1]; the
// input is empty or side² finite values in [0, 1]. The same bytes as a sketch set ("My sketches"):
// an accepted set, written again and read back, is as many sketches with the same classes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/sketch_file.h"
#include "core/strokes.h"

static void check_set(const uint8_t* data, size_t size) {
  std::vector<fm::SketchFile> set;
  if (!fm::parse_sketch_set(data, size, &set).ok) return;
  if (set.size() > fm::kMaxSketchSetSize) __builtin_trap();
  const std::string text = fm::write_sketch_set(set);
  std::vector<fm::SketchFile> back;
  if (!fm::parse_sketch_set(reinterpret_cast<const uint8_t*>(text.data()), text.size(), &back).ok ||
      back.size() != set.size()) {
    __builtin_trap();
  }
  for (size_t i = 0; i < set.size(); ++i) {
    if (back[i].label != set[i].label || back[i].strokes.size() != set[i].strokes.size()) __builtin_trap();
  }
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  check_set(data, size);
  fm::SketchFile f;
  if (!fm::parse_sketch_file(data, size, &f).ok) return 0;
  if (f.label < 0 || f.label > 9 || f.strokes.empty()) __builtin_trap();
  for (const fm::Stroke& s : f.strokes) {
    if (s.points.empty() || !(s.width > 0 && s.width <= 1)) __builtin_trap();
    for (const fm::StrokePoint& p : s.points) {
      if (!(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1)) __builtin_trap();
    }
  }
  for (const int side : {14, 28}) {
    const fm::StrokeSteps steps = fm::normalise_strokes(f.strokes, side);
    if (steps.input.empty) continue;
    if (steps.input.pixels.size() != static_cast<size_t>(side * side)) __builtin_trap();
    for (const float v : steps.input.pixels) {
      if (!(v >= 0 && v <= 1)) __builtin_trap();
    }
  }
  return 0;
}
