// CNN layer tests: Conv2D, MaxPool2D and Dropout against hand-computed cases and a naive double-
// precision convolution, finite-difference gradient checks, batch independence, Glorot limits,
// no heap use after construction/reserve, and an (unasserted) throughput figure.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <functional>
#include <vector>

#include "core/conv2d.h"
#include "core/dropout.h"
#include "core/kernels.h"
#include "core/pool2d.h"
#include "core/rng.h"
#include "test_support.h"

namespace fm {
namespace {

Conv2DShape conv_shape(int h, int w, int c, int filters, int k, Padding padding, bool relu) {
  Conv2DShape s;
  s.height = h;
  s.width = w;
  s.channels = c;
  s.filters = filters;
  s.kernel = k;
  s.padding = padding;
  s.relu = relu;
  return s;
}

Matrix random_matrix(Index rows, Index cols, Rng& rng, float lo = -1.0f, float hi = 1.0f) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(lo, hi);
  return m;
}

Vector random_vector(Index n, Rng& rng, float lo = -1.0f, float hi = 1.0f) {
  Vector v(n);
  for (Index i = 0; i < n; ++i) v[i] = rng.uniform(lo, hi);
  return v;
}

bool same_bits(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Index j = 0; j < a.cols(); ++j) {
    if (std::memcmp(a.col(j).data(), b.col(j).data(), sizeof(Scalar) * a.rows()) != 0) {
      return false;
    }
  }
  return true;
}

// --- a naive convolution in double, straight from the definition (Keras: cross-correlation) ---

struct Reference {
  Eigen::MatrixXd z, y;    // pre-activation and output, output_size×B
  Eigen::MatrixXd dx;      // input_size×B
  Eigen::VectorXd dw, db;  // weight_count, filters
};

// The input pixel under output (oy, ox) and kernel offset (dy, dx), or −1 in the padding.
Index pixel_under(const Conv2DShape& s, int oy, int ox, int dy, int dx) {
  const int iy = oy + dy - s.pad_top(), ix = ox + dx - s.pad_left();
  if (iy < 0 || iy >= s.height || ix < 0 || ix >= s.width) return -1;
  return static_cast<Index>(iy) * s.width + ix;
}

// Forward, and backward of L = Σ r ⊙ y.
Reference naive_conv(const Conv2DShape& s, const Matrix& x, const Vector& w, const Vector& b,
                     const Matrix& r) {
  const int k = s.kernel, cin = s.channels, cout = s.filters;
  const Index batch = x.cols();
  Reference ref;
  ref.z.setZero(s.output_size(), batch);
  ref.dx.setZero(s.input_size(), batch);
  ref.dw.setZero(s.weight_count());
  ref.db.setZero(cout);
  const auto weight = [&](int dy, int dx, int c, int o) {
    return ((static_cast<Index>(dy) * k + dx) * cin + c) * cout + o;
  };
  for (Index j = 0; j < batch; ++j) {
    for (int oy = 0; oy < s.out_height(); ++oy) {
      for (int ox = 0; ox < s.out_width(); ++ox) {
        for (int o = 0; o < cout; ++o) {
          const Index out = (static_cast<Index>(oy) * s.out_width() + ox) * cout + o;
          double sum = b[o];
          for (int dy = 0; dy < k; ++dy) {
            for (int dx = 0; dx < k; ++dx) {
              const Index pixel = pixel_under(s, oy, ox, dy, dx);
              if (pixel < 0) continue;
              for (int c = 0; c < cin; ++c) {
                sum += static_cast<double>(w[weight(dy, dx, c, o)]) * x(pixel * cin + c, j);
              }
            }
          }
          ref.z(out, j) = sum;
          const double dz = (!s.relu || sum > 0) ? static_cast<double>(r(out, j)) : 0.0;
          ref.db[o] += dz;
          for (int dy = 0; dy < k; ++dy) {
            for (int dx = 0; dx < k; ++dx) {
              const Index pixel = pixel_under(s, oy, ox, dy, dx);
              if (pixel < 0) continue;
              for (int c = 0; c < cin; ++c) {
                ref.dw[weight(dy, dx, c, o)] += dz * x(pixel * cin + c, j);
                ref.dx(pixel * cin + c, j) += dz * w[weight(dy, dx, c, o)];
              }
            }
          }
        }
      }
    }
  }
  ref.y = s.relu ? Eigen::MatrixXd(ref.z.cwiseMax(0.0)) : ref.z;
  return ref;
}

// --- Conv2D ---

