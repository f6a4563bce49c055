// Micro-benchmark of src/core/kernels against Eigen on the layers' shapes, in one binary (native
// or wasm), plus a correctness sweep over odd shapes. Built ad hoc, not by CMake (from the repo):
//   g++ -O3 -std=c++17 -DEIGEN_NO_DEBUG -Isrc -isystem /usr/include/eigen3
//       tests/bench/kernel_bench.cpp src/core/kernels.cpp -o /tmp/kernel_bench
//   em++ -O3 -msimd128 -std=c++17 -DEIGEN_NO_DEBUG -sALLOW_MEMORY_GROWTH=1 -Isrc
//       -isystem /usr/include/eigen3 tests/bench/kernel_bench.cpp src/core/kernels.cpp
//       -o /tmp/kernel_bench.js && node --no-experimental-fetch /tmp/kernel_bench.js
// Add -DFM_TILES=3,4,2 (gemm_nn row vectors, columns; gemm_nt column vectors) to try tile sizes.
#include <Eigen/Core>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "core/kernels.h"

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;
using Clock = std::chrono::steady_clock;
namespace k = fm::kernels;

static uint32_t g_state = 12345;
static float rnd() {
  g_state = g_state * 1664525u + 1013904223u;
  return static_cast<float>(g_state >> 8) / 16777216.0f - 0.5f;
}
static Matrix random(int r, int c) {
  Matrix m(r, c);
  for (int i = 0; i < m.size(); ++i) m.data()[i] = rnd();
  return m;
}

