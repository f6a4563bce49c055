// Tests of model_file.cpp: bitwise save/load round trips (Dense and CNN models, version 2), version 1
// files (the committed fixtures and a v1 writer here) still loading, and every refusal
// (truncation, corruption, wrong magic/version/architecture/layers/count, non-finite weights)
// leaving `out` untouched.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
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
  m.arch = Architecture::dense(196, {5, 3}, Activation::kSigmoid);
  m.config.model = ModelKind::kMlp;
  m.config.hidden = {5, 3};
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

// A model of `kind` for side×side images, the config as the Trainer would have it.
SavedModel model_of(ModelKind kind, int side, uint64_t seed) {
  SavedModel m;
  m.side = side;
  m.config.model = kind;
  m.config.optimizer.kind = OptimizerKind::kAdam;
  m.config.epochs = 20;
  m.config.early_stopping = 2;
  m.config.seed = seed;
  m.arch = architecture_for(m.config, side);
  m.val_acc = 0.9229f;
  m.params.resize(m.arch.param_count());
  Rng rng(seed);
  for (Index i = 0; i < m.params.size(); ++i) m.params[i] = rng.uniform(-1.0f, 1.0f);
  return m;
}

// Offsets for mlp_model (two hidden layers) in version 1: see the layout in model_file.cpp.
constexpr size_t kHiddenCountAt = 20, kFirstWidthAt = 24, kLrAt = 35, kValAccAt = 55, kCountAt = 59,
                 kParamsAt = 67;
constexpr size_t kParams = 196 * 5 + 5 + 5 * 3 + 3 + 3 * 10 + 10;  // 1043

// Versions 2 and 3: the layer records from 24, 16 bytes each; after L of them the fields below.
// Version 3 puts the class names (u32 length, the names' text) after the validation accuracy.
constexpr size_t kLayerCountAt = 20, kLayersAt = 24, kLayerBytes = 16;
size_t v2_kind_at(size_t layers) { return kLayersAt + kLayerBytes * layers; }
size_t v2_patience_at(size_t layers) { return v2_kind_at(layers) + 22; }
size_t v2_val_acc_at(size_t layers) { return v2_kind_at(layers) + 26; }
size_t v3_names_at(size_t layers) { return v2_kind_at(layers) + 30; }
// Fashion-MNIST's names ("T-shirt/top\nTrouser\n…\nAnkle boot"), what model_of/mlp_model carry.
size_t fashion_names_bytes() { return class_names_text(default_class_names()).size(); }
// Version 4 puts the history (u32 count, 20 bytes an epoch) and the per-batch curve (u32 count,
// 12 bytes a point) after the names.
size_t v4_history_at(size_t layers) { return v3_names_at(layers) + 4 + fashion_names_bytes(); }
size_t v4_curve_at(size_t layers, size_t epochs = 0) { return v4_history_at(layers) + 4 + 20 * epochs; }
size_t v4_count_at(size_t layers, size_t epochs = 0, size_t points = 0) {
  return v4_curve_at(layers, epochs) + 4 + 12 * points;
}
size_t v4_params_at(size_t layers, size_t epochs = 0, size_t points = 0) {
  return v4_count_at(layers, epochs, points) + 8;
}

