// A training run's settings (TrainConfig, the lesson's by default), their validation, the network
// they describe and the learning rate to suggest when a run with them diverges.
#pragma once

#include <cstdint>
#include <vector>

#include "network.h"
#include "optimizer.h"
#include "types.h"

namespace fm {

enum class ModelKind : uint8_t { kSoftmax = 0, kMlp = 1 };

// Defaults are the lesson's: Dense(10, softmax), RMSprop 1e-3, batch 32, 5 epochs, seed 42,
// 20 % of the 60,000 held out for validation.
struct TrainConfig {
  ModelKind model = ModelKind::kSoftmax;
  std::vector<int> hidden;  // widths for kMlp (1–2 layers in the UI)
  Activation hidden_activation = Activation::kRelu;
  OptimizerConfig optimizer;
  int batch = 32;
  int epochs = 5;
  uint64_t seed = 42;
  double val_fraction = 0.2;
  int eval_chunk = 2000;  // samples per evaluation step()
};

constexpr int kMaxHiddenWidth = 4096;
constexpr int kMaxHiddenLayers = 4;
constexpr int kMaxEpochs = 1000;

// Checks every field (lr > 0 and finite, 1 ≤ batch ≤ training-set size, epochs ≥ 1, hidden
// widths 1..kMaxHiddenWidth, …); the message names the field and the allowed range.
Status validate(const TrainConfig& config, Index train_count);
// The network a config describes for side×side images (hidden layers only for kMlp).
Architecture architecture_for(const TrainConfig& config, int side);

// The learning rate to suggest after a divergence: 1e-3, or a tenth of an already smaller rate.
// The Trainer's message and the page's notice both offer this one number.
float suggested_lr(float lr);

}  // namespace fm
