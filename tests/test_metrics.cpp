// Tests of metrics.cpp by hand: confusion matrix totals and accuracies, the hardest-examples
// list (capacity, order, deterministic ties), and argmax.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/metrics.h"

namespace fm {
namespace {

TEST(ConfusionMatrix, CountsAndAccuracies) {
  ConfusionMatrix m;
  m.add(0, 0);
  m.add(0, 0);
  m.add(0, 6);  // a T-shirt taken for a shirt
  m.add(6, 6);
  m.add(6, 0);
  m.add(9, 9);
  EXPECT_EQ(m.total(), 6);
  EXPECT_EQ(m.at(0, 0), 2);
  EXPECT_EQ(m.at(0, 6), 1);
  EXPECT_EQ(m.at(6, 0), 1);
  EXPECT_DOUBLE_EQ(m.accuracy(), 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(m.class_accuracy(0), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(m.class_accuracy(6), 0.5);
  EXPECT_DOUBLE_EQ(m.class_accuracy(9), 1.0);
  EXPECT_TRUE(std::isnan(m.class_accuracy(3)));  // no samples of class 3
}

TEST(ConfusionMatrix, EmptyAndClear) {
  ConfusionMatrix m;
  EXPECT_EQ(m.total(), 0);
  EXPECT_TRUE(std::isnan(m.accuracy()));
  m.add(1, 2);
  EXPECT_DOUBLE_EQ(m.accuracy(), 0.0);
  m.clear();
  EXPECT_EQ(m.total(), 0);
  EXPECT_TRUE(std::isnan(m.accuracy()));
}

Mistake mistake(int32_t index, float confidence) {
  Mistake m;
  m.index = index;
  m.label = 1;
  m.predicted = 2;
  m.confidence = confidence;
  return m;
}

TEST(HardestExamples, KeepsTheMostConfidentSorted) {
  HardestExamples h(3);
  for (const auto& [index, conf] : std::vector<std::pair<int, float>>{
           {0, 0.5f}, {1, 0.9f}, {2, 0.1f}, {3, 0.7f}, {4, 0.95f}, {5, 0.6f}}) {
    h.offer(mistake(index, conf));
  }
  ASSERT_EQ(h.items().size(), 3u);
  EXPECT_EQ(h.items()[0].index, 4);
  EXPECT_EQ(h.items()[1].index, 1);
  EXPECT_EQ(h.items()[2].index, 3);
  EXPECT_EQ(h.items()[0].label, 1);
  EXPECT_EQ(h.items()[0].predicted, 2);
  EXPECT_FLOAT_EQ(h.items()[2].confidence, 0.7f);
}

TEST(HardestExamples, TiesGoToTheLowerIndex) {
  HardestExamples h(2);
  h.offer(mistake(9, 0.8f));
  h.offer(mistake(3, 0.8f));
  h.offer(mistake(5, 0.8f));
  h.offer(mistake(1, 0.8f));
  ASSERT_EQ(h.items().size(), 2u);
  EXPECT_EQ(h.items()[0].index, 1);
  EXPECT_EQ(h.items()[1].index, 3);
}

TEST(HardestExamples, ClearZeroCapacityAndNan) {
  HardestExamples h(2);
  h.offer(mistake(0, std::numeric_limits<float>::quiet_NaN()));
  EXPECT_TRUE(h.items().empty());
  h.offer(mistake(1, 0.3f));
  EXPECT_EQ(h.items().size(), 1u);
  h.clear();
  EXPECT_TRUE(h.items().empty());
  HardestExamples none(0);
  none.offer(mistake(1, 0.9f));
  EXPECT_TRUE(none.items().empty());
}

TEST(Argmax, FirstMaximum) {
  const float a[] = {0.1f, 0.7f, 0.2f, 0.7f};
  EXPECT_EQ(argmax(a, 4), 1);
  const float b[] = {3.0f};
  EXPECT_EQ(argmax(b, 1), 0);
  const float c[] = {-5.0f, -1.0f, -3.0f};
  EXPECT_EQ(argmax(c, 3), 1);
  const float d[] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 1e-9f};
  EXPECT_EQ(argmax(d, 10), 9);
}

}  // namespace
}  // namespace fm
