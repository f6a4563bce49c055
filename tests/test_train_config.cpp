// Tests of train_config.cpp: the defaults are the lesson's, the network a config describes, and
// the learning rate suggested after a divergence (the one number the CLI and the page offer).
#include <gtest/gtest.h>

#include "core/train_config.h"

namespace fm {
namespace {

TEST(TrainConfig, DefaultsAreTheLessonsAndValid) {
  const TrainConfig c;
  EXPECT_EQ(c.model, ModelKind::kSoftmax);
  EXPECT_EQ(c.optimizer.kind, OptimizerKind::kRmsprop);
  EXPECT_EQ(c.optimizer.lr, 1e-3f);
  EXPECT_EQ(c.batch, 32);
  EXPECT_EQ(c.epochs, 5);
  EXPECT_EQ(c.seed, 42u);
  EXPECT_TRUE(validate(c, 60000));
}

TEST(TrainConfig, ArchitectureHasHiddenLayersOnlyForAnMlp) {
  TrainConfig c;
  c.hidden = {100};  // ignored for the softmax model
  EXPECT_TRUE(architecture_for(c, 14).hidden.empty());
  EXPECT_EQ(architecture_for(c, 14).inputs, 196);
  c.model = ModelKind::kMlp;
  EXPECT_EQ(architecture_for(c, 28).hidden, std::vector<int>{100});
  EXPECT_EQ(architecture_for(c, 28).param_count(), 784 * 100 + 100 + 100 * 10 + 10);
}

TEST(TrainConfig, SuggestedLearningRate) {
  EXPECT_EQ(suggested_lr(100.0f), 1e-3f);
  EXPECT_EQ(suggested_lr(0.01f), 1e-3f);
  EXPECT_FLOAT_EQ(suggested_lr(1e-3f), 1e-4f);  // not above 1e-3: a tenth of it
  EXPECT_FLOAT_EQ(suggested_lr(1e-5f), 1e-6f);
}

}  // namespace
}  // namespace fm
