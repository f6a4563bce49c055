// Conv2D by im2col: per sample, the patches become the columns of a K×P matrix, so the forward
// pass is W(C_out×K)·cols, the weight gradient dz·colsᵀ and the input gradient Wᵀ·dz summed back.
// The thin first layer (one input channel) skips im2col and reads the image directly.
#include "core/conv2d.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "core/kernels.h"

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
inline f32x4 splat(Scalar x) { return f32x4{x, x, x, x}; }
inline f32x4 relu(f32x4 v) {  // as kernels.cpp's epilogue: +0 unless v > 0 (NaN → 0)
  const i32x4 positive = v > f32x4{0, 0, 0, 0};
  return reinterpret_cast<f32x4>(reinterpret_cast<i32x4>(v) & positive);
}

// --- The thin layer: C_in = 1, C_out a multiple of 4 ---
// A patch element (tap dy, dx) of output (oy, ox) is one pixel or padding, so no im2col is needed.
// Filters go in blocks of NV vectors held in registers.

// The pixel under tap (dy, dx) of output (oy, ox), 0 in the padding.
inline Scalar thin_tap(const Conv2DShape& s, const Scalar* x, int oy, int ox, int dy, int dx) {
  const int iy = oy + dy - s.pad_top(), ix = ox + dx - s.pad_left();
  const bool inside = iy >= 0 && iy < s.height && ix >= 0 && ix < s.width;
  const Scalar v = x[static_cast<Index>(std::min(std::max(iy, 0), s.height - 1)) * s.width +
                     std::min(std::max(ix, 0), s.width - 1)];
  return inside ? v : Scalar(0);
}

// Whether every tap of output (oy, ox) is inside the image.
inline bool thin_interior(const Conv2DShape& s, int oy, int ox) {
  const int iy = oy - s.pad_top(), ix = ox - s.pad_left();
  return iy >= 0 && iy + s.kernel <= s.height && ix >= 0 && ix + s.kernel <= s.width;
}

// One sample, filters [f0, f0 + 4·NV): y = relu?(b + Σ_q W[q]·patch[q]), the sum in the order
// gemm_nn takes on the im2col matrix (bias first, then q ascending, padding as +0·W), so these are
// the general path's bits.
template <int NV>
void thin_forward(const Conv2DShape& s, const Scalar* x, const Scalar* w, const Scalar* b, Index f0,
                  Scalar* y) {
  const int k = s.kernel;
  const Index f = s.filters;
  f32x4 bias[NV];
  for (int v = 0; v < NV; ++v) bias[v] = load(b + f0 + 4 * v);
  Scalar* out = y + f0;
  for (int oy = 0; oy < s.out_height(); ++oy) {
    for (int ox = 0; ox < s.out_width(); ++ox, out += f) {
      f32x4 acc[NV];
      for (int v = 0; v < NV; ++v) acc[v] = bias[v];
      const bool interior = thin_interior(s, oy, ox);
      const Index corner = static_cast<Index>(oy - s.pad_top()) * s.width + (ox - s.pad_left());
      const Scalar* wq = w + f0;
      for (int dy = 0; dy < k; ++dy) {
        for (int dx = 0; dx < k; ++dx, wq += f) {
          const Scalar pixel = interior ? x[corner + static_cast<Index>(dy) * s.width + dx]
                                        : thin_tap(s, x, oy, ox, dy, dx);
          const f32x4 t = splat(pixel);
          for (int v = 0; v < NV; ++v) acc[v] += load(wq + 4 * v) * t;
        }
      }
      for (int v = 0; v < NV; ++v) store(out + 4 * v, s.relu ? relu(acc[v]) : acc[v]);
    }
  }
}

// Filters [f0, f0 + 4·NV) of dW (C_out×K) = Σ_j Σ_p dz_j[:, p]·patch_j,p[q], one tap q at a time,
// each sum over samples then positions in order, from +0. Padding terms (+0·dz) are left out: a
// sum that starts at +0 is the same with or without them.
template <int NV>
void thin_weight_gradient(const Conv2DShape& s, const Scalar* x, Index ldx, const Scalar* dz,
                          Index lddz, Index batch, Index f0, Scalar* dw) {
  const int k = s.kernel, out_w = s.out_width();
  const Index f = s.filters;
  for (int dy = 0; dy < k; ++dy) {
    for (int dx = 0; dx < k; ++dx) {
      // Outputs whose tap (dy, dx) is inside the image: rows [y0, y1), columns [x0, x1).
      const int shift_y = dy - s.pad_top(), shift_x = dx - s.pad_left();
      const int y0 = std::max(0, -shift_y), y1 = std::min(s.out_height(), s.height - shift_y);
      const int x0 = std::max(0, -shift_x), x1 = std::min(out_w, s.width - shift_x);
      f32x4 acc[NV];
      for (int v = 0; v < NV; ++v) acc[v] = f32x4{0, 0, 0, 0};
      for (Index j = 0; j < batch; ++j) {
        for (int oy = y0; oy < y1; ++oy) {
          const Scalar* row = x + j * ldx + static_cast<Index>(oy + shift_y) * s.width;
          const Scalar* g = dz + j * lddz + static_cast<Index>(oy) * out_w * f + f0;
          for (int ox = x0; ox < x1; ++ox) {
            const f32x4 t = splat(row[ox + shift_x]);
            const Scalar* gp = g + ox * f;
            for (int v = 0; v < NV; ++v) acc[v] += load(gp + 4 * v) * t;
          }
        }
      }
      Scalar* out = dw + (static_cast<Index>(dy) * k + dx) * f + f0;
      for (int v = 0; v < NV; ++v) store(out + 4 * v, acc[v]);
    }
  }
}

