// Attribution (core/attribution.h): the logit's input gradient against finite differences
// (Dense and CNN), the softmax's exact formula, and completeness of integrated gradients for
// random ReLU networks (Σ contributions within 2 % of logit(x) − logit(baseline)).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "core/attribution.h"
#include "core/network.h"
#include "core/rng.h"
#include "core/trainer.h"
#include "test_support.h"

namespace fm {
namespace {

std::vector<float> random_image(int n, Rng& rng) {
  std::vector<float> v(static_cast<size_t>(n));
  for (float& x : v) x = rng.uniform(0.0f, 1.0f);
  return v;
}

Network random_net(const Architecture& arch, uint64_t seed, Index batch) {
  Network net(arch, batch);
  Rng rng(seed);
  net.init_glorot(rng);
  // Non-zero biases, so that the logits are not homogeneous in the input.
  for (Index i = 0; i < net.params().size(); ++i) {
    if (net.params()[i] == 0.0f) net.params()[i] = rng.uniform(-0.2f, 0.2f);
  }
  return net;
}

float logit(Network& net, const std::vector<float>& x, int cls) {
  const Eigen::Map<const Matrix> col(x.data(), static_cast<Index>(x.size()), 1);
  net.forward(col);
  return net.logits()(cls, 0);
}

Architecture small_cnn() {
  Architecture a;
  a.inputs = 64;  // 8×8
  a.layers = {LayerSpec::conv(4, 3, Padding::kSame), LayerSpec::max_pool(),
              LayerSpec::conv(6, 3, Padding::kValid), LayerSpec::dense(12), LayerSpec::dropout(0.4f)};
  return a;
}

// d logit / d x by central differences, against logit_input_gradient on a batch of 3 columns.
void input_gradient_check(const Architecture& arch, uint64_t seed, double tolerance) {
  Network net = random_net(arch, seed, 3);
  Rng rng(seed + 1);
  Matrix x(arch.inputs, 3);
  for (Index j = 0; j < 3; ++j) {
    const std::vector<float> v = random_image(arch.inputs, rng);
    for (Index i = 0; i < arch.inputs; ++i) x(i, j) = v[static_cast<size_t>(i)];
  }
  const int cls = 4;
  net.forward(x);
  // ReLU and max-pool kinks: a difference that straddles one is off; accept the one-sided
  // difference on the smooth side there (as test_network's CNN check does), and count them.
  Matrix dx;
  net.logit_input_gradient(x, cls, &dx);
  ASSERT_EQ(dx.rows(), arch.inputs);
  ASSERT_EQ(dx.cols(), 3);
  Network probe = random_net(arch, seed, 1);
  int checked = 0, nonzero = 0, kinks = 0;
  for (Index j = 0; j < 3; ++j) {
    for (Index i = 0; i < arch.inputs; ++i) {
      std::vector<float> up(x.col(j).data(), x.col(j).data() + arch.inputs), down = up;
      const float eps = 1e-2f;
      up[static_cast<size_t>(i)] += eps;
      down[static_cast<size_t>(i)] -= eps;
      const double hi = logit(probe, up, cls), lo = logit(probe, down, cls);
      const double mid = logit(probe, std::vector<float>(x.col(j).data(), x.col(j).data() + arch.inputs), cls);
      const double numeric = (hi - lo) / (2 * eps);
      const double right = (hi - mid) / eps, left = (mid - lo) / eps;
      const double error = std::min({std::abs(dx(i, j) - numeric), std::abs(dx(i, j) - right),
                                     std::abs(dx(i, j) - left)});
      EXPECT_LE(error, tolerance + 2e-2 * std::abs(numeric)) << "input " << i << ", column " << j;
      if (std::abs(dx(i, j) - numeric) > tolerance + 2e-2 * std::abs(numeric)) ++kinks;
      ++checked;
      if (std::abs(dx(i, j)) > 1e-6) ++nonzero;
    }
  }
  EXPECT_GT(nonzero, checked / 2) << "the gradient hardly reaches the input: the check means little";
  EXPECT_LE(kinks, checked / 10) << "too many inputs off the central difference";
}

TEST(Attribution, InputGradientSoftmaxIsTheWeightRow) {
  const Architecture arch = Architecture::dense(20, {});
  Network net = random_net(arch, 3, 2);
  Matrix x = Matrix::Random(20, 2);
  net.forward(x);
  Matrix dx;
  net.logit_input_gradient(x, 7, &dx);
  for (Index j = 0; j < 2; ++j) {
    for (Index i = 0; i < 20; ++i) EXPECT_FLOAT_EQ(dx(i, j), net.weights(0)(7, i));
  }
}

TEST(Attribution, InputGradientSigmoidMlp) {
  input_gradient_check(Architecture::dense(12, {9, 7}, Activation::kSigmoid), 11, 2e-3);
}

TEST(Attribution, InputGradientReluMlp) {
  input_gradient_check(Architecture::dense(12, {16}, Activation::kRelu), 12, 5e-3);
}

TEST(Attribution, InputGradientCnn) { input_gradient_check(small_cnn(), 13, 5e-3); }

TEST(Attribution, SoftmaxIsExactlyWeightsTimesDifference) {
  const Architecture arch = Architecture::dense(196, {});
  Network net = random_net(arch, 5, 1);
  Rng rng(6);
  const std::vector<float> x = random_image(196, rng), mean = random_image(196, rng);
  Attributor attributor(arch);
  std::vector<float> out(196);
  const Attribution a = attributor.attribute(net.params(), x.data(), mean.data(), 2, out.data());
  EXPECT_EQ(a.steps, 0);
  for (int i = 0; i < 196; ++i) {
    EXPECT_FLOAT_EQ(out[static_cast<size_t>(i)], net.weights(0)(2, i) * (x[static_cast<size_t>(i)] - mean[static_cast<size_t>(i)]));
  }
  EXPECT_NEAR(a.sum, logit(net, x, 2) - logit(net, mean, 2), 1e-3);
  EXPECT_NEAR(a.sum, a.logit_gap, 1e-3);
}

// Completeness of integrated gradients on random ReLU networks, every class.
void completeness(const Architecture& arch, uint64_t seed) {
  Network net = random_net(arch, seed, 1);
  Rng rng(seed + 100);
  net.params() *= 3.0f;  // logits that differ by a logit or more, as a trained model's do
  Attributor attributor(arch);
  std::vector<float> out(static_cast<size_t>(arch.inputs));
  int checked = 0;
  for (int trial = 0; trial < 5; ++trial) {
    const std::vector<float> x = random_image(arch.inputs, rng), mean = random_image(arch.inputs, rng);
    for (int cls = 0; cls < 10; ++cls) {
      const Attribution a = attributor.attribute(net.params(), x.data(), mean.data(), cls, out.data());
      const double gap = static_cast<double>(logit(net, x, cls)) - logit(net, mean, cls);
      EXPECT_NEAR(a.logit_gap, gap, 1e-4);
      EXPECT_GE(a.steps, kAttributionSteps);
      // Within 2 % of the gap, or a hundredth of a logit when the gap itself is that small.
      EXPECT_NEAR(a.sum, gap, std::max(0.02 * std::abs(gap), kAttributionSlack))
          << "class " << cls << ", steps " << a.steps;
      if (std::abs(gap) >= 0.5) ++checked;
    }
  }
  EXPECT_GE(checked, 25) << "too few sizeable gaps: the check means little";
}

TEST(Attribution, IntegratedGradientsCompleteMlp) { completeness(Architecture::dense(49, {30, 20}), 21); }

TEST(Attribution, IntegratedGradientsCompleteCnn) { completeness(small_cnn(), 22); }

// The training gradients are what they were: logit_input_gradient then backward gives backward's
// gradients alone (no state carried over).
TEST(Attribution, BackwardUnchangedAfterInputGradient) {
  const Architecture arch = small_cnn();
  Network a = random_net(arch, 31, 4), b = random_net(arch, 31, 4);
  Matrix x = Matrix::Random(64, 4).cwiseAbs();
  const uint8_t labels[4] = {1, 5, 9, 0};
  a.forward(x);
  a.backward(x, labels);
  Matrix dx;
  b.forward(x);
  b.logit_input_gradient(x, 3, &dx);
  b.forward(x);
  b.backward(x, labels);
  for (Index i = 0; i < a.grads().size(); ++i) ASSERT_EQ(a.grads()[i], b.grads()[i]) << i;
}

// Trained models on real test images, the map of the top class against the mean training image,
// as the page draws it: within 2 % of the gap (the bound), and the worst case printed.
void completeness_on_real_data(ModelKind kind, const std::vector<int>& hidden) {
  REQUIRE_REAL_DATA(data);
  TrainConfig c;
  c.model = kind;
  c.hidden = hidden;
  c.optimizer.kind = OptimizerKind::kAdam;
  c.epochs = 1;
  Trainer t;
  ASSERT_TRUE(t.start(*data, c));
  t.fit();
  const Index n = data->pixels();
  std::vector<float> mean(static_cast<size_t>(n), 0.0f), x(static_cast<size_t>(n)), out(static_cast<size_t>(n));
  for (Index i = 0; i < data->train_count(); ++i) {
    for (Index p = 0; p < n; ++p) mean[static_cast<size_t>(p)] += data->train_image(i)[p] / 255.0f;
  }
  for (float& v : mean) v /= static_cast<float>(data->train_count());
  Attributor attributor(t.network().arch());
  Network probe(t.network().arch(), 1);
  probe.params() = t.network().params();
  double worst = 0;
  int most_steps = 0;
  for (Index k = 0; k < 40; ++k) {
    for (Index p = 0; p < n; ++p) x[static_cast<size_t>(p)] = data->test_image(k)[p] / 255.0f;
    std::vector<float> probs(kNumClasses);
    probe.predict(x.data(), probs.data());
    const int top = static_cast<int>(std::max_element(probs.begin(), probs.end()) - probs.begin());
    const Attribution a = attributor.attribute(t.network().params(), x.data(), mean.data(), top, out.data());
    EXPECT_NEAR(a.sum, a.logit_gap, 0.02 * std::abs(a.logit_gap)) << "test image " << k;
    worst = std::max(worst, std::abs(a.sum - a.logit_gap) / std::abs(a.logit_gap));
    most_steps = std::max(most_steps, a.steps);
  }
  ::testing::Test::RecordProperty("worst_relative_gap", std::to_string(worst));
  std::printf("%s: worst |sum − gap| / |gap| %.4f, at most %d steps\n", model_kind_name(kind), worst, most_steps);
}

TEST(Attribution, CompleteOnRealDataMlp) { completeness_on_real_data(ModelKind::kMlp, {100}); }

TEST(Attribution, CompleteOnRealDataCnnSmall) { completeness_on_real_data(ModelKind::kCnnSmall, {}); }

}  // namespace
}  // namespace fm
