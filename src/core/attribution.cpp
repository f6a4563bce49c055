#include "core/attribution.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace fm {

Attributor::Attributor(const Architecture& arch) : net_(arch, 2) {}

Attribution Attributor::attribute(const Vector& params, const float* x, const float* baseline,
                                  int cls, float* out) {
  assert(params.size() == net_.params().size());
  net_.params() = params;
  const Index inputs = net_.arch().inputs;
  // Both logits, from one forward of the two columns [x, baseline].
  path_.resize(inputs, 2);
  std::copy(x, x + inputs, path_.col(0).data());
  std::copy(baseline, baseline + inputs, path_.col(1).data());
  net_.forward(path_);
  Attribution a;
  a.logit_gap = static_cast<double>(net_.logits()(cls, 0)) - net_.logits()(cls, 1);
  if (net_.arch().layers.empty()) {
    // Linear in x: the weights' row of the class times the difference, exactly.
    const auto w = net_.weights(0).row(cls);
    for (Index i = 0; i < inputs; ++i) {
      out[i] = w(i) * (x[i] - baseline[i]);
      a.sum += out[i];
    }
    return a;
  }
  for (int steps = kAttributionSteps;; steps *= 2) {
    a.sum = integrated_gradients(x, baseline, cls, steps, out).sum;
    a.steps = steps;
    const bool close = std::fabs(a.sum - a.logit_gap) <= std::max(0.01 * std::fabs(a.logit_gap), kAttributionSlack);
    if (close || steps * 2 > kMaxAttributionSteps) return a;
  }
}

Attribution Attributor::integrated_gradients(const float* x, const float* baseline, int cls,
                                             int steps, float* out) {
  const Index inputs = net_.arch().inputs;
  path_.resize(inputs, steps);
  for (int k = 0; k < steps; ++k) {
    const float t = (static_cast<float>(k) + 0.5f) / static_cast<float>(steps);
    for (Index i = 0; i < inputs; ++i) path_(i, k) = baseline[i] + t * (x[i] - baseline[i]);
  }
  net_.forward(path_);
  net_.logit_input_gradient(path_, cls, &grad_);
  Attribution a;
  for (Index i = 0; i < inputs; ++i) {
    const double mean = static_cast<double>(grad_.row(i).sum()) / steps;
    out[i] = static_cast<float>(mean * (x[i] - baseline[i]));
    a.sum += out[i];
  }
  a.steps = steps;
  return a;
}

}  // namespace fm
