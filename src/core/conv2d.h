// Conv2D as Keras has it (channels-last, stride 1, same/valid padding, optional relu, Glorot
// kernel, zero bias): batched forward and backward by im2col onto kernels.h's blocked products.
#pragma once

#include <cstdint>

#include "rng.h"
#include "types.h"

namespace fm {

// Activation layout shared by Conv2D, MaxPool2D and Flatten: a sample is H×W×C floats with the
// channels fastest, then x, then y (offset (y·W + x)·C + c, Keras' channels-last order), and a
// batch is (H·W·C)×B column-major, one sample per column, like the Dense layers' pixels×B. So
// Flatten is a no-op: a conv or pool output is already the next Dense layer's input, and a 28×28
// image (C = 1) is the same 784-float column the Dense models read.

enum class Padding : uint8_t { kValid = 0, kSame = 1 };

struct Conv2DShape {
  int height = 28, width = 28, channels = 1;  // the input of one sample
  int filters = 32;                           // output channels
  int kernel = 3;                             // k×k window
  Padding padding = Padding::kSame;
  bool relu = true;  // max(·, 0) after the bias, as Conv2D(..., activation='relu')

  // Same padding keeps H×W (TF: k − 1 zeros in all, the odd one at the bottom/right); valid drops
  // k − 1 rows and columns.
  int out_height() const { return padding == Padding::kSame ? height : height - kernel + 1; }
  int out_width() const { return padding == Padding::kSame ? width : width - kernel + 1; }
  int pad_top() const { return padding == Padding::kSame ? (kernel - 1) / 2 : 0; }
  int pad_left() const { return pad_top(); }

  Index input_size() const { return static_cast<Index>(height) * width * channels; }
  Index output_size() const { return static_cast<Index>(out_height()) * out_width() * filters; }
  Index positions() const { return static_cast<Index>(out_height()) * out_width(); }
  Index patch_size() const { return static_cast<Index>(kernel) * kernel * channels; }  // K
  Index weight_count() const { return patch_size() * filters; }
  Index param_count() const { return weight_count() + filters; }
  // Multiply-adds of one sample's forward pass; the weight gradient and the input gradient cost
  // the same again each.
  Index macs() const { return positions() * filters * patch_size(); }

  bool valid() const {
    return height >= 1 && width >= 1 && channels >= 1 && filters >= 1 && kernel >= 1 &&
           out_height() >= 1 && out_width() >= 1;
  }
  bool operator==(const Conv2DShape& o) const {
    return height == o.height && width == o.width && channels == o.channels &&
           filters == o.filters && kernel == o.kernel && padding == o.padding && relu == o.relu;
  }
};

// The parameters live in the caller's flat buffer: W then b, param_count() floats.
//   W: k·k·C_in·C_out floats in Keras' own order for a (k, k, C_in, C_out) kernel, row-major:
//      W[((dy·k + dx)·C_in + c)·C_out + o]. Read as a column-major C_out×K matrix (K = k·k·C_in)
//      its column q = (dy·k + dx)·C_in + c holds the weights of patch element q.
//   b: C_out floats.
// The layer object holds only its shape and one sample's scratch (allocated by the constructor),
// so forward and backward allocate nothing, whatever the batch. Every output is a sum in a fixed
// order (kernels.h's contract): a sample's outputs and input gradient do not depend on its batch,
// the parameter gradients are the batch's sums in a fixed order, and the same inputs give the same
// bits natively and in wasm.
class Conv2D {
 public:
  Conv2D() = default;
  explicit Conv2D(const Conv2DShape& shape);

  const Conv2DShape& shape() const { return shape_; }

  // Keras' glorot_uniform: W ~ U(−l, l), l = sqrt(6 / (fan_in + fan_out)), fan_in = k·k·C_in,
  // fan_out = k·k·C_out, drawn in W's order (as Network::init_glorot draws); b = 0.
  void init_glorot(Rng& rng, Scalar* w, Scalar* b) const;

  // x: input_size()×B; y: output_size()×B (any column strides). y = relu?(conv(x, W) + b).
  void forward(const Eigen::Ref<const Matrix>& x, const Scalar* w, const Scalar* b,
               Eigen::Ref<Matrix> y);

  // x and y: the last forward's input and output. dy: dL/dy, output_size()×B, overwritten with
  // dL/d(pre-activation) (zeroed where y ≤ 0 when relu). Overwrites dw (weight_count()) and db
  // (filters) with the batch's sums (divide by B in the loss, as Network does), and, in the second
  // form, dx (input_size()×B) with dL/dx. The first layer needs no dx: use the first form.
  void backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                Eigen::Ref<Matrix> dy, const Scalar* w, Scalar* dw, Scalar* db);
  void backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                Eigen::Ref<Matrix> dy, const Scalar* w, Scalar* dw, Scalar* db,
                Eigen::Ref<Matrix> dx);

 private:
  void backward_impl(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                     Eigen::Ref<Matrix>& dy, const Scalar* w, Scalar* dw, Scalar* db, Scalar* dx,
                     Index ldx);
  // One sample: cols_ (K×P) = its patches, column p = output position (oy·W_out + ox).
  void im2col(const Scalar* x);
  // One sample: dx (input_size()) = the patches' gradients dcols_ (K×P) summed back into the
  // pixels they came from, positions in order.
  void col2im(Scalar* dx) const;

  Conv2DShape shape_;
  // C_in = 1 and C_out a multiple of 4: forward and weight gradient read the image directly
  // (no im2col; the forward's bits are the same either way).
  bool thin_ = false;
  Matrix cols_;       // K×P, unless thin_
  Matrix dcols_;      // K×P, backward with dx only
  Matrix wt_;         // K×C_out: Wᵀ, backward with dx only
  Matrix dw_sample_;  // C_out×K: one sample's weight gradient, unless thin_
};

}  // namespace fm