TEST(Conv2D, ShapesOfTheBookLayers) {
  const Conv2DShape c1 = conv_shape(28, 28, 1, 32, 3, Padding::kSame, true);
  EXPECT_EQ(c1.out_height(), 28);
  EXPECT_EQ(c1.output_size(), 28 * 28 * 32);
  EXPECT_EQ(c1.param_count(), 3 * 3 * 1 * 32 + 32);  // Keras' summary: 320
  EXPECT_EQ(c1.macs(), 28 * 28 * 32 * 9);
  const Conv2DShape c2 = conv_shape(14, 14, 32, 64, 3, Padding::kSame, true);
  EXPECT_EQ(c2.param_count(), 18496);
  EXPECT_EQ(c2.patch_size(), 288);
  const Conv2DShape v = conv_shape(5, 7, 3, 4, 3, Padding::kValid, false);
  EXPECT_EQ(v.out_height(), 3);
  EXPECT_EQ(v.out_width(), 5);
  EXPECT_EQ(v.pad_top(), 0);
  EXPECT_TRUE(v.valid());
  EXPECT_FALSE(conv_shape(2, 7, 3, 4, 3, Padding::kValid, false).valid());
  // TF's same padding for an even kernel: the extra zero goes at the bottom and right.
  EXPECT_EQ(conv_shape(4, 4, 1, 1, 2, Padding::kSame, false).pad_top(), 0);
  EXPECT_EQ(conv_shape(4, 4, 1, 1, 5, Padding::kSame, false).pad_top(), 2);
}

TEST(Conv2D, GlorotInitInKerasOrderAndLimits) {
  const Conv2DShape s = conv_shape(14, 14, 32, 64, 3, Padding::kSame, true);
  Conv2D conv(s);
  Vector params = Vector::Constant(s.param_count(), 9.0f);
  Rng rng(42);
  conv.init_glorot(rng, params.data(), params.data() + s.weight_count());
  // fan_in = 3·3·32 = 288, fan_out = 3·3·64 = 576: l = sqrt(6/864) = 0.0833333.
  const float limit = std::sqrt(6.0f / 864.0f);
  EXPECT_NEAR(limit, 0.0833333, 1e-6);
  Rng replay(42);
  float lo = 1, hi = -1;
  for (Index i = 0; i < s.weight_count(); ++i) {
    ASSERT_EQ(params[i], replay.uniform(-limit, limit)) << i;
    lo = std::min(lo, params[i]);
    hi = std::max(hi, params[i]);
  }
  EXPECT_GE(lo, -limit);
  EXPECT_LT(hi, limit);
  EXPECT_LT(lo, -0.99f * limit);  // 18,432 draws fill the range
  EXPECT_GT(hi, 0.99f * limit);
  for (Index i = s.weight_count(); i < s.param_count(); ++i) EXPECT_EQ(params[i], 0.0f);
  // The first layer: fan_in 9, fan_out 288.
  const Conv2DShape s1 = conv_shape(28, 28, 1, 32, 3, Padding::kSame, true);
  Vector p1(s1.param_count());
  Rng r1(1), replay1(1);
  Conv2D(s1).init_glorot(r1, p1.data(), p1.data() + s1.weight_count());
  const float l1 = std::sqrt(6.0f / 297.0f);
  EXPECT_EQ(p1[0], replay1.uniform(-l1, l1));
  EXPECT_LE(p1.head(s1.weight_count()).cwiseAbs().maxCoeff(), l1);
}

// Input (one channel)        kernel of filter 0 (cross-correlation, as Keras)   filter 1: centre 1
//   1 2 3                      1 2  0
//   4 5 6                      0 0  0
//   7 8 9                      0 0 −1
// Same padding, filter 0: out(y, x) = in(y−1, x−1) + 2·in(y−1, x) − in(y+1, x+1), zeros outside:
//   (0,0) −5   (0,1) −6   (0,2) 0
//   (1,0) 2−8 = −6   (1,1) 1+4−9 = −4   (1,2) 2+6 = 8
//   (2,0) 8    (2,1) 4+10 = 14   (2,2) 5+12 = 17
// b = (0.5, −5): filter 0 adds 0.5, filter 1 gives in − 5.
TEST(Conv2D, HandComputedSamePadding) {
  const Conv2DShape s = conv_shape(3, 3, 1, 2, 3, Padding::kSame, false);
  Vector w = Vector::Zero(s.weight_count());
  const auto at = [](int dy, int dx, int o) { return (dy * 3 + dx) * 2 + o; };  // C_in = 1
  w[at(0, 0, 0)] = 1;
  w[at(0, 1, 0)] = 2;
  w[at(2, 2, 0)] = -1;
  w[at(1, 1, 1)] = 1;
  const Vector b = (Vector(2) << 0.5f, -5.0f).finished();
  Matrix x(9, 1);
  x << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  const float f0[9] = {-5, -6, 0, -6, -4, 8, 8, 14, 17};
  Conv2D conv(s);
  Matrix y(18, 1);
  conv.forward(x, w.data(), b.data(), y);
  for (int p = 0; p < 9; ++p) {
    EXPECT_EQ(y(2 * p, 0), f0[p] + 0.5f) << "filter 0 at " << p;  // channels fastest
    EXPECT_EQ(y(2 * p + 1, 0), x(p, 0) - 5.0f) << "filter 1 at " << p;
  }
  Conv2DShape relu_shape = s;
  relu_shape.relu = true;
  Conv2D relu(relu_shape);
  relu.forward(x, w.data(), b.data(), y);
  for (int p = 0; p < 9; ++p) {
    EXPECT_EQ(y(2 * p, 0), std::max(f0[p] + 0.5f, 0.0f)) << p;
    EXPECT_EQ(y(2 * p + 1, 0), std::max(x(p, 0) - 5.0f, 0.0f)) << p;
  }
  // Valid padding: one output, the whole image under the kernel: the centre value above.
  const Conv2DShape v = conv_shape(3, 3, 1, 2, 3, Padding::kValid, false);
  Conv2D valid(v);
  Matrix one(2, 1);
  valid.forward(x, w.data(), b.data(), one);
  EXPECT_EQ(one(0, 0), -4.0f + 0.5f);
  EXPECT_EQ(one(1, 0), 0.0f);  // 5 − 5
}

