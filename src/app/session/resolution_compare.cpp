// ResolutionCompare: three runs in a row through the session, one per input size.
#include "app/session/resolution_compare.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "app/i18n/strings.h"
#include "app/session/canvas_input.h"
#include "core/metrics.h"

namespace fm {

Status ResolutionCompare::start(Session& s, const Settings& settings) {
  if (running()) return tr_error(Str::kErrCompareRunning);
  if (s.engine().busy()) return tr_error(Str::kErrCompareBusy);
  if (s.data() == nullptr) return tr_error(Str::kErrNoData);
  if (settings.model == ModelKind::kCnn) return tr_error(Str::kErrCompareCnn);
  settings_ = settings;
  settings_.pace = Pace::kFull;
  // The other sizes smallest first, then the one in use: its model is the page's afterwards.
  const int here = s.side();
  size_t n = 0;
  for (int side : kInputSides) {
    if (side != here) order_[n++] = side;
  }
  order_[n] = here;
  for (size_t i = 0; i < rows_.size(); ++i) {
    rows_[i] = CompareRow();
    rows_[i].side = kInputSides[i];
  }
  ++rows_version_;
  at_ = 0;
  step_ = Step::kData;
  asked_ = false;
  error_.clear();
  state_ = State::kRunning;
  s.messages.error.clear();
  return Status::Ok();
}

void ResolutionCompare::cancel(Session& s) {
  if (!running()) return;
  if (step_ != Step::kData) s.reset();  // the run of this size is dropped
  finish(State::kCancelled);
}

void ResolutionCompare::fail(std::string why) {
  error_ = std::move(why);
  finish(State::kFailed);
}

void ResolutionCompare::finish(State state) {
  state_ = state;
  ++finished_;
}

bool ResolutionCompare::tick(Session& s) {
  if (!running()) return false;
  const int side = order_[at_];
  const RunView& run = s.run();
  char buf[200];
  switch (step_) {
    case Step::kData: {
      const BundleSlot& b = s.bundle(side);
      if (!b.data.loaded()) {
        if (!asked_) {
          asked_ = true;
          s.select_side(side);  // 7×7 and 28×28 are downloaded on request
        } else if (!b.loading) {
          fail(s.messages.error.empty() ? b.error : s.messages.error);  // the download failed
          return true;
        }
        return false;
      }
      if (s.side() != side) s.select_side(side);  // drops the previous size's model (kept in its row)
      if (s.side() != side) return false;
      Settings one = settings_;
      one.side = side;
      run_before_ = run.run_id();
      const Status st = s.start_training(to_train_config(one), Pace::kFull);
      if (!st) {
        fail(tr(st));
        return true;
      }
      step_ = Step::kStarting;
      return false;
    }
    case Step::kStarting:
      if (s.engine().starting_run()) return false;
      if (run.run_id() == run_before_ || !run.has_model()) {  // the engine refused the run
        fail(s.messages.error);
        return true;
      }
      run_ = run.run_id();
      step_ = Step::kTraining;
      [[fallthrough]];
    case Step::kTraining: {
      if (run.run_id() != run_ || !run.has_model()) {  // reset, another run or an import
        finish(State::kCancelled);
        return true;
      }
      if (run.phase() == Phase::kDiverged) {
        std::snprintf(buf, sizeof(buf), tr(Str::kFmtCompareDiverged), side, side);
        fail(buf);
        return true;
      }
      // Done, and the `done` event's test accuracy in (a progress event says done first).
      if (run.phase() != Phase::kDone || (!std::isfinite(run.test_acc()) && run.test_count() > 0)) return false;
      CompareRow& row = rows_[static_cast<size_t>(input_side_index(side))];
      row.done = true;
      row.val_acc = run.val_acc();
      row.test_acc = run.test_acc();
      row.params = run.params();
      row.epochs = static_cast<int>(run.history().size());
      row.seconds_per_epoch = row.epochs > 0 ? run.train_compute_s() / row.epochs : NAN;
      row.network = run.network();
      ++rows_version_;
      step_ = Step::kData;
      asked_ = false;
      if (++at_ == order_.size()) {
        at_ = order_.size() - 1;  // current_side() stays valid
        finish(State::kDone);
        return true;
      }
      return false;
    }
  }
  return false;
}

bool ResolutionCompare::downloading(const Session& s) const {
  return running() && step_ == Step::kData && !s.bundle(order_[at_]).data.loaded();
}

double ResolutionCompare::progress(const Session& s) const {
  if (state_ == State::kDone) return 1.0;
  if (!running()) return 0.0;
  double part = 0;
  const RunView& run = s.run();
  if (step_ == Step::kTraining && run.epochs() > 0 && run.batches_per_epoch() > 0) {
    part = (run.epoch() + static_cast<double>(run.batch_in_epoch()) / run.batches_per_epoch()) / run.epochs();
  }
  return (static_cast<double>(at_) + std::clamp(part, 0.0, 1.0)) / static_cast<double>(order_.size());
}

void ResolutionCompare::update_sketch(const SketchCanvas& canvas, bool fill_outlines) {
  if (canvas.version() == sketch_version_ && rows_version_ == sketch_rows_ && fill_outlines == sketch_fill_) return;
  sketch_version_ = canvas.version();
  sketch_rows_ = rows_version_;
  sketch_fill_ = fill_outlines;
  for (CompareRow& row : rows_) {
    row.probs.fill(0.0f);
    row.top = -1;
    if (!row.done) {
      row.input.clear();
      continue;
    }
    CanvasInput in = canvas_input(canvas, row.side, fill_outlines);
    row.input = std::move(in.pixels);
    if (in.path != CanvasInput::Path::kNone && row.network.arch().inputs == row.side * row.side) {
      row.network.predict(row.input.data(), row.probs.data());
      row.top = argmax(row.probs.data(), kNumClasses);
    }
  }
}

const char* compare_state_name(ResolutionCompare::State state) {
  switch (state) {
    case ResolutionCompare::State::kIdle: return "idle";
    case ResolutionCompare::State::kRunning: return "running";
    case ResolutionCompare::State::kDone: return "done";
    case ResolutionCompare::State::kFailed: return "failed";
    case ResolutionCompare::State::kCancelled: return "cancelled";
  }
  return "idle";
}

}  // namespace fm
