// TrainConfig's checks (each refusal names the field and its allowed range), the network a
// config describes, and the learning rate suggested after a divergence.
#include "core/train_config.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

namespace fm {

namespace {

std::string format_number(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", value);
  return text;
}

bool valid_fraction(float value) { return value >= 0.0f && value < 1.0f; }  // false for NaN

Index validation_count(Index n, double val_fraction) {
  return static_cast<Index>(std::llround(static_cast<double>(n) * val_fraction));
}

}  // namespace

Status validate(const TrainConfig& config, Index train_count) {
  if (config.model != ModelKind::kSoftmax && config.model != ModelKind::kMlp) {
    return Status::Error("unknown model kind (got " +
                         std::to_string(static_cast<int>(config.model)) + ")");
  }
  if (config.model == ModelKind::kMlp) {
    if (config.hidden.empty() || static_cast<int>(config.hidden.size()) > kMaxHiddenLayers) {
      return Status::Error("an MLP needs 1–" + std::to_string(kMaxHiddenLayers) +
                           " hidden layers (got " + std::to_string(config.hidden.size()) + ")");
    }
    for (int width : config.hidden) {
      if (width < 1 || width > kMaxHiddenWidth) {
        return Status::Error("hidden layer width must be between 1 and " +
                             std::to_string(kMaxHiddenWidth) + " (got " + std::to_string(width) +
                             ")");
      }
    }
    if (config.hidden_activation != Activation::kRelu &&
        config.hidden_activation != Activation::kSigmoid) {
      return Status::Error("unknown hidden activation (got " +
                           std::to_string(static_cast<int>(config.hidden_activation)) + ")");
    }
  }
  const OptimizerConfig& opt = config.optimizer;
  if (opt.kind != OptimizerKind::kSgd && opt.kind != OptimizerKind::kRmsprop &&
      opt.kind != OptimizerKind::kAdam) {
    return Status::Error("unknown optimizer (got " + std::to_string(static_cast<int>(opt.kind)) +
                         ")");
  }
  if (!(std::isfinite(opt.lr) && opt.lr > 0)) {
    return Status::Error("learning rate must be a positive number (got " + format_number(opt.lr) +
                         ")");
  }
  const std::pair<const char*, float> fractions[] = {
      {"momentum", opt.momentum}, {"rho", opt.rho}, {"beta1", opt.beta1}, {"beta2", opt.beta2}};
  for (const auto& field : fractions) {
    if (!valid_fraction(field.second)) {
      return Status::Error(std::string(field.first) + " must be at least 0 and below 1 (got " +
                           format_number(field.second) + ")");
    }
  }
  if (!(std::isfinite(opt.epsilon) && opt.epsilon > 0)) {
    return Status::Error("epsilon must be a positive number (got " + format_number(opt.epsilon) +
                         ")");
  }
  if (!(config.val_fraction > 0 && config.val_fraction < 1)) {
    return Status::Error("validation fraction must be between 0 and 1, exclusive (got " +
                         format_number(config.val_fraction) + ")");
  }
  // Same count as holdout_split: the last round(n·val_fraction) images are held out.
  const Index val_count = validation_count(train_count, config.val_fraction);
  const Index train_size = train_count - val_count;
  if (val_count < 1 || train_size < 1) {
    return Status::Error("validation fraction " + format_number(config.val_fraction) +
                         " leaves an empty training or validation set (" +
                         std::to_string(train_count) + " images)");
  }
  if (config.batch < 1 || config.batch > train_size) {
    return Status::Error("batch size must be between 1 and " + std::to_string(train_size) +
                         " (got " + std::to_string(config.batch) + ")");
  }
  if (config.epochs < 1 || config.epochs > kMaxEpochs) {
    return Status::Error("epochs must be between 1 and " + std::to_string(kMaxEpochs) + " (got " +
                         std::to_string(config.epochs) + ")");
  }
  if (config.eval_chunk < 1) {
    return Status::Error("evaluation chunk must be at least 1 sample (got " +
                         std::to_string(config.eval_chunk) + ")");
  }
  return Status::Ok();
}

Architecture architecture_for(const TrainConfig& config, int side) {
  Architecture arch;
  arch.inputs = side * side;
  if (config.model == ModelKind::kMlp) arch.hidden = config.hidden;
  arch.hidden_activation = config.hidden_activation;
  arch.outputs = kNumClasses;
  return arch;
}

float suggested_lr(float lr) { return lr > 1e-3f ? 1e-3f : lr / 10.0f; }

}  // namespace fm
