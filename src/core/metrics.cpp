// Evaluation metrics: confusion matrix totals and accuracies, the most confidently wrong
// examples, and argmax. Deterministic: ties are broken by index, never by memory order.
#include "core/metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fm {

int ConfusionMatrix::total() const {
  int sum = 0;
  for (int c : counts) sum += c;
  return sum;
}

double ConfusionMatrix::accuracy() const {
  const int n = total();
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  int correct = 0;
  for (int c = 0; c < kNumClasses; ++c) correct += at(c, c);
  return static_cast<double>(correct) / n;
}

double ConfusionMatrix::class_accuracy(int truth) const {
  int n = 0;
  for (int p = 0; p < kNumClasses; ++p) n += at(truth, p);
  if (n == 0) return std::numeric_limits<double>::quiet_NaN();
  return static_cast<double>(at(truth, truth)) / n;
}

namespace {
// Most confident first; equal confidences keep the lower index first.
bool ranks_before(const Mistake& a, const Mistake& b) {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return a.index < b.index;
}
}  // namespace

void HardestExamples::offer(const Mistake& m) {
  if (capacity_ == 0 || std::isnan(m.confidence)) return;  // NaN would break the ordering
  if (items_.size() == capacity_ && !ranks_before(m, items_.back())) return;
  // Reserve once so that offers during evaluation do not allocate.
  if (items_.capacity() < capacity_) items_.reserve(std::min<size_t>(capacity_, 4096));
  const auto pos = std::upper_bound(items_.begin(), items_.end(), m, ranks_before) - items_.begin();
  if (items_.size() == capacity_) items_.pop_back();
  items_.insert(items_.begin() + pos, m);
}

int argmax(const float* values, int n) {
  int best = 0;
  for (int i = 1; i < n; ++i) {
    if (values[i] > values[best]) best = i;
  }
  return best;
}

}  // namespace fm
