// Network tests: parameter layout and Glorot init, hand-computed forward passes, finite-difference
// gradient checks (relu, sigmoid, softmax only), huge logits, and no heap use in the hot path.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <vector>

#include "core/network.h"
#include "core/optimizer.h"
#include "core/rng.h"
#include "test_support.h"


namespace fm {
namespace {

Architecture make_arch(int inputs, std::vector<int> hidden, Activation act, int outputs) {
  Architecture a;
  a.inputs = inputs;
  a.hidden = std::move(hidden);
  a.hidden_activation = act;
  a.outputs = outputs;
  return a;
}

TEST(Network, ParamCount) {
  EXPECT_EQ(make_arch(196, {}, Activation::kRelu, 10).param_count(), 196 * 10 + 10);
  EXPECT_EQ(make_arch(784, {100}, Activation::kRelu, 10).param_count(),
            784 * 100 + 100 + 100 * 10 + 10);
  EXPECT_EQ(make_arch(6, {5, 4}, Activation::kSigmoid, 10).param_count(),
            6 * 5 + 5 + 5 * 4 + 4 + 4 * 10 + 10);
}

TEST(Network, GlorotInitInParamsOrder) {
  const Architecture arch = make_arch(6, {5}, Activation::kRelu, 10);
  Network net(arch, 4);
  Rng rng(7);
  net.init_glorot(rng);
  ASSERT_EQ(net.params().size(), arch.param_count());
  // Layer 0: W 5×6 (30 values drawn first, column-major), then b (5 zeros); then layer 1.
  Rng replay(7);
  const float l0 = std::sqrt(6.0f / 11.0f), l1 = std::sqrt(6.0f / 15.0f);
  for (int i = 0; i < 30; ++i) EXPECT_EQ(net.params()[i], replay.uniform(-l0, l0)) << i;
  for (int i = 30; i < 35; ++i) EXPECT_EQ(net.params()[i], 0.0f);
  for (int i = 35; i < 85; ++i) EXPECT_EQ(net.params()[i], replay.uniform(-l1, l1)) << i;
  for (int i = 85; i < 95; ++i) EXPECT_EQ(net.params()[i], 0.0f);
  // weights()/bias() view the same buffer: W(r, c) = params[offset + c·rows + r].
  EXPECT_EQ(net.weights(0)(2, 3), net.params()[3 * 5 + 2]);
  EXPECT_EQ(net.weights(1)(9, 4), net.params()[35 + 4 * 10 + 9]);
  EXPECT_EQ(net.bias(1).size(), 10);
  EXPECT_TRUE(net.all_finite());
}

// Softmax only, 2 inputs → 3 classes. W = [[1, 0], [0, 1], [1, 1]], b = (0, 0, −1).
// x1 = (1, 2): z = (1, 2, 2); p = (e, e², e²)/(e + 2e²) = (0.1553624, 0.4223188, 0.4223188);
//   label 1: loss = −ln 0.4223188 = 0.8619948; argmax = 1 (first of the tie) → correct.
// x2 = (0, 0): z = (0, 0, −1); p = (0.4223188, 0.4223188, 0.1553624);
//   label 2: loss = −ln 0.1553624 = 1.8619948; argmax = 0 → wrong.
TEST(Network, HandComputedSoftmaxForward) {
  Network net(make_arch(2, {}, Activation::kRelu, 3), 2);
  net.params() << 1, 0, 1, 0, 1, 1, 0, 0, -1;  // W column-major, then b
  Matrix x(2, 2);
  x << 1, 0, 2, 0;
  const uint8_t labels[2] = {1, 2};
  net.forward(x);
  const Eigen::Block<const Matrix> p = net.probs();
  ASSERT_EQ(p.rows(), 3);
  ASSERT_EQ(p.cols(), 2);
  const double expected[2][3] = {{0.1553624035, 0.4223187983, 0.4223187983},
                                 {0.4223187983, 0.4223187983, 0.1553624035}};
  for (int j = 0; j < 2; ++j) {
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(p(i, j), expected[j][i], 1e-6) << i << "," << j;
  }
  int correct = -1;
  EXPECT_NEAR(net.loss_sum(labels, &correct), 0.8619948041 + 1.8619948041, 1e-5);
  EXPECT_EQ(correct, 1);

  float single[3];
  const float x1[2] = {1, 2};
  net.predict(x1, single);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(single[i], expected[0][i], 1e-6);
}

// One relu hidden layer, 2 → 2 → 2. W1 = [[1, −1], [2, 0]], b1 = (0, −1); W2 = [[1, 1], [0, −1]],
// b2 = (0.5, 0). x = (1, 2): W1x + b1 = (−1, 1) → relu (0, 1); z = (0 + 1 + 0.5, −1) = (1.5, −1);
// p0 = 1/(1 + e^−2.5) = 0.9241418; label 0: loss = ln(1 + e^−2.5) = 0.0788897.
TEST(Network, HandComputedReluForward) {
  Network net(make_arch(2, {2}, Activation::kRelu, 2), 1);
  net.params() << 1, 2, -1, 0, 0, -1,  // W1 column-major, b1
      1, 0, 1, -1, 0.5f, 0;            // W2 column-major, b2
  Matrix x(2, 1);
  x << 1, 2;
  net.forward(x);
  EXPECT_NEAR(net.probs()(0, 0), 0.9241418200, 1e-6);
  EXPECT_NEAR(net.probs()(1, 0), 0.0758581800, 1e-6);
  const uint8_t label = 0;
  EXPECT_NEAR(net.loss_sum(&label, nullptr), 0.0788897343, 1e-6);
  // Sigmoid instead: h = σ(−1, 1) = (0.2689414, 0.7310586); z = (0.2689414 + 0.7310586 + 0.5,
  // −0.7310586) = (1.5, −0.7310586); p0 = 1/(1 + e^−2.2310586) = 0.9029838.
  Network sig(make_arch(2, {2}, Activation::kSigmoid, 2), 1);
  sig.params() = net.params();
  sig.forward(x);
  EXPECT_NEAR(sig.probs()(0, 0), 1.0 / (1.0 + std::exp(-2.2310585786)), 1e-6);
}

// Finite differences of the mean loss against backward(), every parameter. Float forward, so
// central differences with eps = 1e-3 carry ~1e-4 absolute noise: we require
// |analytic − numeric| ≤ 3e-4 + 1e-2·|numeric| (1 % relative plus a noise floor; the worst
// seen is 4e-5).
void gradient_check(const Architecture& arch, uint64_t seed) {
  constexpr int kBatch = 3;
  Network net(arch, kBatch);
  Rng rng(seed);
  net.init_glorot(rng);
  // Non-zero biases so that they matter too.
  for (Index i = 0; i < net.params().size(); ++i) {
    if (net.params()[i] == 0.0f) net.params()[i] = rng.uniform(-0.5f, 0.5f);
  }
  Matrix x(arch.inputs, kBatch);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0.0f, 1.0f);
  uint8_t labels[kBatch];
  for (uint8_t& l : labels) l = static_cast<uint8_t>(rng.below(arch.outputs));

