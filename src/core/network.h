// A stack of Dense layers on one flat parameter buffer, ending in softmax, with the
// cross-entropy fused into the softmax (stable for huge logits). Keras' defaults.
#pragma once

#include <cstdint>
#include <vector>

#include "rng.h"
#include "types.h"

namespace fm {

enum class Activation : uint8_t { kRelu = 0, kSigmoid = 1 };

struct Architecture {
  int inputs = 196;
  std::vector<int> hidden;  // empty: the lesson's softmax regression
  Activation hidden_activation = Activation::kRelu;
  int outputs = kNumClasses;

  Index param_count() const;
  int layer_count() const { return static_cast<int>(hidden.size()) + 1; }
  bool operator==(const Architecture& o) const {
    return inputs == o.inputs && hidden == o.hidden && outputs == o.outputs &&
           hidden_activation == o.hidden_activation;
  }
};

// Layout of params: for each layer, W (out×in, column-major) then b (out).
class Network {
 public:
  Network() = default;
  // Buffers are sized for `max_batch` columns; larger batches grow them once.
  explicit Network(const Architecture& arch, Index max_batch = 32);

  const Architecture& arch() const { return arch_; }
  // Keras: W ~ U(-l, l), l = sqrt(6 / (fan_in + fan_out)), drawn in params order; b = 0.
  void init_glorot(Rng& rng);

  Vector& params() { return params_; }
  const Vector& params() const { return params_; }
  const Vector& grads() const { return grads_; }
  Vector& grads() { return grads_; }
  Eigen::Map<const Matrix> weights(int layer) const;  // out×in
  Eigen::Map<const Vector> bias(int layer) const;

  // x: inputs×B (B = x.cols()). Fills probs (outputs×B) and the activations used by backward.
  void forward(const Eigen::Ref<const Matrix>& x);
  // Last forward's probabilities, outputs×B.
  Eigen::Block<const Matrix> probs() const;
  // Fused softmax cross-entropy of the last forward: sum (not mean) over the B samples, and the
  // number whose argmax equals the label. Finite even for logits of ±1e4.
  double loss_sum(const uint8_t* labels, int* correct) const;
  // Backpropagates the mean cross-entropy of the last forward into grads() (dlogits = p − onehot).
  void backward(const Eigen::Ref<const Matrix>& x, const uint8_t* labels);

  // One sample, independent of the training buffers (used for the canvas while training).
  void predict(const float* input, float* probs_out) const;

  bool all_finite() const;

  // Sizes the batch buffers for up to `max_batch` columns (only grows), so that later forward/
  // backward calls allocate nothing; forward() calls it itself when a batch is larger.
  void reserve(Index max_batch);

 private:
  int layer_in(int layer) const;
  int layer_out(int layer) const;

  Architecture arch_;
  Vector params_, grads_;
  std::vector<Index> w_offset_, b_offset_;
  // Buffers of `capacity_` columns; a batch uses the first B. Hidden activations are computed in
  // place (relu' and sigmoid' only need a), so no pre-activations are kept except the logits.
  std::vector<Matrix> a_;      // per hidden layer: width×capacity
  Matrix logits_, probs_;      // outputs×capacity
  Vector col_max_, col_sum_;   // per column of the last forward: max logit, Σ exp(z − max)
  Matrix delta_, delta_next_;  // widest layer×capacity, ping-pong in backward
  Vector wt_;                  // backward's scratch for a layer's Wᵀ (in×out), layers ≥ 1
  Index capacity_ = 0;
  Index batch_ = 0;  // B of the last forward
};

// Mean cross-entropy, numerically stable: log-softmax with the max subtracted. logits: 10×B.
double softmax_cross_entropy(const Eigen::Ref<const Matrix>& logits, const uint8_t* labels);

}  // namespace fm
