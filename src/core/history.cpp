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

Status check_curve(const std::vector<CurvePoint>& curve, size_t epochs) {
  if (curve.size() > kMaxSavedCurve) {
    return Status::Error(ErrorCode::kCurveLength, {param(curve.size()), param(kMaxSavedCurve)});
  }
  float last = 0;
  for (size_t i = 0; i < curve.size(); ++i) {
    const CurvePoint& p = curve[i];
    if (!(p.x > last && p.x <= static_cast<float>(epochs)) || !std::isfinite(p.loss) || p.loss < 0 ||
        !(p.acc >= 0 && p.acc <= 1)) {
      return Status::Error(ErrorCode::kCurvePoint, {param(i + 1)});
    }
    last = p.x;
  }
  return Status::Ok();
}

std::vector<CurvePoint> thin_curve(const std::vector<CurvePoint>& points, size_t max) {
  if (points.size() <= max) return points;
  std::vector<CurvePoint> out;
  if (max == 0) return out;
  out.reserve(max);
  // Point k of max: index round((k + 1) · n / max) − 1, so the last is the last.
  const size_t n = points.size();
  for (size_t k = 0; k < max; ++k) out.push_back(points[(k + 1) * n / max - 1]);
  return out;
}

}  // namespace fm
