// The model file: save_model writes version 4 (version 5 for a corrected model), load_model
// reads versions 1 to 5 and validates every field before accepting it. All integers and floats
// little-endian.
//
// Version 5 = version 4 with, after the curve, the corrections that fine-tuned the model (issue 14
// §1: its seed and settings no longer reproduce it):
//       u32      K, 1..1,000,000
// A model without corrections is written as version 4, byte for byte as before.
//
// Version 4 = version 3 with the run's history after the class names:
//       u32      H, the epochs trained (0..kMaxEpochs; 0: unknown)
//       H × 20   one record per epoch, epoch 1 first: u32 epoch (1, 2, … H), f32 train loss,
//                f32 train accuracy, f32 validation loss, f32 validation accuracy
//                (check_history: losses finite and ≥ 0, accuracies in [0, 1])
//       u32      C, the per-batch curve's points (0..kMaxSavedCurve)
//       C × 12   f32 x (in epochs, increasing within (0, H]), f32 running mean loss, f32 running
//                mean accuracy (check_curve)
// Versions 1 to 3 carry no history: their models load with an empty one.
//
// Version 3 = version 2 with the class names between the validation accuracy and the parameter
// count:
//       u32      N, the names' byte length (1..kMaxClassNamesFileBytes)
//       N bytes  the ten names as a class-names file (class_names.h): UTF-8, one per line, LF
//                between them, class 0 first; parse_class_names checks them
// Versions 1 and 2 carry no names: their models were trained on Fashion-MNIST and load with its
// names (default_class_names()).
//
// Version 2 (the layer list):
//   0   4 bytes  magic "FMNM"
//   4   u32      version = 2
//   8   u32      side (14 or 28)
//   12  u32      inputs (side²)
//   16  u32      outputs (10)
//   20  u32      layer count L (0..kMaxLayers): the layers between the input and the output layer
//   24  L × 16   one record per layer, in order (Architecture::layers):
//         u8   kind (0 Dense, 1 Conv2D, 2 MaxPool2D, 3 Dropout)
//         u8   activation (0 relu, 1 sigmoid: Dense either, Conv2D relu; others 0)
//         u8   padding (Conv2D: 0 valid, 1 same; others 0)
//         u8   0 (reserved)
//         u32  units (Dense: width; Conv2D: filters; others 0)
//         u32  kernel (Conv2D: k; others 0)
//         f32  rate (Dropout: in [0, 1); others 0)
//   24+16L u8    model kind (0 softmax, 1 mlp, 2 cnn, 3 cnn-small): the layers must be its
//       u8       optimizer kind (0 sgd, 1 rmsprop, 2 adam)
//       f32      learning rate
//       u32      batch size
//       u32      epochs
//       u64      seed
//       u32      early stopping patience (0: off)
//       f32      validation accuracy when saved (NaN if unknown)
//       (version 3: the class names here; version 4: then the history)
//       u64      parameter count P (must equal Architecture::param_count())
//       P × f32  parameters in Network's order (per layer with weights: W, then b)
//       u32      CRC-32 (IEEE, as zlib) of every byte before it
//
// Version 1 (Dense layers only; still read, never written): the same up to offset 20, then
//   20  u32      hidden layer count H (0..kMaxHiddenLayers)
//   24  H × u32  hidden widths (1..kMaxHiddenWidth each)
//       u8       hidden activation (0 relu, 1 sigmoid)
//       u8       model kind (0 softmax, 1 mlp)
//       then optimizer … seed as in version 2, no patience, then validation accuracy, P,
//       the parameters and the CRC as in version 2.
//
// The other TrainConfig fields (momentum, rho, betas, epsilon, val_fraction, eval_chunk) are not
// stored: a loaded config has their defaults.
#include "core/model_file.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <utility>

#include "core/crc32.h"

namespace fm {

namespace {

constexpr char kMagic[4] = {'F', 'M', 'N', 'M'};
constexpr uint32_t kVersion = 5;   // the newest read; written only for a corrected model
constexpr uint32_t kVersion4 = 4;  // written for every other model, so older pages read them
constexpr uint32_t kMaxCorrections = 1000000;
constexpr uint32_t kVersion3 = 3;
constexpr uint32_t kVersion1 = 1;

uint32_t float_bits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

float bits_float(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}

class Writer {
 public:
  void bytes(const void* p, size_t n) {
    const uint8_t* b = static_cast<const uint8_t*>(p);
    out_.insert(out_.end(), b, b + n);
  }
  void u8(uint8_t v) { out_.push_back(v); }
  void u32(uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void u64(uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<uint8_t>(v >> (8 * i)));
  }
  void f32(float v) { u32(float_bits(v)); }
  std::vector<uint8_t>& out() { return out_; }

