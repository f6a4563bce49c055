// Tests of safetensors.cpp and json.cpp: the byte layout of the spec, Keras' tensor names and
// shapes with the weights where Keras has them (checked against Network's own accessors and a
// forward pass written here from the tensors alone), bitwise round trips for every model kind, and
// every refusal with its sentence, leaving `out` untouched.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/rng.h"
#include "core/safetensors.h"
#include "messages/messages.h"

namespace fm {
namespace {

using Bytes = std::vector<uint8_t>;

SavedModel model_of(ModelKind kind, int side, std::vector<int> hidden = {},
                    Activation activation = Activation::kRelu) {
  SavedModel m;
  m.side = side;
  m.config.model = kind;
  m.config.hidden = std::move(hidden);
  m.config.hidden_activation = activation;
  m.config.optimizer.kind = OptimizerKind::kAdam;
  m.config.optimizer.lr = 0.0007f;
  m.config.batch = 48;
  m.config.epochs = 9;
  m.config.early_stopping = 2;
  m.config.seed = 9007199254740991ull;  // 2^53 − 1
  m.arch = architecture_for(m.config, side);
  m.val_acc = 0.8123f;
  m.params.resize(m.arch.param_count());
  Rng rng(11);
  for (Index i = 0; i < m.params.size(); ++i) m.params[i] = rng.uniform(-1.0f, 1.0f);
  m.params[0] = -0.0f;
  m.params[1] = 1e-40f;  // a denormal survives
  return m;
}

uint64_t header_length(const Bytes& b) {
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | b[static_cast<size_t>(i)];
  return n;
}
std::string header_of(const Bytes& b) {
  return std::string(b.begin() + 8, b.begin() + 8 + static_cast<std::ptrdiff_t>(header_length(b)));
}
Bytes data_of(const Bytes& b) { return Bytes(b.begin() + 8 + static_cast<std::ptrdiff_t>(header_length(b)), b.end()); }
// A file from a header (as it is: no padding added) and data.
Bytes file_of(const std::string& header, const Bytes& data) {
  Bytes b(8 + header.size() + data.size());  // sized once: GCC 12 warns falsely on inserts here
  for (int i = 0; i < 8; ++i) b[static_cast<size_t>(i)] = static_cast<uint8_t>(uint64_t{header.size()} >> (8 * i));
  std::copy(header.begin(), header.end(), b.begin() + 8);
  std::copy(data.begin(), data.end(), b.begin() + 8 + static_cast<std::ptrdiff_t>(header.size()));
  return b;
}
// The file with one piece of its header replaced (which must be there).
Bytes edited(const Bytes& b, const std::string& from, const std::string& to) {
  std::string h = header_of(b);
  const size_t at = h.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) h.replace(at, from.size(), to);
  return file_of(h, data_of(b));
}

JsonValue header_json(const Bytes& b) {
  const std::string h = header_of(b);
  JsonValue v;
  size_t at = 0;
  EXPECT_TRUE(parse_json(h.data(), h.size(), &v, &at)) << "at " << at;
  return v;
}

std::vector<uint64_t> shape(const JsonValue& header, const std::string& name) {
  std::vector<uint64_t> out;
  const JsonValue* t = header.get(name);
  if (!t || !t->get("shape")) return out;
  for (const JsonValue& d : t->get("shape")->items) {
    uint64_t n = 0;
    EXPECT_TRUE(json_whole(d, UINT64_MAX, &n));
    out.push_back(n);
  }
  return out;
}

// The float32 values of a tensor, as a reader of the file finds them.
std::vector<float> tensor(const Bytes& b, const std::string& name) {
  const JsonValue h = header_json(b);
  const JsonValue* offsets = h.get(name)->get("data_offsets");
  uint64_t begin = 0, end = 0;
  EXPECT_TRUE(json_whole(offsets->items[0], UINT64_MAX, &begin));
  EXPECT_TRUE(json_whole(offsets->items[1], UINT64_MAX, &end));
  const Bytes data = data_of(b);
  std::vector<float> out((end - begin) / 4);
  std::memcpy(out.data(), data.data() + begin, end - begin);  // little-endian host
  return out;
}

SavedModel sentinel() {
  SavedModel m = model_of(ModelKind::kSoftmax, 28);
  m.params.setConstant(7.0f);
  m.class_names = digit_class_names();
  return m;
}

void expect_refused(const Bytes& b, const std::string& expected) {
  SavedModel m = sentinel();
  const Status s = load_safetensors(b.data(), b.size(), &m);
  ASSERT_FALSE(s) << "accepted; expected: " << expected;
  EXPECT_NE(describe(s).find(expected), std::string::npos) << describe(s);
  EXPECT_EQ(save_model(m), save_model(sentinel())) << "out was changed";
  // Korean has its sentence too.
  EXPECT_FALSE(describe(s, Language::kKorean).empty());
}

TEST(Safetensors, LayoutFollowsTheSpec) {
  const SavedModel m = model_of(ModelKind::kMlp, 14, {5, 3}, Activation::kSigmoid);
  const Bytes b = save_safetensors(m);
  const uint64_t n = header_length(b);
  EXPECT_EQ((8 + n) % 8, 0u);  // the data starts 8-byte aligned
  const std::string h = header_of(b);
  EXPECT_EQ(h.front(), '{');
  const size_t last = h.find_last_not_of(' ');
  EXPECT_EQ(h[last], '}');  // then only spaces, as the spec allows
  EXPECT_EQ(b.size(), 8 + n + 4 * static_cast<uint64_t>(m.params.size()));
  const JsonValue header = header_json(b);
  // Tensors: Keras' names, dense kernels [in, out], offsets contiguous in params order.
  const char* names[] = {"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias", "dense_2/kernel", "dense_2/bias"};
  const std::vector<std::vector<uint64_t>> shapes = {{196, 5}, {5}, {5, 3}, {3}, {3, 10}, {10}};
  uint64_t at = 0;
  for (size_t i = 0; i < 6; ++i) {
    SCOPED_TRACE(names[i]);
    const JsonValue* t = header.get(names[i]);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->get("dtype")->text, "F32");
    EXPECT_EQ(shape(header, names[i]), shapes[i]);
    uint64_t begin = 0, end = 0;
    ASSERT_TRUE(json_whole(t->get("data_offsets")->items[0], UINT64_MAX, &begin));
    ASSERT_TRUE(json_whole(t->get("data_offsets")->items[1], UINT64_MAX, &end));
    EXPECT_EQ(begin, at);
    at = end;
  }
  EXPECT_EQ(at, 4 * static_cast<uint64_t>(m.params.size()));
  EXPECT_EQ(header.keys.size(), 7u);  // the six and __metadata__
  // Metadata: strings only, the structured ones JSON inside.
  const JsonValue* meta = header.get("__metadata__");
  ASSERT_NE(meta, nullptr);
  for (const JsonValue& v : meta->items) EXPECT_TRUE(v.is(JsonValue::Type::kString));
  EXPECT_EQ(meta->get("format")->text, "fmnist");
  EXPECT_EQ(meta->get("format_version")->text, "1");
  EXPECT_EQ(meta->get("model")->text, "mlp");
  EXPECT_EQ(meta->get("input_side")->text, "14");
  EXPECT_EQ(meta->get("layers")->text,
            "[{\"class_name\": \"Dense\", \"units\": 5, \"activation\": \"sigmoid\"}, "
            "{\"class_name\": \"Dense\", \"units\": 3, \"activation\": \"sigmoid\"}, "
            "{\"class_name\": \"Dense\", \"units\": 10, \"activation\": \"softmax\"}]");
  JsonValue names_json;
  size_t err = 0;
  ASSERT_TRUE(parse_json(meta->get("class_names")->text.data(), meta->get("class_names")->text.size(), &names_json, &err));
  ASSERT_EQ(names_json.items.size(), 10u);
  EXPECT_EQ(names_json.items[9].text, "Ankle boot");
  EXPECT_EQ(meta->get("training")->text,
            "{\"optimizer\": \"adam\", \"learning_rate\": 0.000699999975, \"batch_size\": 48, \"epochs\": 9, "
            "\"seed\": 9007199254740991, \"early_stopping\": 2, \"val_acc\": 0.812300026}");
}

