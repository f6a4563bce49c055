// Dense layers on one flat parameter buffer: Glorot init, batched forward/backward with a fused,
// max-subtracted softmax cross-entropy. No allocation in forward/backward while B ≤ capacity.
#include "core/network.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace fm {

Index Architecture::param_count() const {
  Index count = 0;
  Index in = inputs;
  for (int width : hidden) {
    count += static_cast<Index>(width) * in + width;
    in = width;
  }
  return count + static_cast<Index>(outputs) * in + outputs;
}

Network::Network(const Architecture& arch, Index max_batch) : arch_(arch) {
  const int layers = arch_.layer_count();
  w_offset_.resize(layers);
  b_offset_.resize(layers);
  Index offset = 0;
  for (int l = 0; l < layers; ++l) {
    w_offset_[l] = offset;
    offset += static_cast<Index>(layer_out(l)) * layer_in(l);
    b_offset_[l] = offset;
    offset += layer_out(l);
  }
  assert(offset == arch_.param_count());
  params_ = Vector::Zero(offset);
  grads_ = Vector::Zero(offset);
  a_.resize(arch_.hidden.size());
  reserve(std::max<Index>(max_batch, 1));
}

int Network::layer_in(int layer) const {
  return layer == 0 ? arch_.inputs : arch_.hidden[layer - 1];
}

int Network::layer_out(int layer) const {
  return layer + 1 == arch_.layer_count() ? arch_.outputs : arch_.hidden[layer];
}

void Network::reserve(Index max_batch) {
  if (max_batch <= capacity_) return;
  capacity_ = max_batch;
  int widest = arch_.outputs;
  for (size_t l = 0; l < arch_.hidden.size(); ++l) {
    a_[l].resize(arch_.hidden[l], capacity_);
    widest = std::max(widest, arch_.hidden[l]);
  }
  logits_.resize(arch_.outputs, capacity_);
  probs_.resize(arch_.outputs, capacity_);
  delta_.resize(widest, capacity_);
  delta_next_.resize(widest, capacity_);
}

void Network::init_glorot(Rng& rng) {
  for (int l = 0; l < arch_.layer_count(); ++l) {
    const Index in = layer_in(l), out = layer_out(l);
    const float limit = std::sqrt(6.0f / static_cast<float>(in + out));
    Scalar* w = params_.data() + w_offset_[l];
    for (Index i = 0; i < in * out; ++i) w[i] = rng.uniform(-limit, limit);  // column-major order
    params_.segment(b_offset_[l], out).setZero();
  }
  grads_.setZero();
}

Eigen::Map<const Matrix> Network::weights(int layer) const {
  return Eigen::Map<const Matrix>(params_.data() + w_offset_[layer], layer_out(layer),
                                  layer_in(layer));
}

Eigen::Map<const Vector> Network::bias(int layer) const {
  return Eigen::Map<const Vector>(params_.data() + b_offset_[layer], layer_out(layer));
}

void Network::forward(const Eigen::Ref<const Matrix>& x) {
  assert(x.rows() == arch_.inputs);
  const Index batch = x.cols();
  reserve(batch);  // no-op unless the batch outgrew the buffers
  batch_ = batch;
  const int hidden = static_cast<int>(arch_.hidden.size());
  // Hidden layers: a = act(W·a_prev + b), computed in place (backward needs only a).
  for (int l = 0; l < hidden; ++l) {
    auto a = a_[l].leftCols(batch);  // width×B
    if (l == 0) {
      a.noalias() = weights(l) * x;
    } else {
      a.noalias() = weights(l) * a_[l - 1].leftCols(batch);
    }
    a.colwise() += bias(l);
    if (arch_.hidden_activation == Activation::kRelu) {
      a = a.cwiseMax(Scalar(0));
    } else {
      a = (Scalar(1) + (-a.array()).exp()).inverse().matrix();
    }
  }
  auto z = logits_.leftCols(batch);  // outputs×B
  if (hidden == 0) {
    z.noalias() = weights(0) * x;
  } else {
    z.noalias() = weights(hidden) * a_[hidden - 1].leftCols(batch);
  }
  z.colwise() += bias(hidden);
  // Softmax per column with the max subtracted, so exp never overflows.
  for (Index j = 0; j < batch; ++j) {
    const Scalar m = z.col(j).maxCoeff();
    auto p = probs_.col(j);
    p = (z.col(j).array() - m).exp().matrix();
    p /= p.sum();
  }
}

