// Dense layers on one flat parameter buffer: Glorot init, batched forward/backward on kernels.h's
// blocked products, a fused max-subtracted softmax cross-entropy; no allocation while B ≤ capacity.
#include "core/network.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "core/kernels.h"

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
  Index transposed = 0;  // backward's Wᵀ for the layers above the first
  for (int l = 1; l < layers; ++l) {
    transposed = std::max<Index>(transposed, static_cast<Index>(layer_in(l)) * layer_out(l));
  }
  wt_.resize(transposed);
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
  col_max_.resize(capacity_);
  col_sum_.resize(capacity_);
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
  // Layer by layer: out = act(W·in + b), W out×in, in in×B. Hidden activations are computed in
  // place (backward needs only a); relu is fused into the product's store.
  const Scalar* in = x.data();
  Index in_stride = x.outerStride();
  for (int l = 0; l <= hidden; ++l) {
    const bool last = l == hidden;
    Matrix& out = last ? logits_ : a_[l];
    const bool relu = !last && arch_.hidden_activation == Activation::kRelu;
    kernels::gemm_nn(layer_out(l), batch, layer_in(l), params_.data() + w_offset_[l], layer_out(l),
                     in, in_stride, params_.data() + b_offset_[l],
                     relu ? kernels::Epilogue::kRelu : kernels::Epilogue::kNone, out.data(),
                     out.rows());
    if (!last && !relu) {
      auto a = out.leftCols(batch);
      a = (Scalar(1) + (-a.array()).exp()).inverse().matrix();
    }
    in = out.data();
    in_stride = out.rows();
  }
  // Softmax per column with the max subtracted, so exp never overflows; the max and the sum of
  // the exponentials are kept for loss_sum (log-sum-exp = max + log(sum)).
  const Index rows = arch_.outputs;
  const Scalar* z = logits_.data();  // outputs×B, column stride `rows`
  Scalar* p = probs_.data();
  for (Index j = 0; j < batch; ++j) {
    const Scalar* zj = z + j * rows;
    Scalar m = zj[0];
    for (Index i = 1; i < rows; ++i) m = zj[i] > m ? zj[i] : m;
    col_max_[j] = m;
    for (Index i = 0; i < rows; ++i) p[i + j * rows] = zj[i] - m;
  }
  kernels::exp_inplace(p, rows * batch);  // the columns are contiguous
  for (Index j = 0; j < batch; ++j) {
    Scalar* pj = p + j * rows;
    Scalar sum = 0;
    for (Index i = 0; i < rows; ++i) sum += pj[i];
    col_sum_[j] = sum;
    for (Index i = 0; i < rows; ++i) pj[i] /= sum;
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
    // logsumexp − z[label] from forward's max and sum of exponentials: finite for z = ±1e4,
    // NaN if any logit of the column is.
    loss += static_cast<double>(col_max_[j]) + std::log(static_cast<double>(col_sum_[j])) -
            static_cast<double>(logits_(labels[j], j));
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
    const Index outputs = arch_.outputs, ld = delta->rows();
    const Scalar* p = probs_.data();  // outputs×B, contiguous columns
    Scalar* d = delta->data();
    for (Index j = 0; j < batch; ++j) {
      for (Index i = 0; i < outputs; ++i) d[i + j * ld] = p[i + j * outputs] * inv_batch;
      const Index label = labels[j];
      d[label + j * ld] = (p[label + j * outputs] - Scalar(1)) * inv_batch;
    }
  }
  for (int l = layers - 1; l >= 0; --l) {
    const Index in = layer_in(l), out = layer_out(l);
    const Scalar* d = delta->data();  // out×B, column stride delta->rows()
    const Index ld = delta->rows();
    // grad_W = delta·inᵀ (out×in), grad_b = delta·1 (sums over the batch in column order).
    const Scalar* input = l == 0 ? x.data() : a_[l - 1].data();
    const Index input_stride = l == 0 ? x.outerStride() : a_[l - 1].rows();
    kernels::gemm_nt(out, in, batch, d, ld, input, input_stride, grads_.data() + w_offset_[l], out);
    Scalar* grad_b = grads_.data() + b_offset_[l];
    std::fill(grad_b, grad_b + out, Scalar(0));
    for (Index j = 0; j < batch; ++j) {
      for (Index i = 0; i < out; ++i) grad_b[i] += d[i + j * ld];
    }
    if (l == 0) break;  // no gradient needed for the inputs
    // Into the previous layer: Wᵀ·delta (in×B), times act'(a) (relu: a > 0; sigmoid: a(1 − a)).
    kernels::transpose(out, in, params_.data() + w_offset_[l], out, wt_.data(), in);
    kernels::gemm_nn(in, batch, out, wt_.data(), in, d, ld, nullptr, kernels::Epilogue::kNone,
                     delta_next->data(), delta_next->rows());
    auto d_prev = delta_next->topLeftCorner(in, batch);
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