// Runs fn.template operator()<NV>(f0) over the filters in blocks of 8, 4, 2 and 1 vectors.
template <class Fn>
void thin_blocks(Index filters, Fn&& fn) {
  Index f0 = 0;
  for (; f0 + 32 <= filters; f0 += 32) fn(std::integral_constant<int, 8>(), f0);
  if (f0 + 16 <= filters) {
    fn(std::integral_constant<int, 4>(), f0);
    f0 += 16;
  }
  if (f0 + 8 <= filters) {
    fn(std::integral_constant<int, 2>(), f0);
    f0 += 8;
  }
  if (f0 + 4 <= filters) fn(std::integral_constant<int, 1>(), f0);
}

}  // namespace

Conv2D::Conv2D(const Conv2DShape& shape)
    : shape_(shape), thin_(shape.channels == 1 && shape.filters % 4 == 0) {
  assert(shape_.valid());
  const Index k = shape_.patch_size(), p = shape_.positions();
  if (!thin_) {
    cols_.resize(k, p);
    dw_sample_.resize(shape_.filters, k);
  }
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
      if (c == 1) {
        // The thin first layer: k values per kernel row, too short for memcpy and fill calls.
        // Reads are clamped into the image and padding is selected to 0 (no branches).
        for (int dy = 0; dy < k; ++dy) {
          const int iy = oy + dy - shape_.pad_top();
          const bool row_inside = iy >= 0 && iy < h;
          const Scalar* src = x + static_cast<Index>(std::min(std::max(iy, 0), h - 1)) * w;
          Scalar* dst = col + dy * segment;
          for (int dx = 0; dx < k; ++dx) {
            const int ix = ix0 + dx;
            const Scalar v = src[std::min(std::max(ix, 0), w - 1)];
            dst[dx] = row_inside && ix >= 0 && ix < w ? v : Scalar(0);
          }
        }
        continue;
      }
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
  if (thin_) {
    for (Index j = 0; j < x.cols(); ++j) {
      const Scalar* xj = x.data() + j * x.outerStride();
      Scalar* yj = y.data() + j * y.outerStride();
      thin_blocks(filters, [&](auto nv, Index f0) {
        thin_forward<decltype(nv)::value>(shape_, xj, w, b, f0, yj);
      });
    }
    return;
  }
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
  // Per sample: the relu mask, db (samples in order, positions in order) and dx.
  for (Index j = 0; j < batch; ++j) {
    Scalar* dz = dy.data() + j * dy.outerStride();  // C_out×P
    if (shape_.relu) {
      const Scalar* yj = y.data() + j * y.outerStride();
      for (Index i = 0; i < out; ++i) {
        const Scalar d = dz[i];  // read unconditionally, so that the loop vectorises
        dz[i] = yj[i] > Scalar(0) ? d : Scalar(0);
      }
    }
    for (Index q = 0; q < p; ++q) {
      const Scalar* dzq = dz + q * filters;
      for (Index o = 0; o < filters; ++o) db[o] += dzq[o];
    }
    if (dx) {
      // dcols (K×P) = Wᵀ(K×C_out)·dz(C_out×P), then each patch's gradient back to its pixels.
      kernels::gemm_nn(k, p, filters, wt_.data(), k, dz, filters, nullptr, kernels::Epilogue::kNone,
                       dcols_.data(), k);
      col2im(dx + j * ldx);
    }
  }
  if (thin_) {
    if (batch == 0) return;
    thin_blocks(filters, [&](auto nv, Index f0) {
      thin_weight_gradient<decltype(nv)::value>(shape_, x.data(), x.outerStride(), dy.data(),
                                                dy.outerStride(), batch, f0, dw);
    });
    return;
  }
  // dW (C_out×K) = Σ_j dz_j(C_out×P)·cols_jᵀ, one sample's product at a time, added in order.
  for (Index j = 0; j < batch; ++j) {
    const Scalar* dz = dy.data() + j * dy.outerStride();
    im2col(x.data() + j * x.outerStride());
    Scalar* target = j == 0 ? dw : dw_sample_.data();
    kernels::gemm_nt(filters, k, p, dz, filters, cols_.data(), k, target, filters);
    if (j > 0) {
      const Scalar* s = dw_sample_.data();
      for (Index i = 0; i < shape_.weight_count(); ++i) dw[i] += s[i];
    }
  }
}

}  // namespace fm