// The weights sit where Keras has them: kernel[i][o] (row-major [in, out]) is the weight from input
// i to unit o, conv kernel[dy][dx][c][o] the tap (dy, dx) of channel c for filter o.
TEST(Safetensors, WeightsAreWhereKerasHasThem) {
  const SavedModel m = model_of(ModelKind::kCnnSmall, 14);
  const Bytes b = save_safetensors(m);
  const JsonValue header = header_json(b);
  EXPECT_EQ(shape(header, "conv2d/kernel"), (std::vector<uint64_t>{3, 3, 1, 16}));
  EXPECT_EQ(shape(header, "conv2d/bias"), (std::vector<uint64_t>{16}));
  EXPECT_EQ(shape(header, "conv2d_1/kernel"), (std::vector<uint64_t>{3, 3, 16, 32}));
  EXPECT_EQ(shape(header, "dense/kernel"), (std::vector<uint64_t>{3 * 3 * 32, 64}));
  EXPECT_EQ(shape(header, "dense_1/kernel"), (std::vector<uint64_t>{64, 10}));
  EXPECT_EQ(shape(header, "dense_1/bias"), (std::vector<uint64_t>{10}));
  Network net(m.arch, 1);
  net.params() = m.params;
  const std::vector<float> conv1 = tensor(b, "conv2d_1/kernel");
  const auto w1 = net.weights(1);  // C_out × (k·k·C_in)
  for (int dy = 0; dy < 3; ++dy)
    for (int dx = 0; dx < 3; ++dx)
      for (int c = 0; c < 16; ++c)
        for (int o = 0; o < 32; ++o) {
          ASSERT_EQ(conv1[static_cast<size_t>(((dy * 3 + dx) * 16 + c) * 32 + o)], w1(o, (dy * 3 + dx) * 16 + c));
        }
  const std::vector<float> dense = tensor(b, "dense/kernel");
  const auto w2 = net.weights(2);  // out × in
  for (int i = 0; i < 288; ++i)
    for (int o = 0; o < 64; ++o) ASSERT_EQ(dense[static_cast<size_t>(i * 64 + o)], w2(o, i));
  const std::vector<float> bias = tensor(b, "dense_1/bias");
  for (int o = 0; o < 10; ++o) EXPECT_EQ(bias[static_cast<size_t>(o)], net.bias(3)(o));
}

