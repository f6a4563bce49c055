// Times the book CNN's conv stack (28×28×1 → Conv 32 3×3 same relu → pool → Conv 64 3×3 same relu
// → pool, batch 32), forward + backward, part by part next to the bare products, and estimates a
// whole training epoch with the Dense head and Adam. Built by tests/CMakeLists.txt (not a ctest):
//   cmake --build build/native --target conv_bench && build/native/tests/conv_bench [reps]
// In wasm (from the repo; NODE_PATH for emcc's JS optimizer):
//   NODE_PATH=/usr/share/nodejs em++ -O3 -msimd128 -std=c++17 -DEIGEN_NO_DEBUG -Isrc
//       -isystem /usr/include/eigen3 -sALLOW_MEMORY_GROWTH=1 tests/bench/conv_bench.cpp
//       src/core/{conv2d,pool2d,dropout,kernels,network,optimizer}.cpp -o /tmp/conv_bench.js
//   node --no-experimental-fetch /tmp/conv_bench.js
// Figures only; nothing passes or fails on a time.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <vector>

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

#include "core/conv2d.h"
#include "core/dropout.h"
#include "core/kernels.h"
#include "core/network.h"
#include "core/optimizer.h"
#include "core/pool2d.h"
#include "core/rng.h"

namespace {

using fm::Index;
using fm::Matrix;
using fm::Vector;

// The machine may be shared, so a call is timed in this thread's CPU time (time spent preempted
// does not count) and the best of `reps` timings of `inner` calls is kept (after one warm-up call).
// (In wasm under node: the process's CPU time, as node reports it.)
double thread_seconds() {
#ifdef __EMSCRIPTEN__
  return EM_ASM_DOUBLE({
    const u = process.cpuUsage();
    return (u.user + u.system) * 1e-6;
  });
#else
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
#endif
}

double time_it(const std::function<void()>& f, int inner, int reps) {
  f();
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    const double t0 = thread_seconds();
    for (int i = 0; i < inner; ++i) f();
    best = std::min(best, (thread_seconds() - t0) / inner);
  }
  return best;
}

Matrix random_matrix(Index rows, Index cols, fm::Rng& rng, float lo, float hi) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = rng.uniform(lo, hi);
  return m;
}

fm::Conv2DShape conv(int side, int channels, int filters) {
  fm::Conv2DShape s;
  s.height = s.width = side;
  s.channels = channels;
  s.filters = filters;
  return s;  // 3×3, same, relu
}

