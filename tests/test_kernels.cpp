// Kernel tests: the blocked products against a double-precision reference on every edge shape,
// results independent of the blocking (a sample's outputs do not depend on its batch), the byte
// conversion bit-exact for all 256 values, exp's accuracy, and the optimizer updates bit-exact
// against their scalar formulas.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "core/kernels.h"
#include "core/rng.h"
#include "core/types.h"

namespace fm {
namespace {

Matrix random_matrix(Index rows, Index cols, Rng& rng) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(-1.0f, 1.0f);
  return m;
}

// Reference in double: |float result − exact| stays below k·eps·Σ|terms|; 1e-5 covers k ≤ 100.
void expect_close(const Matrix& got, const Eigen::MatrixXd& want, const char* what) {
  ASSERT_EQ(got.rows(), want.rows());
  ASSERT_EQ(got.cols(), want.cols());
  for (Index j = 0; j < got.cols(); ++j) {
    for (Index i = 0; i < got.rows(); ++i) {
      ASSERT_NEAR(got(i, j), want(i, j), 1e-5) << what << " " << got.rows() << "×" << got.cols()
                                               << " at (" << i << ", " << j << ")";
    }
  }
}

const int kSizes[] = {1, 2, 3, 4, 5, 7, 8, 10, 12, 13, 17, 100};

TEST(Kernels, GemmNnMatchesReferenceOnAllEdgeShapes) {
  Rng rng(1);
  for (int m : kSizes) {
    for (int n : kSizes) {
      for (int k : {1, 6, 33}) {
        const Matrix a = random_matrix(m, k, rng), b = random_matrix(k, n, rng);
        const Matrix bias = random_matrix(m, 1, rng);
        // Leading dimensions larger than the rows, like the network's shared delta buffers.
        Matrix c = Matrix::Constant(m + 3, n, 7.0f);
        kernels::gemm_nn(m, n, k, a.data(), m, b.data(), k, bias.data(), kernels::Epilogue::kNone,
                         c.data(), m + 3);
        Eigen::MatrixXd want = a.cast<double>() * b.cast<double>();
        want.colwise() += bias.col(0).cast<double>();
        expect_close(c.topRows(m), want, "gemm_nn");
        EXPECT_TRUE((c.bottomRows(3).array() == 7.0f).all()) << "wrote past the rows";
        kernels::gemm_nn(m, n, k, a.data(), m, b.data(), k, nullptr, kernels::Epilogue::kRelu,
                         c.data(), m + 3);
        expect_close(c.topRows(m), (a.cast<double>() * b.cast<double>()).cwiseMax(0.0),
                     "gemm_nn relu");
      }
    }
  }
}

TEST(Kernels, GemmNtMatchesReferenceOnAllEdgeShapes) {
  Rng rng(2);
  for (int m : kSizes) {
    for (int n : kSizes) {
      for (int k : {1, 6, 33}) {
        const Matrix a = random_matrix(m, k, rng), b = random_matrix(n, k, rng);
        Matrix c = Matrix::Constant(m + 2, n, 7.0f);
        kernels::gemm_nt(m, n, k, a.data(), m, b.data(), n, c.data(), m + 2);
        expect_close(c.topRows(m), a.cast<double>() * b.cast<double>().transpose(), "gemm_nt");
        EXPECT_TRUE((c.bottomRows(2).array() == 7.0f).all()) << "wrote past the rows";
      }
    }
  }
}

TEST(Kernels, TransposeIsExact) {
  Rng rng(3);
  const Matrix a = random_matrix(10, 7, rng);
  Matrix t(7, 10);
  kernels::transpose(10, 7, a.data(), 10, t.data(), 7);
  EXPECT_TRUE(t == a.transpose());
}

// Each output is summed in a fixed order, so the same sample gives the same bits whatever batch
// (and therefore whatever tile, edge or shifted vector) it lands in.
TEST(Kernels, ResultsDoNotDependOnTheBlocking) {
  Rng rng(4);
  const int m = 10, k = 50;
  const Matrix a = random_matrix(m, k, rng), b = random_matrix(k, 9, rng);
  const Matrix bias = random_matrix(m, 1, rng);
  Matrix all(m, 9);
  kernels::gemm_nn(m, 9, k, a.data(), m, b.data(), k, bias.data(), kernels::Epilogue::kNone,
                   all.data(), m);
  for (int j = 0; j < 9; ++j) {
    Matrix one(m, 1);
    kernels::gemm_nn(m, 1, k, a.data(), m, b.data() + j * k, k, bias.data(),
                     kernels::Epilogue::kNone, one.data(), m);
    EXPECT_EQ(std::memcmp(one.data(), all.col(j).data(), sizeof(float) * m), 0) << "column " << j;
  }
  // gemm_nt: rows 0..9 of a 10-row product equal the same rows computed as part of 7 + 3.
  const Matrix d = random_matrix(m, 32, rng), x = random_matrix(13, 32, rng);
  Matrix g(m, 13), top(7, 13), rest(3, 13);
  kernels::gemm_nt(m, 13, 32, d.data(), m, x.data(), 13, g.data(), m);
  kernels::gemm_nt(7, 13, 32, d.data(), m, x.data(), 13, top.data(), 7);
  kernels::gemm_nt(3, 13, 32, d.data() + 7, m, x.data(), 13, rest.data(), 3);
  EXPECT_TRUE(g.topRows(7) == top);
  EXPECT_TRUE(g.bottomRows(3) == rest);
}

TEST(Kernels, BytesToUnitIsExactlyTheDivision) {
  std::vector<unsigned char> bytes(256 + 21);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 37 % 256);
  for (int v = 0; v < 256; ++v) bytes[v] = static_cast<unsigned char>(v);
  std::vector<float> out(bytes.size());
  for (int offset = 0; offset < 16; ++offset) {  // every alignment and tail length
    const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(bytes.size()) - offset;
    kernels::bytes_to_unit(bytes.data() + offset, n, out.data());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
      const float want = static_cast<float>(bytes[offset + i]) / 255.0f;
      ASSERT_EQ(std::memcmp(&want, &out[i], sizeof want), 0) << "byte " << int(bytes[offset + i]);
    }
  }
}

