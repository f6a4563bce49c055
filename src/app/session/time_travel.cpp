// Session's time travel (issue 14 §2): a point of the run the user names, mapped to the snapshot
// the page kept at or before it (engine_client/snapshot_store.h), or refused in words.
#include <cstdio>

#include "app/i18n/strings.h"
#include "app/session/session.h"

namespace fm {

std::pair<int, long long> Session::view_point(const Snapshot& s) const {
  // (e, 0) is the end of epoch e (the untrained model for e = 0); (e, b) is b batches into e + 1.
  if (s.batch == 0) return {s.epoch, s.epoch == 0 ? 0 : run().batches_per_epoch()};
  return {s.epoch + 1, s.batch};
}

Status Session::view_at(int epoch, long long batch) {
  const RunView& r = run();
  if (epoch < 0) return tr_error(Str::kErrViewArgs);
  if (!r.has_model() || r.snapshots().size() == 0) {
    return tr_error(r.has_model() && r.imported() ? Str::kErrViewImported : Str::kErrViewNoRun);
  }
  long long pos = 0;
  if (epoch > 0) pos = batch < 0 ? r.pos_of(epoch, 0) : r.pos_of(epoch - 1, batch);
  if (engine_.view_at(pos)) {
    redraw();
    return Status::Ok();
  }
  const auto [e, b] = view_point(r.snapshots().all().front());
  char buf[300];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtErrViewBefore), e, b);
  return text_error(buf);
}

}  // namespace fm
