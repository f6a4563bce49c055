// MaxPooling2D(2) as Keras has it: 2×2 windows, stride 2, valid (an odd last row or column is
// dropped), channels-last; the gradient goes to the first maximum of a window, as TF's does.
#pragma once

#include "types.h"

namespace fm {

// Activations are H×W×C per sample, channels fastest, one sample per column (see conv2d.h).
struct Pool2DShape {
  int height = 28, width = 28, channels = 32;  // the input of one sample

  int out_height() const { return height / 2; }
  int out_width() const { return width / 2; }
  Index input_size() const { return static_cast<Index>(height) * width * channels; }
  Index output_size() const { return static_cast<Index>(out_height()) * out_width() * channels; }
  bool valid() const { return height >= 2 && width >= 2 && channels >= 1; }
  bool operator==(const Pool2DShape& o) const {
    return height == o.height && width == o.width && channels == o.channels;
  }
};

// No parameters and no state: backward finds each window's maximum again from the forward's
// input (which the caller keeps anyway), so nothing is allocated and any batch works.
class MaxPool2D {
 public:
  MaxPool2D() = default;
  explicit MaxPool2D(const Pool2DShape& shape);

  const Pool2DShape& shape() const { return shape_; }

  // x: input_size()×B; y: output_size()×B (any column strides). y = max over each 2×2 window.
  void forward(const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> y) const;
  // x: the forward's input; dy: dL/dy, output_size()×B. Overwrites dx (input_size()×B): each
  // window's dy goes to its first maximum in row-major order (top-left, top-right, bottom-left,
  // bottom-right), every other input gets 0, including the dropped odd row or column.
  void backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& dy,
                Eigen::Ref<Matrix> dx) const;

 private:
  Pool2DShape shape_;
};

}  // namespace fm
