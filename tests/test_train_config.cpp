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
  EXPECT_EQ(c.early_stopping, 0);
  EXPECT_TRUE(validate(c, 60000));
}

TEST(TrainConfig, ArchitectureHasHiddenLayersOnlyForAnMlp) {
  TrainConfig c;
  c.hidden = {100};  // ignored for the softmax model
  EXPECT_TRUE(architecture_for(c, 14).layers.empty());
  EXPECT_EQ(architecture_for(c, 14).inputs, 196);
  c.model = ModelKind::kMlp;
  EXPECT_EQ(architecture_for(c, 28).dense_widths(), std::vector<int>{100});
  EXPECT_TRUE(architecture_for(c, 28).is_dense());
  EXPECT_EQ(architecture_for(c, 28).param_count(), 784 * 100 + 100 + 100 * 10 + 10);
  c.hidden_activation = Activation::kSigmoid;
  EXPECT_TRUE(architecture_for(c, 14) == Architecture::dense(196, {100}, Activation::kSigmoid));
}

// The book's CNN (chapter 8-2) as Keras summarises it: 320 + 18,496 + 313,700 + 1,010 = 333,526
// parameters; cnn-small as tests/reference/README.md's small CNN. cnn-small ignores `hidden`.
TEST(TrainConfig, TheCnnsLayers) {
  TrainConfig c;
  c.hidden = {100};
  c.model = ModelKind::kCnn;
  const Architecture book = architecture_for(c, 28);
  ASSERT_TRUE(book.check());
  ASSERT_EQ(book.layers.size(), 6u);
  EXPECT_TRUE(book.layers[0] == LayerSpec::conv(32, 3, Padding::kSame));
  EXPECT_TRUE(book.layers[1] == LayerSpec::max_pool());
  EXPECT_TRUE(book.layers[2] == LayerSpec::conv(64, 3, Padding::kSame));
  EXPECT_TRUE(book.layers[3] == LayerSpec::max_pool());
  EXPECT_TRUE(book.layers[4] == LayerSpec::dense(100, Activation::kRelu));
  EXPECT_TRUE(book.layers[5] == LayerSpec::dropout(0.4f));
  EXPECT_EQ(book.param_count(), 320 + 18496 + 313700 + 1010);
  EXPECT_FALSE(book.is_dense());
  EXPECT_EQ(book.dense_widths(), std::vector<int>{100});

  c.model = ModelKind::kCnnSmall;
  const Architecture small = architecture_for(c, 14);
  ASSERT_TRUE(small.check());
  ASSERT_EQ(small.layers.size(), 5u);
  EXPECT_TRUE(small.layers[0] == LayerSpec::conv(16, 3));
  EXPECT_TRUE(small.layers[2] == LayerSpec::conv(32, 3));
  EXPECT_TRUE(small.layers[4] == LayerSpec::dense(64));
  // 160 + 4,640 + (3·3·32)·64 + 64 + 64·10 + 10.
  EXPECT_EQ(small.param_count(), 160 + 4640 + 18496 + 650);
  EXPECT_EQ(architecture_for(c, 28).param_count(), 160 + 4640 + 1568 * 64 + 64 + 650);
}

TEST(TrainConfig, ModelKindNamesAndSides) {
  const char* names[] = {"softmax", "mlp", "cnn", "cnn-small"};
  for (int i = 0; i < kModelKinds; ++i) {
    const ModelKind kind = static_cast<ModelKind>(i);
    EXPECT_STREQ(model_kind_name(kind), names[i]);
    ModelKind back = ModelKind::kSoftmax;
    ASSERT_TRUE(parse_model_kind(names[i], &back));
    EXPECT_EQ(back, kind);
  }
  ModelKind out = ModelKind::kMlp;
  EXPECT_FALSE(parse_model_kind("CNN", &out));
  EXPECT_FALSE(parse_model_kind("cnn_small", &out));
  EXPECT_EQ(out, ModelKind::kMlp);

  TrainConfig c;
  c.model = ModelKind::kCnn;
  EXPECT_TRUE(check_model_side(c, 28));
  const Status s = check_model_side(c, 14);
  ASSERT_FALSE(s);
  EXPECT_EQ(s.code, ErrorCode::kCnnNeeds28);
  EXPECT_EQ(s.params, std::vector<std::string>{"14"});
  c.model = ModelKind::kCnnSmall;
  EXPECT_TRUE(check_model_side(c, 14));
  EXPECT_TRUE(check_model_side(c, 28));
  c.model = ModelKind::kSoftmax;
  EXPECT_TRUE(check_model_side(c, 14));
}

TEST(TrainConfig, EarlyStoppingPatienceIsChecked) {
  TrainConfig c;
  c.early_stopping = 2;
  EXPECT_TRUE(validate(c, 60000));
  c.early_stopping = kMaxEpochs;
  EXPECT_TRUE(validate(c, 60000));
  for (int bad : {-1, kMaxEpochs + 1}) {
    c.early_stopping = bad;
    const Status s = validate(c, 60000);
    ASSERT_FALSE(s);
    EXPECT_EQ(s.code, ErrorCode::kEarlyStopping);
  }
  c.early_stopping = 0;
  c.model = static_cast<ModelKind>(kModelKinds);
  EXPECT_EQ(validate(c, 60000).code, ErrorCode::kUnknownModel);
}

TEST(TrainConfig, SuggestedLearningRate) {
  EXPECT_EQ(suggested_lr(100.0f), 1e-3f);
  EXPECT_EQ(suggested_lr(0.01f), 1e-3f);
  EXPECT_FLOAT_EQ(suggested_lr(1e-3f), 1e-4f);  // not above 1e-3: a tenth of it
  EXPECT_FLOAT_EQ(suggested_lr(1e-5f), 1e-6f);
}

}  // namespace
}  // namespace fm