TEST(Kernels, ExpIsAccurateAndKeepsNaN) {
  std::vector<float> x;
  for (float v = -87.0f; v <= 88.0f; v += 0.0173f) x.push_back(v);
  x.push_back(0.0f);
  std::vector<float> e = x;
  kernels::exp_inplace(e.data(), static_cast<std::ptrdiff_t>(e.size()));
  for (size_t i = 0; i < x.size(); ++i) {
    const double want = std::exp(static_cast<double>(x[i]));
    ASSERT_LE(std::abs(e[i] - want), 2.5e-7 * want) << "exp(" << x[i] << ")";
  }
  EXPECT_EQ(e.back(), 1.0f);
  float special[5] = {-1e4f, -INFINITY, std::nanf(""), 1.0f, -100.0f};
  kernels::exp_inplace(special, 5);
  EXPECT_EQ(special[0], 0.0f);
  EXPECT_EQ(special[1], 0.0f);
  EXPECT_TRUE(std::isnan(special[2]));
  EXPECT_NEAR(special[3], 2.718281828f, 1e-6f);
  EXPECT_EQ(special[4], 0.0f);  // below −88.4: zero rather than a subnormal
}

TEST(Kernels, OptimizerUpdatesEqualTheScalarFormulas) {
  Rng rng(5);
  const int n = 23;  // vectors and a scalar tail
  std::vector<float> p(n), g(n), m(n), v(n);
  for (int i = 0; i < n; ++i) {
    p[i] = rng.uniform(-1, 1);
    g[i] = rng.uniform(-1, 1);
    m[i] = rng.uniform(-0.1f, 0.1f);
    v[i] = rng.uniform(0, 0.1f);
  }
  std::vector<float> p2 = p, m2 = m, v2 = v;
  const float lr = 1e-3f, rho = 0.9f, eps = 1e-7f;
  kernels::rmsprop_update(n, p2.data(), g.data(), v2.data(), lr, rho, eps);
  for (int i = 0; i < n; ++i) {
    const float vi = rho * v[i] + (1.0f - rho) * (g[i] * g[i]);
    const float pi = p[i] - (lr * g[i]) / (std::sqrt(vi) + eps);
    EXPECT_EQ(v2[i], vi) << i;
    EXPECT_EQ(p2[i], pi) << i;
  }
  p2 = p;
  v2 = v;
  const float lr_t = 3e-4f, b1 = 0.9f, b2 = 0.999f;
  kernels::adam_update(n, p2.data(), g.data(), m2.data(), v2.data(), lr_t, b1, b2, eps);
  for (int i = 0; i < n; ++i) {
    const float mi = b1 * m[i] + (1.0f - b1) * g[i];
    const float vi = b2 * v[i] + (1.0f - b2) * (g[i] * g[i]);
    EXPECT_EQ(m2[i], mi) << i;
    EXPECT_EQ(v2[i], vi) << i;
    EXPECT_EQ(p2[i], p[i] - (lr_t * mi) / (std::sqrt(vi) + eps)) << i;
  }
}

}  // namespace
}  // namespace fm