// Median seconds per call over `reps` timings of `inner` calls each.
static double time_it(const std::function<void()>& f, int inner, int reps = 9) {
  std::vector<double> t;
  f();
  for (int r = 0; r < reps; ++r) {
    const auto t0 = Clock::now();
    for (int i = 0; i < inner; ++i) f();
    t.push_back(std::chrono::duration<double>(Clock::now() - t0).count() / inner);
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

static int failures = 0;
static void check(const char* what, const Matrix& got, const Matrix& want, float tol) {
  const float err = (got - want).cwiseAbs().maxCoeff();
  if (!(err <= tol)) {
    if (++failures <= 5) std::printf("FAIL %s %dx%d: max error %g\n", what, (int)got.rows(), (int)got.cols(), err);
  }
}

static void sweep() {
  // Odd shapes: every edge case of the blocking (m, n < 4, tails, shifted vectors).
  const int sizes[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 17, 25, 100};
  for (int m : sizes) {
    for (int n : sizes) {
      for (int kk : {1, 3, 8, 33}) {
        const Matrix a = random(m, kk), b = random(kk, n), bias = random(m, 1);
        Matrix c = Matrix::Constant(m, n, 7.0f);
        k::gemm_nn(m, n, kk, a.data(), m, b.data(), kk, bias.data(), k::Epilogue::kNone, c.data(), m);
        Matrix want = a * b;
        want.colwise() += bias.col(0);
        check("gemm_nn", c, want, 1e-5f);
        k::gemm_nn(m, n, kk, a.data(), m, b.data(), kk, nullptr, k::Epilogue::kRelu, c.data(), m);
        check("gemm_nn relu", c, (a * b).cwiseMax(0.0f), 1e-5f);
        const Matrix d = random(m, kk), x = random(n, kk);
        Matrix g = Matrix::Constant(m, n, 7.0f);
        k::gemm_nt(m, n, kk, d.data(), m, x.data(), n, g.data(), m);
        check("gemm_nt", g, d * x.transpose(), 1e-5f);
        Matrix t(kk, m);
        k::transpose(m, kk, a.data(), m, t.data(), kk);
        check("transpose", t, a.transpose(), 0.0f);
      }
    }
  }
  // bytes_to_unit must equal v/255.0f bit for bit, all 256 values, every alignment and tail.
  std::vector<unsigned char> bytes(256 + 19);
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(i * 7 % 256);
  for (int i = 0; i < 256; ++i) bytes[i] = static_cast<unsigned char>(i);
  std::vector<float> out(bytes.size());
  for (int off = 0; off < 16; ++off) {
    const int n = static_cast<int>(bytes.size()) - off;
    k::bytes_to_unit(bytes.data() + off, n, out.data());
    for (int i = 0; i < n; ++i) {
      const float want = static_cast<float>(bytes[off + i]) / 255.0f;
      if (std::memcmp(&want, &out[i], 4) != 0) {
        if (++failures <= 5) std::printf("FAIL bytes_to_unit %d\n", bytes[off + i]);
      }
    }
  }
  // exp_inplace against the double-precision exp, over the range softmax uses (and NaN).
  std::vector<float> xs;
  for (float x = -90.0f; x <= 88.0f; x += 0.0137f) xs.push_back(x);
  xs.push_back(std::nanf(""));
  std::vector<float> ex = xs;
  k::exp_inplace(ex.data(), static_cast<std::ptrdiff_t>(ex.size()));
  double worst = 0;
  for (size_t i = 0; i + 1 < xs.size(); ++i) {
    const double want = std::exp(static_cast<double>(xs[i]));
    if (want < 1e-37) continue;  // below float's normal range the kernel returns 0 or a tiny value
    worst = std::max(worst, std::abs(ex[i] - want) / want);
  }
  if (!(worst < 3e-7) || !std::isnan(ex.back())) {
    std::printf("FAIL exp_inplace: worst relative error %g, NaN -> %g\n", worst, ex.back());
    ++failures;
  }
  std::printf("exp_inplace worst relative error %.3g (float eps 1.19e-7)\n", worst);
  std::printf("correctness sweep: %s\n", failures ? "FAILED" : "ok");
}

using Vector = Eigen::Matrix<float, Eigen::Dynamic, 1>;
// The optimizer updates against the Eigen expressions they replace, timed. Bits match where Eigen
// takes its scalar path (wasm); natively Eigen's SSE sqrt is an approximation (EIGEN_FAST_MATH)
// and ours is exact, so there they differ in the last bit (test_kernels checks the formulas).
static void optimizers(int n) {
  Vector p = Vector::NullaryExpr(n, [] { return rnd(); }), g = Vector::NullaryExpr(n, [] { return rnd(); });
  Vector m = Vector::Zero(n), v = Vector::Zero(n), p2 = p, m2 = m, v2 = v;
  const float lr = 1e-3f, rho = 0.9f, b1 = 0.9f, b2 = 0.999f, eps = 1e-7f, lr_t = 3.1e-4f;
  auto eigen_rms = [&] {
    v.array() = rho * v.array() + (1.0f - rho) * g.array().square();
    p.array() -= lr * g.array() / (v.array().sqrt() + eps);
  };
  auto kern_rms = [&] { k::rmsprop_update(n, p2.data(), g.data(), v2.data(), lr, rho, eps); };
  for (int i = 0; i < 3; ++i) { eigen_rms(); kern_rms(); }
  bool same = std::memcmp(p.data(), p2.data(), 4 * n) == 0 && std::memcmp(v.data(), v2.data(), 4 * n) == 0;
  const double te = time_it(eigen_rms, 50), tk = time_it(kern_rms, 50);
  std::printf("%-22s %10.2f %10.2f %8s %8s %6.2fx  bits vs Eigen: %s\n", ("rmsprop n=" + std::to_string(n)).c_str(), te * 1e6, tk * 1e6, "", "", te / tk, same ? "same" : "differ");
  p2 = p; v.setZero(); v2.setZero();
  auto eigen_adam = [&] {
    m.array() = b1 * m.array() + (1.0f - b1) * g.array();
    v.array() = b2 * v.array() + (1.0f - b2) * g.array().square();
    p.array() -= lr_t * m.array() / (v.array().sqrt() + eps);
  };
  auto kern_adam = [&] { k::adam_update(n, p2.data(), g.data(), m2.data(), v2.data(), lr_t, b1, b2, eps); };
  for (int i = 0; i < 3; ++i) { eigen_adam(); kern_adam(); }
  same = std::memcmp(p.data(), p2.data(), 4 * n) == 0 && std::memcmp(m.data(), m2.data(), 4 * n) == 0;
  const double ta = time_it(eigen_adam, 50), tb = time_it(kern_adam, 50);
  std::printf("%-22s %10.2f %10.2f %8s %8s %6.2fx  bits vs Eigen: %s\n", ("adam n=" + std::to_string(n)).c_str(), ta * 1e6, tb * 1e6, "", "", ta / tb, same ? "same" : "differ");
}

int main() {
  sweep();
  struct Shape { int out, in, batch; };
  const Shape shapes[] = {{10, 196, 32}, {10, 784, 32}, {100, 784, 32}, {10, 100, 32}, {10, 784, 2000}};
  std::printf("%-22s %10s %10s %8s %8s %7s\n", "op (out×in×B)", "eigen us", "kernel us", "eigen GF", "kern GF", "speedup");
  for (const Shape& s : shapes) {
    const Matrix w = random(s.out, s.in), x = random(s.in, s.batch), bias = random(s.out, 1);
    const Matrix d = random(s.out, s.batch);
    Matrix z(s.out, s.batch), z2(s.out, s.batch), g(s.out, s.in), g2(s.out, s.in);
    Matrix dp(s.in, s.batch), dp2(s.in, s.batch), wt(s.in, s.out);
    const double flops = 2.0 * s.out * s.in * s.batch;
    const int inner = std::max(1, static_cast<int>(2e7 / flops));
    char name[64];
    auto row = [&](const char* op, double te, double tk) {
      std::snprintf(name, sizeof name, "%s %dx%dx%d", op, s.out, s.in, s.batch);
      std::printf("%-22s %10.2f %10.2f %8.2f %8.2f %6.2fx\n", name, te * 1e6, tk * 1e6, flops / te * 1e-9,
                  flops / tk * 1e-9, te / tk);
    };
    const double fe = time_it([&] { z.noalias() = w * x; z.colwise() += bias.col(0); }, inner);
    const double fk = time_it([&] {
      k::gemm_nn(s.out, s.batch, s.in, w.data(), s.out, x.data(), s.in, bias.data(), k::Epilogue::kNone, z2.data(), s.out);
    }, inner);
    check("fwd", z2, z, 1e-4f);
    row("W·X", fe, fk);
    const double ge = time_it([&] { g.noalias() = d * x.transpose(); }, inner);
    const double gk = time_it([&] { k::gemm_nt(s.out, s.in, s.batch, d.data(), s.out, x.data(), s.in, g2.data(), s.out); }, inner);
    check("grad", g2, g, 1e-4f);
    row("D·Xt", ge, gk);
    const double be = time_it([&] { dp.noalias() = w.transpose() * d; }, inner);
    const double bk = time_it([&] {
      k::transpose(s.out, s.in, w.data(), s.out, wt.data(), s.in);
      k::gemm_nn(s.in, s.batch, s.out, wt.data(), s.in, d.data(), s.out, nullptr, k::Epilogue::kNone, dp2.data(), s.in);
    }, inner);
    check("back", dp2, dp, 1e-4f);
    row("Wt·D", be, bk);
  }
  // Batch gather: table lookup (the old gather_batch) vs bytes_to_unit, 32 images of 784.
  std::vector<unsigned char> img(784 * 32);
  for (size_t i = 0; i < img.size(); ++i) img[i] = static_cast<unsigned char>(i * 31 % 256);
  static float table[256];
  for (int i = 0; i < 256; ++i) table[i] = static_cast<float>(i) / 255.0f;
  std::vector<float> out(img.size());
  const double te = time_it([&] { for (size_t i = 0; i < img.size(); ++i) out[i] = table[img[i]]; }, 200);
  const double tk = time_it([&] { k::bytes_to_unit(img.data(), static_cast<std::ptrdiff_t>(img.size()), out.data()); }, 200);
  std::printf("%-22s %10.2f %10.2f %8s %8s %6.2fx\n", "gather 784x32", te * 1e6, tk * 1e6, "", "", te / tk);
  optimizers(7850);
  optimizers(79510);
  return failures ? 1 : 0;
}