void put_u32(Bytes* b, uint32_t v) {
  for (int i = 0; i < 4; ++i) b->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put_u64(Bytes* b, uint64_t v) {
  for (int i = 0; i < 8; ++i) b->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void put_f32(Bytes* b, float f) {
  uint32_t u;
  std::memcpy(&u, &f, 4);
  put_u32(b, u);
}

// Version 1 as the builds before the layer list wrote it (the layout in model_file.cpp), written
// independently of model_file.cpp: Dense models only.
Bytes save_v1(const SavedModel& m) {
  Bytes b = {'F', 'M', 'N', 'M'};
  put_u32(&b, 1);
  put_u32(&b, static_cast<uint32_t>(m.side));
  put_u32(&b, static_cast<uint32_t>(m.arch.inputs));
  put_u32(&b, static_cast<uint32_t>(m.arch.outputs));
  const std::vector<int> widths = m.arch.dense_widths();
  put_u32(&b, static_cast<uint32_t>(widths.size()));
  for (int w : widths) put_u32(&b, static_cast<uint32_t>(w));
  b.push_back(static_cast<uint8_t>(m.config.hidden_activation));
  b.push_back(static_cast<uint8_t>(m.config.model));
  b.push_back(static_cast<uint8_t>(m.config.optimizer.kind));
  put_f32(&b, m.config.optimizer.lr);
  put_u32(&b, static_cast<uint32_t>(m.config.batch));
  put_u32(&b, static_cast<uint32_t>(m.config.epochs));
  put_u64(&b, m.config.seed);
  put_f32(&b, m.val_acc);
  put_u64(&b, static_cast<uint64_t>(m.params.size()));
  for (Index i = 0; i < m.params.size(); ++i) put_f32(&b, m.params[i]);
  put_u32(&b, crc32(b.data(), b.size()));
  return b;
}

// A committed file, next to this source (tests/fuzz/seeds/fuzz_model/NAME).
Bytes seed_file(const std::string& name) {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.find_last_of('/') + 1);
  std::ifstream in(dir + "fuzz/seeds/fuzz_model/" + name, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// .at(): bounds-checked, which also keeps GCC 12 from a false -Wstringop-overflow on save_v1's
// vector.
void set_u32(Bytes* b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b->at(at + i) = static_cast<uint8_t>(v >> (8 * i));
}
void set_u64(Bytes* b, size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) b->at(at + i) = static_cast<uint8_t>(v >> (8 * i));
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
  EXPECT_EQ(b.size(), v4_params_at(2) + 4 * kParams + 4);
  EXPECT_EQ(std::memcmp(b.data(), "FMNM", 4), 0);
  EXPECT_EQ(b[4], 4);  // version 4
  EXPECT_EQ(fashion_names_bytes(), 75u);
  SavedModel back;
  const Status s = load_model(b.data(), b.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(back.side, 14);
  EXPECT_TRUE(back.arch == m.arch);
  EXPECT_EQ(back.config.model, ModelKind::kMlp);
  EXPECT_EQ(back.config.hidden, m.arch.dense_widths());
  EXPECT_EQ(back.config.hidden_activation, Activation::kSigmoid);
  EXPECT_EQ(back.config.optimizer.kind, OptimizerKind::kAdam);
  EXPECT_EQ(back.config.optimizer.lr, 0.002f);
  EXPECT_EQ(back.config.batch, 64);
  EXPECT_EQ(back.config.epochs, 7);
  EXPECT_EQ(back.config.seed, 1234567890123ull);
  EXPECT_EQ(back.val_acc, 0.8668f);
  EXPECT_EQ(back.config.early_stopping, 0);
  EXPECT_EQ(back.class_names, default_class_names());
  ASSERT_EQ(back.params.size(), m.params.size());
  EXPECT_EQ(std::memcmp(back.params.data(), m.params.data(), sizeof(float) * kParams), 0);
  EXPECT_EQ(save_model(back), b);  // saving again gives the same bytes
}

// A model trained on a user's data carries the user's class names (UTF-8, any of them), back
// exactly; the names sit after the validation accuracy as a names file's text.
TEST(ModelFile, ClassNamesRoundTrip) {
  SavedModel m = mlp_model();
  m.class_names = {"티셔츠", "바지", "풀오버", "드레스", "코트", "샌들", "셔츠", "운동화", "가방", "앵클부츠"};
  const Bytes b = save_model(m);
  const std::string text = class_names_text(m.class_names);
  ASSERT_EQ(b.size(), v3_names_at(2) + 4 + text.size() + 8 + 8 + 4 * kParams + 4);
  EXPECT_EQ(std::string(b.begin() + static_cast<std::ptrdiff_t>(v3_names_at(2) + 4),
                        b.begin() + static_cast<std::ptrdiff_t>(v3_names_at(2) + 4 + text.size())),
            text);
  SavedModel back;
  ASSERT_TRUE(load_model(b.data(), b.size(), &back));
  EXPECT_EQ(back.class_names, m.class_names);
  EXPECT_EQ(save_model(back), b);
  m.class_names = digit_class_names();
  const Bytes digits = save_model(m);
  ASSERT_TRUE(load_model(digits.data(), digits.size(), &back));
  EXPECT_EQ(back.class_names, digit_class_names());
}

// Names that are not ten valid names are refused with the names file's reason; a length past the
// end of the file is a truncation.
TEST(ModelFile, RefusesBadClassNames) {
  const Bytes good = save_model(mlp_model());
  const size_t at = v3_names_at(2) + 4;
  Bytes nine = good;  // the LF before "Ankle boot" becomes a space: nine lines
  const size_t lf = std::string(good.begin() + static_cast<std::ptrdiff_t>(at), good.end()).find("\nAnkle");
  ASSERT_NE(lf, std::string::npos);
  nine[at + lf] = ' ';
  reseal(&nine);
  expect_refused(nine, "model file: bad class names (the class-names file has 9 names, expected 10");
  Bytes control = good;
  control[at + 1] = 0x07;
  reseal(&control);
  expect_refused(control, "model file: bad class names (line 1 of the class-names file holds a control character)");
  Bytes utf8 = good;
  utf8[at] = 0xFF;
  reseal(&utf8);
  expect_refused(utf8, "not valid UTF-8 (line 1)");
  Bytes zero = good;
  set_u32(&zero, v3_names_at(2), 0);
  reseal(&zero);
  expect_refused(zero, "model file: bad class names (the class-names file is empty)");
  Bytes huge = good;
  set_u32(&huge, v3_names_at(2), 0xFFFFFFFFu);
  reseal(&huge);
  expect_refused(huge, "bad class names (the class-names file has 4294967295 bytes, at most 4096 allowed");
  Bytes past = good;
  set_u32(&past, v3_names_at(2), 4000);
  past.resize(v3_names_at(2) + 4 + 100);
  expect_refused(past, "model file is truncated");
}

// The CNNs: the layer list, the kind, the patience and the weights come back bitwise.
TEST(ModelFile, CnnRoundTripIsBitwise) {
  const struct {
    ModelKind kind;
    int side;
    Index params;
  } cases[] = {{ModelKind::kCnnSmall, 14, 23946},
               {ModelKind::kCnnSmall, 28, 105866},
               {ModelKind::kCnn, 28, 333526}};
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(model_kind_name(c.kind)) + " " + std::to_string(c.side));
    const SavedModel m = model_of(c.kind, c.side, 5);
    ASSERT_EQ(m.params.size(), c.params);
    const Bytes b = save_model(m);
    EXPECT_EQ(b.size(), v4_params_at(m.arch.layers.size()) + 4 * c.params + 4);
    SavedModel back;
    const Status s = load_model(b.data(), b.size(), &back);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_TRUE(back.arch == m.arch);
    EXPECT_TRUE(back.arch == architecture_for(back.config, c.side));
    EXPECT_EQ(back.side, c.side);
    EXPECT_EQ(back.config.model, c.kind);
    EXPECT_EQ(back.config.early_stopping, 2);
    EXPECT_EQ(back.config.epochs, 20);
    EXPECT_EQ(back.val_acc, 0.9229f);
    EXPECT_EQ(std::memcmp(back.params.data(), m.params.data(), sizeof(float) * c.params), 0);
    EXPECT_EQ(save_model(back), b);
  }
}

// Version 1 files (written before the layer list) still load, as the same Dense network with
// Fashion-MNIST's names; saving one again writes version 4.
TEST(ModelFile, Version1StillLoads) {
  const SavedModel m = mlp_model();
  const Bytes v1 = save_v1(m);
  ASSERT_EQ(v1.size(), kParamsAt + 4 * kParams + 4);
  SavedModel back;
  const Status s = load_model(v1.data(), v1.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_TRUE(back.arch == m.arch);
  EXPECT_EQ(back.config.model, ModelKind::kMlp);
  EXPECT_EQ(back.config.hidden, (std::vector<int>{5, 3}));
  EXPECT_EQ(back.config.hidden_activation, Activation::kSigmoid);
  EXPECT_EQ(back.config.seed, 1234567890123ull);
  EXPECT_EQ(back.config.early_stopping, 0);
  EXPECT_EQ(back.class_names, default_class_names());
  EXPECT_EQ(std::memcmp(back.params.data(), m.params.data(), sizeof(float) * kParams), 0);
  EXPECT_EQ(save_model(back), save_model(m));
}

// The committed version 1 files (fmnist train --save of the builds before the layer list; also
// the fuzzer's seeds) load, and their version 4 copies load back the same.
TEST(ModelFile, CommittedVersion1FilesLoad) {
  const struct {
    const char* name;
    ModelKind kind;
    size_t layers;
  } files[] = {{"softmax-14.fmnist", ModelKind::kSoftmax, 0}, {"mlp3-14.fmnist", ModelKind::kMlp, 1}};
  for (const auto& f : files) {
    SCOPED_TRACE(f.name);
    const Bytes b = seed_file(f.name);
    ASSERT_GT(b.size(), 8u) << "missing fixture";
    ASSERT_EQ(b[4], 1);  // version 1
    SavedModel m;
    const Status s = load_model(b.data(), b.size(), &m);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_EQ(m.side, 14);
    EXPECT_EQ(m.config.model, f.kind);
    EXPECT_EQ(m.arch.layers.size(), f.layers);
    EXPECT_TRUE(m.arch.is_dense());
    EXPECT_TRUE(m.arch == architecture_for(m.config, 14));
    EXPECT_EQ(m.params.size(), m.arch.param_count());
    const Bytes v3 = save_model(m);
    EXPECT_EQ(v3[4], 4);
    SavedModel back;
    ASSERT_TRUE(load_model(v3.data(), v3.size(), &back));
    EXPECT_TRUE(back.arch == m.arch);
    EXPECT_TRUE(back.params == m.params);
  }
}

// The committed version 2 files (before the class names) load with Fashion-MNIST's names.
TEST(ModelFile, CommittedVersion2FilesLoad) {
  for (const char* name : {"softmax-14-v2.fmnist", "mlp3-14-v2.fmnist", "cnn-small-14-v2.fmnist"}) {
    SCOPED_TRACE(name);
    const Bytes b = seed_file(name);
    ASSERT_GT(b.size(), 8u) << "missing fixture";
    ASSERT_EQ(b[4], 2);
    SavedModel m;
    m.class_names = digit_class_names();
    const Status s = load_model(b.data(), b.size(), &m);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_EQ(m.class_names, default_class_names());
    EXPECT_EQ(m.params.size(), m.arch.param_count());
    const Bytes v3 = save_model(m);
    SavedModel back;
    ASSERT_TRUE(load_model(v3.data(), v3.size(), &back));
    EXPECT_TRUE(back.arch == m.arch);
    EXPECT_TRUE(back.params == m.params);
  }
}

// A version 3 file (written by the build before the history: `fmnist train --csv tiny.csv
// --names names.txt --epochs 2 --save`, committed) loads with its names and an empty history.
TEST(ModelFile, CommittedVersion3FileLoads) {
  const Bytes b = seed_file("names-14-v3.fmnist");
  ASSERT_GT(b.size(), 8u) << "missing fixture";
  ASSERT_EQ(b[4], 3);
  SavedModel m;
  const Status s = load_model(b.data(), b.size(), &m);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(m.class_names[0], "zero");
  EXPECT_EQ(m.class_names[9], "nine");
  EXPECT_EQ(m.config.epochs, 2);
  EXPECT_TRUE(m.history.empty());
  EXPECT_EQ(m.params.size(), m.arch.param_count());
  const Bytes v4 = save_model(m);
  EXPECT_EQ(v4.size(), b.size() + 8);  // an empty history and curve: their counts only
  SavedModel back;
  ASSERT_TRUE(load_model(v4.data(), v4.size(), &back));
  EXPECT_EQ(back.class_names, m.class_names);
  EXPECT_TRUE(back.params == m.params);
}

History three_epochs() {
  return {{1, 0.71f, 0.75f, 0.62f, 0.78f}, {2, 0.52f, 0.82f, 0.55f, 0.80f}, {3, 0.49f, 0.83f, 0.51f, 0.8225f}};
}

// The run's history comes back exactly, after the names, 20 bytes an epoch.
TEST(ModelFile, HistoryRoundTrip) {
  SavedModel m = mlp_model();
  m.history = three_epochs();
  m.curve = {{0.5f, 1.2f, 0.6f}, {1.0f, 0.8f, 0.7f}, {2.25f, 0.6f, 0.8f}, {3.0f, 0.5f, 0.82f}};
  const Bytes b = save_model(m);
  ASSERT_EQ(b.size(), v4_params_at(2, 3, 4) + 4 * kParams + 4);
  SavedModel back;
  const Status s = load_model(b.data(), b.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  ASSERT_EQ(back.history.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(back.history[i].epoch, static_cast<int>(i) + 1);
    EXPECT_EQ(back.history[i].train_loss, m.history[i].train_loss);
    EXPECT_EQ(back.history[i].train_acc, m.history[i].train_acc);
    EXPECT_EQ(back.history[i].val_loss, m.history[i].val_loss);
    EXPECT_EQ(back.history[i].val_acc, m.history[i].val_acc);
  }
  ASSERT_EQ(back.curve.size(), 4u);
  EXPECT_EQ(back.curve[2].x, 2.25f);
  EXPECT_EQ(back.curve[3].acc, 0.82f);
  EXPECT_EQ(save_model(back), b);
}

// A history out of order, with a non-finite or negative loss, an accuracy outside [0, 1], over
// kMaxEpochs epochs or cut short is refused with the epoch record named.
TEST(ModelFile, RefusesBadHistory) {
  SavedModel m = mlp_model();
  m.history = three_epochs();
  const Bytes good = save_model(m);
  const size_t at = v4_history_at(2);
  const auto record = [&](size_t i, size_t field) { return at + 4 + 20 * i + 4 * field; };
  Bytes order = good;
  set_u32(&order, record(1, 0), 3);
  reseal(&order);
  expect_refused(order, "model file: bad training history (epoch record 2 is not valid");
  Bytes nan = good;
  set_f32(&nan, record(2, 1), std::numeric_limits<float>::quiet_NaN());
  reseal(&nan);
  expect_refused(nan, "epoch record 3 is not valid");
  Bytes negative = good;
  set_f32(&negative, record(0, 3), -0.5f);
  reseal(&negative);
  expect_refused(negative, "epoch record 1 is not valid");
  Bytes acc = good;
  set_f32(&acc, record(1, 4), 1.5f);
  reseal(&acc);
  expect_refused(acc, "epoch record 2 is not valid");
  Bytes many = good;
  set_u32(&many, at, 1001);
  reseal(&many);
  expect_refused(many, "model file: bad training history (the history has 1001 epochs, at most 1000 allowed)");
  Bytes past = good;
  set_u32(&past, at, 900);
  reseal(&past);
  expect_refused(past, "model file is truncated");
  // The curve: x beyond the epochs trained or going back, a NaN loss, more than 512 points.
  m.curve = {{0.5f, 1.2f, 0.6f}, {1.0f, 0.8f, 0.7f}};
  const Bytes with_curve = save_model(m);
  const size_t c = v4_curve_at(2, 3);
  Bytes beyond = with_curve;
  set_f32(&beyond, c + 4 + 12, 3.5f);
  reseal(&beyond);
  expect_refused(beyond, "model file: bad training history (point 2 of the per-batch curve is not valid");
  Bytes back = with_curve;
  set_f32(&back, c + 4 + 12, 0.25f);
  reseal(&back);
  expect_refused(back, "point 2 of the per-batch curve is not valid");
  Bytes nan_loss = with_curve;
  set_f32(&nan_loss, c + 4 + 4, std::numeric_limits<float>::quiet_NaN());
  reseal(&nan_loss);
  expect_refused(nan_loss, "point 1 of the per-batch curve is not valid");
  Bytes many_points = with_curve;
  set_u32(&many_points, c, 513);
  reseal(&many_points);
  expect_refused(many_points, "(the per-batch curve has 513 points, at most 512 allowed)");
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
  EXPECT_TRUE(back.arch.layers.empty());
  EXPECT_EQ(back.arch.inputs, 784);
  EXPECT_EQ(back.params.size(), 7850);
  EXPECT_TRUE(std::isnan(back.val_acc));
  EXPECT_TRUE(back.params == m.params);
}

TEST(ModelFile, RefusesTruncation) {
  const Bytes v1 = save_v1(mlp_model());
  for (size_t len : {size_t{0}, size_t{3}, size_t{4}, size_t{10}, kFirstWidthAt + 2, kLrAt,
                     kCountAt + 3, kParamsAt, v1.size() / 2, v1.size() - 4, v1.size() - 1}) {
    SCOPED_TRACE("version 1, length " + std::to_string(len));
    expect_refused(Bytes(v1.begin(), v1.begin() + static_cast<std::ptrdiff_t>(len)),
                   "model file is truncated");
  }
  // Version 4: every length up to the first parameters, then a few more.
  const Bytes v2 = save_model(model_of(ModelKind::kCnnSmall, 14, 1));
  std::vector<size_t> lengths;
  for (size_t len = 0; len <= v4_params_at(5) + 4; ++len) lengths.push_back(len);
  for (size_t len : {v2.size() / 2, v2.size() - 4, v2.size() - 1}) lengths.push_back(len);
  for (size_t len : lengths) {
    SCOPED_TRACE("version 4, length " + std::to_string(len));
    expect_refused(Bytes(v2.begin(), v2.begin() + static_cast<std::ptrdiff_t>(len)),
                   "model file is truncated");
  }
}

TEST(ModelFile, RefusesTrailingBytes) {
  Bytes b = save_model(mlp_model());
  b.push_back(0);
  expect_refused(b, "trailing");
  Bytes v1 = save_v1(mlp_model());
  v1.push_back(0);
  expect_refused(v1, "trailing");
}

TEST(ModelFile, RefusesCorruption) {
  const Bytes good = save_model(mlp_model());
  for (size_t at : {v4_params_at(2) + 100, v2_val_acc_at(2), good.size() - 1}) {
    SCOPED_TRACE("byte " + std::to_string(at));
    Bytes b = good;
    b[at] ^= 0x10;
    expect_refused(b, "model file is corrupt (checksum mismatch)");
  }
}

// A corrected model (issue 14 §1) is written as version 5 with its count of corrections after the
// curve; any other stays version 4 byte for byte, so pages before it read them.
TEST(ModelFile, CorrectedModelIsVersion5WithItsCount) {
  SavedModel m = mlp_model();
  const Bytes plain = save_model(m);
  EXPECT_EQ(plain[4], 4);
  m.corrections = 3;
  const Bytes tuned = save_model(m);
  EXPECT_EQ(tuned[4], 5);
  EXPECT_EQ(tuned.size(), plain.size() + 4);
  SavedModel back;
  ASSERT_TRUE(load_model(tuned.data(), tuned.size(), &back));
  EXPECT_EQ(back.corrections, 3);
  EXPECT_EQ(back.params, m.params);
  ASSERT_TRUE(load_model(plain.data(), plain.size(), &back));
  EXPECT_EQ(back.corrections, 0);
  // A count of 0 in a version 5 file is refused (a version 4 file says that).
  Bytes zero = tuned;
  const size_t at = plain.size() - 4 - 8 - 4 * static_cast<size_t>(m.params.size());  // after the curve
  set_u32(&zero, at, 0);
  reseal(&zero);
  expect_refused(zero, "model file: 0 corrections (must be 1 to 1000000)");
}

TEST(ModelFile, RefusesWrongMagicAndVersion) {
  Bytes b = save_model(mlp_model());
  b[0] = 'X';
  expect_refused(b, "not an fmnist model file");
  const Bytes bundle = {'F', 'M', 'N', 'B', 1, 0, 0, 0};
  expect_refused(bundle, "not an fmnist model file");
  Bytes v = save_model(mlp_model());
  set_u32(&v, 4, 6);
  reseal(&v);
  expect_refused(v, "unsupported model file version 6 (this build reads versions 1 to 5)");
  set_u32(&v, 4, 0);
  reseal(&v);
  expect_refused(v, "unsupported model file version 0");
}

// Version 1's fields (the version 2 file shares those before the layer count).
TEST(ModelFile, RefusesAbsurdArchitecture) {
  const Bytes good = save_v1(mlp_model());
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
  for (uint32_t bad : {0u, 6u, 8u, 20u, 56u}) {
    Bytes side = good;
    set_u32(&side, 8, bad);
    expect_refused(side, "input side " + std::to_string(bad) + " is not 7, 14 or 28");
  }
  Bytes lr = good;
  set_f32(&lr, kLrAt, std::numeric_limits<float>::infinity());
  reseal(&lr);
  expect_refused(lr, "learning rate");
}

// A kind that contradicts the layer count would load, then fail in Trainer::adopt with a weight
// count that names neither: the file is refused at load, with the reason.
TEST(ModelFile, RefusesModelKindContradictingHiddenLayers) {
  constexpr size_t kMlpKindAt = kFirstWidthAt + 2 * 4 + 1;  // after the widths and the activation
  Bytes softmax_with_layers = save_v1(mlp_model());
  ASSERT_EQ(softmax_with_layers[kMlpKindAt], static_cast<uint8_t>(ModelKind::kMlp));
  softmax_with_layers[kMlpKindAt] = static_cast<uint8_t>(ModelKind::kSoftmax);
  reseal(&softmax_with_layers);
  expect_refused(softmax_with_layers, "a softmax model has no hidden layers, but this one has 2");

  SavedModel softmax = sentinel();
  Bytes mlp_without_layers = save_v1(softmax);
  constexpr size_t kSoftmaxKindAt = kFirstWidthAt + 1;  // no widths
  ASSERT_EQ(mlp_without_layers[kSoftmaxKindAt], static_cast<uint8_t>(ModelKind::kSoftmax));
  mlp_without_layers[kSoftmaxKindAt] = static_cast<uint8_t>(ModelKind::kMlp);
  reseal(&mlp_without_layers);
  expect_refused(mlp_without_layers, "an MLP needs at least one hidden layer");

  // The same in version 2.
  Bytes v2 = save_model(mlp_model());
  ASSERT_EQ(v2[v2_kind_at(2)], static_cast<uint8_t>(ModelKind::kMlp));
  v2[v2_kind_at(2)] = static_cast<uint8_t>(ModelKind::kSoftmax);
  reseal(&v2);
  expect_refused(v2, "a softmax model has no hidden layers, but this one has 2");
  Bytes v2_mlp = save_model(softmax);
  v2_mlp[v2_kind_at(0)] = static_cast<uint8_t>(ModelKind::kMlp);
  reseal(&v2_mlp);
  expect_refused(v2_mlp, "an MLP needs at least one hidden layer");
  SavedModel deep = mlp_model();
  deep.arch = Architecture::dense(196, {4, 4, 4, 4, 4});
  deep.params.resize(deep.arch.param_count());
  expect_refused(save_model(deep), "model file: 5 hidden layers, at most 4 allowed");
}

// Version 2's layer records: an absurd conv or pool shape is refused with the layer and the
// reason; valid layers that are not the model kind's are refused too (the Trainer builds the
// network from the kind).
TEST(ModelFile, RefusesAbsurdLayers) {
  const Bytes good = save_model(model_of(ModelKind::kCnnSmall, 14, 2));  // 5 layers
  ASSERT_EQ(good[kLayerCountAt], 5);
  // Field offsets in a layer record.
  constexpr size_t kKind = 0, kActivation = 1, kPadding = 2, kReserved = 3, kUnits = 4,
                   kKernel = 8, kRate = 12;
  const auto at = [](int layer, size_t field) { return kLayersAt + kLayerBytes * (layer - 1) + field; };
  struct Edit {
    int layer;
    size_t field;
    uint32_t value;  // a byte or a u32, by field
  };
  const struct {
    std::vector<Edit> edits;
    const char* expected;
  } cases[] = {
      {{{1, kUnits, 0}}, "model file: bad layer list (layer 1: 0 filters, allowed 1..256)"},
      {{{1, kUnits, 100000}}, "layer 1: 100000 filters, allowed 1..256"},
      {{{3, kKernel, 9}}, "layer 3: kernel size 9, allowed 1..7"},
      {{{3, kKernel, 0}}, "layer 3: kernel size 0, allowed 1..7"},
      {{{3, kPadding, 7}}, "layer 3: unknown padding 7"},
      {{{1, kActivation, 1}}, "layer 1: activation 1 is not allowed for this kind of layer"},
      {{{2, kKind, 9}}, "layer 2: unknown kind 9"},
      {{{2, kReserved, 1}}, "layer 2: a field its kind does not use is set"},
      {{{2, kUnits, 5}}, "layer 2: a field its kind does not use is set"},
      {{{5, kUnits, 0}}, "layer 5: Dense width 0, allowed 1..4096"},
      {{{5, kUnits, 5000}}, "layer 5: Dense width 5000, allowed 1..4096"},
      {{{2, kKind, 0}, {2, kUnits, 64}},
       "layer 3: convolution and pooling need an image, but a Dense layer comes before"},
      // 14×14 → valid 7×7 → 8×8 → pool 4×4: a valid 7×7 kernel no longer fits.
      {{{1, kPadding, 0}, {1, kKernel, 7}, {3, kPadding, 0}, {3, kKernel, 7}},
       "layer 3: a 7×7 kernel does not fit a 4×4 input without padding"},
      // 14×14 → pool 7×7 → valid 7×7 → 1×1: nothing left to pool.
      {{{3, kPadding, 0}, {3, kKernel, 7}}, "layer 4: 2×2 pooling needs at least a 2×2 input, not 1×1"},
      {{{5, kKind, 3}, {5, kUnits, 0}, {5, kRate, 0x3F800000}},  // Dropout(1.0)
       "layer 5: dropout rate 1 is not at least 0 and below 1"},
      {{{5, kKind, 3}, {5, kUnits, 0}, {5, kRate, 0x7FC00000}},  // Dropout(NaN)
       "is not at least 0 and below 1"},
      {{{1, kUnits, 256}, {3, kUnits, 256}, {4, kKind, 3}, {5, kUnits, 4096}},  // pool → Dropout(0)
       "parameters, at most 16777216 allowed"},
      // Sane, but not cnn-small's layers.
      {{{1, kUnits, 8}}, "model file: its layers are not those of a 'cnn-small' model"},
      {{{3, kPadding, 0}}, "model file: its layers are not those of a 'cnn-small' model"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.expected);
    Bytes b = good;
    for (const Edit& e : c.edits) {
      if (e.field < kUnits) {
        b[at(e.layer, e.field)] = static_cast<uint8_t>(e.value);
      } else {
        set_u32(&b, at(e.layer, e.field), e.value);
      }
    }
    reseal(&b);
    expect_refused(b, c.expected);
  }
  Bytes count = good;
  set_u32(&count, kLayerCountAt, 17);
  expect_refused(count, "model file: bad layer list (17 layers, at most 16 allowed)");
  Bytes kind = good;
  kind[v2_kind_at(5)] = 4;
  reseal(&kind);
  expect_refused(kind, "model file: unknown model kind 4");
  Bytes book_at_14 = good;
  book_at_14[v2_kind_at(5)] = static_cast<uint8_t>(ModelKind::kCnn);
  reseal(&book_at_14);
  expect_refused(book_at_14, "the book's CNN ('cnn') needs 28×28 inputs (got 14×14)");
  Bytes patience = good;
  set_u32(&patience, v2_patience_at(5), 1001);
  reseal(&patience);
  expect_refused(patience, "model file: early stopping patience 1001, at most 1000 allowed");
}

TEST(ModelFile, RefusesParamCountDisagreeingWithArchitecture) {
  // One parameter fewer, consistently: count field, payload and CRC all agree with each other.
  Bytes b = save_model(mlp_model());
  set_u64(&b, v4_count_at(2), kParams - 1);
  b.erase(b.end() - 8, b.end() - 4);
  reseal(&b);
  expect_refused(b, "holds 1042 parameters but its architecture needs 1043");
}

TEST(ModelFile, RefusesNonFiniteWeights) {
  const Bytes good = save_model(mlp_model());
  Bytes nan = good;
  set_f32(&nan, v4_params_at(2) + 4 * 17, std::numeric_limits<float>::quiet_NaN());
  reseal(&nan);
  expect_refused(nan, "non-finite weight (parameter 17)");
  Bytes inf = good;
  set_f32(&inf, v4_params_at(2) + 4 * (kParams - 1), -std::numeric_limits<float>::infinity());
  reseal(&inf);
  expect_refused(inf, "non-finite weight");
}

// 7×7 models (4×4 mean pooling): each kind that reads 7×7 saves and loads bitwise; its inputs
// must be 49.
TEST(ModelFile, SevenBySevenRoundTrips) {
  for (ModelKind kind : {ModelKind::kSoftmax, ModelKind::kMlp, ModelKind::kCnnSmall}) {
    SavedModel m = model_of(kind, 7, 5);
    if (kind == ModelKind::kMlp) {  // model_of leaves the hidden layers empty
      m.config.hidden = {100};
      m.arch = architecture_for(m.config, 7);
      m.params = Vector::Constant(m.arch.param_count(), 0.25f);
    }
    ASSERT_EQ(m.arch.inputs, 49);
    const Bytes b = save_model(m);
    SavedModel back;
    const Status s = load_model(b.data(), b.size(), &back);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_EQ(back.side, 7);
    EXPECT_TRUE(back.arch == m.arch);
    EXPECT_EQ(save_model(back), b);
    EXPECT_TRUE(check_model_fits(back, 7));
    EXPECT_FALSE(check_model_fits(back, 14));
  }
  Bytes inputs = save_model(model_of(ModelKind::kSoftmax, 7, 5));
  set_u32(&inputs, 12, 196);  // but side 7
  expect_refused(inputs, "196 inputs do not match 7×7");
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