 private:
  std::vector<uint8_t> out_;
};

// Reads little-endian fields; a read past the end sets truncated() and yields zeros.
class Reader {
 public:
  Reader(const uint8_t* bytes, size_t size) : bytes_(bytes), size_(size) {}
  bool has(size_t n) const { return n <= size_ - pos_; }
  bool truncated() const { return truncated_; }
  size_t pos() const { return pos_; }
  size_t left() const { return size_ - pos_; }

  uint64_t le(int n) {
    if (!has(static_cast<size_t>(n))) {
      truncated_ = true;
      pos_ = size_;
      return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) v |= uint64_t{bytes_[pos_ + i]} << (8 * i);
    pos_ += static_cast<size_t>(n);
    return v;
  }
  void skip(size_t n) { pos_ += std::min(n, left()); }  // callers check has(n) first
  uint8_t u8() { return static_cast<uint8_t>(le(1)); }
  uint32_t u32() { return static_cast<uint32_t>(le(4)); }
  uint64_t u64() { return le(8); }
  float f32() { return bits_float(u32()); }

 private:
  const uint8_t* bytes_;
  size_t size_;
  size_t pos_ = 0;
  bool truncated_ = false;
};

Status truncated() { return Status::Error(ErrorCode::kModelTruncated); }

}  // namespace

std::vector<uint8_t> save_model(const SavedModel& model) {
  const Architecture& arch = model.arch;
  const TrainConfig& config = model.config;
  Writer w;
  w.bytes(kMagic, 4);
  const bool corrected = model.corrections > 0;
  w.u32(corrected ? kVersion : kVersion4);
  w.u32(static_cast<uint32_t>(model.side));
  w.u32(static_cast<uint32_t>(arch.inputs));
  w.u32(static_cast<uint32_t>(arch.outputs));
  w.u32(static_cast<uint32_t>(arch.layers.size()));
  for (const LayerSpec& layer : arch.layers) {
    w.u8(static_cast<uint8_t>(layer.kind));
    w.u8(static_cast<uint8_t>(layer.activation));
    w.u8(static_cast<uint8_t>(layer.padding));
    w.u8(0);
    w.u32(static_cast<uint32_t>(layer.units));
    w.u32(static_cast<uint32_t>(layer.kernel));
    w.f32(layer.rate);
  }
  w.u8(static_cast<uint8_t>(config.model));
  w.u8(static_cast<uint8_t>(config.optimizer.kind));
  w.f32(config.optimizer.lr);
  w.u32(static_cast<uint32_t>(config.batch));
  w.u32(static_cast<uint32_t>(config.epochs));
  w.u64(config.seed);
  w.u32(static_cast<uint32_t>(config.early_stopping));
  w.f32(model.val_acc);
  const std::string names = class_names_text(model.class_names);
  w.u32(static_cast<uint32_t>(names.size()));
  w.bytes(names.data(), names.size());
  w.u32(static_cast<uint32_t>(model.history.size()));
  for (const EpochRecord& e : model.history) {
    w.u32(static_cast<uint32_t>(e.epoch));
    w.f32(e.train_loss);
    w.f32(e.train_acc);
    w.f32(e.val_loss);
    w.f32(e.val_acc);
  }
  w.u32(static_cast<uint32_t>(model.curve.size()));
  for (const CurvePoint& p : model.curve) {
    w.f32(p.x);
    w.f32(p.loss);
    w.f32(p.acc);
  }
  if (corrected) w.u32(static_cast<uint32_t>(std::min<int>(model.corrections, kMaxCorrections)));
  w.u64(static_cast<uint64_t>(model.params.size()));
  for (Index i = 0; i < model.params.size(); ++i) w.f32(model.params[i]);
  std::vector<uint8_t>& out = w.out();
  const uint32_t crc = crc32(out.data(), out.size());
  w.u32(crc);
  return std::move(w.out());
}

namespace {

// The optimizer … seed fields both versions share, checked; into m->config.
Status read_training(Reader& r, SavedModel* m) {
  const uint8_t optimizer_kind = r.u8();
  const float lr = r.f32();
  const uint32_t batch = r.u32(), epochs = r.u32();
  const uint64_t seed = r.u64();
  if (r.truncated()) return truncated();
  if (optimizer_kind > static_cast<uint8_t>(OptimizerKind::kAdam)) {
    return Status::Error(ErrorCode::kModelOptimizer, {param(optimizer_kind)});
  }
  if (!std::isfinite(lr) || lr <= 0) {
    return Status::Error(ErrorCode::kModelLr, {std::to_string(lr)});
  }
  if (batch < 1 || batch > static_cast<uint32_t>(INT32_MAX) || epochs < 1 ||
      epochs > static_cast<uint32_t>(INT32_MAX)) {
    return Status::Error(ErrorCode::kModelBatchEpochs, {param(batch), param(epochs)});
  }
  m->config.optimizer.kind = static_cast<OptimizerKind>(optimizer_kind);
  m->config.optimizer.lr = lr;
  m->config.batch = static_cast<int>(batch);
  m->config.epochs = static_cast<int>(epochs);
  m->config.seed = seed;
  return Status::Ok();
}

// From the parameter count to the end, both versions: the count must be the architecture's and
// exactly what is left before the CRC; then the CRC and finite parameters.
Status read_params(Reader& r, const uint8_t* bytes, size_t size, SavedModel* m) {
  const uint64_t param_count = r.u64();
  if (r.truncated()) return truncated();
  const uint64_t expected_params = static_cast<uint64_t>(m->arch.param_count());
  if (param_count != expected_params) {
    return Status::Error(ErrorCode::kModelParamCount, {param(param_count), param(expected_params)});
  }
  // Sizes before allocating: the parameters and the CRC must be exactly what is left.
  const uint64_t rest = param_count * 4 + 4;
  if (r.left() < rest) return truncated();
  if (r.left() > rest) {
    return Status::Error(ErrorCode::kModelTrailing, {param(r.left() - rest)});
  }
  const size_t crc_at = size - 4;
  if (crc32(bytes, crc_at) != static_cast<uint32_t>(Reader(bytes + crc_at, 4).le(4))) {
    return Status::Error(ErrorCode::kModelChecksum);
  }
  m->params.resize(static_cast<Index>(param_count));
  for (Index i = 0; i < m->params.size(); ++i) {
    m->params[i] = r.f32();
    if (!std::isfinite(m->params[i])) {
      return Status::Error(ErrorCode::kModelNonFinite, {param(i)});
    }
  }
  return Status::Ok();
}

// The kind and the layer count must agree, or the weights would be read for the wrong network.
Status check_dense_kind(ModelKind kind, size_t layers) {
  if (kind == ModelKind::kSoftmax && layers != 0) {
    return Status::Error(ErrorCode::kModelSoftmaxWithHidden, {param(layers)});
  }
  if (kind == ModelKind::kMlp && layers == 0) {
    return Status::Error(ErrorCode::kModelMlpWithoutHidden);
  }
  if (kind == ModelKind::kMlp && layers > static_cast<size_t>(kMaxHiddenLayers)) {
    return Status::Error(ErrorCode::kModelHiddenLayers, {param(layers), param(kMaxHiddenLayers)});
  }
  return Status::Ok();
}

// Version 1, after the outputs field: Dense layers only.
Status load_v1(Reader& r, const uint8_t* bytes, size_t size, SavedModel* m) {
  const uint32_t hidden = r.u32();
  if (r.truncated()) return truncated();
  if (hidden > static_cast<uint32_t>(kMaxHiddenLayers)) {
    return Status::Error(ErrorCode::kModelHiddenLayers, {param(hidden), param(kMaxHiddenLayers)});
  }
  std::vector<int> widths;
  for (uint32_t i = 0; i < hidden; ++i) {
    const uint32_t width = r.u32();
    if (r.truncated()) return truncated();
    if (width < 1 || width > static_cast<uint32_t>(kMaxHiddenWidth)) {
      return Status::Error(ErrorCode::kModelHiddenWidth,
                           {param(i + 1), param(width), param(kMaxHiddenWidth)});
    }
    widths.push_back(static_cast<int>(width));
  }
  const uint8_t activation = r.u8(), model_kind = r.u8();
  if (r.truncated()) return truncated();
  Status s = read_training(r, m);
  if (!s) return s;
  m->val_acc = r.f32();
  if (r.truncated()) return truncated();
  if (activation > static_cast<uint8_t>(Activation::kSigmoid)) {
    return Status::Error(ErrorCode::kModelActivation, {param(activation)});
  }
  if (model_kind > static_cast<uint8_t>(ModelKind::kMlp)) {
    return Status::Error(ErrorCode::kModelKind, {param(model_kind)});
  }
  if (!(s = check_dense_kind(static_cast<ModelKind>(model_kind), hidden))) return s;
  m->config.model = static_cast<ModelKind>(model_kind);
  m->config.hidden = widths;
  m->config.hidden_activation = static_cast<Activation>(activation);
  m->arch = Architecture::dense(m->arch.inputs, widths, m->config.hidden_activation,
                                m->arch.outputs);
  return read_params(r, bytes, size, m);
}

// Version 3's class names (after the validation accuracy).
Status read_class_names(Reader& r, const uint8_t* bytes, SavedModel* m) {
  const uint32_t n = r.u32();
  if (r.truncated()) return truncated();
  if (n == 0) return Status::Error(ErrorCode::kModelClassNames).because(ErrorCode::kNamesEmpty);
  if (n > kMaxClassNamesFileBytes) {
    return Status::Error(ErrorCode::kModelClassNames)
        .because(ErrorCode::kNamesTooLarge, {param(n), param(kMaxClassNamesFileBytes)});
  }
  if (!r.has(n)) return truncated();
  const size_t at = r.pos();
  r.skip(n);
  const Status s = parse_class_names(bytes + at, n, &m->class_names);
  if (!s) return Status::Error(ErrorCode::kModelClassNames).because(s.code, s.params);
  return Status::Ok();
}

// Version 4's history (after the class names).
Status read_history(Reader& r, SavedModel* m) {
  const uint32_t n = r.u32();
  if (r.truncated()) return truncated();
  if (n > static_cast<uint32_t>(kMaxEpochs)) {
    return Status::Error(ErrorCode::kModelHistory)
        .because(ErrorCode::kHistoryLength, {param(n), param(kMaxEpochs)});
  }
  if (!r.has(size_t{n} * 20)) return truncated();
  History history(n);
  for (EpochRecord& e : history) {
    e.epoch = static_cast<int>(std::min<uint32_t>(r.u32(), INT32_MAX));
    e.train_loss = r.f32();
    e.train_acc = r.f32();
    e.val_loss = r.f32();
    e.val_acc = r.f32();
  }
  Status s = check_history(history);
  if (!s) return Status::Error(ErrorCode::kModelHistory).because(s.code, s.params);
  const uint32_t c = r.u32();
  if (r.truncated()) return truncated();
  if (c > kMaxSavedCurve) {
    return Status::Error(ErrorCode::kModelHistory)
        .because(ErrorCode::kCurveLength, {param(c), param(kMaxSavedCurve)});
  }
  if (!r.has(size_t{c} * 12)) return truncated();
  std::vector<CurvePoint> curve(c);
  for (CurvePoint& p : curve) {
    p.x = r.f32();
    p.loss = r.f32();
    p.acc = r.f32();
  }
  s = check_curve(curve, history.size());
  if (!s) return Status::Error(ErrorCode::kModelHistory).because(s.code, s.params);
  m->history = std::move(history);
  m->curve = std::move(curve);
  return Status::Ok();
}

// Versions 2 to 4, after the outputs field: the layer list, which must be the model kind's.
Status load_v2(uint32_t version, Reader& r, const uint8_t* bytes, size_t size, SavedModel* m) {
  const uint32_t count = r.u32();
  if (r.truncated()) return truncated();
  if (count > static_cast<uint32_t>(kMaxLayers)) {
    return Status::Error(ErrorCode::kModelLayers)
        .because(ErrorCode::kArchTooManyLayers, {param(count), param(kMaxLayers)});
  }
  const auto as_int = [](uint32_t v) { return static_cast<int>(std::min<uint32_t>(v, INT32_MAX)); };
  for (uint32_t i = 0; i < count; ++i) {
    LayerSpec layer;
    layer.kind = static_cast<LayerKind>(r.u8());
    layer.activation = static_cast<Activation>(r.u8());
    layer.padding = static_cast<Padding>(r.u8());
    const uint8_t reserved = r.u8();
    layer.units = as_int(r.u32());
    layer.kernel = as_int(r.u32());
    layer.rate = r.f32();
    if (r.truncated()) return truncated();
    if (reserved != 0) {
      return Status::Error(ErrorCode::kModelLayers)
          .because(ErrorCode::kArchUnusedField, {param(i + 1)});
    }
    m->arch.layers.push_back(layer);
  }
  const uint8_t model_kind = r.u8();
  if (r.truncated()) return truncated();
  Status s = read_training(r, m);
  if (!s) return s;
  const uint32_t patience = r.u32();
  m->val_acc = r.f32();
  if (r.truncated()) return truncated();
  if (version >= kVersion3 && !(s = read_class_names(r, bytes, m))) return s;
  if (version >= kVersion4 && !(s = read_history(r, m))) return s;
  if (version >= kVersion) {  // a corrected model: how many corrections fine-tuned it
    const uint32_t corrections = r.u32();
    if (r.truncated()) return truncated();
    if (corrections == 0 || corrections > kMaxCorrections) {
      return Status::Error(ErrorCode::kModelCorrections, {param(corrections), param(kMaxCorrections)});
    }
    m->corrections = static_cast<int>(corrections);
  }
  if (model_kind >= kModelKinds) {
    return Status::Error(ErrorCode::kModelKind, {param(model_kind)});
  }
  if (patience > static_cast<uint32_t>(kMaxEpochs)) {
    return Status::Error(ErrorCode::kModelEarlyStopping, {param(patience), param(kMaxEpochs)});
  }
  const Status layers = m->arch.check();
  if (!layers) return Status::Error(ErrorCode::kModelLayers).because(layers.code, layers.params);
  const ModelKind kind = static_cast<ModelKind>(model_kind);
  if (!(s = check_dense_kind(kind, m->arch.layers.size()))) return s;
  m->config.model = kind;
  m->config.early_stopping = static_cast<int>(patience);
  if (kind == ModelKind::kMlp) {
    m->config.hidden = m->arch.dense_widths();
    m->config.hidden_activation = m->arch.layers.front().activation;
  }
  if (!(s = check_model_side(m->config, m->side))) return s;
  // The Trainer builds the network from the kind (architecture_for): the layers must be its.
  if (m->arch != architecture_for(m->config, m->side)) {
    return Status::Error(ErrorCode::kModelLayersNotKind, {model_kind_name(kind)});
  }
  return read_params(r, bytes, size, m);
}

}  // namespace

Status load_model(const uint8_t* bytes, size_t size, SavedModel* out) {
  Reader r(bytes, size);
  if (size < 4) return truncated();
  if (std::memcmp(bytes, kMagic, 4) != 0) return Status::Error(ErrorCode::kModelMagic);
  r.le(4);
  SavedModel m;

  const uint32_t version = r.u32();
  if (r.truncated()) return truncated();
  if (version < kVersion1 || version > kVersion) {
    return Status::Error(ErrorCode::kModelVersion, {param(version), param(kVersion)});
  }
  const uint32_t side = r.u32(), inputs = r.u32(), outputs = r.u32();
  if (r.truncated()) return truncated();
  if (!is_input_side(static_cast<int>(side))) {
    return Status::Error(ErrorCode::kModelSide, {param(side)});
  }
  if (inputs != side * side) {
    return Status::Error(ErrorCode::kModelInputs, {param(inputs), param(side)});
  }
  if (outputs != static_cast<uint32_t>(kNumClasses)) {
    return Status::Error(ErrorCode::kModelOutputs, {param(outputs), param(kNumClasses)});
  }
  m.side = static_cast<int>(side);
  m.arch.inputs = static_cast<int>(inputs);
  m.arch.outputs = static_cast<int>(outputs);
  const Status s = version == kVersion1 ? load_v1(r, bytes, size, &m) : load_v2(version, r, bytes, size, &m);
  if (!s) return s;
  *out = std::move(m);
  return Status::Ok();
}

Status check_model_fits(const SavedModel& model, int side) {
  if (model.arch.inputs == side * side) return Status::Ok();
  return Status::Error(ErrorCode::kModelInputSize, {param(model.side), param(side)});
}

}  // namespace fm