Eigen::Block<const Matrix> Network::probs() const {
  return Eigen::Block<const Matrix>(probs_, 0, 0, probs_.rows(), batch_);
}

namespace {

// −log softmax(z)[label] = logsumexp(z) − z[label], with the max subtracted (finite for z = 1e4).
double column_cross_entropy(const Eigen::Ref<const Vector>& z, int label) {
  const double m = z.maxCoeff();
  double sum = 0;
  for (Index i = 0; i < z.size(); ++i) sum += std::exp(static_cast<double>(z[i]) - m);
  return m + std::log(sum) - static_cast<double>(z[label]);
}

}  // namespace

double Network::loss_sum(const uint8_t* labels, int* correct) const {
  double loss = 0;
  int right = 0;
  for (Index j = 0; j < batch_; ++j) {
    loss += column_cross_entropy(logits_.col(j), labels[j]);
    Index predicted = 0;
    probs_.col(j).maxCoeff(&predicted);  // first maximum, like fm::argmax
    if (predicted == labels[j]) ++right;
  }
  if (correct) *correct = right;
  return loss;
}

void Network::backward(const Eigen::Ref<const Matrix>& x, const uint8_t* labels) {
  const Index batch = batch_;
  assert(x.cols() == batch);
  const int layers = arch_.layer_count();
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(batch);
  // dL/dz of the mean cross-entropy: (p − onehot) / B. delta: out×B (top rows of the buffer).
  Matrix* delta = &delta_;
  Matrix* delta_next = &delta_next_;
  {
    auto d = delta->topLeftCorner(arch_.outputs, batch);
    d = probs_.leftCols(batch);
    for (Index j = 0; j < batch; ++j) d(labels[j], j) -= Scalar(1);
    d *= inv_batch;
  }
  for (int l = layers - 1; l >= 0; --l) {
    const Index in = layer_in(l), out = layer_out(l);
    const auto d = delta->topLeftCorner(out, batch);
    Eigen::Map<Matrix> grad_w(grads_.data() + w_offset_[l], out, in);
    Eigen::Map<Vector> grad_b(grads_.data() + b_offset_[l], out);
    if (l == 0) {
      grad_w.noalias() = d * x.transpose();
    } else {
      grad_w.noalias() = d * a_[l - 1].leftCols(batch).transpose();
    }
    grad_b.noalias() = d.rowwise().sum();
    if (l == 0) break;  // no gradient needed for the inputs
    // Into the previous layer: W^T·delta, times act'(a) (relu: a > 0; sigmoid: a(1 − a)).
    auto d_prev = delta_next->topLeftCorner(in, batch);
    d_prev.noalias() = weights(l).transpose() * d;
    const auto a = a_[l - 1].leftCols(batch);
    if (arch_.hidden_activation == Activation::kRelu) {
      d_prev.array() = (a.array() > Scalar(0)).select(d_prev.array(), Scalar(0));
    } else {
      d_prev.array() *= a.array() * (Scalar(1) - a.array());
    }
    std::swap(delta, delta_next);
  }
}

void Network::predict(const float* input, float* probs_out) const {
  Vector a = Eigen::Map<const Vector>(input, arch_.inputs);
  for (int l = 0; l < arch_.layer_count(); ++l) {
    Vector z = weights(l) * a + bias(l);
    if (l + 1 < arch_.layer_count()) {
      if (arch_.hidden_activation == Activation::kRelu) {
        a = z.cwiseMax(Scalar(0));
      } else {
        a = (Scalar(1) + (-z.array()).exp()).inverse().matrix();
      }
    } else {
      const Scalar m = z.maxCoeff();
      a = (z.array() - m).exp().matrix();
      a /= a.sum();
    }
  }
  Eigen::Map<Vector>(probs_out, arch_.outputs) = a;
}

bool Network::all_finite() const { return params_.allFinite(); }

double softmax_cross_entropy(const Eigen::Ref<const Matrix>& logits, const uint8_t* labels) {
  if (logits.cols() == 0) return 0;
  double sum = 0;
  for (Index j = 0; j < logits.cols(); ++j) sum += column_cross_entropy(logits.col(j), labels[j]);
  return sum / static_cast<double>(logits.cols());
}

}  // namespace fm