// Two input channels, 1×1 kernel, 2×1 image: out(o) = Σ_c W[c, o]·in(c) + b(o) per pixel, with
// W stored as Keras' (1, 1, C_in, C_out) kernel: [[1, 2], [10, 20]] (row c, column o).
TEST(Conv2D, HandComputedChannelsLast) {
  const Conv2DShape s = conv_shape(2, 1, 2, 2, 1, Padding::kValid, false);
  const Vector w = (Vector(4) << 1, 2, 10, 20).finished();
  const Vector b = Vector::Zero(2);
  Matrix x(4, 1);
  x << 1, 3, 5, 7;  // pixel 0: (c0, c1) = (1, 3); pixel 1: (5, 7)
  Matrix y(4, 1);
  Conv2D conv(s);
  conv.forward(x, w.data(), b.data(), y);
  // Pixel 0: o0 = 1 + 30 = 31, o1 = 2 + 60 = 62; pixel 1: o0 = 5 + 70 = 75, o1 = 10 + 140 = 150.
  EXPECT_EQ(y(0, 0), 31.0f);
  EXPECT_EQ(y(1, 0), 62.0f);
  EXPECT_EQ(y(2, 0), 75.0f);
  EXPECT_EQ(y(3, 0), 150.0f);
}

// Forward and backward against the naive double-precision convolution on many shapes: kernel 1,
// 2 (TF's asymmetric same padding), 3 and 5, same and valid, non-square, C_in 1–5, C_out 1–7.
TEST(Conv2D, MatchesNaiveConvolution) {
  struct Case {
    int h, w, c, filters, k;
    Padding padding;
    bool relu;
  };
  const Case cases[] = {
      {5, 4, 1, 3, 3, Padding::kSame, true},
      {6, 5, 3, 4, 3, Padding::kSame, false},
      {6, 7, 2, 5, 3, Padding::kValid, true},
      {4, 4, 1, 2, 2, Padding::kSame, false},
      {5, 3, 3, 1, 2, Padding::kValid, false},
      {7, 6, 5, 7, 5, Padding::kSame, true},
      {3, 5, 4, 6, 1, Padding::kSame, false},
      {8, 8, 1, 4, 5, Padding::kValid, true},
      {1, 1, 2, 3, 3, Padding::kSame, false},
      // One input channel and C_out a multiple of 4: the thin path (blocks of 8, 4, 2, 1 vectors).
      {6, 5, 1, 8, 3, Padding::kSame, true},
      {9, 9, 1, 60, 3, Padding::kSame, false},
      {7, 5, 1, 4, 2, Padding::kSame, true},
  };
  Rng rng(3);
  for (const Case& t : cases) {
    const Conv2DShape s = conv_shape(t.h, t.w, t.c, t.filters, t.k, t.padding, t.relu);
    SCOPED_TRACE(::testing::Message()
                 << t.h << "x" << t.w << "x" << t.c << " k" << t.k << " f" << t.filters
                 << (t.padding == Padding::kSame ? " same" : " valid"));
    const Index batch = 3;
    const Matrix x = random_matrix(s.input_size(), batch, rng);
    const Vector w = random_vector(s.weight_count(), rng), b = random_vector(s.filters, rng);
    const Matrix r = random_matrix(s.output_size(), batch, rng);
    const Reference ref = naive_conv(s, x, w, b, r);
    Conv2D conv(s);
    Matrix y(s.output_size(), batch), dx(s.input_size(), batch);
    conv.forward(x, w.data(), b.data(), y);
    EXPECT_LE((y.cast<double>() - ref.y).cwiseAbs().maxCoeff(), 1e-5);
    Matrix dy = r;
    Vector dw(s.weight_count()), db(s.filters);
    conv.backward(x, y, dy, w.data(), dw.data(), db.data(), dx);
    EXPECT_LE((dw.cast<double>() - ref.dw).cwiseAbs().maxCoeff(), 1e-4);
    EXPECT_LE((db.cast<double>() - ref.db).cwiseAbs().maxCoeff(), 1e-4);
    EXPECT_LE((dx.cast<double>() - ref.dx).cwiseAbs().maxCoeff(), 1e-5);
    // The first form (no dx) gives the same parameter gradients, bit for bit.
    Matrix dy2 = r;
    Vector dw2(s.weight_count()), db2(s.filters);
    conv.backward(x, y, dy2, w.data(), dw2.data(), db2.data());
    EXPECT_TRUE(same_bits(dw, dw2));
    EXPECT_TRUE(same_bits(db, db2));
    EXPECT_TRUE(same_bits(dy, dy2));  // both overwrite dy with the relu-masked gradient
  }
}

