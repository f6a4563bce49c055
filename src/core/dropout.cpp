// Inverted dropout with a mask of 0 or 1/(1 − rate) per element, drawn from a caller-given Rng so
// that a seeded run is bitwise repeatable; backward multiplies by the same mask.
#include "core/dropout.h"

#include <cassert>

namespace fm {

Dropout::Dropout(Index units, float rate, Index max_batch)
    : units_(units), rate_(rate), scale_(Scalar(1) / (Scalar(1) - rate)) {
  assert(units >= 0 && rate >= 0.0f && rate < 1.0f);
  reserve(max_batch < 1 ? 1 : max_batch);
}

void Dropout::reserve(Index max_batch) {
  if (max_batch <= mask_.cols()) return;
  mask_.resize(units_, max_batch);
}

void Dropout::forward_train(const Eigen::Ref<const Matrix>& x, Rng& rng, Eigen::Ref<Matrix> y) {
  assert(x.rows() == units_ && y.rows() == units_ && y.cols() == x.cols());
  const Index batch = x.cols();
  reserve(batch);
  batch_ = batch;
  for (Index j = 0; j < batch; ++j) {
    const Scalar* xj = x.data() + j * x.outerStride();
    Scalar* yj = y.data() + j * y.outerStride();
    Scalar* m = mask_.data() + j * units_;
    for (Index i = 0; i < units_; ++i) {
      m[i] = rng.uniform01() < rate_ ? Scalar(0) : scale_;
      yj[i] = xj[i] * m[i];
    }
  }
}

void Dropout::forward_eval(const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> y) const {
  assert(x.rows() == units_ && y.rows() == units_ && y.cols() == x.cols());
  if (x.data() == y.data() && x.outerStride() == y.outerStride()) return;
  y = x;
}

void Dropout::backward(const Eigen::Ref<const Matrix>& dy, Eigen::Ref<Matrix> dx) const {
  assert(dy.rows() == units_ && dx.rows() == units_);
  assert(dy.cols() == batch_ && dx.cols() == batch_);
  for (Index j = 0; j < batch_; ++j) {
    const Scalar* g = dy.data() + j * dy.outerStride();
    const Scalar* m = mask_.data() + j * units_;
    Scalar* d = dx.data() + j * dx.outerStride();
    for (Index i = 0; i < units_; ++i) d[i] = g[i] * m[i];
  }
}

}  // namespace fm
