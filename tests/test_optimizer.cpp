// Optimizer tests: three steps of each update rule against arithmetic done by hand (tf.keras 2
// formulas), the ε placement, state reset, and the name round trip.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/optimizer.h"

namespace fm {
namespace {

// Every case starts at p0 = (1, −2) and sees the gradients g1 = (0.5, −1), g2 = (0.25, 0.5),
// g3 = (−1, 2). Expected values were worked out step by step (written below) in double; the
// optimizer runs in float, so we allow 2e-6 absolute (≈ 10 float ulps at these magnitudes).
constexpr float kTol = 2e-6f;

struct Trajectory {
  std::vector<Vector> params;  // after steps 1, 2, 3
};

Trajectory run(const OptimizerConfig& config) {
  Optimizer opt;
  Vector p(2);
  p << 1.0f, -2.0f;
  opt.reset(config, 2);
  const float grads[3][2] = {{0.5f, -1.0f}, {0.25f, 0.5f}, {-1.0f, 2.0f}};
  Trajectory result;
  for (const auto& g : grads) {
    Vector grad(2);
    grad << g[0], g[1];
    opt.step(p, grad);
    result.params.push_back(p);
  }
  EXPECT_EQ(opt.steps(), 3);
  return result;
}

void expect_params(const Trajectory& r, const double expected[3][2]) {
  for (int s = 0; s < 3; ++s) {
    for (int i = 0; i < 2; ++i) {
      EXPECT_NEAR(r.params[s][i], expected[s][i], kTol) << "step " << s + 1 << ", param " << i;
    }
  }
}

TEST(Optimizer, PlainSgd) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kSgd;
  c.lr = 0.1f;
  // p −= 0.1·g:  p1 = (1 − 0.05, −2 + 0.1) = (0.95, −1.9)
  //              p2 = (0.95 − 0.025, −1.9 − 0.05) = (0.925, −1.95)
  //              p3 = (0.925 + 0.1, −1.95 − 0.2) = (1.025, −2.15)
  const double expected[3][2] = {{0.95, -1.9}, {0.925, -1.95}, {1.025, -2.15}};
  expect_params(run(c), expected);
}

TEST(Optimizer, SgdMomentum) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kSgd;
  c.lr = 0.1f;
  c.momentum = 0.9f;
  // v = 0.9·v − 0.1·g; p += v
  // v1 = (−0.05, 0.1)                               p1 = (0.95, −1.9)
  // v2 = (−0.045 − 0.025, 0.09 − 0.05) = (−0.07, 0.04)   p2 = (0.88, −1.86)
  // v3 = (−0.063 + 0.1, 0.036 − 0.2) = (0.037, −0.164)   p3 = (0.917, −2.024)
  const double expected[3][2] = {{0.95, -1.9}, {0.88, -1.86}, {0.917, -2.024}};
  expect_params(run(c), expected);
}

TEST(Optimizer, SgdNesterov) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kSgd;
  c.lr = 0.1f;
  c.momentum = 0.9f;
  c.nesterov = true;
  // Same v as above; p += 0.9·v − 0.1·g
  // p1 = (1 − 0.045 − 0.05, −2 + 0.09 + 0.1)          = (0.905, −1.81)
  // p2 = (0.905 − 0.063 − 0.025, −1.81 + 0.036 − 0.05) = (0.817, −1.824)
  // p3 = (0.817 + 0.0333 + 0.1, −1.824 − 0.1476 − 0.2) = (0.9503, −2.1716)
  const double expected[3][2] = {{0.905, -1.81}, {0.817, -1.824}, {0.9503, -2.1716}};
  expect_params(run(c), expected);
}

TEST(Optimizer, Rmsprop) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kRmsprop;
  c.lr = 0.01f;
  c.rho = 0.9f;
  c.epsilon = 0.01f;  // large on purpose: ε outside vs inside the root differ by ~1e-3 here
  // s = 0.9·s + 0.1·g²; p −= 0.01·g / (√s + 0.01)
  // s1 = (0.025, 0.1):  p1 = (1 − 0.005/(0.158114 + 0.01), −2 + 0.01/(0.316228 + 0.01))
  //                        = (0.9702583, −1.9693466)
  // s2 = (0.0225 + 0.00625, 0.09 + 0.025) = (0.02875, 0.115):
  //     p2 = (p1 − 0.0025/(0.169558 + 0.01), p1 − 0.005/(0.339116 + 0.01))
  //        = (0.9563352, −1.9836684)
  // s3 = (0.025875 + 0.1, 0.1035 + 0.4) = (0.125875, 0.5035):
  //     p3 = (p2 + 0.01/(0.354789 + 0.01), p2 − 0.02/(0.709577 + 0.01)) = (0.9837483, −2.0114625)
  const double expected[3][2] = {
      {0.9702582564, -1.9693465700}, {0.9563351980, -1.9836684368}, {0.9837483301, -2.0114625305}};
  expect_params(run(c), expected);
}