// Finite differences of L = Σ r ⊙ y against backward(): every weight, bias and input. The
// convolution is linear in each of them, so central differences are exact up to rounding except
// where a relu changes side between the two evaluations: those few are skipped (and counted).
// The rounding of the float outputs that a step of 2e-3 moves leaves ~1e-4 of noise (worst seen
// 1.3e-4); a wrong index or a missing term is off by far more than the 5e-4 allowed.
void conv_gradient_check(const Conv2DShape& s, uint64_t seed) {
  const Index batch = 2;
  Rng rng(seed);
  Conv2D conv(s);
  Vector params(s.param_count());
  conv.init_glorot(rng, params.data(), params.data() + s.weight_count());
  for (Index i = s.weight_count(); i < s.param_count(); ++i) params[i] = rng.uniform(-0.2f, 0.2f);
  Matrix x = random_matrix(s.input_size(), batch, rng, 0.0f, 1.0f);
  const Matrix r = random_matrix(s.output_size(), batch, rng);
  Matrix y(s.output_size(), batch), dx(s.input_size(), batch);
  const auto w = [&] { return params.data(); };
  const auto b = [&] { return params.data() + s.weight_count(); };

  conv.forward(x, w(), b(), y);
  Matrix dy = r;
  Vector grads(s.param_count());
  conv.backward(x, y, dy, w(), grads.data(), grads.data() + s.weight_count(), dx);

  const Matrix y0 = y;
  const auto active = [&](const Matrix& out) {
    return ((out.array() > 0) == (y0.array() > 0)).all();
  };
  const auto loss = [&](bool* same_side) {
    conv.forward(x, w(), b(), y);
    *same_side = !s.relu || active(y);
    return (r.cast<double>().array() * y.cast<double>().array()).sum();
  };
  const float eps = 2e-3f;
  int skipped = 0, checked = 0;
  double worst = 0;
  const auto check = [&](float* value, double analytic, const char* what, Index i) {
    const float saved = *value, high = saved + eps, low = saved - eps;
    bool up_same = false, down_same = false;
    *value = high;
    const double up = loss(&up_same);
    *value = low;
    const double down = loss(&down_same);
    *value = saved;
    if (!up_same || !down_same) {
      ++skipped;
      return;
    }
    ++checked;
    // Divided by the step the floats actually took.
    const double numeric = (up - down) / (static_cast<double>(high) - low);
    const double error = std::abs(analytic - numeric);
    worst = std::max(worst, error);
    EXPECT_LE(error, 5e-4 + 1e-3 * std::abs(numeric))
        << what << " " << i << ": analytic " << analytic << ", numeric " << numeric;
  };
  for (Index i = 0; i < s.weight_count(); ++i) check(&params[i], grads[i], "w", i);
  for (Index i = s.weight_count(); i < s.param_count(); ++i) check(&params[i], grads[i], "b", i);
  for (Index i = 0; i < x.size(); ++i) check(x.data() + i, dx.data()[i], "x", i);
  EXPECT_LE(skipped, checked / 10) << "too many relu crossings to trust the check";
  ::testing::Test::RecordProperty("worst_abs_error", std::to_string(worst));
  ::testing::Test::RecordProperty("skipped", skipped);
}

TEST(Conv2D, GradientCheckSameOneChannel) {  // the thin path (C_out = 4)
  conv_gradient_check(conv_shape(5, 5, 1, 4, 3, Padding::kSame, true), 1);
}
TEST(Conv2D, GradientCheckSameThreeChannels) {
  conv_gradient_check(conv_shape(4, 5, 3, 4, 3, Padding::kSame, true), 2);
}
TEST(Conv2D, GradientCheckValidOneChannel) {  // im2col (C_out = 2 is not a multiple of 4)
  conv_gradient_check(conv_shape(6, 5, 1, 2, 3, Padding::kValid, false), 3);
}
TEST(Conv2D, GradientCheckValidOneChannelThin) {
  conv_gradient_check(conv_shape(6, 5, 1, 4, 3, Padding::kValid, true), 6);
}
TEST(Conv2D, GradientCheckValidThreeChannels) {
  conv_gradient_check(conv_shape(5, 6, 3, 3, 3, Padding::kValid, true), 4);
}
TEST(Conv2D, GradientCheckSameNoRelu) {
  conv_gradient_check(conv_shape(4, 4, 3, 2, 3, Padding::kSame, false), 5);
}

