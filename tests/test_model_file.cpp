// Tests of model_file.cpp: a bitwise save/load round trip, and every refusal (truncation,
// corruption, wrong magic/version/architecture/count, non-finite weights) leaving `out` untouched.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/crc32.h"
#include "core/model_file.h"
#include "core/rng.h"
#include "messages/messages.h"

namespace fm {
namespace {

using Bytes = std::vector<uint8_t>;

SavedModel mlp_model() {
  SavedModel m;
  m.side = 14;
  m.arch.inputs = 196;
  m.arch.hidden = {5, 3};
  m.arch.hidden_activation = Activation::kSigmoid;
  m.config.model = ModelKind::kMlp;
  m.config.hidden = m.arch.hidden;
  m.config.hidden_activation = Activation::kSigmoid;
  m.config.optimizer.kind = OptimizerKind::kAdam;
  m.config.optimizer.lr = 0.002f;
  m.config.batch = 64;
  m.config.epochs = 7;
  m.config.seed = 1234567890123ull;
  m.val_acc = 0.8668f;
  m.params.resize(m.arch.param_count());
  Rng rng(3);
  for (Index i = 0; i < m.params.size(); ++i) m.params[i] = rng.uniform(-2.0f, 2.0f);
  m.params[0] = -0.0f;   // sign of zero must survive too
  m.params[1] = 1e-40f;  // a denormal
  return m;
}

// Offsets for mlp_model (two hidden layers): see the layout at the top of model_file.cpp.
constexpr size_t kHiddenCountAt = 20, kFirstWidthAt = 24, kLrAt = 35, kValAccAt = 55, kCountAt = 59,
                 kParamsAt = 67;
constexpr size_t kParams = 196 * 5 + 5 + 5 * 3 + 3 + 3 * 10 + 10;  // 1043

void set_u32(Bytes* b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*b)[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void set_u64(Bytes* b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) (*b)[at + i] = static_cast<uint8_t>(v >> (8 * i));
}
void set_f32(Bytes* b, size_t at, float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  set_u32(b, at, u);
}
// Recomputes the trailing CRC so that only the intended defect remains.
void reseal(Bytes* b) { set_u32(b, b->size() - 4, crc32(b->data(), b->size() - 4)); }

SavedModel sentinel() {
  SavedModel m;
  m.side = 28;
  m.arch.inputs = 784;
  m.val_acc = 0.5f;
  m.params = Vector::Constant(m.arch.param_count(), 7.0f);
  return m;
}

void expect_untouched(const SavedModel& m) {
  const SavedModel s = sentinel();
  EXPECT_EQ(m.side, s.side);
  EXPECT_TRUE(m.arch == s.arch);
  EXPECT_EQ(m.val_acc, s.val_acc);
  ASSERT_EQ(m.params.size(), s.params.size());
  EXPECT_TRUE(m.params == s.params);
}

void expect_refused(const Bytes& b, const std::string& expected) {
  SavedModel m = sentinel();
  const Status s = load_model(b.data(), b.size(), &m);
  ASSERT_FALSE(s) << "accepted " << b.size() << " bytes; expected: " << expected;
  EXPECT_NE(describe(s).find(expected), std::string::npos) << describe(s);
  expect_untouched(m);
}

TEST(ModelFile, RoundTripIsBitwise) {
  const SavedModel m = mlp_model();
  const Bytes b = save_model(m);
  EXPECT_EQ(b.size(), kParamsAt + 4 * kParams + 4);
  EXPECT_EQ(std::memcmp(b.data(), "FMNM", 4), 0);
  SavedModel back;
  const Status s = load_model(b.data(), b.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(back.side, 14);
  EXPECT_TRUE(back.arch == m.arch);
  EXPECT_EQ(back.config.model, ModelKind::kMlp);
  EXPECT_EQ(back.config.hidden, m.arch.hidden);
  EXPECT_EQ(back.config.hidden_activation, Activation::kSigmoid);
  EXPECT_EQ(back.config.optimizer.kind, OptimizerKind::kAdam);
  EXPECT_EQ(back.config.optimizer.lr, 0.002f);
  EXPECT_EQ(back.config.batch, 64);
  EXPECT_EQ(back.config.epochs, 7);
  EXPECT_EQ(back.config.seed, 1234567890123ull);
  EXPECT_EQ(back.val_acc, 0.8668f);
  ASSERT_EQ(back.params.size(), m.params.size());
  EXPECT_EQ(std::memcmp(back.params.data(), m.params.data(), sizeof(float) * kParams), 0);
  EXPECT_EQ(save_model(back), b);  // saving again gives the same bytes
}

TEST(ModelFile, SoftmaxWithUnknownAccuracy) {
  SavedModel m;
  m.side = 28;
  m.arch.inputs = 784;
  m.val_acc = std::numeric_limits<float>::quiet_NaN();
  m.params = Vector::LinSpaced(m.arch.param_count(), -1.0f, 1.0f);
  const Bytes b = save_model(m);
  SavedModel back;
  ASSERT_TRUE(load_model(b.data(), b.size(), &back));
  EXPECT_TRUE(back.arch.hidden.empty());
  EXPECT_EQ(back.arch.inputs, 784);
  EXPECT_EQ(back.params.size(), 7850);
  EXPECT_TRUE(std::isnan(back.val_acc));
  EXPECT_TRUE(back.params == m.params);
}

TEST(ModelFile, RefusesTruncation) {
  const Bytes b = save_model(mlp_model());
  for (size_t len : {size_t{0}, size_t{3}, size_t{4}, size_t{10}, kFirstWidthAt + 2, kLrAt,
                     kCountAt + 3, kParamsAt, b.size() / 2, b.size() - 4, b.size() - 1}) {
    SCOPED_TRACE("length " + std::to_string(len));
    expect_refused(Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(len)),
                   "model file is truncated");
  }
}

TEST(ModelFile, RefusesTrailingBytes) {
  Bytes b = save_model(mlp_model());
  b.push_back(0);
  expect_refused(b, "trailing");
}

TEST(ModelFile, RefusesCorruption) {
  const Bytes good = save_model(mlp_model());
  for (size_t at : {kParamsAt + 100, kValAccAt, good.size() - 1}) {
    SCOPED_TRACE("byte " + std::to_string(at));
    Bytes b = good;
    b[at] ^= 0x10;
    expect_refused(b, "model file is corrupt (checksum mismatch)");
  }
}

TEST(ModelFile, RefusesWrongMagicAndVersion) {
  Bytes b = save_model(mlp_model());
  b[0] = 'X';
  expect_refused(b, "not an fmnist model file");
  const Bytes bundle = {'F', 'M', 'N', 'B', 1, 0, 0, 0};
  expect_refused(bundle, "not an fmnist model file");
  Bytes v = save_model(mlp_model());
  set_u32(&v, 4, 2);
  reseal(&v);
  expect_refused(v, "version 2");
}

TEST(ModelFile, RefusesAbsurdArchitecture) {
  const Bytes good = save_model(mlp_model());
  Bytes layers = good;
  set_u32(&layers, kHiddenCountAt, kMaxHiddenLayers + 1);
  expect_refused(layers, "hidden layers");
  Bytes zero = good;
  set_u32(&zero, kFirstWidthAt, 0);
  expect_refused(zero, "width 0");
  Bytes wide = good;
  set_u32(&wide, kFirstWidthAt, kMaxHiddenWidth + 1);
  expect_refused(wide, "width 4097");
  Bytes inputs = good;
  set_u32(&inputs, 12, 784);  // but side 14
  expect_refused(inputs, "784 inputs do not match 14×14");
  Bytes outputs = good;
  set_u32(&outputs, 16, 9);
  expect_refused(outputs, "9 outputs");
  Bytes side = good;
  set_u32(&side, 8, 20);
  expect_refused(side, "side 20");
  Bytes lr = good;
  set_f32(&lr, kLrAt, std::numeric_limits<float>::infinity());
  reseal(&lr);
  expect_refused(lr, "learning rate");
}

// A kind that contradicts the layer count would load, then fail in Trainer::adopt with a weight
// count that names neither: the file is refused at load, with the reason.
TEST(ModelFile, RefusesModelKindContradictingHiddenLayers) {
  constexpr size_t kMlpKindAt = kFirstWidthAt + 2 * 4 + 1;  // after the widths and the activation
  Bytes softmax_with_layers = save_model(mlp_model());
  ASSERT_EQ(softmax_with_layers[kMlpKindAt], static_cast<uint8_t>(ModelKind::kMlp));
  softmax_with_layers[kMlpKindAt] = static_cast<uint8_t>(ModelKind::kSoftmax);
  reseal(&softmax_with_layers);
  expect_refused(softmax_with_layers, "a softmax model has no hidden layers, but this one has 2");

  SavedModel softmax = sentinel();
  Bytes mlp_without_layers = save_model(softmax);
  constexpr size_t kSoftmaxKindAt = kFirstWidthAt + 1;  // no widths
  ASSERT_EQ(mlp_without_layers[kSoftmaxKindAt], static_cast<uint8_t>(ModelKind::kSoftmax));
  mlp_without_layers[kSoftmaxKindAt] = static_cast<uint8_t>(ModelKind::kMlp);
  reseal(&mlp_without_layers);
  expect_refused(mlp_without_layers, "an MLP needs at least one hidden layer");
}

TEST(ModelFile, RefusesParamCountDisagreeingWithArchitecture) {
  // One parameter fewer, consistently: count field, payload and CRC all agree with each other.
  Bytes b = save_model(mlp_model());
  set_u64(&b, kCountAt, kParams - 1);
  b.erase(b.end() - 8, b.end() - 4);
  reseal(&b);
  expect_refused(b, "holds 1042 parameters but its architecture needs 1043");
}

TEST(ModelFile, RefusesNonFiniteWeights) {
  const Bytes good = save_model(mlp_model());
  Bytes nan = good;
  set_f32(&nan, kParamsAt + 4 * 17, std::numeric_limits<float>::quiet_NaN());
  reseal(&nan);
  expect_refused(nan, "non-finite weight (parameter 17)");
  Bytes inf = good;
  set_f32(&inf, kParamsAt + 4 * (kParams - 1), -std::numeric_limits<float>::infinity());
  reseal(&inf);
  expect_refused(inf, "non-finite weight");
}

TEST(ModelFile, CheckModelFits) {
  SavedModel m = sentinel();
  EXPECT_TRUE(check_model_fits(m, 28));
  const Status s = check_model_fits(m, 14);
  ASSERT_FALSE(s);
  EXPECT_EQ(describe(s), "model expects 28×28 inputs but the data is 14×14");
  EXPECT_TRUE(check_model_fits(mlp_model(), 14));
  EXPECT_FALSE(check_model_fits(mlp_model(), 28));
}

}  // namespace
}  // namespace fm
