// Linear SGD tests: sklearn's 'optimal' t0 and log-loss derivative, two updates worked by hand,
// a separable toy problem, sliced == blocking fits, and one cross-validation fold on real data.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/linear_sgd.h"
#include "tools/io/io.h"
#include "test_support.h"

namespace fm {
namespace {


// Class c lights pixel c (of side² ≥ 10) at 255; all other pixels are dim noise.
Dataset separable(int count, int side, uint64_t seed) {
  Dataset d;
  d.side = side;
  d.class_names = default_class_names();
  Rng rng(seed);
  for (int i = 0; i < count; ++i) {
    const uint8_t label = static_cast<uint8_t>(rng.below(kNumClasses));
    d.train_labels.push_back(label);
    for (int p = 0; p < side * side; ++p) {
      d.train_images.push_back(static_cast<uint8_t>(p == label ? 255 : rng.below(40)));
    }
  }
  return d;
}

std::vector<int32_t> all_indices(const Dataset& d) {
  std::vector<int32_t> v(static_cast<size_t>(d.train_count()));
  for (size_t i = 0; i < v.size(); ++i) v[i] = static_cast<int32_t>(i);
  return v;
}

// sklearn: typw = sqrt(1/sqrt(alpha)); eta0 = typw / max(1, dloss(−typw, 1)); t0 = 1/(eta0·alpha).
// alpha = 1e-4: typw = sqrt(1/0.01) = 10; dloss(−10, 1) = −1/(e^−10 + 1) ≈ −0.99995 < 1, so
//   eta0 = 10 and t0 = 1/(10·1e-4) = 1000: the first update uses eta = 1/(alpha·t0) = 10.
// alpha = 1e-2: typw = sqrt(10) = 3.1622777; eta0 = 3.1622777; t0 = 1/0.031622777 = 31.622777.
TEST(LinearSgd, OptimalT0MatchesSklearnFormula) {
  EXPECT_NEAR(sgd_optimal_t0(1e-4), 1000.0, 1e-9);
  EXPECT_NEAR(sgd_optimal_t0(1e-2), 31.6227766017, 1e-9);
}

TEST(LinearSgd, LogLossDerivativeWithSklearnCutoffs) {
  EXPECT_DOUBLE_EQ(log_loss_dloss(0.0, 1.0), -0.5);
  EXPECT_DOUBLE_EQ(log_loss_dloss(0.0, -1.0), 0.5);
  EXPECT_NEAR(log_loss_dloss(2.0, 1.0), -1.0 / (std::exp(2.0) + 1.0), 1e-15);  // −0.1192029
  EXPECT_DOUBLE_EQ(log_loss_dloss(20.0, 1.0), -std::exp(-20.0));  // z > 18: −y·e^−z
  EXPECT_DOUBLE_EQ(log_loss_dloss(-20.0, 1.0), -1.0);             // z < −18: −y
  EXPECT_DOUBLE_EQ(log_loss_dloss(20.0, -1.0), 1.0);
}

// Two copies of one image x = (255, 0, 51, 102)/255 = (1, 0, 0.2, 0.4), label 3, one epoch, so
// the shuffle cannot matter. For class 3 (y = +1), alpha = 1e-4, t0 = 1000:
//  t=1: p = 0; eta = 1/(1e-4·1000) = 10; dloss = −0.5; step = −eta·dloss = 5;
//       wscale = 1 − 10·1e-4 = 0.999; w_true = 5·x = (5, 0, 1, 2); b = 5.
//  t=2: p = 5·|x|² + 5 = 5·1.2 + 5 = 11; eta = 1/(1e-4·1001) = 9.99000999;
//       dloss = −1/(e^11 + 1) = −1.6701422e-5; step = 1.6684737e-4;
//       w_true = 5·x·(1 − 9.99000999e-4) + step·x = 4.9951718424·x; b = 5.0001668474.
// Every other class (y = −1) gets exactly the negated numbers.
TEST(LinearSgd, TwoUpdatesWorkedByHand) {
  Dataset d;
  d.side = 2;
  d.train_images = {255, 0, 51, 102, 255, 0, 51, 102};
  d.train_labels = {3, 3};
  LinearSgdConfig config;
  config.epochs = 1;
  OvrSgdClassifier model;
  model.fit(d, {0, 1}, config);
  ASSERT_TRUE(model.finished());
  const double x[4] = {1.0, 0.0, 0.2, 0.4};
  const double scale = 4.995171842376106, bias = 5.00016684737111;
  for (int c = 0; c < kNumClasses; ++c) {
    const double sign = c == 3 ? 1.0 : -1.0;
    for (int i = 0; i < 4; ++i) {
      EXPECT_NEAR(model.weights()(c, i), sign * scale * x[i], 1e-12) << "class " << c;
    }
    EXPECT_NEAR(model.bias()[c], sign * bias, 1e-12) << "class " << c;
  }
  EXPECT_EQ(model.predict(d.train_images.data()), 3);
}

// A reference fixture from an independent computation: scikit-learn 1.2.1,
//   X = [[(i·37 + p·101 + (i·p mod 7)·13) mod 256 for p in 0..8] for i in 0..59] / 255.0,
//   y = [(i·7 + 3) mod 10 for i in 0..59],
//   SGDClassifier(loss='log_loss', max_iter=5, random_state=42).fit(X, y).
// Same seed, same random streams, same arithmetic order: the results agree to the last bit (we
// allow 1e-12 relative). This pins the whole chain: seeds, shuffles, schedule, L2 scaling.
TEST(LinearSgd, MatchesScikitLearnOnAFixture) {
  Dataset d;
  d.side = 3;
  for (int i = 0; i < 60; ++i) {
    for (int p = 0; p < 9; ++p) {
      d.train_images.push_back(static_cast<uint8_t>((i * 37 + p * 101 + (i * p) % 7 * 13) % 256));
    }
    d.train_labels.push_back(static_cast<uint8_t>((i * 7 + 3) % 10));
  }
  OvrSgdClassifier model;
  model.fit(d, all_indices(d), LinearSgdConfig{});
  const double intercept[10] = {0.12934194487518375, -22.036874325274074, -5.8533321736412525,
                                -14.658705289820448, -9.103454149726684,  -4.701666095015739,
                                -10.999616321195282, -0.1682213332622946, -4.951647923059598,
                                8.654251165291218};
  const double coef3[9] = {-4.2803058986207905, 21.848048599131396,  -11.7460351073731,
                           -0.8056404112305245, -16.286321771266618, 7.9912645074732405,
                           -1.6682077196515583, -1.1713728757849957, -12.841909401330287};
  const double coef9[9] = {0.4039442600974658,  14.745168961985646, -5.284224646777713,
                           3.8269100317125604,  -3.947527263392025, -26.186648176462153,
                           -12.960875089559963, 15.327763203726615, 14.691919152413567};
  for (int c = 0; c < 10; ++c) {
    EXPECT_NEAR(model.bias()[c], intercept[c], 1e-12 * std::abs(intercept[c])) << "class " << c;
  }
  for (int i = 0; i < 9; ++i) {
    EXPECT_NEAR(model.weights()(3, i), coef3[i], 1e-12 * std::abs(coef3[i])) << i;
    EXPECT_NEAR(model.weights()(9, i), coef9[i], 1e-12 * std::abs(coef9[i])) << i;
  }
  EXPECT_NEAR(model.score(d, all_indices(d)), 8.0 / 60.0, 1e-12);  // sklearn: 0.1333…
}

TEST(LinearSgd, LearnsASeparableProblem) {
  const Dataset train = separable(300, 4, 1);
  const Dataset held_out = separable(200, 4, 2);
  OvrSgdClassifier model;
  model.fit(train, all_indices(train), LinearSgdConfig{});
  EXPECT_EQ(model.score(train, all_indices(train)), 1.0);
  EXPECT_GE(model.score(held_out, all_indices(held_out)), 0.99);
  EXPECT_EQ(model.progress(), 1.0);
}

TEST(LinearSgd, SlicedFitEqualsBlockingFit) {
  const Dataset data = separable(500, 14, 3);
  const std::vector<int32_t> indices = all_indices(data);
  LinearSgdConfig config;
  config.epochs = 2;
  OvrSgdClassifier blocking, sliced;
  blocking.fit(data, indices, config);
  sliced.begin(data, indices, config);
  Rng slices(5);
  double last_progress = 0;
  int calls = 0;
  while (!sliced.finished()) {
    sliced.run_samples(1 + slices.below(700));  // slice ends fall inside epochs and classes
    EXPECT_GE(sliced.progress(), last_progress);
    last_progress = sliced.progress();
    ++calls;
  }
  EXPECT_GT(calls, 20);
  EXPECT_EQ(sliced.weights(), blocking.weights());  // bitwise: same updates in the same order
  EXPECT_EQ(sliced.bias(), blocking.bias());
  // A different seed shuffles differently.
  config.seed = 7;
  OvrSgdClassifier other;
  other.fit(data, indices, config);
  EXPECT_NE(other.weights(), blocking.weights());
}

TEST(LinearSgd, CrossValidationRunsAllFolds) {
  const Dataset data = separable(600, 4, 4);
  CrossValidation cv;
  EXPECT_FALSE(cv.start(data, 1));
  EXPECT_FALSE(cv.start(data, 21));
  EXPECT_FALSE(cv.busy());
  ASSERT_TRUE(cv.start(data, 3));
  EXPECT_TRUE(cv.busy());
  EXPECT_TRUE(std::isnan(cv.mean()));
  while (cv.busy()) {
    cv.step(2000);
    EXPECT_GE(cv.fold_progress(), 0.0);
    EXPECT_LE(cv.fold_progress(), 1.0);
  }
  ASSERT_EQ(cv.fold_scores().size(), 3u);
  EXPECT_EQ(cv.current_fold(), 3);
  double sum = 0;
  for (double s : cv.fold_scores()) sum += s;
  EXPECT_DOUBLE_EQ(cv.mean(), sum / 3);
  EXPECT_GE(cv.mean(), 0.99);

  ASSERT_TRUE(cv.start(data, 3));
  cv.step(10);
  cv.cancel();
  EXPECT_FALSE(cv.busy());
  EXPECT_TRUE(std::isnan(cv.mean()));
}

// The first of the 5 stratified folds on all 60,000 real 14×14 images (48,000 fit / 12,000
// scored, ~1 s). scikit-learn 1.2.1 with random_state=42 on the same pixels scores 0.8297 on this
// fold, and so do we (the implementations agree bit for bit; see the fixture above). We allow
// ±0.004 so that a small change in the downsampling's rounding does not fail this test; the full
// 5-fold references (0.8196 at 28×28, 0.8291 at 14×14) are `make check-reference`.
TEST(LinearSgd, FirstCrossValidationFoldOnRealData) {
  REQUIRE_REAL_DATA(data);
  CrossValidation cv;
  ASSERT_TRUE(cv.start(*data, 5));
  while (cv.fold_scores().empty()) cv.step(200000);
  EXPECT_EQ(cv.current_fold(), 1);
  EXPECT_TRUE(cv.busy());
  EXPECT_NEAR(cv.fold_scores()[0], 0.8297, 0.004);
  cv.cancel();
}

}  // namespace
}  // namespace fm