// An MLP's prediction computed from the file's tensors alone (x·kernel + bias, relu, softmax)
// matches the network's.
TEST(Safetensors, DenseForwardFromTheTensorsMatchesTheNetwork) {
  SavedModel m = model_of(ModelKind::kMlp, 14, {20});
  for (Index i = 0; i < m.params.size(); ++i) m.params[i] *= 0.2f;
  const Bytes b = save_safetensors(m);
  std::vector<float> x(196);
  for (size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>((i * 37) % 256) / 255.0f;
  const std::vector<float> k0 = tensor(b, "dense/kernel"), b0 = tensor(b, "dense/bias");
  const std::vector<float> k1 = tensor(b, "dense_1/kernel"), b1 = tensor(b, "dense_1/bias");
  std::vector<double> h(20), z(10);
  for (size_t o = 0; o < 20; ++o) {
    double s = b0[o];
    for (size_t i = 0; i < 196; ++i) s += double{x[i]} * k0[i * 20 + o];
    h[o] = std::max(0.0, s);
  }
  double zmax = -1e30, sum = 0;
  for (size_t o = 0; o < 10; ++o) {
    z[o] = b1[o];
    for (size_t i = 0; i < 20; ++i) z[o] += h[i] * k1[i * 10 + o];
    zmax = std::max(zmax, z[o]);
  }
  for (double& v : z) sum += (v = std::exp(v - zmax));
  Network net(m.arch, 1);
  net.params() = m.params;
  float probs[10];
  net.predict(x.data(), probs);
  for (size_t o = 0; o < 10; ++o) EXPECT_NEAR(z[o] / sum, probs[o], 1e-5) << o;
}

TEST(Safetensors, RoundTripIsBitwiseForEveryKind) {
  std::vector<SavedModel> models = {model_of(ModelKind::kSoftmax, 14), model_of(ModelKind::kSoftmax, 28),
                                    model_of(ModelKind::kMlp, 14, {5, 3}, Activation::kSigmoid),
                                    model_of(ModelKind::kMlp, 28, {100}),
                                    model_of(ModelKind::kCnnSmall, 14), model_of(ModelKind::kCnnSmall, 28),
                                    model_of(ModelKind::kCnn, 28), model_of(ModelKind::kSoftmax, 7),
                                    model_of(ModelKind::kMlp, 7, {100}), model_of(ModelKind::kCnnSmall, 7)};
  models[0].val_acc = std::numeric_limits<float>::quiet_NaN();
  models[2].class_names = {"티셔츠", "바지", "풀오버", "드레스", "코트", "샌들", "셔츠", "운동화", "가방", "앵클 \"부츠\"\\"};
  models[3].config.optimizer.kind = OptimizerKind::kSgd;
  models[3].config.seed = 0;
  for (const SavedModel& m : models) {
    SCOPED_TRACE(std::string(model_kind_name(m.config.model)) + " " + std::to_string(m.side));
    const Bytes b = save_safetensors(m);
    SavedModel back;
    const Status s = load_safetensors(b.data(), b.size(), &back);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_EQ(save_model(back), save_model(m));  // every field, the weights bitwise
    EXPECT_EQ(back.class_names, m.class_names);
    EXPECT_EQ(save_safetensors(back), b);
    SavedModel any;
    ASSERT_TRUE(load_any_model(b.data(), b.size(), &any));
    EXPECT_EQ(save_model(any), save_model(m));
  }
  // The book's CNN: its tensors as Keras names them.
  const JsonValue h = header_json(save_safetensors(models[6]));
  EXPECT_EQ(shape(h, "conv2d/kernel"), (std::vector<uint64_t>{3, 3, 1, 32}));
  EXPECT_EQ(shape(h, "conv2d_1/kernel"), (std::vector<uint64_t>{3, 3, 32, 64}));
  EXPECT_EQ(shape(h, "dense/kernel"), (std::vector<uint64_t>{7 * 7 * 64, 100}));
  EXPECT_EQ(shape(h, "dense_1/kernel"), (std::vector<uint64_t>{100, 10}));
}

// The run's history as Keras' History.history (one list per metric) and epochs_trained, both
// JSON strings in __metadata__; back exactly.
TEST(Safetensors, HistoryRoundTrip) {
  SavedModel m = model_of(ModelKind::kMlp, 14, {5, 3});
  m.history = {{1, 0.71f, 0.75f, 0.62f, 0.78f}, {2, 0.52f, 0.82f, 0.55f, 0.80f}, {3, 0.49f, 0.83f, 0.51f, 0.8225f}};
  m.curve = {{0.5f, 1.2f, 0.6f}, {3.0f, 0.5f, 0.82f}};
  const Bytes b = save_safetensors(m);
  const JsonValue h = header_json(b);
  const JsonValue* meta = h.get("__metadata__");
  ASSERT_NE(meta, nullptr);
  ASSERT_NE(meta->get("epochs_trained"), nullptr);
  EXPECT_EQ(meta->get("epochs_trained")->text, "3");
  ASSERT_NE(meta->get("history"), nullptr);
  JsonValue history;
  size_t at = 0;
  const std::string& text = meta->get("history")->text;
  ASSERT_TRUE(parse_json(text.data(), text.size(), &history, &at)) << text;
  EXPECT_EQ(history.keys, (std::vector<std::string>{"loss", "accuracy", "val_loss", "val_accuracy"}));
  float v = 0;
  ASSERT_TRUE(json_float(history.get("val_accuracy")->items[2], &v));
  EXPECT_EQ(v, 0.8225f);
  SavedModel back;
  const Status s = load_safetensors(b.data(), b.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(save_model(back), save_model(m));  // the history bitwise with every other field
  EXPECT_EQ(back.history.size(), 3u);
  EXPECT_EQ(back.curve.size(), 2u);
  expect_refused(edited(b, "\"epoch\\\": [0.5", "\"epoch\\\": [3.5"),
                 "model file: bad training history (point 1 of the per-batch curve is not valid");
  expect_refused(edited(b, "\"epoch\\\": [0.5, ", "\"epoch\\\": ["), "__metadata__ \"batch_curve\" is missing or not valid");
  // Refused: lists of other lengths, a count that disagrees, a bad value (check_history's words).
  expect_refused(edited(b, "\"epochs_trained\": \"3\"", "\"epochs_trained\": \"4\""),
                 "__metadata__ \"epochs_trained\" is missing or not valid");
  expect_refused(edited(b, "\"loss\\\": [", "\"loss\\\": [0.9, "), "__metadata__ \"history\" is missing or not valid");
  expect_refused(edited(b, "\"val_accuracy\\\": [", "\"val_accuracy\\\": [2, "),
                 "__metadata__ \"history\" is missing or not valid");
  expect_refused(edited(b, "\"accuracy\\\": [0.75", "\"accuracy\\\": [1.75"),
                 "model file: bad training history (epoch record 1 is not valid");
  // Without epochs_trained the lists alone are enough; epochs_trained without a history is not.
  SavedModel alone;
  const Bytes no_count = edited(b, "\"epochs_trained\": \"3\", ", "");
  ASSERT_TRUE(load_safetensors(no_count.data(), no_count.size(), &alone));
  EXPECT_EQ(alone.history.size(), 3u);
}

// Exports written before the history (committed: the fuzzer's seeds, and names-14-v1 made by
// `fmnist export` of the build before it) load with an empty history.
TEST(Safetensors, ExportsBeforeTheHistoryLoad) {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.find_last_of('/') + 1) + "fuzz/seeds/fuzz_safetensors/";
  for (const char* name : {"names-14-v1.safetensors", "softmax-14.safetensors", "mlp3-14.safetensors"}) {
    SCOPED_TRACE(name);
    std::ifstream in(dir + name, std::ios::binary);
    const Bytes b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(b.size(), 8u) << "missing fixture";
    EXPECT_EQ(header_of(b).find("history"), std::string::npos);
    SavedModel m;
    const Status s = load_safetensors(b.data(), b.size(), &m);
    ASSERT_TRUE(s) << describe(s);
    EXPECT_TRUE(m.history.empty());
    if (std::string(name) == "names-14-v1.safetensors") {
      EXPECT_EQ(m.class_names[3], "three");
    }
  }
}

TEST(Safetensors, LoadAnyModelTellsTheFormats) {
  const SavedModel m = model_of(ModelKind::kMlp, 14, {8});
  const Bytes own = save_model(m);
  SavedModel back;
  ASSERT_TRUE(load_any_model(own.data(), own.size(), &back));
  EXPECT_EQ(save_model(back), own);
  const Bytes png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
  const Status s = load_any_model(png.data(), png.size(), &back);
  ASSERT_FALSE(s);
  EXPECT_EQ(describe(s), "not a model file: neither an fmnist model file nor a safetensors file");
}

TEST(Safetensors, RefusesTruncation) {
  const Bytes b = save_safetensors(model_of(ModelKind::kCnnSmall, 14));
  const size_t data_at = 8 + header_length(b);
  for (size_t len : {size_t{0}, size_t{7}}) {
    expect_refused(Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(len)), "not a safetensors file: only");
  }
  for (size_t len : {size_t{8}, size_t{9}, data_at / 2, data_at - 1}) {
    SCOPED_TRACE(len);
    expect_refused(Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(len)),
                   "safetensors file is truncated: its header needs " + std::to_string(data_at) + " bytes");
  }
  for (size_t len : {data_at, data_at + 1, b.size() / 2, b.size() - 1}) {
    SCOPED_TRACE(len);
    expect_refused(Bytes(b.begin(), b.begin() + static_cast<std::ptrdiff_t>(len)),
                   "safetensors file is truncated: " + std::to_string(len - data_at) +
                       " bytes of tensor data, but a cnn-small model's 23946 parameters need 95784");
  }
}

