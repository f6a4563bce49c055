// Evaluation metrics: confusion matrix, per-class accuracy, and the most confidently wrong
// examples (the "hardest examples" view).
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "types.h"

namespace fm {

struct ConfusionMatrix {
  std::array<int, kNumClasses * kNumClasses> counts{};  // counts[truth * 10 + predicted]

  void clear() { counts.fill(0); }
  void add(int truth, int predicted) { ++counts[truth * kNumClasses + predicted]; }
  int at(int truth, int predicted) const { return counts[truth * kNumClasses + predicted]; }
  int total() const;
  double accuracy() const;                   // NaN when empty
  double class_accuracy(int truth) const;    // recall of one class; NaN when it has no samples
};

struct Mistake {
  int32_t index = 0;  // index into the images evaluated (train indices for validation)
  uint8_t label = 0;
  uint8_t predicted = 0;
  float confidence = 0;  // probability given to the wrong class
};

// Keeps the `capacity` mistakes with the highest confidence, most confident first.
class HardestExamples {
 public:
  explicit HardestExamples(size_t capacity = 64) : capacity_(capacity) {}
  void clear() { items_.clear(); }
  void offer(const Mistake& m);
  const std::vector<Mistake>& items() const { return items_; }

 private:
  size_t capacity_;
  std::vector<Mistake> items_;
};

int argmax(const float* values, int n);

}  // namespace fm
