// Why the model gives a class its score, pixel by pixel: each input pixel's contribution to the
// class's logit relative to a baseline image (the mean training image, so that missing ink counts
// as evidence too). The contributions add up to logit(x) − logit(baseline) (completeness):
//   - the softmax regression (no hidden layer): exactly w_c ⊙ (x − x̄);
//   - any other network: integrated gradients (Sundararajan et al. 2017), the gradient of the
//     logit averaged along the straight path from x̄ to x (midpoint rule), times x − x̄. The path
//     is split more finely until the sum is within 1 % of the gap (or kAttributionSlack, or
//     kMaxAttributionSteps).
#pragma once

#include "network.h"

namespace fm {

constexpr int kAttributionSteps = 32;
constexpr int kMaxAttributionSteps = 1024;
// The sum may miss the gap by this much (logits) when 1 % of the gap is less: nobody sees it.
constexpr double kAttributionSlack = 0.01;

struct Attribution {
  double sum = 0;        // Σ contributions
  double logit_gap = 0;  // logit_cls(x) − logit_cls(baseline)
  int steps = 0;         // path steps used (0: the exact linear formula)
};

// Keeps a Network of the model's architecture, sized for the path's steps (allocated as the
// steps grow, never while a size is reused): the canvas's attribution while the user draws.
class Attributor {
 public:
  explicit Attributor(const Architecture& arch);
  const Architecture& arch() const { return net_.arch(); }
  // params: a Network's params() for arch(); x, baseline, out: arch().inputs floats each.
  Attribution attribute(const Vector& params, const float* x, const float* baseline, int cls,
                        float* out);

 private:
  Attribution integrated_gradients(const float* x, const float* baseline, int cls, int steps,
                                   float* out);
  Network net_;
  Matrix path_, grad_;  // inputs×steps
};

}  // namespace fm