void row(const char* what, double seconds, double flops) {
  if (flops > 0) {
    std::printf("  %-34s %9.3f ms  %6.1f GFLOP/s\n", what, seconds * 1e3, flops / seconds * 1e-9);
  } else {
    std::printf("  %-34s %9.3f ms\n", what, seconds * 1e3);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  const Index batch = 32;
  fm::Rng rng(42);
  fm::Conv2D c1(conv(28, 1, 32)), c2(conv(14, 32, 64));
  fm::MaxPool2D p1(fm::Pool2DShape{28, 28, 32}), p2(fm::Pool2DShape{14, 14, 64});
  const fm::Conv2DShape& s1 = c1.shape();
  const fm::Conv2DShape& s2 = c2.shape();
  Vector w1(s1.weight_count()), b1(s1.filters), w2(s2.weight_count()), b2(s2.filters);
  c1.init_glorot(rng, w1.data(), b1.data());
  c2.init_glorot(rng, w2.data(), b2.data());
  Vector gw1 = w1, gb1 = b1, gw2 = w2, gb2 = b2;
  const Matrix x = random_matrix(784, batch, rng, 0.0f, 1.0f);
  Matrix a1(s1.output_size(), batch), a2(p1.shape().output_size(), batch);
  Matrix a3(s2.output_size(), batch), a4(p2.shape().output_size(), batch);
  const Matrix dflat = random_matrix(a4.rows(), batch, rng, -1e-3f, 1e-3f);
  Matrix d4 = dflat, d3(a3.rows(), batch), d2(a2.rows(), batch), d1(a1.rows(), batch);

  // FLOPs counted as 2·multiply-adds: conv1 forward + weight gradient (the input needs no
  // gradient), conv2 forward + weight gradient + input gradient.
  const double mac1 = static_cast<double>(s1.macs()) * batch;
  const double mac2 = static_cast<double>(s2.macs()) * batch;
  const double flops = 2.0 * (2.0 * mac1 + 3.0 * mac2);
  std::printf("book CNN conv stack, batch %lld: %.1f MFLOP per step (%.2f MFLOP per sample)\n",
              static_cast<long long>(batch), flops * 1e-6, flops * 1e-6 / batch);

  // One step as Network will run it. d3/d1 are overwritten by the relu mask: refill d4 only.
  const auto forward = [&] {
    c1.forward(x, w1.data(), b1.data(), a1);
    p1.forward(a1, a2);
    c2.forward(a2, w2.data(), b2.data(), a3);
    p2.forward(a3, a4);
  };
  const auto backward = [&] {
    p2.backward(a3, dflat, d3);
    c2.backward(a2, a3, d3, w2.data(), gw2.data(), gb2.data(), d2);
    p1.backward(a1, d2, d1);
    c1.backward(x, a1, d1, w1.data(), gw1.data(), gb1.data());
  };
  const double t_step = time_it(
      [&] {
        forward();
        backward();
      },
      1, reps);
  std::printf("\nforward + backward: %.2f ms per step, %.1f GFLOP/s\n", t_step * 1e3,
              flops / t_step * 1e-9);

  std::printf("\nparts (each timed alone, best of %d):\n", reps);
  forward();
  const double t_c1f = time_it([&] { c1.forward(x, w1.data(), b1.data(), a1); }, 1, reps);
  const double t_p1f = time_it([&] { p1.forward(a1, a2); }, 1, reps);
  const double t_c2f = time_it([&] { c2.forward(a2, w2.data(), b2.data(), a3); }, 1, reps);
  const double t_p2f = time_it([&] { p2.forward(a3, a4); }, 1, reps);
  const double t_p2b = time_it([&] { p2.backward(a3, dflat, d3); }, 1, reps);
  Matrix d3_saved = d3;
  const double t_c2b = time_it(
      [&] {
        d3 = d3_saved;
        c2.backward(a2, a3, d3, w2.data(), gw2.data(), gb2.data(), d2);
      },
      1, reps);
  const double t_copy3 = time_it([&] { d3 = d3_saved; }, 1, reps);
  const double t_p1b = time_it([&] { p1.backward(a1, d2, d1); }, 1, reps);
  Matrix d1_saved = d1;
  const double t_c1b = time_it(
      [&] {
        d1 = d1_saved;
        c1.backward(x, a1, d1, w1.data(), gw1.data(), gb1.data());
      },
      1, reps);
  const double t_copy1 = time_it([&] { d1 = d1_saved; }, 1, reps);
  row("conv1 forward", t_c1f, 2 * mac1);
  row("pool1 forward", t_p1f, 0);
  row("conv2 forward", t_c2f, 2 * mac2);
  row("pool2 forward", t_p2f, 0);
  row("pool2 backward", t_p2b, 0);
  row("conv2 backward (dW, db, dX)", t_c2b - t_copy3, 4 * mac2);
  row("pool1 backward", t_p1b, 0);
  row("conv1 backward (dW, db)", t_c1b - t_copy1, 2 * mac1);

  // The bare products on the same shapes, one sample at a time as the layers call them.
  std::printf("\nthe products alone (kernels.h, per-sample calls × %lld):\n",
              static_cast<long long>(batch));
  const Index k1 = s1.patch_size(), n1 = s1.positions(), k2 = s2.patch_size(), n2 = s2.positions();
  const Matrix cols1 = random_matrix(k1, n1, rng, 0, 1), cols2 = random_matrix(k2, n2, rng, 0, 1);
  const Matrix dz1 = random_matrix(32, n1, rng, -1, 1), dz2 = random_matrix(64, n2, rng, -1, 1);
  const Matrix wt2 = random_matrix(k2, 64, rng, -1, 1);
  Matrix out1(32, n1), out2(64, n2), dw1(32, k1), dw2(64, k2), dcols2(k2, n2);
  namespace K = fm::kernels;
  const auto per_batch = [&](const std::function<void()>& f) {
    return [&, f] {
      for (Index j = 0; j < batch; ++j) f();
    };
  };
  const double g_c1f = time_it(per_batch([&] {
                                 K::gemm_nn(32, n1, k1, w1.data(), 32, cols1.data(), k1, b1.data(),
                                            K::Epilogue::kRelu, out1.data(), 32);
                               }),
                               1, reps);
  const double g_c1w = time_it(
      per_batch([&] { K::gemm_nt(32, k1, n1, dz1.data(), 32, cols1.data(), k1, dw1.data(), 32); }),
      1, reps);
  const double g_c2f = time_it(per_batch([&] {
                                 K::gemm_nn(64, n2, k2, w2.data(), 64, cols2.data(), k2, b2.data(),
                                            K::Epilogue::kRelu, out2.data(), 64);
                               }),
                               1, reps);
  const double g_c2w = time_it(
      per_batch([&] { K::gemm_nt(64, k2, n2, dz2.data(), 64, cols2.data(), k2, dw2.data(), 64); }),
      1, reps);
  const double g_c2x = time_it(per_batch([&] {
                                 K::gemm_nn(k2, n2, 64, wt2.data(), k2, dz2.data(), 64, nullptr,
                                            K::Epilogue::kNone, dcols2.data(), k2);
                               }),
                               1, reps);
  row("conv1 forward  gemm_nn 32×784×9", g_c1f, 2 * mac1);
  row("conv1 dW       gemm_nt 32×9×784", g_c1w, 2 * mac1);
  row("conv2 forward  gemm_nn 64×196×288", g_c2f, 2 * mac2);
  row("conv2 dW       gemm_nt 64×288×196", g_c2w, 2 * mac2);
  row("conv2 dX       gemm_nn 288×196×64", g_c2x, 2 * mac2);
  const double gemm_total = g_c1f + g_c1w + g_c2f + g_c2w + g_c2x;
  row("products total", gemm_total, flops);

  // The rest of a training step of the book CNN: Flatten (no-op) → Dense(100, relu) → Dropout(0.4)
  // → Dense(10, softmax), its gradient into the flatten (Wᵀ·Δ, which Network skips for its own
  // input), and Adam over all the parameters.
  fm::Architecture head_arch;
  head_arch.inputs = static_cast<int>(a4.rows());
  head_arch.hidden = {100};
  head_arch.outputs = 10;
  fm::Network head(head_arch, batch);
  head.init_glorot(rng);
  fm::Dropout dropout(100, 0.4f, batch);
  Matrix h = random_matrix(100, batch, rng, 0, 1);
  std::vector<uint8_t> labels(static_cast<size_t>(batch));
  for (uint8_t& l : labels) l = static_cast<uint8_t>(rng.below(10));
  Matrix wt_head(a4.rows(), 100), dflat_out(a4.rows(), batch);
  const Matrix delta_head = random_matrix(100, batch, rng, -1, 1);
  const Index all_params = head_arch.param_count() + s1.param_count() + s2.param_count();
  fm::OptimizerConfig adam_config;
  adam_config.kind = fm::OptimizerKind::kAdam;
  fm::Optimizer adam;
  adam.reset(adam_config, all_params);
  Vector params = Vector::Zero(all_params), grads = Vector::Constant(all_params, 1e-3f);
  fm::Rng drop_rng(1);
  const double t_head = time_it(
      [&] {
        head.forward(a4);
        int correct = 0;
        head.loss_sum(labels.data(), &correct);
        head.backward(a4, labels.data());
      },
      1, reps);
  const double t_head_dx = time_it(
      [&] {
        K::transpose(100, a4.rows(), head.weights(0).data(), 100, wt_head.data(), a4.rows());
        K::gemm_nn(a4.rows(), batch, 100, wt_head.data(), a4.rows(), delta_head.data(), 100,
                   nullptr, K::Epilogue::kNone, dflat_out.data(), a4.rows());
      },
      1, reps);
  const double t_drop = time_it(
      [&] {
        dropout.forward_train(h, drop_rng, h);
        dropout.backward(h, h);
      },
      1, reps);
  const double t_adam = time_it([&] { adam.step(params, grads); }, 1, reps);
  const double head_flops = 2.0 * batch * (3.0 * 3136 * 100 + 2.0 * 100 * 10);
  std::printf("\nthe rest of a book-CNN step (%lld parameters):\n",
              static_cast<long long>(all_params));
  row("Dense 3136→100→10 fwd + bwd + loss", t_head, 2.0 * batch * 2.0 * (3136 * 100 + 100 * 10));
  row("Dense gradient into the flatten", t_head_dx, 2.0 * batch * 3136 * 100);
  row("Dropout(0.4) forward + backward", t_drop, 0);
  row("Adam", t_adam, 0);
  const double t_all = t_step + t_head + t_head_dx + t_drop + t_adam;
  const double steps_per_epoch = 48000.0 / static_cast<double>(batch);
  std::printf(
      "\nwhole step ≈ %.2f ms (%.1f GFLOP/s over %.1f MFLOP): about %.0f s per epoch of 48,000\n",
      t_all * 1e3, (flops + head_flops) / t_all * 1e-9, (flops + head_flops) * 1e-6,
      t_all * steps_per_epoch);
  return 0;
}
