// Times the CNN layers on the two CNNs of tests/reference/README.md, batch 32: the book's
// (28×28×1 → Conv 32 3×3 same relu → pool → Conv 64 → pool → Dense 100 relu → Dropout 0.4 → Dense 10) and a small one for
// 14×14 sketches (Conv 16 → pool → Conv 32 → pool → Dense 64 → Dense 10). The conv stack forward +
// backward, part by part next to the bare products, then a whole training step with the Dense head
// and Adam, as seconds per epoch of 48,000. Built by tests/CMakeLists.txt (not a ctest):
//   cmake --build build/native --target conv_bench && build/native/tests/conv_bench [reps]
// In wasm (from the repo; NODE_PATH for emcc's JS optimizer):
//   NODE_PATH=/usr/share/nodejs em++ -O3 -msimd128 -std=c++17 -DEIGEN_NO_DEBUG -Isrc
//       -isystem /usr/include/eigen3 -sALLOW_MEMORY_GROWTH=1 tests/bench/conv_bench.cpp
//       src/core/{conv2d,pool2d,dropout,kernels,network,optimizer,status}.cpp -o /tmp/conv_bench.js
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
    std::printf("  %-38s %9.3f ms  %6.1f GFLOP/s\n", what, seconds * 1e3, flops / seconds * 1e-9);
  } else {
    std::printf("  %-38s %9.3f ms\n", what, seconds * 1e3);
  }
}

struct Cnn {
  const char* name;
  int side, filters1, filters2, dense;
  float dropout;  // 0: none
};

