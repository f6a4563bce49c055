// MaxPool2D forward and backward on channels-last activations: the channels of a pixel are
// contiguous, so both passes run over C-long rows of four neighbouring pixels.
#include "core/pool2d.h"

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <cstring>

namespace fm {

namespace {

// 128-bit vectors (GCC/Clang extensions: SSE natively, SIMD128 in wasm), as kernels.cpp uses.
typedef float f32x4 __attribute__((vector_size(16)));
typedef int32_t i32x4 __attribute__((vector_size(16)));

inline f32x4 load(const Scalar* p) {
  f32x4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store(Scalar* p, f32x4 v) { std::memcpy(p, &v, sizeof v); }
inline f32x4 keep(i32x4 mask, f32x4 v) {  // v where mask, else +0
  return reinterpret_cast<f32x4>(mask & reinterpret_cast<i32x4>(v));
}
inline f32x4 select(i32x4 mask, f32x4 a, f32x4 b) {  // mask ? a : b, lane by lane
  return reinterpret_cast<f32x4>((mask & reinterpret_cast<i32x4>(a)) |
                                 (~mask & reinterpret_cast<i32x4>(b)));
}

}  // namespace

MaxPool2D::MaxPool2D(const Pool2DShape& shape) : shape_(shape) { assert(shape_.valid()); }

void MaxPool2D::forward(const Eigen::Ref<const Matrix>& x, Eigen::Ref<Matrix> y) const {
  assert(x.rows() == shape_.input_size());
  assert(y.rows() == shape_.output_size() && y.cols() == x.cols());
  const Index c = shape_.channels, row = static_cast<Index>(shape_.width) * c;
  for (Index j = 0; j < x.cols(); ++j) {
    const Scalar* xj = x.data() + j * x.outerStride();
    Scalar* out = y.data() + j * y.outerStride();
    for (int oy = 0; oy < shape_.out_height(); ++oy) {
      for (int ox = 0; ox < shape_.out_width(); ++ox, out += c) {
        const Scalar* p00 = xj + 2 * oy * row + 2 * ox * c;  // top-left pixel of the window
        const Scalar* p01 = p00 + c;
        const Scalar* p10 = p00 + row;
        const Scalar* p11 = p10 + c;
        for (Index i = 0; i < c; ++i) {
          // Strictly greater: on a tie the earlier pixel stays (the value is the same either way).
          Scalar m = p00[i];
          m = p01[i] > m ? p01[i] : m;
          m = p10[i] > m ? p10[i] : m;
          m = p11[i] > m ? p11[i] : m;
          out[i] = m;
        }
      }
    }
  }
}

void MaxPool2D::backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& dy,
                         Eigen::Ref<Matrix> dx) const {
  assert(x.rows() == shape_.input_size() && dx.rows() == shape_.input_size());
  assert(dy.rows() == shape_.output_size() && dy.cols() == x.cols() && dx.cols() == x.cols());
  const Index c = shape_.channels, row = static_cast<Index>(shape_.width) * c;
  const bool odd = (shape_.height | shape_.width) & 1;
  for (Index j = 0; j < x.cols(); ++j) {
    const Scalar* xj = x.data() + j * x.outerStride();
    const Scalar* g = dy.data() + j * dy.outerStride();
    Scalar* dxj = dx.data() + j * dx.outerStride();
    // Every input of a window is written below; only a dropped odd row or column needs zeros.
    if (odd) std::fill(dxj, dxj + shape_.input_size(), Scalar(0));
    for (int oy = 0; oy < shape_.out_height(); ++oy) {
      for (int ox = 0; ox < shape_.out_width(); ++ox, g += c) {
        const Index o00 = 2 * oy * row + 2 * ox * c;
        const Scalar* x00 = xj + o00;
        const Scalar* x01 = x00 + c;
        const Scalar* x10 = x00 + row;
        const Scalar* x11 = x10 + c;
        Scalar* d00 = dxj + o00;
        Scalar* d01 = d00 + c;
        Scalar* d10 = d00 + row;
        Scalar* d11 = d10 + c;
        // The maximum as forward takes it; then the first input equal to it gets the gradient,
        // the others 0 (all four are written). With a NaN in the window (no input equals the
        // maximum) the last input gets it.
        Index i = 0;
        for (; i + 4 <= c; i += 4) {
          const f32x4 a = load(x00 + i), b = load(x01 + i), e = load(x10 + i), f = load(x11 + i);
          f32x4 m = a;
          m = select(b > m, b, m);
          m = select(e > m, e, m);
          m = select(f > m, f, m);
          const f32x4 gi = load(g + i);
          const i32x4 t00 = a == m;
          i32x4 rest = ~t00;
          const i32x4 t01 = rest & (b == m);
          rest &= ~t01;
          const i32x4 t10 = rest & (e == m);
          rest &= ~t10;
          store(d00 + i, keep(t00, gi));
          store(d01 + i, keep(t01, gi));
          store(d10 + i, keep(t10, gi));
          store(d11 + i, keep(rest, gi));
        }
        for (; i < c; ++i) {
          Scalar m = x00[i];
          m = x01[i] > m ? x01[i] : m;
          m = x10[i] > m ? x10[i] : m;
          m = x11[i] > m ? x11[i] : m;
          int first = 3;
          if (x10[i] == m) first = 2;
          if (x01[i] == m) first = 1;
          if (x00[i] == m) first = 0;
          d00[i] = first == 0 ? g[i] : Scalar(0);
          d01[i] = first == 1 ? g[i] : Scalar(0);
          d10[i] = first == 2 ? g[i] : Scalar(0);
          d11[i] = first == 3 ? g[i] : Scalar(0);
        }
      }
    }
  }
}

}  // namespace fm
