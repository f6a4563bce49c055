// TrainConfig's checks (each refusal names the field and its allowed range), the network a
// config describes, and the learning rate suggested after a divergence.
#include "core/train_config.h"

#include <cmath>
#include <utility>

namespace fm {

namespace {

bool valid_fraction(float value) { return value >= 0.0f && value < 1.0f; }  // false for NaN

Index validation_count(Index n, double val_fraction) {
  return static_cast<Index>(std::llround(static_cast<double>(n) * val_fraction));
}

}  // namespace

const char* model_kind_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::kSoftmax:
      return "softmax";
    case ModelKind::kMlp:
      return "mlp";
    case ModelKind::kCnn:
      return "cnn";
    case ModelKind::kCnnSmall:
      return "cnn-small";
  }
  return "unknown";
}

bool parse_model_kind(const std::string& name, ModelKind* out) {
  for (int i = 0; i < kModelKinds; ++i) {
    const ModelKind kind = static_cast<ModelKind>(i);
    if (name == model_kind_name(kind)) {
      *out = kind;
      return true;
    }
  }
  return false;
}

Status validate(const TrainConfig& config, Index train_count) {
  if (static_cast<int>(config.model) >= kModelKinds) {
    return Status::Error(ErrorCode::kUnknownModel, {param(static_cast<int>(config.model))});
  }
  if (config.model == ModelKind::kMlp) {
    if (config.hidden.empty() || static_cast<int>(config.hidden.size()) > kMaxHiddenLayers) {
      return Status::Error(ErrorCode::kMlpLayers,
                           {param(kMaxHiddenLayers), param(config.hidden.size())});
    }
    for (int width : config.hidden) {
      if (width < 1 || width > kMaxHiddenWidth) {
        return Status::Error(ErrorCode::kHiddenWidth, {param(kMaxHiddenWidth), param(width)});
      }
    }
    if (config.hidden_activation != Activation::kRelu &&
        config.hidden_activation != Activation::kSigmoid) {
      return Status::Error(ErrorCode::kUnknownActivation,
                           {param(static_cast<int>(config.hidden_activation))});
    }
  }
  const OptimizerConfig& opt = config.optimizer;
  if (opt.kind != OptimizerKind::kSgd && opt.kind != OptimizerKind::kRmsprop &&
      opt.kind != OptimizerKind::kAdam) {
    return Status::Error(ErrorCode::kUnknownOptimizer, {param(static_cast<int>(opt.kind))});
  }
  if (!(std::isfinite(opt.lr) && opt.lr > 0)) {
    return Status::Error(ErrorCode::kLearningRate, {param(opt.lr)});
  }
  const std::pair<const char*, float> fractions[] = {
      {"momentum", opt.momentum}, {"rho", opt.rho}, {"beta1", opt.beta1}, {"beta2", opt.beta2}};
  for (const auto& field : fractions) {
    if (!valid_fraction(field.second)) {
      return Status::Error(ErrorCode::kFraction, {field.first, param(field.second)});
    }
  }
  if (!(std::isfinite(opt.epsilon) && opt.epsilon > 0)) {
    return Status::Error(ErrorCode::kEpsilon, {param(opt.epsilon)});
  }
  if (!(config.val_fraction > 0 && config.val_fraction < 1)) {
    return Status::Error(ErrorCode::kValFraction, {param(config.val_fraction)});
  }
  // Same count as holdout_split: the last round(n·val_fraction) images are held out.
  const Index val_count = validation_count(train_count, config.val_fraction);
  const Index train_size = train_count - val_count;
  if (val_count < 1 || train_size < 1) {
    return Status::Error(ErrorCode::kValFractionEmpty,
                         {param(config.val_fraction), param(train_count)});
  }
  if (config.batch < 1 || config.batch > train_size) {
    return Status::Error(ErrorCode::kBatchSize, {param(train_size), param(config.batch)});
  }
  if (config.epochs < 1 || config.epochs > kMaxEpochs) {
    return Status::Error(ErrorCode::kEpochs, {param(kMaxEpochs), param(config.epochs)});
  }
  if (config.eval_chunk < 1) {
    return Status::Error(ErrorCode::kEvalChunk, {param(config.eval_chunk)});
  }
  if (config.early_stopping < 0 || config.early_stopping > kMaxEpochs) {
    return Status::Error(ErrorCode::kEarlyStopping,
                         {param(kMaxEpochs), param(config.early_stopping)});
  }
  return Status::Ok();
}

Status check_model_side(const TrainConfig& config, int side) {
  if (config.model == ModelKind::kCnn && side != 28) {
    return Status::Error(ErrorCode::kCnnNeeds28, {param(side)});
  }
  return Status::Ok();
}

Architecture architecture_for(const TrainConfig& config, int side) {
  Architecture arch;
  arch.inputs = side * side;
  arch.outputs = kNumClasses;
  switch (config.model) {
    case ModelKind::kSoftmax:
      break;
    case ModelKind::kMlp:
      for (int width : config.hidden) {
        arch.layers.push_back(LayerSpec::dense(width, config.hidden_activation));
      }
      break;
    case ModelKind::kCnn:
      arch.layers = {LayerSpec::conv(32, 3),   LayerSpec::max_pool(), LayerSpec::conv(64, 3),
                     LayerSpec::max_pool(),    LayerSpec::dense(100), LayerSpec::dropout(0.4f)};
      break;
    case ModelKind::kCnnSmall:
      arch.layers = {LayerSpec::conv(16, 3), LayerSpec::max_pool(), LayerSpec::conv(32, 3),
                     LayerSpec::max_pool(), LayerSpec::dense(64)};
      break;
  }
  return arch;
}

float suggested_lr(float lr) { return lr > 1e-3f ? 1e-3f : lr / 10.0f; }

}  // namespace fm
