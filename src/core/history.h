// A run's history: one record per finished epoch, epoch 1 first. The Trainer keeps it; model files
// carry it (model_file.h, safetensors.h), so an imported or restored model shows its plots again
// and +1 epoch goes on at epoch N+1.
#pragma once

#include <cstddef>
#include <vector>

#include "status.h"

namespace fm {

struct EpochRecord {
  int epoch = 0;  // 1-based
  float train_loss = 0, train_acc = 0, val_loss = 0, val_acc = 0;
};

using History = std::vector<EpochRecord>;

// One point of the per-batch curve the plots draw: x in epochs (fractional: 2.5 is halfway through
// epoch 3), the epoch's running mean loss and accuracy at that batch.
struct CurvePoint {
  float x = 0, loss = 0, acc = 0;
};

// Model files keep at most this many curve points (thinned evenly, the last one kept).
constexpr size_t kMaxSavedCurve = 512;

// A history as a run makes it: at most kMaxEpochs records, numbered 1, 2, … in order, losses
// finite and ≥ 0, accuracies in [0, 1]. Refused with the first bad record's number.
Status check_history(const History& history);

// A saved curve for a history of `epochs` epochs: at most kMaxSavedCurve points, x increasing
// within (0, epochs], losses finite and ≥ 0, accuracies in [0, 1]. Refused with the first bad
// point's number.
Status check_curve(const std::vector<CurvePoint>& curve, size_t epochs);

// `points` thinned to at most `max` evenly spaced ones, the last always kept.
std::vector<CurvePoint> thin_curve(const std::vector<CurvePoint>& points, size_t max);

}  // namespace fm