  net.forward(x);
  net.backward(x, labels);
  const Vector analytic = net.grads();
  const auto mean_loss = [&]() {
    net.forward(x);
    return net.loss_sum(labels, nullptr) / kBatch;
  };
  const float eps = 1e-3f;
  double worst = 0;
  for (Index i = 0; i < net.params().size(); ++i) {
    const float saved = net.params()[i];
    net.params()[i] = saved + eps;
    const double up = mean_loss();
    net.params()[i] = saved - eps;
    const double down = mean_loss();
    net.params()[i] = saved;
    const double numeric = (up - down) / (2.0 * eps);
    const double error = std::abs(analytic[i] - numeric);
    EXPECT_LE(error, 3e-4 + 1e-2 * std::abs(numeric))
        << "param " << i << ": analytic " << analytic[i] << ", numeric " << numeric;
    worst = std::max(worst, error);
  }
  ::testing::Test::RecordProperty("worst_abs_error", std::to_string(worst));
}

TEST(Network, GradientCheckSoftmaxOnly) {
  gradient_check(make_arch(6, {}, Activation::kRelu, 10), 1);
}

TEST(Network, GradientCheckRelu) { gradient_check(make_arch(6, {5, 4}, Activation::kRelu, 10), 2); }

TEST(Network, GradientCheckSigmoid) {
  gradient_check(make_arch(6, {5, 4}, Activation::kSigmoid, 10), 3);
}

// A backward() that forgets the 1/B or the label would be caught above; this one checks the
// gradient of a whole batch is the mean of the per-sample gradients.
TEST(Network, BatchGradientIsMeanOfSamples) {
  const Architecture arch = make_arch(6, {5}, Activation::kRelu, 10);
  Network net(arch, 2);
  Rng rng(11);
  net.init_glorot(rng);
  Matrix x(6, 2);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0.0f, 1.0f);
  const uint8_t labels[2] = {3, 8};
  net.forward(x);
  net.backward(x, labels);
  const Vector both = net.grads();
  Vector sum = Vector::Zero(both.size());
  for (int j = 0; j < 2; ++j) {
    const Matrix xj = x.col(j);
    net.forward(xj);
    net.backward(xj, &labels[j]);
    sum += net.grads();
  }
  EXPECT_LE((both - sum / 2).cwiseAbs().maxCoeff(), 1e-6f);
}