// The forward pass is kernels::gemm_nn on the im2col matrix, bit for bit, on both paths (the
// thin one-channel layer reads the image directly but sums in the same order).
TEST(Conv2D, ForwardIsTheProductOnTheIm2colMatrix) {
  Rng rng(10);
  for (const Conv2DShape& s : {conv_shape(28, 28, 1, 32, 3, Padding::kSame, true),
                               conv_shape(7, 6, 1, 12, 5, Padding::kValid, false),
                               conv_shape(6, 6, 3, 8, 3, Padding::kSame, true)}) {
    const Index batch = 2;
    const Matrix x = random_matrix(s.input_size(), batch, rng);
    const Vector w = random_vector(s.weight_count(), rng), b = random_vector(s.filters, rng);
    Conv2D conv(s);
    Matrix y(s.output_size(), batch);
    conv.forward(x, w.data(), b.data(), y);
    for (Index j = 0; j < batch; ++j) {
      Matrix cols = Matrix::Zero(s.patch_size(), s.positions());
      for (int oy = 0; oy < s.out_height(); ++oy) {
        for (int ox = 0; ox < s.out_width(); ++ox) {
          for (int dy = 0; dy < s.kernel; ++dy) {
            for (int dx = 0; dx < s.kernel; ++dx) {
              const Index pixel = pixel_under(s, oy, ox, dy, dx);
              if (pixel < 0) continue;
              for (int c = 0; c < s.channels; ++c) {
                cols((dy * s.kernel + dx) * s.channels + c, oy * s.out_width() + ox) =
                    x(pixel * s.channels + c, j);
              }
            }
          }
        }
      }
      Matrix want(s.filters, s.positions());
      kernels::gemm_nn(s.filters, s.positions(), s.patch_size(), w.data(), s.filters, cols.data(),
                       s.patch_size(), b.data(),
                       s.relu ? kernels::Epilogue::kRelu : kernels::Epilogue::kNone, want.data(),
                       s.filters);
      EXPECT_EQ(std::memcmp(want.data(), y.col(j).data(), sizeof(Scalar) * want.size()), 0)
          << s.channels << " channels, " << s.filters << " filters, sample " << j;
    }
  }
}

// A sample's outputs and input gradient are the same bits alone as in a batch of 7, wherever it
// sits; the parameter gradients repeat bit for bit; inputs with column strides work.
TEST(Conv2D, BatchIndependentAndDeterministic) {
  const Conv2DShape s = conv_shape(9, 9, 3, 12, 3, Padding::kSame, true);
  Rng rng(8);
  Conv2D conv(s);
  Vector params(s.param_count());
  conv.init_glorot(rng, params.data(), params.data() + s.weight_count());
  const float* w = params.data();
  const float* b = params.data() + s.weight_count();
  const Index batch = 7;
  // A view of a wider matrix: column stride input_size + 5.
  Matrix wide = random_matrix(s.input_size() + 5, batch, rng);
  const Eigen::Ref<const Matrix> x = wide.topRows(s.input_size());
  ASSERT_EQ(x.outerStride(), s.input_size() + 5);
  const Matrix r = random_matrix(s.output_size(), batch, rng);
  Matrix y(s.output_size(), batch), dy = r, dx(s.input_size(), batch);
  Vector dw(s.weight_count()), db(s.filters);
  conv.forward(x, w, b, y);
  conv.backward(x, y, dy, w, dw.data(), db.data(), dx);
  for (Index j = 0; j < batch; ++j) {
    const Matrix xj = x.col(j);
    Matrix yj(s.output_size(), 1), dyj = r.col(j), dxj(s.input_size(), 1);
    Vector dwj(s.weight_count()), dbj(s.filters);
    conv.forward(xj, w, b, yj);
    conv.backward(xj, yj, dyj, w, dwj.data(), dbj.data(), dxj);
    EXPECT_TRUE(same_bits(yj, y.col(j))) << "forward, sample " << j;
    EXPECT_TRUE(same_bits(dxj, dx.col(j))) << "dx, sample " << j;
  }
  Matrix y2(s.output_size(), batch), dy2 = r, dx2(s.input_size(), batch);
  Vector dw2(s.weight_count()), db2(s.filters);
  Conv2D other(s);  // a fresh object: no state carries over
  other.forward(x, w, b, y2);
  other.backward(x, y2, dy2, w, dw2.data(), db2.data(), dx2);
  EXPECT_TRUE(same_bits(y, y2));
  EXPECT_TRUE(same_bits(dw, dw2));
  EXPECT_TRUE(same_bits(db, db2));
  EXPECT_TRUE(same_bits(dx, dx2));
}

// --- MaxPool2D ---