TEST(Optimizer, Adam) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kAdam;
  c.lr = 0.01f;
  c.beta1 = 0.9f;
  c.beta2 = 0.999f;
  c.epsilon = 0.01f;  // large on purpose, to pin ε outside the root and not bias-corrected
  // m = 0.9·m + 0.1·g; v = 0.999·v + 0.001·g²; lr_t = 0.01·√(1 − 0.999^t)/(1 − 0.9^t);
  // p −= lr_t·m/(√v + 0.01)
  // t=1: m = (0.05, −0.1), v = (0.00025, 0.001), lr_t = 0.0031623
  //      p1 = (1 − 0.0031623·0.05/(0.0158114 + 0.01), −2 + 0.0031623·0.1/(0.0316228 + 0.01))
  //         = (0.9938743, −1.9924025)
  // t=2: m = (0.07, −0.04), v = (0.00031225, 0.001249), lr_t = 0.0023532
  //      p2 = (0.9879213, −1.9903266)
  // t=3: m = (−0.037, 0.164), v = (0.00131194, 0.00524775), lr_t = 0.0020201
  //      p3 = (0.9895384, −1.9943451)
  const double expected[3][2] = {
      {0.9938742589, -1.9924025307}, {0.9879213079, -1.9903265667}, {0.9895384178, -1.9943451487}};
  expect_params(run(c), expected);
}

TEST(Optimizer, ResetClearsState) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kAdam;
  c.lr = 0.01f;
  const Trajectory first = run(c);
  // run() resets a fresh optimizer; a reused one must behave the same after reset().
  Optimizer opt;
  opt.reset(c, 2);
  Vector p(2), g(2);
  p << 5.0f, 5.0f;
  g << 3.0f, -3.0f;
  for (int i = 0; i < 4; ++i) opt.step(p, g);
  opt.reset(c, 2);
  EXPECT_EQ(opt.steps(), 0);
  p << 1.0f, -2.0f;
  g << 0.5f, -1.0f;
  opt.step(p, g);
  EXPECT_EQ(p[0], first.params[0][0]);
  EXPECT_EQ(p[1], first.params[0][1]);
}

TEST(Optimizer, SetLrAppliesToNextStep) {
  OptimizerConfig c;
  c.kind = OptimizerKind::kSgd;
  c.lr = 0.1f;
  Optimizer opt;
  opt.reset(c, 1);
  Vector p(1), g(1);
  p << 1.0f;
  g << 1.0f;
  opt.step(p, g);  // 1 − 0.1
  opt.set_lr(0.5f);
  opt.step(p, g);  // 0.9 − 0.5
  EXPECT_NEAR(p[0], 0.4f, 1e-6f);
  EXPECT_EQ(opt.config().lr, 0.5f);
}

TEST(Optimizer, NamesRoundTrip) {
  for (OptimizerKind kind : {OptimizerKind::kSgd, OptimizerKind::kRmsprop, OptimizerKind::kAdam}) {
    OptimizerKind parsed = OptimizerKind::kSgd;
    ASSERT_TRUE(parse_optimizer(optimizer_name(kind), &parsed)) << optimizer_name(kind);
    EXPECT_EQ(parsed, kind);
  }
  OptimizerKind parsed = OptimizerKind::kSgd;
  EXPECT_TRUE(parse_optimizer("Adam", &parsed));
  EXPECT_EQ(parsed, OptimizerKind::kAdam);
  EXPECT_FALSE(parse_optimizer("adagrad", &parsed));
  EXPECT_FALSE(parse_optimizer("", &parsed));
  EXPECT_STREQ(optimizer_name(OptimizerKind::kRmsprop), "rmsprop");
}

}  // namespace
}  // namespace fm