TEST(Safetensors, RefusesBadHeaders) {
  const Bytes good = save_safetensors(model_of(ModelKind::kSoftmax, 14));
  Bytes big = good;
  big[3] = 1;  // 16 MB
  expect_refused(big, "is too big (at most 1048576)");
  expect_refused(file_of("[1, 2]  ", {}), "the header is not a JSON object (byte 0 of the header)");
  expect_refused(file_of("{\"a\": tru}", {}), "not a JSON object (byte 9 of the header)");
  expect_refused(file_of("{\"a\": 1, \"a\": 1}", {}), "not a JSON object");
  expect_refused(file_of("{}", {}), "was not exported by fmnist");
  expect_refused(file_of("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", {0, 0, 0, 0}),
                 "was not exported by fmnist");
  expect_refused(edited(good, "\"format\": \"fmnist\"", "\"format\": \"pt\""), "was not exported by fmnist");
  expect_refused(edited(good, "\"format_version\": \"1\"", "\"format_version\": \"2\""),
                 "fmnist format version \"2\" is not supported (this build reads 1)");
  expect_refused(edited(good, "\"input_side\": \"14\"", "\"input_side\": 14"),
                 "__metadata__ \"input_side\" is missing or not valid");
  for (const char* side : {"20", "8", "07", "0", "28 "}) {
    expect_refused(edited(good, "\"input_side\": \"14\"", std::string("\"input_side\": \"") + side + "\""),
                   "__metadata__ \"input_side\" is missing or not valid");
  }
  expect_refused(edited(good, "\"model\": \"softmax\"", "\"model\": \"resnet\""),
                 "__metadata__ \"model\" is missing or not valid");
  expect_refused(edited(good, "\"activation\\\": \\\"softmax\\\"", "\"activation\\\": \\\"relu\\\""),
                 "the last entry of __metadata__ \"layers\" (entry 1) must be Dense(10, softmax)");
  expect_refused(edited(good, "\"class_names\": \"[", "\"class_names\": \"[\\\"extra\\\", "),
                 "__metadata__ \"class_names\" is missing or not valid");
  expect_refused(edited(good, "\"batch_size\\\": 48", "\"batch_size\\\": -48"),
                 "__metadata__ \"training\" is missing or not valid");
  // Fields the model file checks, with its sentences.
  expect_refused(edited(good, "\"learning_rate\\\": 0.000699999975", "\"learning_rate\\\": 0"),
                 "model file: learning rate 0.000000 is not positive");
  expect_refused(edited(good, "\\\"Trouser\\\"", "\\\"\\\\u0007\\\""),
                 "model file: bad class names (line 2 of the class-names file holds a control character)");
}

