// A network described by a layer list (Dense, Conv2D, MaxPool2D, Dropout; Flatten implicit) on one
// flat parameter buffer, ending in Dense(outputs) + softmax with the cross-entropy fused into it.
#pragma once

#include <cstdint>
#include <vector>

#include "conv2d.h"
#include "dropout.h"
#include "pool2d.h"
#include "rng.h"
#include "types.h"

namespace fm {

enum class Activation : uint8_t { kRelu = 0, kSigmoid = 1 };
enum class LayerKind : uint8_t { kDense = 0, kConv2D = 1, kMaxPool2D = 2, kDropout = 3 };

// One layer between the input and the output layer, as Keras spells it. Fields a kind does not
// use stay at their defaults (0, valid, relu). Flatten is not a layer: a Dense layer reads a conv
// or pool output as it is, H·W·C values channels fastest (conv2d.h), as Keras' Flatten orders them.
struct LayerSpec {
  LayerKind kind = LayerKind::kDense;
  int units = 0;                              // Dense: width; Conv2D: filters
  int kernel = 0;                             // Conv2D: k (k×k window, stride 1)
  Padding padding = Padding::kValid;          // Conv2D
  Activation activation = Activation::kRelu;  // Dense: relu or sigmoid; Conv2D: relu
  float rate = 0;                             // Dropout: in [0, 1)

  static LayerSpec dense(int width, Activation activation = Activation::kRelu);
  static LayerSpec conv(int filters, int kernel, Padding padding = Padding::kSame);
  static LayerSpec max_pool();  // 2×2, stride 2
  static LayerSpec dropout(float rate);
  bool operator==(const LayerSpec& o) const;
  bool operator!=(const LayerSpec& o) const { return !(*this == o); }
};

// Limits of a layer list (checked by Architecture::check(), so by the model file's loader too).
constexpr int kMaxLayers = 16;
constexpr int kMaxFilters = 256;
constexpr int kMaxKernel = 7;
constexpr int kMaxDenseWidth = 4096;
constexpr Index kMaxActivationsPerSample = Index(1) << 18;  // 28·28·256 = 200,704 fits
constexpr Index kMaxParams = Index(1) << 24;

// The input is one side×side image of one channel (inputs = side²), read as a column of pixels.
struct Architecture {
  int inputs = 196;
  std::vector<LayerSpec> layers;  // empty: the lesson's softmax regression
  int outputs = kNumClasses;      // the output layer: Dense(outputs) + softmax

  // Dense layers only: the lesson's softmax (hidden empty) and the MLPs.
  static Architecture dense(int inputs, const std::vector<int>& hidden,
                            Activation activation = Activation::kRelu, int outputs = kNumClasses);

  // The layers' sizes, errors as codes (kArch…: the layer, 1-based, and what is wrong): a bad
  // kind, activation or padding, conv/pool after a Dense layer, filters 1..kMaxFilters, kernel
  // 1..kMaxKernel and no larger than a valid-padded input, pool inputs ≥ 2×2, dropout rate in
  // [0, 1), Dense widths 1..kMaxDenseWidth, at most kMaxLayers layers, kMaxActivationsPerSample
  // values per layer output and kMaxParams parameters.
  Status check() const;
  // Valid architectures only (check() first for untrusted ones).
  Index param_count() const;
  // Multiply-adds of one sample's forward pass (pooling and dropout: one per value), for sizing
  // work per step.
  Index forward_macs() const;
  bool is_dense() const;              // only Dense layers (the lesson's models)
  std::vector<int> dense_widths() const;  // the hidden Dense layers' widths, in order
  int side() const;                   // √inputs, rounded down

  bool operator==(const Architecture& o) const {
    return inputs == o.inputs && layers == o.layers && outputs == o.outputs;
  }
  bool operator!=(const Architecture& o) const { return !(*this == o); }
};

// What one layer computed for one sample in the last forward(): its kind and output shape
// H×W×C (a Dense layer: 1×1×width), values channels fastest (as Keras' Flatten reads them).
struct LayerActivations {
  LayerKind kind = LayerKind::kDense;
  int height = 0, width = 0, channels = 0;
  const Scalar* values = nullptr;  // height·width·channels, valid until the next forward
};

// Layout of params: for each layer with weights (Conv2D, Dense, then the output layer), in order,
// W then b. Dense W: out×in, column-major. Conv2D W: Keras' (k, k, C_in, C_out) order (conv2d.h).
// Buffers: every layer's output is kept for backward, (H·W·C)×B each, plus two gradient buffers
// as tall as the largest layer output: ~390 KB a column for the book CNN (the Trainer's 64
// columns: ~25 MB), ~50 KB for cnn-small at 14×14. No allocation in forward, forward_train or
// backward while B ≤ capacity.
class Network {
 public:
  Network() = default;
  // Buffers are sized for `max_batch` columns; larger batches grow them once. `arch` must be valid
  // (Architecture::check()).
  explicit Network(const Architecture& arch, Index max_batch = 32);

  const Architecture& arch() const { return arch_; }
  // Keras' glorot_uniform: W ~ U(−l, l), l = sqrt(6 / (fan_in + fan_out)) (Conv2D: fan_in =
  // k·k·C_in, fan_out = k·k·C_out), each layer drawn in params order from `rng`; b = 0.
  void init_glorot(Rng& rng);

