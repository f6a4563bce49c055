// SGD (momentum, Nesterov), RMSprop and Adam exactly as tf.keras 2 computes them, over the flat
// parameter buffer: one pass per step, no allocation. RMSprop and Adam (sqrt and a division per
// parameter) run on 4-float vectors in kernels.cpp; Eigen has no vector path for them in wasm.
#include "core/optimizer.h"

#include <cassert>
#include <cctype>
#include <cmath>
#include <string>

#include "core/kernels.h"

namespace fm {

const char* optimizer_name(OptimizerKind kind) {
  switch (kind) {
    case OptimizerKind::kSgd:
      return "sgd";
    case OptimizerKind::kRmsprop:
      return "rmsprop";
    case OptimizerKind::kAdam:
      return "adam";
  }
  return "unknown";
}

bool parse_optimizer(const std::string& name, OptimizerKind* out) {
  std::string lower;
  for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (OptimizerKind kind : {OptimizerKind::kSgd, OptimizerKind::kRmsprop, OptimizerKind::kAdam}) {
    if (lower == optimizer_name(kind)) {
      *out = kind;
      return true;
    }
  }
  return false;
}

void Optimizer::reset(const OptimizerConfig& config, Index param_count) {
  config_ = config;
  // m_: SGD velocity / Adam first moment; v_: RMSprop mean square / Adam second moment.
  m_ = Vector::Zero(param_count);
  v_ = Vector::Zero(param_count);
  t_ = 0;
}

void Optimizer::step(Vector& params, const Vector& grads) {
  assert(params.size() == grads.size() && params.size() == m_.size());
  const Scalar lr = config_.lr;
  ++t_;
  switch (config_.kind) {
    case OptimizerKind::kSgd: {
      const Scalar mu = config_.momentum;
      if (mu == Scalar(0)) {
        params -= lr * grads;
        break;
      }
      m_.array() = mu * m_.array() - lr * grads.array();
      if (config_.nesterov) {
        params.array() += mu * m_.array() - lr * grads.array();
      } else {
        params += m_;
      }
      break;
    }
    case OptimizerKind::kRmsprop: {
      kernels::rmsprop_update(params.size(), params.data(), grads.data(), v_.data(), lr,
                              config_.rho, config_.epsilon);
      break;
    }
    case OptimizerKind::kAdam: {
      const Scalar b1 = config_.beta1, b2 = config_.beta2;
      // Bias correction folded into the step size, in double: β^t for large t stays accurate.
      const double t = static_cast<double>(t_);
      const Scalar lr_t = static_cast<Scalar>(
          static_cast<double>(lr) * std::sqrt(1.0 - std::pow(static_cast<double>(b2), t)) /
          (1.0 - std::pow(static_cast<double>(b1), t)));
      kernels::adam_update(params.size(), params.data(), grads.data(), m_.data(), v_.data(), lr_t,
                           b1, b2, config_.epsilon);
      break;
    }
  }
}

}  // namespace fm