// Logits of ±1e4 overflow a naive exp: the loss must stay finite (≈ 1e4) and the gradient must
// push the wrong class down and the right class up.
TEST(Network, HugeLogitStaysFinite) {
  Network net(make_arch(2, {}, Activation::kRelu, 3), 1);
  net.params() << 0, 0, 0, 0, 0, 0, 0, 0, 1e4f;  // W = 0, b = (0, 0, 1e4)
  Matrix x(2, 1);
  x << 0.5f, 0.5f;
  const uint8_t label = 0;
  net.forward(x);
  int correct = -1;
  const double loss = net.loss_sum(&label, &correct);
  ASSERT_TRUE(std::isfinite(loss));
  EXPECT_NEAR(loss, 1e4, 1e-2);
  EXPECT_EQ(correct, 0);
  EXPECT_TRUE(net.probs().allFinite());
  net.backward(x, &label);
  ASSERT_TRUE(net.grads().allFinite());
  const Index b = 6;                      // bias offset
  EXPECT_LT(net.grads()[b + 0], -0.99f);  // p − 1 ≈ −1: raise the label's logit
  EXPECT_GT(net.grads()[b + 2], 0.99f);   // p − 0 ≈ 1: lower the runaway logit
  EXPECT_NEAR(net.grads()[b + 1], 0.0f, 1e-6f);

  Matrix logits(3, 2);
  logits << 1e4f, -1e4f, 0, 0, -1e4f, 1e4f;
  const uint8_t labels[2] = {1, 2};
  // Column 0: logsumexp ≈ 1e4, label logit 0 → 1e4. Column 1: label holds the max → ≈ 0.
  EXPECT_NEAR(softmax_cross_entropy(logits, labels), (1e4 + 0) / 2, 1e-2);
}

TEST(Network, GrowsForLargerBatch) {
  const Architecture arch = make_arch(6, {5}, Activation::kSigmoid, 10);
  Network small(arch, 2), large(arch, 8);
  Rng r1(5), r2(5);
  small.init_glorot(r1);
  large.init_glorot(r2);
  Matrix x(6, 8);
  Rng rng(9);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0.0f, 1.0f);
  small.forward(x);  // grows
  large.forward(x);
  EXPECT_EQ(small.probs().cols(), 8);
  EXPECT_TRUE(small.probs().isApprox(large.probs()));
  small.forward(x.leftCols(3));  // and shrinks back to a 3-column view
  EXPECT_EQ(small.probs().cols(), 3);
}

TEST(Network, NoHeapAllocationInTrainingStep) {
  REQUIRE_MALLOC_COUNTER();
  const Architecture arch = make_arch(196, {32}, Activation::kRelu, 10);
  Network net(arch, 32);
  Rng rng(3);
  net.init_glorot(rng);
  Optimizer opt;
  OptimizerConfig config;
  config.kind = OptimizerKind::kAdam;
  opt.reset(config, arch.param_count());
  Matrix x(196, 32);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(0.0f, 1.0f);
  uint8_t labels[32];
  for (uint8_t& l : labels) l = static_cast<uint8_t>(rng.below(10));
  std::vector<double> losses;
  losses.reserve(5);
  EXPECT_EQ(count_mallocs([&] {
              for (int step = 0; step < 5; ++step) {
                const Index b = step == 4 ? 17 : 32;  // a short last batch as well
                net.forward(x.leftCols(b));
                int correct = 0;
                losses.push_back(net.loss_sum(labels, &correct));
                net.backward(x.leftCols(b), labels);
                opt.step(net.params(), net.grads());
              }
            }),
            0);
  for (double loss : losses) EXPECT_TRUE(std::isfinite(loss));
}

}  // namespace
}  // namespace fm
