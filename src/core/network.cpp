// A layer list on one flat parameter buffer: Glorot init, batched forward/backward (Dense on
// kernels.h's blocked products, Conv2D/MaxPool2D/Dropout on their own layers), a fused
// max-subtracted softmax cross-entropy; no allocation while B ≤ capacity.
#include "core/network.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

#include "core/kernels.h"

namespace fm {

// --- the layer list ---

LayerSpec LayerSpec::dense(int width, Activation activation) {
  LayerSpec s;
  s.kind = LayerKind::kDense;
  s.units = width;
  s.activation = activation;
  return s;
}

LayerSpec LayerSpec::conv(int filters, int kernel, Padding padding) {
  LayerSpec s;
  s.kind = LayerKind::kConv2D;
  s.units = filters;
  s.kernel = kernel;
  s.padding = padding;
  return s;
}

LayerSpec LayerSpec::max_pool() {
  LayerSpec s;
  s.kind = LayerKind::kMaxPool2D;
  return s;
}

LayerSpec LayerSpec::dropout(float rate) {
  LayerSpec s;
  s.kind = LayerKind::kDropout;
  s.rate = rate;
  return s;
}

bool LayerSpec::operator==(const LayerSpec& o) const {
  return kind == o.kind && units == o.units && kernel == o.kernel && padding == o.padding &&
         activation == o.activation && rate == o.rate;
}

Architecture Architecture::dense(int inputs, const std::vector<int>& hidden, Activation activation,
                                 int outputs) {
  Architecture a;
  a.inputs = inputs;
  for (int width : hidden) a.layers.push_back(LayerSpec::dense(width, activation));
  a.outputs = outputs;
  return a;
}

int Architecture::side() const {
  int s = static_cast<int>(std::sqrt(static_cast<double>(std::max(inputs, 0))));
  while (s > 0 && s * s > inputs) --s;
  while ((s + 1) * (s + 1) <= inputs) ++s;
  return s;
}

namespace {

// The activation shape between layers: H×W×C (after a Dense layer: 1×1×width, not an image).
struct Shape {
  int h = 0, w = 0, c = 0;
  bool image = false;
  Index size() const { return static_cast<Index>(h) * w * c; }
};

Conv2DShape conv_shape(const Shape& in, const LayerSpec& s) {
  Conv2DShape c;
  c.height = in.h;
  c.width = in.w;
  c.channels = in.c;
  c.filters = s.units;
  c.kernel = s.kernel;
  c.padding = s.padding;
  c.relu = true;
  return c;
}

// Walks the layers: checks each (codes as in Architecture::check) and calls visit(i, spec, in,
// out, weights, biases) with the shapes before and after it; the output layer comes last with
// i = layers.size(). Stops at the first problem.
template <class Visit>
Status walk(const Architecture& a, Visit&& visit) {
  if (static_cast<int>(a.layers.size()) > kMaxLayers) {
    return Status::Error(ErrorCode::kArchTooManyLayers, {param(a.layers.size()), param(kMaxLayers)});
  }
  if (a.inputs < 1 || a.outputs < 1 || a.outputs > kMaxDenseWidth) {
    return Status::Error(ErrorCode::kArchInputsOutputs, {param(a.inputs), param(a.outputs)});
  }
  Shape in;
  const int side = a.side();
  in.h = in.w = side;
  in.c = 1;
  in.image = side * side == a.inputs;
  if (!in.image) {  // a plain vector of inputs: fine for Dense layers only
    in.h = in.w = 1;
    in.c = a.inputs;
  }
  Index params = 0;
  for (size_t i = 0; i < a.layers.size(); ++i) {
    const LayerSpec& s = a.layers[i];
    const std::string layer = param(i + 1);
    Shape out = in;
    Index weights = 0, biases = 0;
    const bool relu_only = s.activation == Activation::kRelu;
    switch (s.kind) {
      case LayerKind::kDense:
        if (s.activation != Activation::kRelu && s.activation != Activation::kSigmoid) {
          return Status::Error(ErrorCode::kArchActivation,
                               {layer, param(static_cast<int>(s.activation))});
        }
        if (s.units < 1 || s.units > kMaxDenseWidth) {
          return Status::Error(ErrorCode::kArchWidth,
                               {layer, param(s.units), param(kMaxDenseWidth)});
        }
        if (s.kernel != 0 || s.padding != Padding::kValid || s.rate != 0) {
          return Status::Error(ErrorCode::kArchUnusedField, {layer});
        }
        out.h = out.w = 1;
        out.c = s.units;
        out.image = false;
        weights = in.size() * s.units;
        biases = s.units;
        break;
      case LayerKind::kConv2D: {
        if (!in.image) return Status::Error(ErrorCode::kArchNeedsImage, {layer});
        if (!relu_only) {
          return Status::Error(ErrorCode::kArchActivation,
                               {layer, param(static_cast<int>(s.activation))});
        }
        if (s.padding != Padding::kValid && s.padding != Padding::kSame) {
          return Status::Error(ErrorCode::kArchPadding,
                               {layer, param(static_cast<int>(s.padding))});
        }
        if (s.units < 1 || s.units > kMaxFilters) {
          return Status::Error(ErrorCode::kArchFilters,
                               {layer, param(s.units), param(kMaxFilters)});
        }
        if (s.kernel < 1 || s.kernel > kMaxKernel) {
          return Status::Error(ErrorCode::kArchKernel, {layer, param(s.kernel), param(kMaxKernel)});
        }
        if (s.padding == Padding::kValid && (s.kernel > in.h || s.kernel > in.w)) {
          return Status::Error(ErrorCode::kArchKernelTooLarge,
                               {layer, param(s.kernel), param(in.h), param(in.w)});
        }
        if (s.rate != 0) return Status::Error(ErrorCode::kArchUnusedField, {layer});
        const Conv2DShape c = conv_shape(in, s);
        out.h = c.out_height();
        out.w = c.out_width();
        out.c = s.units;
        weights = c.weight_count();
        biases = s.units;
        break;
      }
      case LayerKind::kMaxPool2D:
        if (!in.image) return Status::Error(ErrorCode::kArchNeedsImage, {layer});
        if (in.h < 2 || in.w < 2) {
          return Status::Error(ErrorCode::kArchPoolTooSmall, {layer, param(in.h), param(in.w)});
        }
        if (s.units != 0 || s.kernel != 0 || s.padding != Padding::kValid || !relu_only ||
            s.rate != 0) {
          return Status::Error(ErrorCode::kArchUnusedField, {layer});
        }
        out.h = in.h / 2;
        out.w = in.w / 2;
        break;
      case LayerKind::kDropout:
        if (!(s.rate >= 0.0f && s.rate < 1.0f)) {  // false for NaN
          return Status::Error(ErrorCode::kArchDropoutRate, {layer, param(s.rate)});
        }
        if (s.units != 0 || s.kernel != 0 || s.padding != Padding::kValid || !relu_only) {
          return Status::Error(ErrorCode::kArchUnusedField, {layer});
        }
        break;
      default:
        return Status::Error(ErrorCode::kArchLayerKind, {layer, param(static_cast<int>(s.kind))});
    }
    if (out.size() > kMaxActivationsPerSample) {
      return Status::Error(ErrorCode::kArchActivations,
                           {layer, param(out.size()), param(kMaxActivationsPerSample)});
    }
    params += weights + biases;
    if (params > kMaxParams) {
      return Status::Error(ErrorCode::kArchParams, {param(params), param(kMaxParams)});
    }
    visit(i, s, in, out, weights, biases);
    in = out;
  }
  const Index weights = in.size() * a.outputs;
  params += weights + a.outputs;
  if (params > kMaxParams) {
    return Status::Error(ErrorCode::kArchParams, {param(params), param(kMaxParams)});
  }
  Shape out;
  out.h = out.w = 1;
  out.c = a.outputs;
  visit(a.layers.size(), LayerSpec::dense(a.outputs), in, out, weights, Index(a.outputs));
  return Status::Ok();
}

}  // namespace

Status Architecture::check() const {
  return walk(*this, [](size_t, const LayerSpec&, const Shape&, const Shape&, Index, Index) {});
}

Index Architecture::param_count() const {
  Index count = 0;
  walk(*this, [&](size_t, const LayerSpec&, const Shape&, const Shape&, Index w, Index b) {
    count += w + b;
  });
  return count;
}

Index Architecture::forward_macs() const {
  Index macs = 0;
  walk(*this, [&](size_t, const LayerSpec& s, const Shape&, const Shape& out, Index w, Index) {
    // A conv layer applies its weights at every output position; pool and dropout touch each value.
    macs += s.kind == LayerKind::kConv2D ? w * out.h * out.w : w > 0 ? w : out.size();
  });
  return macs;
}

bool Architecture::is_dense() const {
  for (const LayerSpec& s : layers) {
    if (s.kind != LayerKind::kDense) return false;
  }
  return true;
}

std::vector<int> Architecture::dense_widths() const {
  std::vector<int> widths;
  for (const LayerSpec& s : layers) {
    if (s.kind == LayerKind::kDense) widths.push_back(s.units);
  }
  return widths;
}

// --- the network ---

Network::Network(const Architecture& arch, Index max_batch) : Network(arch, max_batch, true) {}

Network::Network(const Architecture& arch, Index max_batch, bool with_params)
    : arch_(arch), trainable_(with_params) {
  // Stages in layer order, the weights of each in params order: W then b.
  Index offset = 0;
  const Status valid = walk(arch_, [&](size_t i, const LayerSpec& spec, const Shape& in,
                                       const Shape& out, Index weights, Index biases) {
    Stage s;
    s.spec = spec;
    s.in_rows = in.size();
    s.out_rows = out.size();
    s.out_h = out.h;
    s.out_w = out.w;
    s.out_c = out.c;
    const bool output = i == arch_.layers.size();
    s.relu = !output && spec.activation == Activation::kRelu &&
             (spec.kind == LayerKind::kDense || spec.kind == LayerKind::kConv2D);
    s.sigmoid = !output && spec.kind == LayerKind::kDense && spec.activation == Activation::kSigmoid;
    if (spec.kind == LayerKind::kConv2D) s.conv = Conv2D(conv_shape(in, spec));
    if (spec.kind == LayerKind::kMaxPool2D) s.pool = MaxPool2D(Pool2DShape{in.h, in.w, in.c});
    if (spec.kind == LayerKind::kDropout) s.dropout = Dropout(s.in_rows, spec.rate, 1);
    if (weights + biases > 0) {
      weighted_.push_back(static_cast<int>(stages_.size()));
      s.w_offset = offset;
      s.b_offset = offset + weights;
      offset += weights + biases;
    }
    stages_.push_back(std::move(s));
  });
  assert(valid.ok);
  (void)valid;
  if (with_params) {
    params_ = Vector::Zero(offset);
    grads_ = Vector::Zero(offset);
  }
  // Backward's Wᵀ for the Dense layers that pass a gradient down (all but a first layer).
  Index transposed = 0;
  for (size_t i = 1; trainable_ && i < stages_.size(); ++i) {
    const Stage& s = stages_[i];
    if (s.spec.kind == LayerKind::kDense && static_cast<int>(i) > weighted_.front()) {
      transposed = std::max<Index>(transposed, s.in_rows * s.out_rows);
    }
  }
  wt_.resize(transposed);
  reserve(std::max<Index>(max_batch, 1));
}

void Network::reserve(Index max_batch) {
  if (max_batch <= capacity_) return;
  capacity_ = max_batch;
  Index tallest = 0;
  for (Stage& s : stages_) {
    s.out.resize(s.out_rows, capacity_);
    if (s.spec.kind == LayerKind::kDropout) s.dropout.reserve(capacity_);
    tallest = std::max(tallest, s.out_rows);
  }
  probs_.resize(arch_.outputs, capacity_);
  col_max_.resize(capacity_);
  col_sum_.resize(capacity_);
  if (!trainable_) return;
  delta_.resize(tallest, capacity_);
  delta_next_.resize(tallest, capacity_);
}

void Network::init_glorot(Rng& rng) {
  for (int i : weighted_) {
    const Stage& s = stages_[static_cast<size_t>(i)];
    Scalar* w = params_.data() + s.w_offset;
    if (s.spec.kind == LayerKind::kConv2D) {
      s.conv.init_glorot(rng, w, params_.data() + s.b_offset);
      continue;
    }
    const Index in = s.in_rows, out = s.out_rows;
    const float limit = std::sqrt(6.0f / static_cast<float>(in + out));
    for (Index k = 0; k < in * out; ++k) w[k] = rng.uniform(-limit, limit);  // column-major order
    params_.segment(s.b_offset, out).setZero();
  }
  grads_.setZero();
}

Eigen::Map<const Matrix> Network::weights(int layer) const {
  const Stage& s = stages_[static_cast<size_t>(weighted_[static_cast<size_t>(layer)])];
  if (s.spec.kind == LayerKind::kConv2D) {
    return Eigen::Map<const Matrix>(params_.data() + s.w_offset, s.conv.shape().filters,
                                    s.conv.shape().patch_size());
  }
  return Eigen::Map<const Matrix>(params_.data() + s.w_offset, s.out_rows, s.in_rows);
}

Eigen::Map<const Vector> Network::bias(int layer) const {
  const Stage& s = stages_[static_cast<size_t>(weighted_[static_cast<size_t>(layer)])];
  const Index count = s.spec.kind == LayerKind::kConv2D ? s.conv.shape().filters : s.out_rows;
  return Eigen::Map<const Vector>(params_.data() + s.b_offset, count);
}

void Network::forward(const Eigen::Ref<const Matrix>& x) { run_forward(params_.data(), x, nullptr); }

void Network::forward_train(const Eigen::Ref<const Matrix>& x, Rng& dropout_rng) {
  run_forward(params_.data(), x, &dropout_rng);
}

namespace {

using StridedMap = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;
using ConstStridedMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;

}  // namespace

void Network::run_forward(const Scalar* params, const Eigen::Ref<const Matrix>& x,
                          Rng* dropout_rng) {
  assert(x.rows() == arch_.inputs);
  const Index batch = x.cols();
  reserve(batch);  // no-op unless the batch outgrew the buffers
  batch_ = batch;
  dropout_masks_ = dropout_rng != nullptr;
  // Layer by layer, each output kept for backward. Dense: out = act(W·in + b), W out×in, in
  // in×B; relu is fused into the product's store, sigmoid computed in place (backward needs only
  // the output).
  const Scalar* in = x.data();
  Index in_stride = x.outerStride();
  for (Stage& s : stages_) {
    const ConstStridedMap input(in, s.in_rows, batch, Eigen::OuterStride<>(in_stride));
    switch (s.spec.kind) {
      case LayerKind::kDense:
        kernels::gemm_nn(s.out_rows, batch, s.in_rows, params + s.w_offset, s.out_rows, in,
                         in_stride, params + s.b_offset,
                         s.relu ? kernels::Epilogue::kRelu : kernels::Epilogue::kNone,
                         s.out.data(), s.out.rows());
        if (s.sigmoid) {
          auto a = s.out.leftCols(batch);
          a = (Scalar(1) + (-a.array()).exp()).inverse().matrix();
        }
        break;
      case LayerKind::kConv2D:
        s.conv.forward(input, params + s.w_offset, params + s.b_offset, s.out.leftCols(batch));
        break;
      case LayerKind::kMaxPool2D:
        s.pool.forward(input, s.out.leftCols(batch));
        break;
      case LayerKind::kDropout:
        if (dropout_rng) {
          s.dropout.forward_train(input, *dropout_rng, s.out.leftCols(batch));
        } else {
          s.dropout.forward_eval(input, s.out.leftCols(batch));
        }
        break;
    }
    in = s.out.data();
    in_stride = s.out.rows();
  }
  // Softmax per column with the max subtracted, so exp never overflows; the max and the sum of
  // the exponentials are kept for loss_sum (log-sum-exp = max + log(sum)).
  const Index rows = arch_.outputs;
  const Scalar* z = stages_.back().out.data();  // outputs×B, column stride `rows`
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
  const Matrix& logits = stages_.back().out;
  double loss = 0;
  int right = 0;
  for (Index j = 0; j < batch_; ++j) {
    // logsumexp − z[label] from forward's max and sum of exponentials: finite for z = ±1e4,
    // NaN if any logit of the column is.
    loss += static_cast<double>(col_max_[j]) + std::log(static_cast<double>(col_sum_[j])) -
            static_cast<double>(logits(labels[j], j));
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
  const Scalar inv_batch = Scalar(1) / static_cast<Scalar>(batch);
  // dL/dz of the mean cross-entropy: (p − onehot) / B. delta: out×B (top rows of the buffer).
  {
    const Index outputs = arch_.outputs, ld = delta_.rows();
    const Scalar* p = probs_.data();  // outputs×B, contiguous columns
    Scalar* d = delta_.data();
    for (Index j = 0; j < batch; ++j) {
      for (Index i = 0; i < outputs; ++i) d[i + j * ld] = p[i + j * outputs] * inv_batch;
      const Index label = labels[j];
      d[label + j * ld] = (p[label + j * outputs] - Scalar(1)) * inv_batch;
    }
  }
  propagate(x, nullptr);
}

void Network::logit_input_gradient(const Eigen::Ref<const Matrix>& x, int cls, Matrix* dx) {
  const Index batch = batch_;
  assert(x.cols() == batch && cls >= 0 && cls < arch_.outputs);
  auto d = delta_.topLeftCorner(arch_.outputs, batch);
  d.setZero();
  d.row(cls).setOnes();
  dx->resize(arch_.inputs, batch);
  const Stage& bottom = stages_.front();
  if (bottom.spec.kind == LayerKind::kDense && wt_.size() < bottom.in_rows * bottom.out_rows) {
    wt_.resize(bottom.in_rows * bottom.out_rows);  // training never needs the first layer's Wᵀ
  }
  propagate(x, dx);
}

void Network::propagate(const Eigen::Ref<const Matrix>& x, Matrix* dinput) {
  const Index batch = batch_;
  Matrix* delta = &delta_;
  Matrix* delta_next = &delta_next_;
  // Layer by layer from the top: delta holds dL/d(the layer's output), out_rows×B. Below the
  // first layer with weights nothing needs a gradient, unless the input's is asked for.
  const int first = dinput != nullptr ? 0 : weighted_.front();
  for (int i = static_cast<int>(stages_.size()) - 1; i >= first; --i) {
    Stage& s = stages_[static_cast<size_t>(i)];
    const bool needs_dx = i > first || dinput != nullptr;
    Matrix* target = i == 0 && dinput != nullptr ? dinput : delta_next;  // where dx goes
    const Scalar* input = i == 0 ? x.data() : stages_[static_cast<size_t>(i) - 1].out.data();
    const Index input_stride = i == 0 ? x.outerStride() : stages_[static_cast<size_t>(i) - 1].out.rows();
    const ConstStridedMap in_map(input, s.in_rows, batch, Eigen::OuterStride<>(input_stride));
    auto dy = delta->topLeftCorner(s.out_rows, batch);
    auto dx = target->topLeftCorner(s.in_rows, batch);
    switch (s.spec.kind) {
      case LayerKind::kDense: {
        // Through the activation: relu' = (a > 0), sigmoid' = a(1 − a), from the output a.
        const auto a = s.out.leftCols(batch);
        if (s.relu) {
          dy.array() = (a.array() > Scalar(0)).select(dy.array(), Scalar(0));
        } else if (s.sigmoid) {
          dy.array() *= a.array() * (Scalar(1) - a.array());
        }
        const Index in = s.in_rows, out = s.out_rows, ld = delta->rows();
        const Scalar* d = delta->data();
        // grad_W = delta·inᵀ (out×in), grad_b = delta·1 (sums over the batch in column order).
        kernels::gemm_nt(out, in, batch, d, ld, input, input_stride, grads_.data() + s.w_offset,
                         out);
        Scalar* grad_b = grads_.data() + s.b_offset;
        std::fill(grad_b, grad_b + out, Scalar(0));
        for (Index j = 0; j < batch; ++j) {
          for (Index k = 0; k < out; ++k) grad_b[k] += d[k + j * ld];
        }
        if (!needs_dx) break;
        // Into the layer below: Wᵀ·delta (in×B).
        kernels::transpose(out, in, params_.data() + s.w_offset, out, wt_.data(), in);
        kernels::gemm_nn(in, batch, out, wt_.data(), in, d, ld, nullptr, kernels::Epilogue::kNone,
                         target->data(), target->rows());
        std::swap(delta, target == delta_next ? delta_next : delta);
        break;
      }
      case LayerKind::kConv2D: {
        const auto y = s.out.leftCols(batch);
        Scalar* gw = grads_.data() + s.w_offset;
        Scalar* gb = grads_.data() + s.b_offset;
        if (needs_dx) {
          s.conv.backward(in_map, y, dy, params_.data() + s.w_offset, gw, gb, dx);
          std::swap(delta, target == delta_next ? delta_next : delta);
        } else {
          s.conv.backward(in_map, y, dy, params_.data() + s.w_offset, gw, gb);
        }
        break;
      }
      case LayerKind::kMaxPool2D:
        s.pool.backward(in_map, dy, dx);
        std::swap(delta, target == delta_next ? delta_next : delta);
        break;
      case LayerKind::kDropout:
        if (dropout_masks_) s.dropout.backward(dy, dy);  // in place
        if (i == 0 && dinput != nullptr) dx = dy;
        break;
    }
  }
}

std::vector<LayerActivations> Network::activations(Index column) const {
  std::vector<LayerActivations> out;
  if (column < 0 || column >= batch_) return out;
  for (size_t i = 0; i + 1 < stages_.size(); ++i) {  // the output layer is the probabilities
    const Stage& s = stages_[i];
    if (s.spec.kind == LayerKind::kDropout) continue;  // the identity outside training
    out.push_back({s.spec.kind, s.out_h, s.out_w, s.out_c, s.out.data() + column * s.out.rows()});
  }
  return out;
}

Eigen::Block<const Matrix> Network::logits() const {
  const Matrix& z = stages_.back().out;
  return Eigen::Block<const Matrix>(z, 0, 0, z.rows(), batch_);
}

void Network::predict(const float* input, float* probs_out) const {
  if (!arch_.is_dense()) {
    Predictor predictor(arch_);
    predictor.predict(params_, input, probs_out);
    return;
  }
  Vector a = Eigen::Map<const Vector>(input, arch_.inputs);
  const int layers = weight_layers();
  for (int l = 0; l < layers; ++l) {
    const Stage& s = stages_[static_cast<size_t>(l)];
    Vector z = weights(l) * a + bias(l);
    if (l + 1 < layers) {
      if (s.relu) {
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

// --- single-sample prediction ---

Predictor::Predictor(const Architecture& arch) : net_(arch, 1, false) {}

void Predictor::predict(const Vector& params, const float* input, float* probs_out) {
  assert(params.size() == net_.arch().param_count());
  const Eigen::Map<const Matrix> x(input, net_.arch().inputs, 1);
  net_.run_forward(params.data(), x, nullptr);
  const Scalar* p = net_.probs_.data();
  std::copy(p, p + net_.arch().outputs, probs_out);
}

double softmax_cross_entropy(const Eigen::Ref<const Matrix>& logits, const uint8_t* labels) {
  if (logits.cols() == 0) return 0;
  double sum = 0;
  for (Index j = 0; j < logits.cols(); ++j) sum += column_cross_entropy(logits.col(j), labels[j]);
  return sum / static_cast<double>(logits.cols());
}

}  // namespace fm
