#include "core/history.h"

#include <cmath>

#include "core/train_config.h"

namespace fm {

Status check_history(const History& history) {
  if (history.size() > static_cast<size_t>(kMaxEpochs)) {
    return Status::Error(ErrorCode::kHistoryLength, {param(history.size()), param(kMaxEpochs)});
  }
  const auto loss_ok = [](float v) { return std::isfinite(v) && v >= 0; };
  const auto acc_ok = [](float v) { return v >= 0 && v <= 1; };  // false for NaN
  for (size_t i = 0; i < history.size(); ++i) {
    const EpochRecord& e = history[i];
    if (e.epoch != static_cast<int>(i) + 1 || !loss_ok(e.train_loss) || !loss_ok(e.val_loss) ||
        !acc_ok(e.train_acc) || !acc_ok(e.val_acc)) {
      return Status::Error(ErrorCode::kHistoryRecord, {param(i + 1)});
    }
  }
  return Status::Ok();
}

}  // namespace fm