TEST(Safetensors, RefusesLayersThatAreNotTheKinds) {
  const Bytes mlp = save_safetensors(model_of(ModelKind::kMlp, 14, {8}));
  expect_refused(edited(mlp, "\"model\": \"mlp\"", "\"model\": \"softmax\""),
                 "model file: its layers are not those of a 'softmax' model");
  expect_refused(edited(mlp, "\\\"units\\\": 8", "\\\"units\\\": 0"),
                 "model file: bad layer list (layer 1: Dense width 0, allowed 1..4096)");
  expect_refused(edited(mlp, "\\\"class_name\\\": \\\"Dense\\\", \\\"units\\\": 8",
                        "\\\"class_name\\\": \\\"LSTM\\\", \\\"units\\\": 8"),
                 "entry 1 of __metadata__ \"layers\" is not a layer fmnist knows");
  const Bytes cnn = save_safetensors(model_of(ModelKind::kCnnSmall, 14));
  expect_refused(edited(cnn, "\\\"filters\\\": 16", "\\\"filters\\\": 17"),
                 "its layers are not those of a 'cnn-small' model");
  expect_refused(edited(cnn, "\"model\": \"cnn-small\"", "\"model\": \"cnn\""),
                 "its layers are not those of a 'cnn' model");
}

TEST(Safetensors, RefusesBadTensors) {
  const Bytes good = save_safetensors(model_of(ModelKind::kSoftmax, 14));
  // softmax at 14×14: dense/kernel [196, 10] at [0, 7840], dense/bias [10] at [7840, 7880].
  expect_refused(edited(good, "\"dtype\": \"F32\"", "\"dtype\": \"F16\""),
                 "tensor \"dense/kernel\" is F16, but only F32 (float32) is read");
  expect_refused(edited(good, "\"shape\": [196, 10]", "\"shape\": [10, 196]"),
                 "tensor \"dense/kernel\" has shape [10, 196], but the softmax model needs [196, 10]");
  expect_refused(edited(good, "\"shape\": [196, 10]", "\"shape\": [1960]"), "has shape [1960]");
  expect_refused(edited(good, "\"dense/bias\"", "\"dense_1/bias\""),
                 "tensor \"dense_1/bias\" is not part of a softmax model");
  expect_refused(edited(good, ", \"dense/bias\": {\"dtype\": \"F32\", \"shape\": [10], \"data_offsets\": [7840, 7880]}", ""),
                 "tensor \"dense/bias\" of the softmax model is missing");
  expect_refused(edited(good, "\"data_offsets\": [7840, 7880]", "\"data_offsets\": [7840, 7920]"),
                 "tensor \"dense/bias\" has data_offsets [7840, 7920] outside the 7880 bytes of data");
  expect_refused(edited(good, "\"data_offsets\": [7840, 7880]", "\"data_offsets\": [7880, 7840]"),
                 "data_offsets [7880, 7840] outside");
  expect_refused(edited(good, "\"data_offsets\": [7840, 7880]", "\"data_offsets\": [7800, 7840]"),
                 "tensors \"dense/kernel\" and \"dense/bias\" overlap");
  expect_refused(edited(good, "\"data_offsets\": [7840, 7880]", "\"data_offsets\": [7836, 7880]"),
                 "tensor \"dense/bias\" spans 44 bytes, its shape needs 40");
  expect_refused(edited(good, "\"data_offsets\": [7840, 7880]", "\"data_offsets\": [7840, 7880, 0]"),
                 "tensor \"dense/bias\" needs a dtype, a shape and two data_offsets");
  expect_refused(edited(good, "\"data_offsets\": [0, 7840]", "\"data_offsets\": [0, 7840.0]"),
                 "needs a dtype, a shape and two data_offsets");
  // Bias first, then the kernel: allowed (offsets say where), and the data read from there.
  Bytes swapped_data = data_of(good);
  std::rotate(swapped_data.begin(), swapped_data.begin() + 7840, swapped_data.end());
  std::string h = header_of(good);
  h.replace(h.find("[0, 7840]"), 9, "[40, 7880]");
  h.replace(h.find("[7840, 7880]"), 12, "[0, 40]");
  const Bytes swapped = file_of(h, swapped_data);
  SavedModel back;
  ASSERT_TRUE(load_safetensors(swapped.data(), swapped.size(), &back));
  EXPECT_EQ(save_model(back), save_model(model_of(ModelKind::kSoftmax, 14)));
  // Extra data after the tensors, and a gap between them.
  Bytes longer = good;
  longer.insert(longer.end(), {0, 0, 0, 0});
  expect_refused(longer, "data bytes 7880 to 7884 belong to no tensor");
  h = header_of(good);
  h.replace(h.find("[0, 7840]"), 9, "[4, 7844]");
  h.replace(h.find("[7840, 7880]"), 12, "[7844, 7884]");
  Bytes gap_data = data_of(good);
  gap_data.insert(gap_data.begin(), {0, 0, 0, 0});
  expect_refused(file_of(h, gap_data), "data bytes 0 to 4 belong to no tensor");
  // A NaN weight.
  Bytes nan = good;
  const float q = std::numeric_limits<float>::quiet_NaN();
  std::memcpy(nan.data() + 8 + header_length(good) + 4 * 1234, &q, 4);
  expect_refused(nan, "tensor \"dense/kernel\" has a non-finite value (element 1234)");
}

