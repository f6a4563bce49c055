// safetensors export and import (the layout and names: safetensors.h). Import reads the metadata
// into an architecture, checks every tensor against it, then passes the whole model through the
// model file's loader (save_model + load_model) so that both formats accept exactly the same
// models with the same checks.
#include "core/safetensors.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "core/bytes.h"
#include "core/json.h"

namespace fm {

namespace {

constexpr char kFormat[] = "fmnist";
constexpr size_t kShownName = 40;  // bytes of a tensor name a message shows

struct KerasTensor {
  std::string name;
  std::vector<uint64_t> shape;
  Index offset = 0;  // into Network::params()
  Index count = 0;
};

// Keras' names and shapes for the weights of `arch` (valid), in params order.
std::vector<KerasTensor> keras_tensors(const Architecture& arch) {
  std::vector<const LayerSpec*> weighted;
  for (const LayerSpec& layer : arch.layers) {
    if (layer.kind == LayerKind::kConv2D || layer.kind == LayerKind::kDense) weighted.push_back(&layer);
  }
  const Network net(arch, 1);
  std::vector<KerasTensor> out;
  int convs = 0, denses = 0;
  const auto numbered = [](const char* base, int* n) {
    const std::string name = *n == 0 ? base : std::string(base) + "_" + std::to_string(*n);
    ++*n;
    return name;
  };
  for (int j = 0; j < net.weight_layers(); ++j) {
    const bool conv = j < static_cast<int>(weighted.size()) && weighted[static_cast<size_t>(j)]->kind == LayerKind::kConv2D;
    const std::string layer = conv ? numbered("conv2d", &convs) : numbered("dense", &denses);
    const auto w = net.weights(j);
    const auto b = net.bias(j);
    KerasTensor kernel{layer + "/kernel", {}, w.data() - net.params().data(), w.size()};
    if (conv) {
      const uint64_t k = static_cast<uint64_t>(weighted[static_cast<size_t>(j)]->kernel);
      kernel.shape = {k, k, static_cast<uint64_t>(w.cols()) / (k * k), static_cast<uint64_t>(w.rows())};
    } else {
      kernel.shape = {static_cast<uint64_t>(w.cols()), static_cast<uint64_t>(w.rows())};  // [in, out]
    }
    out.push_back(kernel);
    out.push_back({layer + "/bias", {static_cast<uint64_t>(b.size())}, b.data() - net.params().data(), b.size()});
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string layers_json(const Architecture& arch) {
  std::string s = "[";
  for (const LayerSpec& l : arch.layers) {
    const char* activation = l.activation == Activation::kSigmoid ? "\"sigmoid\"" : "\"relu\"";
    switch (l.kind) {
      case LayerKind::kDense:
        s += "{\"class_name\": \"Dense\", \"units\": " + std::to_string(l.units) + ", \"activation\": " + activation + "}";
        break;
      case LayerKind::kConv2D:
        s += "{\"class_name\": \"Conv2D\", \"filters\": " + std::to_string(l.units) +
             ", \"kernel_size\": " + std::to_string(l.kernel) + ", \"padding\": " +
             (l.padding == Padding::kSame ? "\"same\"" : "\"valid\"") + ", \"activation\": " + activation + "}";
        break;
      case LayerKind::kMaxPool2D:
        s += "{\"class_name\": \"MaxPooling2D\", \"pool_size\": 2}";
        break;
      case LayerKind::kDropout:
        s += "{\"class_name\": \"Dropout\", \"rate\": " + number(l.rate) + "}";
        break;
    }
    s += ", ";
  }
  return s + "{\"class_name\": \"Dense\", \"units\": " + std::to_string(arch.outputs) +
         ", \"activation\": \"softmax\"}]";
}

std::string names_json(const ClassNames& names) {
  std::string s = "[";
  for (size_t c = 0; c < names.size(); ++c) s += (c ? ", " : "") + json_quote(names[c]);
  return s + "]";
}

std::string training_json(const SavedModel& m) {
  const TrainConfig& c = m.config;
  return "{\"optimizer\": \"" + std::string(optimizer_name(c.optimizer.kind)) +
         "\", \"learning_rate\": " + number(c.optimizer.lr) + ", \"batch_size\": " + std::to_string(c.batch) +
         ", \"epochs\": " + std::to_string(c.epochs) + ", \"seed\": " + std::to_string(c.seed) +
         ", \"early_stopping\": " + std::to_string(c.early_stopping) +
         ", \"val_acc\": " + (std::isfinite(m.val_acc) ? number(m.val_acc) : "null") + "}";
}

// Keras' History.history: one list per metric, epoch 1 first.
std::string history_json(const History& h) {
  std::string s = "{";
  const struct {
    const char* key;
    float EpochRecord::*field;
  } metrics[] = {{"loss", &EpochRecord::train_loss}, {"accuracy", &EpochRecord::train_acc},
                 {"val_loss", &EpochRecord::val_loss}, {"val_accuracy", &EpochRecord::val_acc}};
  for (const auto& metric : metrics) {
    s += std::string(s.size() > 1 ? ", " : "") + "\"" + metric.key + "\": [";
    for (size_t i = 0; i < h.size(); ++i) s += (i ? ", " : "") + number(h[i].*metric.field);
    s += "]";
  }
  return s + "}";
}

// The per-batch curve: x (in epochs), the running mean loss and accuracy, one list each.
std::string curve_json(const std::vector<CurvePoint>& c) {
  std::string s = "{";
  const struct {
    const char* key;
    float CurvePoint::*field;
  } series[] = {{"epoch", &CurvePoint::x}, {"loss", &CurvePoint::loss}, {"accuracy", &CurvePoint::acc}};
  for (const auto& one : series) {
    s += std::string(s.size() > 1 ? ", " : "") + "\"" + one.key + "\": [";
    for (size_t i = 0; i < c.size(); ++i) s += (i ? ", " : "") + number(c[i].*one.field);
    s += "]";
  }
  return s + "}";
}

std::string shape_json(const std::vector<uint64_t>& shape) {
  std::string s = "[";
  for (size_t i = 0; i < shape.size(); ++i) s += (i ? ", " : "") + std::to_string(shape[i]);
  return s + "]";
}

std::string shown_name(const std::string& name) {
  const size_t n = std::min(name.size(), kShownName);
  return shown_bytes(reinterpret_cast<const uint8_t*>(name.data()), n, n < name.size());
}

}  // namespace

std::vector<uint8_t> save_safetensors(const SavedModel& model) {
  const std::vector<KerasTensor> tensors = keras_tensors(model.arch);
  std::string header = "{\"__metadata__\": {";
  header += "\"format\": \"" + std::string(kFormat) + "\", \"format_version\": \"" +
            std::to_string(kSafetensorsFormatVersion) + "\", \"model\": \"" +
            model_kind_name(model.config.model) + "\", \"input_side\": \"" + std::to_string(model.side) +
            "\", \"layers\": " + json_quote(layers_json(model.arch)) +
            ", \"class_names\": " + json_quote(names_json(model.class_names)) +
            ", \"training\": " + json_quote(training_json(model)) +
            ", \"epochs_trained\": \"" + std::to_string(model.history.size()) +
            "\", \"history\": " + json_quote(history_json(model.history)) +
            ", \"batch_curve\": " + json_quote(curve_json(model.curve)) + "}";
  uint64_t at = 0;
  for (const KerasTensor& t : tensors) {
    const uint64_t end = at + static_cast<uint64_t>(t.count) * 4;
    header += ", " + json_quote(t.name) + ": {\"dtype\": \"F32\", \"shape\": " + shape_json(t.shape) +
              ", \"data_offsets\": [" + std::to_string(at) + ", " + std::to_string(end) + "]}";
    at = end;
  }
  header += "}";
  header.append((8 - header.size() % 8) % 8, ' ');  // the data starts 8-byte aligned
  std::vector<uint8_t> out(8 + header.size() + at);
  for (int i = 0; i < 8; ++i) out[static_cast<size_t>(i)] = static_cast<uint8_t>(uint64_t{header.size()} >> (8 * i));
  std::memcpy(out.data() + 8, header.data(), header.size());
  uint8_t* data = out.data() + 8 + header.size();
  for (const KerasTensor& t : tensors) {
    for (Index i = 0; i < t.count; ++i, data += 4) {
      uint32_t bits;
      std::memcpy(&bits, &model.params[t.offset + i], 4);
      store_le32(data, bits);
    }
  }
  return out;
}

namespace {

Status metadata_error(const char* key) { return Status::Error(ErrorCode::kStMetadata, {key}); }

// A __metadata__ value that is itself JSON.
bool metadata_json(const JsonValue& metadata, const char* key, JsonValue* out) {
  const JsonValue* v = metadata.get(key);
  size_t at = 0;
  return v && v->is(JsonValue::Type::kString) && parse_json(v->text.data(), v->text.size(), out, &at);
}

// A whole-number field of a JSON object.
bool whole_field(const JsonValue& o, const char* key, uint64_t max, uint64_t* out) {
  const JsonValue* v = o.get(key);
  return v && json_whole(*v, max, out);
}

bool string_field(const JsonValue& o, const char* key, std::string* out) {
  const JsonValue* v = o.get(key);
  if (!v || !v->is(JsonValue::Type::kString)) return false;
  *out = v->text;
  return true;
}

// One entry of "layers" (all but the last, the output layer) as a LayerSpec; exactly the keys
// layers_json writes.
bool read_layer(const JsonValue& o, LayerSpec* out) {
  std::string kind, activation = "relu", padding = "same";
  if (!o.is(JsonValue::Type::kObject) || !string_field(o, "class_name", &kind)) return false;
  const uint64_t big = static_cast<uint64_t>(INT32_MAX);
  uint64_t units = 0, kernel = 0, pool = 0;
  LayerSpec l;
  if (kind == "Dense") {
    if (o.keys.size() != 3 || !whole_field(o, "units", big, &units) ||
        !string_field(o, "activation", &activation)) {
      return false;
    }
    l = LayerSpec::dense(static_cast<int>(units));
  } else if (kind == "Conv2D") {
    if (o.keys.size() != 5 || !whole_field(o, "filters", big, &units) ||
        !whole_field(o, "kernel_size", big, &kernel) || !string_field(o, "padding", &padding) ||
        !string_field(o, "activation", &activation)) {
      return false;
    }
    if (padding != "same" && padding != "valid") return false;
    l = LayerSpec::conv(static_cast<int>(units), static_cast<int>(kernel),
                        padding == "same" ? Padding::kSame : Padding::kValid);
  } else if (kind == "MaxPooling2D") {
    if (o.keys.size() != 2 || !whole_field(o, "pool_size", 2, &pool) || pool != 2) return false;
    l = LayerSpec::max_pool();
  } else if (kind == "Dropout") {
    const JsonValue* rate = o.get("rate");
    float r = 0;
    if (o.keys.size() != 2 || !rate || !json_float(*rate, &r)) return false;
    l = LayerSpec::dropout(r);
  } else {
    return false;
  }
  if (activation == "sigmoid" && kind == "Dense") {
    l.activation = Activation::kSigmoid;
  } else if (activation != "relu") {
    return false;
  }
  *out = l;
  return true;
}

// "model", "input_side" and "layers" into m->config.model, m->side and m->arch (checked).
Status read_architecture(const JsonValue& metadata, SavedModel* m) {
  std::string kind_name;
  if (!string_field(metadata, "model", &kind_name) || !parse_model_kind(kind_name, &m->config.model)) {
    return metadata_error("model");
  }
  std::string side;
  if (!string_field(metadata, "input_side", &side) || (side != "7" && side != "14" && side != "28")) {
    return metadata_error("input_side");
  }
  m->side = side == "7" ? 7 : side == "14" ? 14 : 28;
  JsonValue layers;
  if (!metadata_json(metadata, "layers", &layers) || !layers.is(JsonValue::Type::kArray) ||
      layers.items.empty() || layers.items.size() > static_cast<size_t>(kMaxLayers) + 1) {
    return metadata_error("layers");
  }
  m->arch.inputs = m->side * m->side;
  m->arch.outputs = kNumClasses;
  for (size_t i = 0; i + 1 < layers.items.size(); ++i) {
    LayerSpec layer;
    if (!read_layer(layers.items[i], &layer)) return Status::Error(ErrorCode::kStLayer, {param(i + 1)});
    m->arch.layers.push_back(layer);
  }
  const JsonValue& last = layers.items.back();
  std::string activation;
  uint64_t units = 0;
  if (!last.is(JsonValue::Type::kObject) || last.keys.size() != 3 || !string_field(last, "class_name", &kind_name) ||
      kind_name != "Dense" || !whole_field(last, "units", 1u << 20, &units) ||
      units != static_cast<uint64_t>(kNumClasses) || !string_field(last, "activation", &activation) ||
      activation != "softmax") {
    return Status::Error(ErrorCode::kStOutputLayer, {param(layers.items.size())});
  }
  const Status s = m->arch.check();
  if (!s) return Status::Error(ErrorCode::kModelLayers).because(s.code, s.params);
  if (m->config.model == ModelKind::kMlp && !m->arch.layers.empty() && m->arch.is_dense()) {
    m->config.hidden = m->arch.dense_widths();
    m->config.hidden_activation = m->arch.layers.front().activation;
  }
  if (m->arch != architecture_for(m->config, m->side) ||
      (m->config.model == ModelKind::kMlp && m->arch.layers.empty())) {
    return Status::Error(ErrorCode::kModelLayersNotKind, {model_kind_name(m->config.model)});
  }
  return Status::Ok();
}

// "history" and "epochs_trained" (exports before them have neither: an empty history): four
// lists of one length, epochs_trained that length; the values are checked by the model file's
// loader (check_history).
Status read_history(const JsonValue& metadata, SavedModel* m) {
  const JsonValue* trained = metadata.get("epochs_trained");
  JsonValue h;
  if (!metadata.get("history")) {
    return trained ? metadata_error("history") : Status::Ok();
  }
  if (!metadata_json(metadata, "history", &h) || !h.is(JsonValue::Type::kObject)) {
    return metadata_error("history");
  }
  const char* const keys[] = {"loss", "accuracy", "val_loss", "val_accuracy"};
  const JsonValue* lists[4];
  for (int k = 0; k < 4; ++k) {
    lists[k] = h.get(keys[k]);
    if (!lists[k] || !lists[k]->is(JsonValue::Type::kArray) ||
        lists[k]->items.size() != lists[0]->items.size() ||
        lists[k]->items.size() > static_cast<size_t>(kMaxEpochs)) {
      return metadata_error("history");
    }
  }
  const size_t n = lists[0]->items.size();
  if (trained && trained->text != std::to_string(n)) {  // a string (checked): n in decimal
    return metadata_error("epochs_trained");
  }
  History history(n);
  for (size_t i = 0; i < n; ++i) {
    EpochRecord& e = history[i];
    e.epoch = static_cast<int>(i) + 1;
    if (!json_float(lists[0]->items[i], &e.train_loss) || !json_float(lists[1]->items[i], &e.train_acc) ||
        !json_float(lists[2]->items[i], &e.val_loss) || !json_float(lists[3]->items[i], &e.val_acc)) {
      return metadata_error("history");
    }
  }
  m->history = std::move(history);
  // "batch_curve" (optional): three lists of one length.
  if (!metadata.get("batch_curve")) return Status::Ok();
  JsonValue c;
  if (!metadata_json(metadata, "batch_curve", &c) || !c.is(JsonValue::Type::kObject)) {
    return metadata_error("batch_curve");
  }
  const JsonValue* series[3] = {c.get("epoch"), c.get("loss"), c.get("accuracy")};
  for (const JsonValue* one : series) {
    if (!one || !one->is(JsonValue::Type::kArray) || one->items.size() != series[0]->items.size() ||
        one->items.size() > kMaxSavedCurve) {
      return metadata_error("batch_curve");
    }
  }
  std::vector<CurvePoint> curve(series[0]->items.size());
  for (size_t i = 0; i < curve.size(); ++i) {
    if (!json_float(series[0]->items[i], &curve[i].x) || !json_float(series[1]->items[i], &curve[i].loss) ||
        !json_float(series[2]->items[i], &curve[i].acc)) {
      return metadata_error("batch_curve");
    }
  }
  m->curve = std::move(curve);
  return Status::Ok();
}

// "class_names" and "training" into m (their ranges are checked by the model file's loader).
Status read_training(const JsonValue& metadata, SavedModel* m) {
  JsonValue names;
  if (!metadata_json(metadata, "class_names", &names) || !names.is(JsonValue::Type::kArray) ||
      names.items.size() != static_cast<size_t>(kNumClasses)) {
    return metadata_error("class_names");
  }
  for (size_t c = 0; c < names.items.size(); ++c) {
    if (!names.items[c].is(JsonValue::Type::kString)) return metadata_error("class_names");
    m->class_names[c] = names.items[c].text;
  }
  JsonValue t;
  std::string optimizer;
  uint64_t batch = 0, epochs = 0, seed = 0, patience = 0;
  const JsonValue* lr = nullptr;
  const JsonValue* val_acc = nullptr;
  const uint64_t big = static_cast<uint64_t>(INT32_MAX);
  if (!metadata_json(metadata, "training", &t) || !t.is(JsonValue::Type::kObject) ||
      !string_field(t, "optimizer", &optimizer) || !parse_optimizer(optimizer, &m->config.optimizer.kind) ||
      !(lr = t.get("learning_rate")) || !json_float(*lr, &m->config.optimizer.lr) ||
      !whole_field(t, "batch_size", big, &batch) || !whole_field(t, "epochs", big, &epochs) ||
      !whole_field(t, "seed", UINT64_MAX, &seed) || !whole_field(t, "early_stopping", big, &patience) ||
      !(val_acc = t.get("val_acc")) ||
      !(val_acc->is(JsonValue::Type::kNull) || json_float(*val_acc, &m->val_acc))) {
    return metadata_error("training");
  }
  if (val_acc->is(JsonValue::Type::kNull)) m->val_acc = std::nanf("");
  Status s = read_history(metadata, m);
  if (!s) return s;
  m->config.batch = static_cast<int>(batch);
  m->config.epochs = static_cast<int>(epochs);
  m->config.seed = seed;
  m->config.early_stopping = static_cast<int>(patience);
  return Status::Ok();
}

struct Placed {
  uint64_t begin, end;
  const std::string* name;
};

// Every tensor of the header is one of `expected`, F32, of its shape, inside the data; together
// they fill the data exactly. Then the weights into m->params.
Status read_tensors(const JsonValue& header, const std::vector<KerasTensor>& expected, const uint8_t* data,
                    uint64_t data_size, SavedModel* m) {
  const char* kind = model_kind_name(m->config.model);
  std::vector<Placed> placed;
  for (size_t i = 0; i < header.keys.size(); ++i) {
    const std::string& name = header.keys[i];
    if (name == "__metadata__") continue;
    const auto e = std::find_if(expected.begin(), expected.end(), [&](const KerasTensor& t) { return t.name == name; });
    if (e == expected.end()) return Status::Error(ErrorCode::kStUnknownTensor, {shown_name(name), kind});
    const JsonValue& t = header.items[i];
    const JsonValue* dtype = t.get("dtype");
    const JsonValue* shape = t.get("shape");
    const JsonValue* offsets = t.get("data_offsets");
    if (!dtype || !dtype->is(JsonValue::Type::kString) || !shape || !shape->is(JsonValue::Type::kArray) ||
        !offsets || !offsets->is(JsonValue::Type::kArray) || offsets->items.size() != 2) {
      return Status::Error(ErrorCode::kStTensorEntry, {name});
    }
    if (dtype->text != "F32") {
      return Status::Error(ErrorCode::kStDtype, {name, shown_name(dtype->text)});
    }
    std::vector<uint64_t> dims;
    for (const JsonValue& d : shape->items) {
      uint64_t n = 0;
      if (!json_whole(d, UINT64_MAX, &n)) return Status::Error(ErrorCode::kStTensorEntry, {name});
      dims.push_back(n);
    }
    if (dims != e->shape) {
      const std::string shown = shape->items.size() > 8 ? "[" + param(shape->items.size()) + " dimensions]" : shape_json(dims);
      return Status::Error(ErrorCode::kStShape, {name, shown, shape_json(e->shape), kind});
    }
    uint64_t begin = 0, end = 0;
    if (!json_whole(offsets->items[0], UINT64_MAX, &begin) || !json_whole(offsets->items[1], UINT64_MAX, &end)) {
      return Status::Error(ErrorCode::kStTensorEntry, {name});
    }
    if (begin > end || end > data_size) {
      return Status::Error(ErrorCode::kStOffsets, {name, param(begin), param(end), param(data_size)});
    }
    if (end - begin != static_cast<uint64_t>(e->count) * 4) {
      return Status::Error(ErrorCode::kStTensorBytes, {name, param(end - begin), param(e->count * 4)});
    }
    placed.push_back({begin, end, &e->name});
  }
  for (const KerasTensor& t : expected) {
    if (std::none_of(placed.begin(), placed.end(), [&](const Placed& p) { return *p.name == t.name; })) {
      return Status::Error(ErrorCode::kStMissingTensor, {t.name, kind});
    }
  }
  std::sort(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) { return a.begin < b.begin; });
  uint64_t at = 0;
  for (size_t i = 0; i < placed.size(); ++i) {
    if (placed[i].begin < at) {
      return Status::Error(ErrorCode::kStOverlap, {*placed[i - 1].name, *placed[i].name});
    }
    if (placed[i].begin > at) return Status::Error(ErrorCode::kStGap, {param(at), param(placed[i].begin)});
    at = placed[i].end;
  }
  if (at != data_size) return Status::Error(ErrorCode::kStGap, {param(at), param(data_size)});
  m->params.resize(m->arch.param_count());
  for (const Placed& p : placed) {
    const KerasTensor& t = *std::find_if(expected.begin(), expected.end(), [&](const KerasTensor& k) { return k.name == *p.name; });
    for (Index i = 0; i < t.count; ++i) {
      const uint32_t bits = read_le32(data + p.begin + 4 * static_cast<uint64_t>(i));
      float f;
      std::memcpy(&f, &bits, 4);
      if (!std::isfinite(f)) return Status::Error(ErrorCode::kStNonFinite, {t.name, param(i)});
      m->params[t.offset + i] = f;
    }
  }
  return Status::Ok();
}

}  // namespace

Status load_safetensors(const uint8_t* bytes, size_t size, SavedModel* out) {
  if (size < 8) return Status::Error(ErrorCode::kStTooShort, {param(size)});
  uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | bytes[i];
  if (n > kMaxSafetensorsHeader) {
    return Status::Error(ErrorCode::kStHeaderTooBig, {param(n), param(kMaxSafetensorsHeader)});
  }
  if (n > size - 8) return Status::Error(ErrorCode::kStTruncated, {param(8 + n), param(size)});
  const char* text = reinterpret_cast<const char*>(bytes + 8);
  JsonValue header;
  size_t error_at = 0;
  if (n == 0 || text[0] != '{' || !parse_json(text, static_cast<size_t>(n), &header, &error_at)) {
    return Status::Error(ErrorCode::kStHeaderJson, {param(n == 0 || text[0] != '{' ? 0 : error_at)});
  }
  const JsonValue* metadata = header.get("__metadata__");
  std::string format;
  if (!metadata || !string_field(*metadata, "format", &format) || format != kFormat) {
    return Status::Error(ErrorCode::kStForeign);
  }
  for (size_t i = 0; i < metadata->items.size(); ++i) {
    if (!metadata->items[i].is(JsonValue::Type::kString)) {  // the spec: a map of strings
      return Status::Error(ErrorCode::kStMetadata, {shown_name(metadata->keys[i])});
    }
  }
  std::string version;
  if (!string_field(*metadata, "format_version", &version) || version != std::to_string(kSafetensorsFormatVersion)) {
    return Status::Error(ErrorCode::kStFormatVersion, {shown_name(version), param(kSafetensorsFormatVersion)});
  }
  SavedModel m;
  Status s = read_architecture(*metadata, &m);
  if (!s || !(s = read_training(*metadata, &m))) return s;
  // Before the network is built: the data must be large enough for its weights.
  const uint64_t data_size = size - 8 - n;
  const uint64_t needed = static_cast<uint64_t>(m.arch.param_count()) * 4;
  if (data_size < needed) {
    return Status::Error(ErrorCode::kStDataShort, {param(data_size), model_kind_name(m.config.model),
                                                   param(m.arch.param_count()), param(needed)});
  }
  if (!(s = read_tensors(header, keras_tensors(m.arch), bytes + 8 + n, data_size, &m))) return s;
  // The fields the model file checks, checked by its loader: one set of rules for both formats.
  const std::vector<uint8_t> own = save_model(m);
  SavedModel checked;
  if (!(s = load_model(own.data(), own.size(), &checked))) return s;
  *out = std::move(checked);
  return Status::Ok();
}

Status load_any_model(const uint8_t* bytes, size_t size, SavedModel* out) {
  if (size >= 4 && std::memcmp(bytes, "FMNM", 4) == 0) return load_model(bytes, size, out);
  if (size >= 9 && bytes[8] == '{') return load_safetensors(bytes, size, out);
  return Status::Error(ErrorCode::kModelUnknownFormat);
}

}  // namespace fm