// Two channels, 4×4 → 2×2, with ties. Channel 0, and channel 1 = −(channel 0):
//    1  3 |  2  2         −1 −3 | −2 −2
//    3  0 |  2  1         −3 −0 | −2 −1
//   ------+------         ------+------
//    5  5 |  0 −1         −5 −5 | −0  1
//    5  5 | −2  0         −5 −5 |  2 −0
// Maxima: channel 0: 3, 2, 5, 0; channel 1: −0, −1, −5, 2. The gradient goes to the first
// maximum in row-major order: the 3 at (0,1) not (1,0); the 2 at (0,2) of three; the 5 at (2,0)
// of four; the 0 at (2,2) not (3,3). Channel 1: (1,1), (1,3), (2,0) of four, (3,2).
TEST(MaxPool2D, HandComputedWithTies) {
  const Pool2DShape s{4, 4, 2};
  const float c0[16] = {1, 3, 2, 2, 3, 0, 2, 1, 5, 5, 0, -1, 5, 5, -2, 0};
  Matrix x(32, 1);
  for (int p = 0; p < 16; ++p) {
    x(2 * p, 0) = c0[p];
    x(2 * p + 1, 0) = -c0[p];
  }
  MaxPool2D pool(s);
  Matrix y(8, 1);
  pool.forward(x, y);
  const float want0[4] = {3, 2, 5, 0};
  for (int o = 0; o < 4; ++o) EXPECT_EQ(y(2 * o, 0), want0[o]) << o;
  EXPECT_EQ(y(1, 0), 0.0f);
  EXPECT_EQ(y(3, 0), -1.0f);
  EXPECT_EQ(y(5, 0), -5.0f);
  EXPECT_EQ(y(7, 0), 2.0f);
  Matrix dy(8, 1);
  dy << 10, 11, 20, 21, 30, 31, 40, 41;
  Matrix dx(32, 1);
  pool.backward(x, dy, dx);
  Matrix want = Matrix::Zero(32, 1);
  const auto at = [](int row, int col, int c) { return (row * 4 + col) * 2 + c; };
  want(at(0, 1, 0), 0) = 10;
  want(at(0, 2, 0), 0) = 20;
  want(at(2, 0, 0), 0) = 30;
  want(at(2, 2, 0), 0) = 40;
  want(at(1, 1, 1), 0) = 11;
  want(at(1, 3, 1), 0) = 21;
  want(at(2, 0, 1), 0) = 31;
  want(at(3, 2, 1), 0) = 41;
  for (Index i = 0; i < 32; ++i) EXPECT_EQ(dx(i, 0), want(i, 0)) << i;
}

// Odd sides: 5×3 → 2×1; the last row and column never reach the output or get a gradient.
TEST(MaxPool2D, OddSidesDropTheLastRowAndColumn) {
  const Pool2DShape s{5, 3, 1};
  EXPECT_EQ(s.output_size(), 2);
  Matrix x(15, 2);
  for (Index i = 0; i < 15; ++i) {
    x(i, 0) = static_cast<float>(i);
    x(i, 1) = static_cast<float>(-i);
  }
  MaxPool2D pool(s);
  Matrix y(2, 2);
  pool.forward(x, y);
  // Windows rows 0–1 × cols 0–1 = {0, 1, 3, 4}, rows 2–3 = {6, 7, 9, 10}.
  EXPECT_EQ(y(0, 0), 4.0f);
  EXPECT_EQ(y(1, 0), 10.0f);
  EXPECT_EQ(y(0, 1), 0.0f);
  EXPECT_EQ(y(1, 1), -6.0f);
  Matrix dy(2, 2);
  dy << 1, 3, 2, 4;
  Matrix dx = Matrix::Constant(15, 2, 7.0f);
  pool.backward(x, dy, dx);
  Matrix want = Matrix::Zero(15, 2);
  want(4, 0) = 1;
  want(10, 0) = 2;
  want(0, 1) = 3;
  want(6, 1) = 4;
  EXPECT_TRUE(dx == want);
}

// Every channel count (vector lanes and scalar tail) against the definition, on values drawn from
// {0, 1, 2} so that most windows hold ties.
TEST(MaxPool2D, FirstMaximumGetsTheGradientOnEveryChannelCount) {
  Rng rng(9);
  for (int channels : {1, 3, 4, 5, 8, 13}) {
    const Pool2DShape s{6, 7, channels};
    const Index batch = 2;
    Matrix x(s.input_size(), batch);
    for (Index i = 0; i < x.size(); ++i) x.data()[i] = static_cast<float>(rng.below(3));
    const Matrix dy = random_matrix(s.output_size(), batch, rng, 1.0f, 2.0f);
    MaxPool2D pool(s);
    Matrix y(s.output_size(), batch), dx = Matrix::Constant(s.input_size(), batch, 7.0f);
    pool.forward(x, y);
    pool.backward(x, dy, dx);
    Matrix want_y(s.output_size(), batch), want_dx = Matrix::Zero(s.input_size(), batch);
    for (Index j = 0; j < batch; ++j) {
      for (int oy = 0; oy < s.out_height(); ++oy) {
        for (int ox = 0; ox < s.out_width(); ++ox) {
          for (int c = 0; c < channels; ++c) {
            Index best = -1;
            for (int wy = 0; wy < 2; ++wy) {
              for (int wx = 0; wx < 2; ++wx) {
                const Index i = ((2 * oy + wy) * s.width + 2 * ox + wx) * channels + c;
                if (best < 0 || x(i, j) > x(best, j)) best = i;
              }
            }
            const Index o = (oy * s.out_width() + ox) * channels + c;
            want_y(o, j) = x(best, j);
            want_dx(best, j) = dy(o, j);
          }
        }
      }
    }
    EXPECT_TRUE(y == want_y) << channels << " channels";
    EXPECT_TRUE(dx == want_dx) << channels << " channels";
  }
}