void bench(const Cnn& net, int reps) {
  const Index batch = 32;
  fm::Rng rng(42);
  fm::Conv2D c1(conv(net.side, 1, net.filters1));
  fm::MaxPool2D p1(fm::Pool2DShape{net.side, net.side, net.filters1});
  const int side2 = net.side / 2;
  fm::Conv2D c2(conv(side2, net.filters1, net.filters2));
  fm::MaxPool2D p2(fm::Pool2DShape{side2, side2, net.filters2});
  const fm::Conv2DShape& s1 = c1.shape();
  const fm::Conv2DShape& s2 = c2.shape();
  Vector w1(s1.weight_count()), b1(s1.filters), w2(s2.weight_count()), b2(s2.filters);
  c1.init_glorot(rng, w1.data(), b1.data());
  c2.init_glorot(rng, w2.data(), b2.data());
  Vector gw1 = w1, gb1 = b1, gw2 = w2, gb2 = b2;
  const Matrix x = random_matrix(s1.input_size(), batch, rng, 0.0f, 1.0f);
  Matrix a1(s1.output_size(), batch), a2(p1.shape().output_size(), batch);
  Matrix a3(s2.output_size(), batch), a4(p2.shape().output_size(), batch);
  const Matrix dflat = random_matrix(a4.rows(), batch, rng, -1e-3f, 1e-3f);
  Matrix d3(a3.rows(), batch), d2(a2.rows(), batch), d1(a1.rows(), batch);
  const Index flat = a4.rows();

  // FLOPs counted as 2·multiply-adds: conv1 forward + weight gradient (the input needs no
  // gradient), conv2 forward + weight gradient + input gradient.
  const double mac1 = static_cast<double>(s1.macs()) * batch;
  const double mac2 = static_cast<double>(s2.macs()) * batch;
  const double flops = 2.0 * (2.0 * mac1 + 3.0 * mac2);
  std::printf("\n=== %s, %d×%d, batch %lld: conv stack %.1f MFLOP per step (%.2f per sample) ===\n",
              net.name, net.side, net.side, static_cast<long long>(batch), flops * 1e-6,
              flops * 1e-6 / batch);

  // One step as Network will run it (dflat stands for the Dense head's gradient).
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
  std::printf("conv stack forward + backward: %.3f ms per step, %.1f GFLOP/s\n", t_step * 1e3,
              flops / t_step * 1e-9);

  std::printf("parts (each timed alone, best of %d):\n", reps);
  forward();
  const double t_c1f = time_it([&] { c1.forward(x, w1.data(), b1.data(), a1); }, 1, reps);
  const double t_p1f = time_it([&] { p1.forward(a1, a2); }, 1, reps);
  const double t_c2f = time_it([&] { c2.forward(a2, w2.data(), b2.data(), a3); }, 1, reps);
  const double t_p2f = time_it([&] { p2.forward(a3, a4); }, 1, reps);
  const double t_p2b = time_it([&] { p2.backward(a3, dflat, d3); }, 1, reps);
  const Matrix d3_saved = d3;  // backward overwrites its dy (the relu mask): restore it each time
  const double t_copy3 = time_it([&] { d3 = d3_saved; }, 1, reps);
  const double t_c2b = time_it(
      [&] {
        d3 = d3_saved;
        c2.backward(a2, a3, d3, w2.data(), gw2.data(), gb2.data(), d2);
      },
      1, reps);
  const double t_p1b = time_it([&] { p1.backward(a1, d2, d1); }, 1, reps);
  const Matrix d1_saved = d1;
  const double t_copy1 = time_it([&] { d1 = d1_saved; }, 1, reps);
  const double t_c1b = time_it(
      [&] {
        d1 = d1_saved;
        c1.backward(x, a1, d1, w1.data(), gw1.data(), gb1.data());
      },
      1, reps);
  row("conv1 forward (thin: no im2col)", t_c1f, 2 * mac1);
  row("pool1 forward", t_p1f, 0);
  row("conv2 forward", t_c2f, 2 * mac2);
  row("pool2 forward", t_p2f, 0);
  row("pool2 backward", t_p2b, 0);
  row("conv2 backward (dW, db, dX)", t_c2b - t_copy3, 4 * mac2);
  row("pool1 backward", t_p1b, 0);
  row("conv1 backward (dW, db; thin)", t_c1b - t_copy1, 2 * mac1);

  // conv2's bare products on the same shapes, one sample at a time as the layer calls them: the
  // difference to the layer is im2col, col2im, the relu mask, db and adding the samples' dW.
  const Index f2 = net.filters2;
  const Index k2 = s2.patch_size(), n2 = s2.positions();
  const Matrix cols2 = random_matrix(k2, n2, rng, 0, 1);
  const Matrix dz2 = random_matrix(f2, n2, rng, -1, 1), wt2 = random_matrix(k2, f2, rng, -1, 1);
  Matrix out2(f2, n2), dw2(f2, k2), dcols2(k2, n2);
  namespace K = fm::kernels;
  const auto per_sample = [&](const std::function<void()>& f) {
    return [&, f] {
      for (Index j = 0; j < batch; ++j) f();
    };
  };
  const double g_f = time_it(per_sample([&] {
                               K::gemm_nn(f2, n2, k2, w2.data(), f2, cols2.data(), k2, b2.data(),
                                          K::Epilogue::kRelu, out2.data(), f2);
                             }),
                             1, reps);
  const double g_w = time_it(
      per_sample([&] { K::gemm_nt(f2, k2, n2, dz2.data(), f2, cols2.data(), k2, dw2.data(), f2); }),
      1, reps);
  const double g_x = time_it(per_sample([&] {
                               K::gemm_nn(k2, n2, f2, wt2.data(), k2, dz2.data(), f2, nullptr,
                                          K::Epilogue::kNone, dcols2.data(), k2);
                             }),
                             1, reps);
  std::printf("conv2's products alone (kernels.h, per-sample calls × %lld):\n",
              static_cast<long long>(batch));
  char label[64];
  std::snprintf(label, sizeof label, "forward gemm_nn %lld×%lld×%lld", static_cast<long long>(f2),
                static_cast<long long>(n2), static_cast<long long>(k2));
  row(label, g_f, 2 * mac2);
  std::snprintf(label, sizeof label, "dW      gemm_nt %lld×%lld×%lld", static_cast<long long>(f2),
                static_cast<long long>(k2), static_cast<long long>(n2));
  row(label, g_w, 2 * mac2);
  std::snprintf(label, sizeof label, "dX      gemm_nn %lld×%lld×%lld", static_cast<long long>(k2),
                static_cast<long long>(n2), static_cast<long long>(f2));
  row(label, g_x, 2 * mac2);

  // The rest of a training step: Flatten (no-op) → Dense(dense, relu) → [Dropout] → Dense(10,
  // softmax) with loss and backward, its gradient into the flatten (Wᵀ·Δ, which Network skips for
  // its own input), and Adam over all the parameters.
  const fm::Architecture head_arch = fm::Architecture::dense(static_cast<int>(flat), {net.dense});
  fm::Network head(head_arch, batch);
  head.init_glorot(rng);
  std::vector<uint8_t> labels(static_cast<size_t>(batch));
  for (uint8_t& l : labels) l = static_cast<uint8_t>(rng.below(10));
  Matrix wt_head(flat, net.dense), dflat_out(flat, batch);
  const Matrix delta_head = random_matrix(net.dense, batch, rng, -1, 1);
  const Index all_params = head_arch.param_count() + s1.param_count() + s2.param_count();
  fm::OptimizerConfig adam_config;
  adam_config.kind = fm::OptimizerKind::kAdam;
  fm::Optimizer adam;
  adam.reset(adam_config, all_params);
  Vector params = Vector::Zero(all_params), grads = Vector::Constant(all_params, 1e-3f);
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
        K::transpose(net.dense, flat, head.weights(0).data(), net.dense, wt_head.data(), flat);
        K::gemm_nn(flat, batch, net.dense, wt_head.data(), flat, delta_head.data(), net.dense,
                   nullptr, K::Epilogue::kNone, dflat_out.data(), flat);
      },
      1, reps);
  double t_drop = 0;
  if (net.dropout > 0) {
    fm::Dropout dropout(net.dense, net.dropout, batch);
    Matrix h = random_matrix(net.dense, batch, rng, 0, 1);
    fm::Rng drop_rng(1);
    t_drop = time_it(
        [&] {
          dropout.forward_train(h, drop_rng, h);
          dropout.backward(h, h);
        },
        1, reps);
  }
  const double t_adam = time_it([&] { adam.step(params, grads); }, 1, reps);
  const double dense_macs = static_cast<double>(flat) * net.dense + net.dense * 10.0;
  const double head_flops = 2.0 * batch * (3.0 * dense_macs);  // forward, dW, dX
  std::printf("the rest of a step (%lld parameters in all):\n", static_cast<long long>(all_params));
  row("Dense head forward + backward + loss", t_head, 2.0 * batch * 2.0 * dense_macs);
  row("Dense gradient into the flatten", t_head_dx, 2.0 * batch * flat * net.dense);
  if (net.dropout > 0) row("Dropout forward + backward", t_drop, 0);
  row("Adam", t_adam, 0);
  const double t_all = t_step + t_head + t_head_dx + t_drop + t_adam;
  const double steps_per_epoch = 48000.0 / static_cast<double>(batch);
  std::printf(
      "whole step ≈ %.3f ms (%.1f GFLOP/s over %.1f MFLOP): about %.1f s per epoch of 48,000\n",
      t_all * 1e3, (flops + head_flops) / t_all * 1e-9, (flops + head_flops) * 1e-6,
      t_all * steps_per_epoch);

  // The same network as fm::Network runs it (the Trainer's step), and the canvas's one-sample
  // prediction: with a kept Predictor, and through Network::predict (a Predictor per call).
  fm::Architecture arch;
  arch.inputs = net.side * net.side;
  arch.layers = {fm::LayerSpec::conv(net.filters1, 3), fm::LayerSpec::max_pool(),
                 fm::LayerSpec::conv(net.filters2, 3), fm::LayerSpec::max_pool(),
                 fm::LayerSpec::dense(net.dense)};
  if (net.dropout > 0) arch.layers.push_back(fm::LayerSpec::dropout(net.dropout));
  fm::Network whole(arch, batch);
  whole.init_glorot(rng);
  fm::Optimizer whole_adam;
  whole_adam.reset(adam_config, arch.param_count());
  fm::Rng masks(3);
  const double t_net = time_it(
      [&] {
        whole.forward_train(x, masks);
        int correct = 0;
        whole.loss_sum(labels.data(), &correct);
        whole.backward(x, labels.data());
        whole_adam.step(whole.params(), whole.grads());
      },
      1, reps);
  std::printf("fm::Network training step: %.3f ms (%.1f GFLOP/s): about %.1f s per epoch\n",
              t_net * 1e3, (flops + head_flops) / t_net * 1e-9, t_net * steps_per_epoch);
  fm::Predictor predictor(arch);
  float probs[10];
  const double t_kept = time_it([&] { predictor.predict(whole.params(), x.data(), probs); }, 20, reps);
  const double t_call = time_it([&] { whole.predict(x.data(), probs); }, 20, reps);
  const double sample_flops = 2.0 * (static_cast<double>(s1.macs() + s2.macs()) + dense_macs);
  row("canvas: Predictor::predict, 1 sample", t_kept, sample_flops);
  row("canvas: Network::predict (new Predictor)", t_call, sample_flops);
}

}  // namespace

int main(int argc, char** argv) {
  const int reps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 7;
  bench(Cnn{"book CNN", 28, 32, 64, 100, 0.4f}, reps);
  bench(Cnn{"small CNN", 14, 16, 32, 64, 0.0f}, reps);
  return 0;
}
