// The run's weights kept for time travel (issue 14 §2): the engine's `weights keep=1` events (the
// start, batches 10, 50 and 200 of the first epoch, every epoch end), each with the validation
// results of those weights once known, within a memory budget: the oldest are dropped first.
// Plain C++: tests/test_snapshot_store.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/metrics.h"

namespace fm {

constexpr size_t kSnapshotBudgetBytes = size_t(64) << 20;  // 64 MB for all of a run's snapshots

struct Snapshot {
  // Where in the run: `epoch` finished epochs and `batch` minibatches of the next (an epoch's end
  // is (epoch, 0)); pos = epoch · batches per epoch + batch orders them.
  int epoch = 0;
  long long batch = 0, pos = 0;
  std::vector<float> params;
  // The validation pass of these weights (the engine's at an epoch end, else asked for).
  bool evaluated = false;
  float val_acc = 0;
  ConfusionMatrix confusion;
  std::vector<Mistake> hardest;
  std::vector<uint8_t> predictions;  // class per validation sample

  size_t bytes() const {
    return params.size() * sizeof(float) + predictions.size() + hardest.size() * sizeof(Mistake);
  }
};

class SnapshotStore {
 public:
  explicit SnapshotStore(size_t budget_bytes = kSnapshotBudgetBytes) : budget_(budget_bytes) {}

  void clear();  // a new run, an import, a reset: no history
  // Adds one in order of pos (one at the same pos is replaced), then drops the oldest until all
  // fit the budget, never the one at `protect_pos` (the snapshot being viewed) nor the new one. A
  // snapshot larger than the whole budget is not kept (counted as dropped).
  void add(Snapshot s, long long protect_pos = -1);
  // The validation pass of the one at `pos` (if still kept); the budget applies again.
  void set_evaluation(long long pos, const Snapshot& results, long long protect_pos = -1);
  // The latest kept at or before `pos`; nullptr when none is (before the first, or dropped).
  const Snapshot* at_or_before(long long pos) const;
  const Snapshot* find(long long pos) const;
  // Those after `pos` go (a diverged run went back to an earlier epoch's weights).
  void drop_after(long long pos);

  const std::vector<Snapshot>& all() const { return items_; }
  size_t size() const { return items_.size(); }
  size_t bytes() const { return bytes_; }
  size_t budget() const { return budget_; }
  int dropped() const { return dropped_; }  // dropped for the budget since the last clear()

 private:
  void fit_budget(long long protect_a, long long protect_b);
  size_t budget_;
  size_t bytes_ = 0;
  int dropped_ = 0;
  std::vector<Snapshot> items_;  // by pos, oldest first
};

}  // namespace fm
