// Conv2D by im2col: per sample, the patches become the columns of a K×P matrix, so the forward
// pass is W(C_out×K)·cols, the weight gradient dz·colsᵀ and the input gradient Wᵀ·dz summed back.
#include "core/conv2d.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstring>

#include "core/kernels.h"

namespace fm {

Conv2D::Conv2D(const Conv2DShape& shape) : shape_(shape) {
  assert(shape_.valid());
  const Index k = shape_.patch_size(), p = shape_.positions();
  cols_.resize(k, p);
  dw_sample_.resize(shape_.filters, k);
  dcols_.resize(k, p);
  wt_.resize(k, shape_.filters);
}

void Conv2D::init_glorot(Rng& rng, Scalar* w, Scalar* b) const {
  const Index area = static_cast<Index>(shape_.kernel) * shape_.kernel;
  const Index fan_in = area * shape_.channels, fan_out = area * shape_.filters;
  const float limit = std::sqrt(6.0f / static_cast<float>(fan_in + fan_out));
  for (Index i = 0; i < shape_.weight_count(); ++i) w[i] = rng.uniform(-limit, limit);
  std::fill(b, b + shape_.filters, Scalar(0));
}

void Conv2D::im2col(const Scalar* x) {
  const int k = shape_.kernel, c = shape_.channels, h = shape_.height, w = shape_.width;
  const Index segment = static_cast<Index>(k) * c;  // one kernel row of a patch: k pixels × C
  const Index patch = shape_.patch_size();
  Scalar* col = cols_.data();
  for (int oy = 0; oy < shape_.out_height(); ++oy) {
    for (int ox = 0; ox < shape_.out_width(); ++ox, col += patch) {
      const int ix0 = ox - shape_.pad_left();  // input column under dx = 0
      // dx in [lo, hi) reads inside the image; the rest of the kernel row is padding.
      const int lo = std::max(0, -ix0), hi = std::max(lo, std::min(k, w - ix0));
      for (int dy = 0; dy < k; ++dy) {
        Scalar* dst = col + dy * segment;
        const int iy = oy + dy - shape_.pad_top();
        if (iy < 0 || iy >= h) {
          std::fill(dst, dst + segment, Scalar(0));
          continue;
        }
        std::fill(dst, dst + static_cast<Index>(lo) * c, Scalar(0));
        const Scalar* src = x + (static_cast<Index>(iy) * w + ix0 + lo) * c;
        std::memcpy(dst + static_cast<Index>(lo) * c, src, sizeof(Scalar) * (hi - lo) * c);
        std::fill(dst + static_cast<Index>(hi) * c, dst + segment, Scalar(0));
      }
    }
  }
}

void Conv2D::col2im(Scalar* dx) const {
  const int k = shape_.kernel, c = shape_.channels, h = shape_.height, w = shape_.width;
  const Index segment = static_cast<Index>(k) * c;
  const Index patch = shape_.patch_size();
  std::fill(dx, dx + shape_.input_size(), Scalar(0));
  const Scalar* col = dcols_.data();
  for (int oy = 0; oy < shape_.out_height(); ++oy) {
    for (int ox = 0; ox < shape_.out_width(); ++ox, col += patch) {
      const int ix0 = ox - shape_.pad_left();
      const int lo = std::max(0, -ix0), hi = std::max(lo, std::min(k, w - ix0));
      for (int dy = 0; dy < k; ++dy) {
        const int iy = oy + dy - shape_.pad_top();
        if (iy < 0 || iy >= h) continue;
        const Scalar* src = col + dy * segment + static_cast<Index>(lo) * c;
        Scalar* dst = dx + (static_cast<Index>(iy) * w + ix0 + lo) * c;
        const Index n = static_cast<Index>(hi - lo) * c;
        for (Index i = 0; i < n; ++i) dst[i] += src[i];
      }
    }
  }
}

void Conv2D::forward(const Eigen::Ref<const Matrix>& x, const Scalar* w, const Scalar* b,
                     Eigen::Ref<Matrix> y) {
  assert(x.rows() == shape_.input_size());
  assert(y.rows() == shape_.output_size() && y.cols() == x.cols());
  const Index filters = shape_.filters, k = shape_.patch_size(), p = shape_.positions();
  const kernels::Epilogue epilogue =
      shape_.relu ? kernels::Epilogue::kRelu : kernels::Epilogue::kNone;
  for (Index j = 0; j < x.cols(); ++j) {
    im2col(x.data() + j * x.outerStride());
    // y_j (C_out×P, channels fastest: the H×W×C layout) = W(C_out×K)·cols(K×P) + b.
    kernels::gemm_nn(filters, p, k, w, filters, cols_.data(), k, b, epilogue,
                     y.data() + j * y.outerStride(), filters);
  }
}

void Conv2D::backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                      Eigen::Ref<Matrix> dy, const Scalar* w, Scalar* dw, Scalar* db) {
  backward_impl(x, y, dy, w, dw, db, nullptr, 0);
}

void Conv2D::backward(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                      Eigen::Ref<Matrix> dy, const Scalar* w, Scalar* dw, Scalar* db,
                      Eigen::Ref<Matrix> dx) {
  assert(dx.rows() == shape_.input_size() && dx.cols() == x.cols());
  backward_impl(x, y, dy, w, dw, db, dx.data(), dx.outerStride());
}

void Conv2D::backward_impl(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& y,
                           Eigen::Ref<Matrix>& dy, const Scalar* w, Scalar* dw, Scalar* db,
                           Scalar* dx, Index ldx) {
  const Index batch = x.cols();
  assert(x.rows() == shape_.input_size());
  assert(y.rows() == shape_.output_size() && y.cols() == batch);
  assert(dy.rows() == shape_.output_size() && dy.cols() == batch);
  const Index filters = shape_.filters, k = shape_.patch_size(), p = shape_.positions();
  const Index out = shape_.output_size();
  std::fill(db, db + filters, Scalar(0));
  if (batch == 0) std::fill(dw, dw + shape_.weight_count(), Scalar(0));
  if (dx) kernels::transpose(filters, k, w, filters, wt_.data(), k);  // Wᵀ: K×C_out
  for (Index j = 0; j < batch; ++j) {
    Scalar* dz = dy.data() + j * dy.outerStride();  // C_out×P
    if (shape_.relu) {
      const Scalar* yj = y.data() + j * y.outerStride();
      for (Index i = 0; i < out; ++i) dz[i] = yj[i] > Scalar(0) ? dz[i] : Scalar(0);
    }
    // db: samples in order, positions in order.
    for (Index q = 0; q < p; ++q) {
      const Scalar* dzq = dz + q * filters;
      for (Index o = 0; o < filters; ++o) db[o] += dzq[o];
    }
    // dW (C_out×K) = Σ_j dz_j(C_out×P)·cols_jᵀ, one sample's product at a time.
    im2col(x.data() + j * x.outerStride());
    Scalar* target = j == 0 ? dw : dw_sample_.data();
    kernels::gemm_nt(filters, k, p, dz, filters, cols_.data(), k, target, filters);
    if (j > 0) {
      const Scalar* s = dw_sample_.data();
      for (Index i = 0; i < shape_.weight_count(); ++i) dw[i] += s[i];
    }
    if (dx) {
      // dcols (K×P) = Wᵀ(K×C_out)·dz(C_out×P), then each patch's gradient back to its pixels.
      kernels::gemm_nn(k, p, filters, wt_.data(), k, dz, filters, nullptr, kernels::Epilogue::kNone,
                       dcols_.data(), k);
      col2im(dx + j * ldx);
    }
  }
}

}  // namespace fm
