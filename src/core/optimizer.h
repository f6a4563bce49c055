// SGD (momentum, Nesterov), RMSprop and Adam with tf.keras 2 defaults and formulas.
// State is held per parameter index (one flat buffer), never keyed on addresses.
#pragma once

#include <cstdint>

#include "types.h"

namespace fm {

enum class OptimizerKind : uint8_t { kSgd = 0, kRmsprop = 1, kAdam = 2 };

struct OptimizerConfig {
  OptimizerKind kind = OptimizerKind::kRmsprop;
  float lr = 1e-3f;
  float momentum = 0.0f;  // SGD
  bool nesterov = false;  // SGD
  float rho = 0.9f;       // RMSprop
  float beta1 = 0.9f;     // Adam
  float beta2 = 0.999f;   // Adam
  float epsilon = 1e-7f;  // RMSprop, Adam: added outside the square root (tf.keras 2)
};

const char* optimizer_name(OptimizerKind kind);  // "sgd", "rmsprop", "adam"
bool parse_optimizer(const std::string& name, OptimizerKind* out);

class Optimizer {
 public:
  // Zeroes all state for `param_count` parameters (t = 0).
  void reset(const OptimizerConfig& config, Index param_count);
  void set_lr(float lr) { config_.lr = lr; }
  const OptimizerConfig& config() const { return config_; }
  // SGD:     v = m·v − lr·g; p += v   (Nesterov: p += m·v − lr·g); m = 0: p −= lr·g
  // RMSprop: s = ρ·s + (1−ρ)·g²; p −= lr·g / (√s + ε)
  // Adam:    t += 1; m = β1·m + (1−β1)·g; v = β2·v + (1−β2)·g²;
  //          p −= lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε)
  void step(Vector& params, const Vector& grads);
  long long steps() const { return t_; }

 private:
  OptimizerConfig config_;
  Vector m_, v_;
  long long t_ = 0;
};

}  // namespace fm
