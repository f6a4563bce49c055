// A training run's settings (TrainConfig, the lesson's by default), their validation, the network
// they describe and the learning rate to suggest when a run with them diverges.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "network.h"
#include "optimizer.h"
#include "types.h"

namespace fm {

// The models, one spelling everywhere (model_kind_name): softmax, mlp, cnn, cnn-small.
//   kSoftmax:  Dense(10, softmax), the lesson's.
//   kMlp:      Dense(w, act) per width of `hidden`, then Dense(10, softmax).
//   kCnn:      the book's CNN (chapter 8-2), 28×28 only: Conv2D(32, 3, relu, same) → MaxPool(2) →
//              Conv2D(64, 3, relu, same) → MaxPool(2) → Flatten → Dense(100, relu) →
//              Dropout(0.4) → Dense(10, softmax); 333,526 parameters.
//   kCnnSmall: a small fast CNN for 14×14 sketches (28×28 works too): Conv2D(16, 3, relu, same) →
//              MaxPool(2) → Conv2D(32, 3, relu, same) → MaxPool(2) → Flatten → Dense(64, relu) →
//              Dense(10, softmax); 23,946 parameters at 14×14, 105,866 at 28×28.
enum class ModelKind : uint8_t { kSoftmax = 0, kMlp = 1, kCnn = 2, kCnnSmall = 3 };
constexpr int kModelKinds = 4;
const char* model_kind_name(ModelKind kind);  // "softmax", "mlp", "cnn", "cnn-small"
bool parse_model_kind(const std::string& name, ModelKind* out);

// Defaults are the lesson's: Dense(10, softmax), RMSprop 1e-3, batch 32, 5 epochs, seed 42,
// 20 % of the 60,000 held out for validation, no early stopping.
struct TrainConfig {
  ModelKind model = ModelKind::kSoftmax;
  std::vector<int> hidden;  // widths for kMlp (1–2 layers in the UI)
  Activation hidden_activation = Activation::kRelu;
  OptimizerConfig optimizer;
  int batch = 32;
  int epochs = 5;
  uint64_t seed = 42;
  // Patience in epochs on the validation loss (Keras' EarlyStopping(monitor='val_loss')): the run
  // stops after this many epochs without a lower validation loss, and ends with the weights of
  // the epoch that had the lowest (restore_best_weights). 0: off.
  int early_stopping = 0;
  // Augment each training image as the batch is gathered (augment.h: shift, scale, rotation, the
  // sketch look), from its own stream of seed. Off for the lesson. Not saved in model files.
  bool augment = false;
  double val_fraction = 0.2;
  int eval_chunk = 2000;  // samples per evaluation step()
};

constexpr int kMaxHiddenWidth = kMaxDenseWidth;  // 4096
constexpr int kMaxHiddenLayers = 4;
constexpr int kMaxEpochs = 1000;

// Checks every field (lr > 0 and finite, 1 ≤ batch ≤ training-set size, epochs ≥ 1, hidden
// widths 1..kMaxHiddenWidth, …); the message names the field and the allowed range.
Status validate(const TrainConfig& config, Index train_count);
// Whether the config's model takes side×side images: the book's CNN needs 28×28 (kCnnNeeds28).
Status check_model_side(const TrainConfig& config, int side);
// The network a config describes for side×side images (hidden layers only for kMlp).
Architecture architecture_for(const TrainConfig& config, int side);

// The learning rate to suggest after a divergence: 1e-3, or a tenth of an already smaller rate.
// The Trainer's message and the page's notice both offer this one number.
float suggested_lr(float lr);

}  // namespace fm
