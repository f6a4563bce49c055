// The guided lesson's logic: starting and cancelling steps, running them all in order (the
// cross-validation and the Dense run in the engine's worker), and the lesson's part of state().
#include <cmath>
#include <limits>

#include "app/panels/lesson.h"

#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"

namespace fm {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Status LessonPanel::run(Session& session, int step) {
  if (step < 0 || step > kLessonSteps) return tr_error(Str::kErrLessonStep);
  if (session.data() == nullptr) return tr_error(Str::kErrNoData);
  if (state_.running) cancel(session);
  state_.open = true;
  state_.cancelled = false;
  state_.run_all = step == 0;
  begin_step(session, step == 0 ? 1 : step);
  return Status::Ok();
}

void LessonPanel::cancel(Session& session) {
  LessonState& L = state_;
  if (!L.running) return;
  if (L.step == 2) session.engine().cancel_cv();
  if (L.step == 4 && (L.dense_pending || (session.run().run_id() == L.dense_run && session.engine().busy()))) {
    session.reset();
  }
  L.dense_pending = false;
  L.running = false;
  L.run_all = false;
  L.cancelled = true;
}

void LessonPanel::begin_step(Session& session, int s) {
  LessonState& L = state_;
  const BundleView* d = session.data();
  L.step = s;
  L.running = true;
  L.open_step = s;
  L.done[static_cast<size_t>(s)] = false;
  switch (s) {
    case 1: {
      L.balance.fill(0);
      for (Index i = 0; i < d->train_count(); ++i) ++L.balance[static_cast<size_t>(d->train_label(i))];
      Atlas atlas;
      atlas.reset(10, 1, d->side(), d->side());
      for (int i = 0; i < 10 && i < d->train_count(); ++i) atlas.put_gray(i, d->train_image(i).data());
      L.first_ten.upload(atlas.width(), atlas.height(), atlas.rgba.data());
      L.first_ten_for = d;
      finish_step(session);
      break;
    }
    case 2: {
      L.cv_folds.clear();
      L.cv_mean = kNaN;
      L.cv_ms = 0;
      L.cv_side = d->side();
      L.cv_fold = 0;
      L.cv_fold_progress = 0;
      L.cv_started = true;
      session.engine().cv(d->side());  // 5 stratified folds, sklearn's SGDClassifier settings
      break;
    }
    case 3: {
      const TrainConfig defaults;
      const Split sp = holdout_split(d->train_count(), defaults.val_fraction, defaults.seed);
      L.split_train = static_cast<long long>(sp.train.size());
      L.split_val = static_cast<long long>(sp.val.size());
      finish_step(session);
      break;
    }
    case 4: {
      L.dense_epochs.clear();
      L.dense_val_acc = static_cast<float>(kNaN);
      L.dense_side = d->side();
      // Dense(10, softmax), Keras' defaults, at the Training form's pace (Watch on a first visit).
      const Status st = session.start_training(TrainConfig{}, session.form.pace);
      L.dense_run = 0;
      L.dense_pending = st.ok;  // the run id comes with `started` (lesson_tick)
      if (!st) {
        session.messages.error = tr(st);
        L.running = L.run_all = false;
      }
      break;
    }
    default:
      finish_step(session);
      break;
  }
}

void LessonPanel::finish_step(Session& session) {
  LessonState& L = state_;
  L.done[static_cast<size_t>(L.step)] = true;
  L.running = false;
  if (L.run_all && L.step < kLessonSteps) {
    begin_step(session, L.step + 1);
  } else {
    L.run_all = false;
  }
}

void LessonPanel::tick(Session& session) {
  LessonState& L = state_;
  const RunView& run = session.run();
  if (!L.running) return;
  if (L.step == 2) {
    const CvView& cv = run.cv();
    if (cv.side != L.cv_side) return;  // not this CV's events yet
    L.cv_ms = cv.compute_s * 1000.0;
    L.cv_folds = cv.scores;
    L.cv_fold = cv.fold;
    L.cv_k = cv.folds > 0 ? cv.folds : L.cv_k;
    L.cv_fold_progress = cv.fold_progress;
    if (cv.done) {
      L.cv_mean = cv.mean;
      finish_step(session);
    } else if (cv.cancelled || !session.engine().worker_alive()) {
      L.running = L.run_all = false;
      L.cancelled = true;
    }
    return;
  }
  if (L.step == 4) {
    if (L.dense_pending) {
      if (session.engine().starting_run()) return;
      L.dense_pending = false;
      if (!run.has_model()) {  // refused or the worker died
        L.running = L.run_all = false;
        L.cancelled = true;
        return;
      }
      L.dense_run = run.run_id();
    }
    if (run.run_id() != L.dense_run || session.engine().starting_run()) {  // another run started or reset
      L.running = L.run_all = false;
      L.cancelled = true;
      return;
    }
    L.dense_epochs.clear();
    for (const EpochRecord& e : run.history()) L.dense_epochs.push_back(e.val_acc);
    if (!run.busy()) {
      if (run.phase() == Phase::kDone && !run.history().empty()) {
        L.dense_val_acc = run.history().back().val_acc;
        finish_step(session);
      } else {
        L.running = L.run_all = false;
        L.cancelled = true;
      }
    }
  }
}

void LessonPanel::json(JsonWriter& j) const {
  const LessonState& L = state_;
  j.key("lesson").begin_object();
  j.key("open").boolean(L.open);
  j.key("step").integer(L.step);
  j.key("running").boolean(L.running);
  j.key("cancelled").boolean(L.cancelled);
  j.key("rect").begin_object().key("x").number(window_rect_[0]).key("y").number(window_rect_[1])
      .key("w").number(window_rect_[2]).key("h").number(window_rect_[3]).end_object();
  j.key("run_all_rect").begin_object().key("x").number(run_all_rect_[0]).key("y").number(run_all_rect_[1])
      .key("w").number(run_all_rect_[2]).key("h").number(run_all_rect_[3]).end_object();
  j.key("done").begin_array();
  for (int s = 1; s <= kLessonSteps; ++s) j.boolean(L.done[static_cast<size_t>(s)]);
  j.end_array();
  j.key("cv").begin_object();
  j.key("folds").begin_array();
  for (double f : L.cv_folds) j.number(f);
  j.end_array();
  j.key("mean");
  if (std::isfinite(L.cv_mean) && L.cv_started) {
    j.number(L.cv_mean);
  } else {
    j.null();
  }
  j.key("side");
  if (L.cv_side > 0) {
    j.integer(L.cv_side);
  } else {
    j.null();
  }
  j.key("compute_s").number(L.cv_ms / 1000.0);
  j.end_object();
  j.key("split").begin_object().key("train").integer(L.split_train).key("val").integer(L.split_val).end_object();
  j.key("dense").begin_object();
  j.key("val_acc");
  if (L.dense_run != 0 && std::isfinite(L.dense_val_acc)) {
    j.number(L.dense_val_acc);
  } else {
    j.null();
  }
  j.key("epochs").begin_array();
  for (float a : L.dense_epochs) j.number(a);
  j.end_array();
  j.end_object();
  j.end_object();
}

}  // namespace fm