// Finite differences through the pool, on distinct values (no ties within a perturbation).
TEST(MaxPool2D, GradientCheck) {
  const Pool2DShape s{6, 5, 3};
  const Index batch = 2;
  Rng rng(12);
  // A random permutation of well-separated values, so ±eps never changes a window's argmax.
  std::vector<int> order(static_cast<size_t>(s.input_size() * batch));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  rng.shuffle(order);
  Matrix x(s.input_size(), batch);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = 0.01f * static_cast<float>(order[i]) - 1.0f;
  const Matrix r = random_matrix(s.output_size(), batch, rng);
  MaxPool2D pool(s);
  Matrix y(s.output_size(), batch), dx(s.input_size(), batch);
  pool.forward(x, y);
  pool.backward(x, r, dx);
  const float eps = 1e-3f;
  for (Index i = 0; i < x.size(); ++i) {
    const float saved = x.data()[i];
    x.data()[i] = saved + eps;
    pool.forward(x, y);
    const double up = (r.cast<double>().array() * y.cast<double>().array()).sum();
    x.data()[i] = saved - eps;
    pool.forward(x, y);
    const double down = (r.cast<double>().array() * y.cast<double>().array()).sum();
    x.data()[i] = saved;
    EXPECT_NEAR(dx.data()[i], (up - down) / (2.0 * eps), 1e-3) << i;
  }
}

// --- Dropout ---

TEST(Dropout, InvertedScalingAndSeededMask) {
  const Index units = 100, batch = 40;
  Rng data_rng(1);
  const Matrix x = random_matrix(units, batch, data_rng, 0.5f, 1.5f);
  Dropout drop(units, 0.4f, batch);
  EXPECT_EQ(drop.scale(), 1.0f / 0.6f);
  Matrix y(units, batch);
  Rng rng(42);
  drop.forward_train(x, rng, y);
  // Replay the stream: unit dropped when uniform01() < rate, column-major order.
  Rng replay(42);
  Index dropped = 0;
  for (Index j = 0; j < batch; ++j) {
    for (Index i = 0; i < units; ++i) {
      const bool drop_it = replay.uniform01() < 0.4f;
      dropped += drop_it;
      ASSERT_EQ(y(i, j), drop_it ? 0.0f : x(i, j) * (1.0f / 0.6f)) << i << "," << j;
    }
  }
  EXPECT_NEAR(static_cast<double>(dropped) / (units * batch), 0.4, 0.03);  // 4,000 draws
  EXPECT_EQ(rng.next_u32(), replay.next_u32());                            // exactly units·B draws
  // Backward multiplies by the same mask; in place works too.
  Matrix dy = Matrix::Ones(units, batch), dx(units, batch);
  drop.backward(dy, dx);
  EXPECT_TRUE(((dx.array() == 0) == (y.array() == 0)).all());
  EXPECT_TRUE(((dx.array() == 0) || (dx.array() == drop.scale())).all());
  drop.backward(dy, dy);
  EXPECT_TRUE(dy == dx);
  // The same seed gives the same mask, in place as well.
  Matrix z = x;
  Rng again(42);
  drop.forward_train(z, again, z);
  EXPECT_TRUE(z == y);
  // Evaluation is the identity.
  Matrix e(units, batch);
  drop.forward_eval(x, e);
  EXPECT_TRUE(e == x);
  // Keras' expectation is kept: E[y] ≈ x on average.
  EXPECT_NEAR(y.sum() / x.sum(), 1.0, 0.05);
}

// With the mask fixed (same seed each time), dropout is linear: finite differences are exact.
TEST(Dropout, GradientCheck) {
  const Index units = 8, batch = 3;
  Rng data_rng(2);
  Matrix x = random_matrix(units, batch, data_rng);
  const Matrix r = random_matrix(units, batch, data_rng);
  Dropout drop(units, 0.5f, batch);
  Matrix y(units, batch), dx(units, batch);
  const auto loss = [&] {
    Rng rng(7);
    drop.forward_train(x, rng, y);
    return (r.cast<double>().array() * y.cast<double>().array()).sum();
  };
  loss();
  drop.backward(r, dx);
  const float eps = 1e-2f;
  for (Index i = 0; i < x.size(); ++i) {
    const float saved = x.data()[i];
    x.data()[i] = saved + eps;
    const double up = loss();
    x.data()[i] = saved - eps;
    const double down = loss();
    x.data()[i] = saved;
    EXPECT_NEAR(dx.data()[i], (up - down) / (2.0 * eps), 1e-4) << i;
  }
}

TEST(Dropout, RateZeroKeepsEverything) {
  Dropout drop(5, 0.0f, 2);
  Rng data_rng(3), rng(4);
  const Matrix x = random_matrix(5, 2, data_rng);
  Matrix y(5, 2);
  drop.forward_train(x, rng, y);
  EXPECT_TRUE(y == x);
}

// --- the book CNN's conv stack, composed the way Network will ---

// 28×28×1 → Conv 32 3×3 same relu → pool → Conv 64 3×3 same relu → pool → 7·7·64 = 3136 (the
// Flatten is the buffer itself), then Dropout as after Dense(100). Buffers are owned by the caller.
struct BookStack {
  Conv2D c1{conv_shape(28, 28, 1, 32, 3, Padding::kSame, true)};
  MaxPool2D p1{Pool2DShape{28, 28, 32}};
  Conv2D c2{conv_shape(14, 14, 32, 64, 3, Padding::kSame, true)};
  MaxPool2D p2{Pool2DShape{14, 14, 64}};
  Dropout drop{100, 0.4f, 32};
  Vector params, grads;
  Index w1 = 0, b1, w2, b2;
  Matrix a1, a2, a3, a4, head, d4, d3, d2, d1;

