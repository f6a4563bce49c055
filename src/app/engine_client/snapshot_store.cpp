// SnapshotStore: kept weights in order, a byte budget, lookup at or before a point of the run.
#include "app/engine_client/snapshot_store.h"

#include <algorithm>

namespace fm {

void SnapshotStore::clear() {
  items_.clear();
  bytes_ = 0;
  dropped_ = 0;
}

void SnapshotStore::add(Snapshot s, long long protect_pos) {
  if (s.bytes() > budget_) {
    ++dropped_;
    return;
  }
  const long long pos = s.pos;
  auto it = std::lower_bound(items_.begin(), items_.end(), pos,
                             [](const Snapshot& a, long long p) { return a.pos < p; });
  if (it != items_.end() && it->pos == pos) {
    bytes_ -= it->bytes();
    *it = std::move(s);
  } else {
    it = items_.insert(it, std::move(s));
  }
  bytes_ += it->bytes();
  fit_budget(pos, protect_pos);
}

void SnapshotStore::set_evaluation(long long pos, const Snapshot& r, long long protect_pos) {
  for (Snapshot& s : items_) {
    if (s.pos != pos) continue;
    bytes_ -= s.bytes();
    s.evaluated = true;
    s.val_acc = r.val_acc;
    s.confusion = r.confusion;
    s.hardest = r.hardest;
    s.predictions = r.predictions;
    bytes_ += s.bytes();
    fit_budget(pos, protect_pos);
    return;
  }
}

void SnapshotStore::fit_budget(long long protect_a, long long protect_b) {
  size_t i = 0;
  while (bytes_ > budget_ && i < items_.size()) {
    if (items_[i].pos == protect_a || items_[i].pos == protect_b) {
      ++i;
      continue;
    }
    bytes_ -= items_[i].bytes();
    items_.erase(items_.begin() + static_cast<std::ptrdiff_t>(i));
    ++dropped_;
  }
}

const Snapshot* SnapshotStore::at_or_before(long long pos) const {
  auto it = std::upper_bound(items_.begin(), items_.end(), pos,
                             [](long long p, const Snapshot& a) { return p < a.pos; });
  return it == items_.begin() ? nullptr : &*(it - 1);
}

const Snapshot* SnapshotStore::find(long long pos) const {
  const Snapshot* s = at_or_before(pos);
  return s != nullptr && s->pos == pos ? s : nullptr;
}

void SnapshotStore::drop_after(long long pos) {
  while (!items_.empty() && items_.back().pos > pos) {
    bytes_ -= items_.back().bytes();
    items_.pop_back();
  }
}

}  // namespace fm