TEST(Json, ParsesAndRefusesAsRfc8259) {
  JsonValue v;
  size_t at = 0;
  const std::string text = " {\"a\": [1, -2.5e3, true, false, null], \"b\": \"\\u00e9\\ud83d\\ude00\\n\\\"\"} ";
  ASSERT_TRUE(parse_json(text.data(), text.size(), &v, &at));
  EXPECT_EQ(v.get("a")->items.size(), 5u);
  EXPECT_EQ(v.get("a")->items[1].text, "-2.5e3");
  EXPECT_EQ(v.get("b")->text, "\xC3\xA9\xF0\x9F\x98\x80\n\"");
  for (const char* bad : {"", "{", "{\"a\" 1}", "[1,]", "01", "1.", "-", "\"\\ud800\"", "\"\\x\"",
                          "\"a\nb\"", "\"\xff\"", "{\"a\":1,\"a\":2}", "[1] 2", "nul", "+1"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(parse_json(bad, std::strlen(bad), &v, &at));
  }
  const std::string deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_FALSE(parse_json(deep.data(), deep.size(), &v, &at));
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parse_json(ok.data(), ok.size(), &v, &at));
  uint64_t n = 0;
  JsonValue num;
  num.type = JsonValue::Type::kNumber;
  num.text = "18446744073709551615";
  EXPECT_TRUE(json_whole(num, UINT64_MAX, &n));
  EXPECT_EQ(n, UINT64_MAX);
  num.text = "18446744073709551616";
  EXPECT_FALSE(json_whole(num, UINT64_MAX, &n));
  EXPECT_EQ(json_quote("a\"b\\c\x01"), "\"a\\\"b\\\\c\\u0001\"");
}

}  // namespace
}  // namespace fm