  explicit BookStack(Index batch) {
    b1 = w1 + c1.shape().weight_count();
    w2 = b1 + c1.shape().filters;
    b2 = w2 + c2.shape().weight_count();
    params.resize(b2 + c2.shape().filters);
    grads.resize(params.size());
    Rng rng(42);
    c1.init_glorot(rng, params.data() + w1, params.data() + b1);
    c2.init_glorot(rng, params.data() + w2, params.data() + b2);
    a1.resize(28 * 28 * 32, batch);
    a2.resize(14 * 14 * 32, batch);
    a3.resize(14 * 14 * 64, batch);
    a4.resize(7 * 7 * 64, batch);
    head.resize(100, batch);
    d4.resize(a4.rows(), batch);
    d3.resize(a3.rows(), batch);
    d2.resize(a2.rows(), batch);
    d1.resize(a1.rows(), batch);
  }
  // x: 784×B. Forward, then backward of a given dL/d(flatten) (d4 is overwritten).
  void step(const Eigen::Ref<const Matrix>& x, const Eigen::Ref<const Matrix>& dflat, Rng& rng) {
    const Index b = x.cols();
    c1.forward(x, params.data() + w1, params.data() + b1, a1.leftCols(b));
    p1.forward(a1.leftCols(b), a2.leftCols(b));
    c2.forward(a2.leftCols(b), params.data() + w2, params.data() + b2, a3.leftCols(b));
    p2.forward(a3.leftCols(b), a4.leftCols(b));
    drop.forward_train(head.leftCols(b), rng, head.leftCols(b));
    drop.backward(head.leftCols(b), head.leftCols(b));
    d4.leftCols(b) = dflat;
    p2.backward(a3.leftCols(b), d4.leftCols(b), d3.leftCols(b));
    c2.backward(a2.leftCols(b), a3.leftCols(b), d3.leftCols(b), params.data() + w2,
                grads.data() + w2, grads.data() + b2, d2.leftCols(b));
    p1.backward(a1.leftCols(b), d2.leftCols(b), d1.leftCols(b));
    c1.backward(x, a1.leftCols(b), d1.leftCols(b), params.data() + w1, grads.data() + w1,
                grads.data() + b1);
  }
};

// test_support.h's counter: FM_COUNT_MALLOC in its older form, REQUIRE_MALLOC_COUNTER() since it
// also counts under AddressSanitizer; this test compiles against either.
#if defined(FM_COUNT_MALLOC) || defined(REQUIRE_MALLOC_COUNTER)
TEST(CnnLayers, NoHeapAllocationAfterConstruction) {
#ifdef REQUIRE_MALLOC_COUNTER
  REQUIRE_MALLOC_COUNTER();
#endif
  BookStack stack(32);
  Rng rng(5);
  const Matrix x = random_matrix(784, 32, rng, 0.0f, 1.0f);
  const Matrix dflat = random_matrix(3136, 32, rng);
  stack.head.setOnes();
  // The counter itself must see Eigen's allocations, or a zero below would prove nothing.
  g_mallocs = 0;
  g_counting = true;
  Matrix control(64, 64);
  g_counting = false;
  ASSERT_GT(g_mallocs, 0);
  control.setZero();

  g_mallocs = 0;
  g_counting = true;
  for (int step = 0; step < 3; ++step) {
    const Index b = step == 2 ? 17 : 32;  // a short last batch as well
    stack.step(x.leftCols(b), dflat.leftCols(b), rng);
  }
  g_counting = false;
  EXPECT_EQ(g_mallocs, 0);
  EXPECT_TRUE(stack.grads.allFinite());
}
#endif

// Throughput of the book CNN's conv stack, forward + backward, batch 32. Reported, not asserted
// (tests/bench/conv_bench.cpp times it properly); the assertion is only that it runs and is finite.
TEST(CnnLayers, BookStackThroughputReported) {
  const Index batch = 32;
  BookStack stack(batch);
  Rng rng(6);
  const Matrix x = random_matrix(784, batch, rng, 0.0f, 1.0f);
  const Matrix dflat = random_matrix(3136, batch, rng) / 32.0f;
  stack.head.setOnes();
  const int steps = 3;
  const auto t0 = std::chrono::steady_clock::now();
  for (int s = 0; s < steps; ++s) stack.step(x, dflat, rng);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() / steps;
  const double flops =
      2.0 * batch * (2.0 * stack.c1.shape().macs() + 3.0 * stack.c2.shape().macs());
  const double gflops = flops / seconds * 1e-9;
  std::printf("book conv stack, batch 32: %.2f ms per step, %.1f GFLOP/s\n", seconds * 1e3, gflops);
  ::testing::Test::RecordProperty("gflops", std::to_string(gflops));
  EXPECT_TRUE(stack.grads.allFinite());
}

}  // namespace
}  // namespace fm
