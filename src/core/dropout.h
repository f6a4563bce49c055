// Dropout(rate) as Keras has it: in training each unit is zeroed with probability `rate` and the
// survivors scaled by 1/(1 − rate) (inverted dropout), so evaluation is the identity.
#pragma once

#include "rng.h"
#include "types.h"

namespace fm {

class Dropout {
 public:
  Dropout() = default;
  // units: rows of the activations it sees (one sample per column). rate in [0, 1).
  Dropout(Index units, float rate, Index max_batch = 32);

  Index units() const { return units_; }
  float rate() const { return rate_; }
  Scalar scale() const { return scale_; }  // 1/(1 − rate), as float

  // Sizes the mask for up to `max_batch` columns (only grows), so that forward_train allocates
  // nothing; forward_train calls it itself when a batch is larger.
  void reserve(Index max_batch);

  // Training: y = x ⊙ mask, mask = 0 (drop) or scale (keep) per element, drawn from the caller's
  // stream in column-major order (sample by sample, unit by unit): unit dropped when
  // rng.uniform01() < rate; units×B draws whatever the rate (0 too), so the stream's position
  // depends only on the shapes. x: units×B; y may be x itself (in place). Remembers the mask.
  void forward_train(const Eigen::Ref<const Matrix>& x, Rng& rng, Eigen::Ref<Matrix> y);
  // Evaluation: y = x (a copy; nothing at all to do when y is x).
  void forward_eval(const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> y) const;
  // dx = dy ⊙ the last forward_train's mask; dx may be dy itself.
  void backward(const Eigen::Ref<const Matrix>& dy, Eigen::Ref<Matrix> dx) const;

 private:
  Index units_ = 0;
  float rate_ = 0;
  Scalar scale_ = 1;
  Matrix mask_;  // units×capacity: 0 or scale
  Index batch_ = 0;
};

}  // namespace fm