  Vector& params() { return params_; }
  const Vector& params() const { return params_; }
  const Vector& grads() const { return grads_; }
  Vector& grads() { return grads_; }
  // The weights of the layer-th layer that has any (0-based; the output layer is the last):
  // Dense out×in; Conv2D C_out×(k·k·C_in), row o = filter o with its taps (dy·k + dx)·C_in + c.
  int weight_layers() const { return static_cast<int>(weighted_.size()); }
  Eigen::Map<const Matrix> weights(int layer) const;
  Eigen::Map<const Vector> bias(int layer) const;

  // Evaluation: x is inputs×B (B = x.cols()); dropout is the identity. Fills probs (outputs×B)
  // and the activations used by backward.
  void forward(const Eigen::Ref<const Matrix>& x);
  // Training: as forward, with each Dropout layer's mask drawn from `dropout_rng` (units×B draws
  // per Dropout layer, in layer order; nothing drawn when there is none).
  void forward_train(const Eigen::Ref<const Matrix>& x, Rng& dropout_rng);
  // Last forward's probabilities, outputs×B.
  Eigen::Block<const Matrix> probs() const;
  // Fused softmax cross-entropy of the last forward: sum (not mean) over the B samples, and the
  // number whose argmax equals the label. Finite even for logits of ±1e4.
  double loss_sum(const uint8_t* labels, int* correct) const;
  // Backpropagates the mean cross-entropy of the last forward into grads() (dlogits = p − onehot),
  // through the masks of the last forward_train's dropout (none after forward()).
  void backward(const Eigen::Ref<const Matrix>& x, const uint8_t* labels);
  // d logit_cls / d x for each column of the last forward() (dropout off), into dx (inputs×B,
  // resized): for attribution (attribution.h). Overwrites grads() on the way.
  void logit_input_gradient(const Eigen::Ref<const Matrix>& x, int cls, Matrix* dx);
  // The hidden layers' outputs (Dropout skipped: the identity outside training) for `column` of
  // the last forward: the activations view of the page (issue 13 §4). Empty for a bad column.
  std::vector<LayerActivations> activations(Index column = 0) const;
  // Last forward's logits (the output layer before softmax), outputs×B.
  Eigen::Block<const Matrix> logits() const;

  // One sample, independent of the training buffers (the canvas while training runs). Dense
  // models: a few small vectors per call. Models with conv layers build a Predictor per call (its
  // layers' single-sample scratch, ~0.8 MB for the book CNN and ~0.1 MB for cnn-small, allocated
  // and freed each time; conv_bench times it); a caller that predicts often keeps a Predictor.
  void predict(const float* input, float* probs_out) const;

  bool all_finite() const;

  // Sizes the batch buffers for up to `max_batch` columns (only grows), so that later forward/
  // backward calls allocate nothing; forward() calls it itself when a batch is larger.
  void reserve(Index max_batch);
  Index capacity() const { return capacity_; }

 private:
  friend class Predictor;
  struct Stage;  // one layer at run time (below)

  // with_params false: no parameters, gradients or backward buffers (a Predictor's network).
  Network(const Architecture& arch, Index max_batch, bool with_params);
  void run_forward(const Scalar* params, const Eigen::Ref<const Matrix>& x, Rng* dropout_rng);
  // backward's layer loop from the top's delta_; with dinput, down to the input's gradient.
  void propagate(const Eigen::Ref<const Matrix>& x, Matrix* dinput);

  Architecture arch_;
  Vector params_, grads_;
  std::vector<Stage> stages_;   // arch_.layers, then the output layer
  std::vector<int> weighted_;   // indices of the stages with weights
  bool dropout_masks_ = false;  // the last forward was forward_train: backward applies the masks
  Vector col_max_, col_sum_;    // per column of the last forward: max logit, Σ exp(z − max)
  Matrix probs_;                // outputs×capacity
  Matrix delta_, delta_next_;   // tallest layer output×capacity, ping-pong in backward
  Vector wt_;                   // backward's scratch for a Dense layer's Wᵀ (in×out)
  Index capacity_ = 0;
  Index batch_ = 0;         // B of the last forward
  bool trainable_ = true;  // has params, grads and backward's buffers
};

// A layer at run time: its spec, sizes, where its weights are, its output buffer and the layer
// object that does the work (Conv2D keeps one sample's scratch; Dropout keeps its mask).
struct Network::Stage {
  LayerSpec spec;
  bool relu = false;       // Dense/Conv2D: max(·, 0) after the bias
  bool sigmoid = false;    // Dense
  Index in_rows = 0, out_rows = 0;
  int out_h = 0, out_w = 0, out_c = 0;  // out_rows = out_h·out_w·out_c
  Index w_offset = -1, b_offset = -1;  // Dense, Conv2D
  Conv2D conv;
  MaxPool2D pool;
  Dropout dropout;
  Matrix out;  // out_rows×capacity (the last stage's: the logits)
};

// Single-sample prediction with its own layers and buffers (allocated once, by the constructor),
// reading the weights of any Network of the same architecture: the canvas's predictor.
class Predictor {
 public:
  Predictor() = default;
  explicit Predictor(const Architecture& arch);
  const Architecture& arch() const { return net_.arch(); }
  // params: a Network's params() for arch(); probs_out: outputs floats. No allocation.
  void predict(const Vector& params, const float* input, float* probs_out);

 private:
  Network net_;  // capacity 1; its own params stay empty
};

// Mean cross-entropy, numerically stable: log-softmax with the max subtracted. logits: 10×B.
double softmax_cross_entropy(const Eigen::Ref<const Matrix>& logits, const uint8_t* labels);

}  // namespace fm
