// The guided lesson's logic: starting and cancelling steps, running them all in order, the
// cross-validation sliced across frames like training, and the lesson's part of state().
#include <cmath>
#include <limits>

#include "app/app.h"
#include "app/clock.h"
#include "app/image_ops.h"
#include "app/json_writer.h"
#include "app/strings.h"

namespace fm {
namespace {
// Sample-class updates per cv.step(): about a millisecond, so the frame deadline is kept.
constexpr long long kCvWork = 6000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}  // namespace

Status App::lesson_run(int step) {
  if (step < 0 || step > kLessonSteps) return tr_error(Str::kErrLessonStep);
  if (data() == nullptr) return tr_error(Str::kErrNoData);
  if (lesson_.running) lesson_cancel();
  lesson_.open = true;
  lesson_.cancelled = false;
  lesson_.run_all = step == 0;
  begin_lesson_step(step == 0 ? 1 : step);
  return Status::Ok();
}

void App::lesson_cancel() {
  if (!lesson_.running) return;
  if (lesson_.step == 2) lesson_.cv.cancel();
  if (lesson_.step == 4 && run_id_ == lesson_.dense_run && trainer_.busy()) reset();
  lesson_.running = false;
  lesson_.run_all = false;
  lesson_.cancelled = true;
}

void App::begin_lesson_step(int s) {
  LessonState& L = lesson_;
  const Dataset* d = data();
  L.step = s;
  L.running = true;
  L.open_step = s;
  L.done[static_cast<size_t>(s)] = false;
  switch (s) {
    case 1: {
      L.balance.fill(0);
      for (uint8_t label : d->train_labels) {
        if (label < 10) ++L.balance[label];
      }
      Atlas atlas;
      atlas.reset(10, 1, d->side, d->side);
      for (int i = 0; i < 10 && i < d->train_count(); ++i) atlas.put_gray(i, d->train_image(i));
      L.first_ten.upload(atlas.width(), atlas.height(), atlas.rgba.data());
      L.first_ten_for = d;
      finish_lesson_step();
      break;
    }
    case 2: {
      L.cv_folds.clear();
      L.cv_mean = kNaN;
      L.cv_ms = 0;
      L.cv_side = d->side;
      const Status st = L.cv.start(*d);  // 5 stratified folds, sklearn's SGDClassifier settings
      L.cv_started = st.ok;
      if (!st) {
        error_ = tr(st);
        L.running = L.run_all = false;
      }
      break;
    }
    case 3: {
      const TrainConfig defaults;
      const Split sp = holdout_split(d->train_count(), defaults.val_fraction, defaults.seed);
      L.split_train = static_cast<long long>(sp.train.size());
      L.split_val = static_cast<long long>(sp.val.size());
      finish_lesson_step();
      break;
    }
    case 4: {
      L.dense_epochs.clear();
      L.dense_val_acc = static_cast<float>(kNaN);
      L.dense_side = d->side;
      const Status st = start_training(TrainConfig{});  // Dense(10, softmax), Keras' defaults
      if (!st) {
        error_ = tr(st);
        L.running = L.run_all = false;
        L.dense_run = 0;
      } else {
        L.dense_run = run_id_;
      }
      break;
    }
    default:
      finish_lesson_step();
      break;
  }
}

void App::finish_lesson_step() {
  LessonState& L = lesson_;
  L.done[static_cast<size_t>(L.step)] = true;
  L.running = false;
  if (L.run_all && L.step < kLessonSteps) {
    begin_lesson_step(L.step + 1);
  } else {
    L.run_all = false;
  }
}

double App::lesson_slice(double budget_ms) {
  LessonState& L = lesson_;
  if (!L.running) return 0;
  if (L.step == 2) {
    if (hidden_) return 0;
    const double t0 = now_ms();
    const double deadline = t0 + std::max(1.0, budget_ms);
    do {
      L.cv.step(kCvWork);
    } while (L.cv.busy() && now_ms() < deadline);
    const double ms = now_ms() - t0;
    L.cv_ms += ms;
    L.cv_folds = L.cv.fold_scores();
    if (!L.cv.busy()) {
      L.cv_mean = L.cv.mean();
      finish_lesson_step();
    }
    return ms;
  }
  if (L.step == 4) {
    if (run_id_ != L.dense_run) {  // the user started or reset another run
      L.running = L.run_all = false;
      L.cancelled = true;
      return 0;
    }
    L.dense_epochs.clear();
    for (const EpochRecord& e : trainer_.history()) L.dense_epochs.push_back(e.val_acc);
    if (!trainer_.busy()) {
      if (trainer_.phase() == Phase::kDone && !trainer_.history().empty()) {
        L.dense_val_acc = trainer_.history().back().val_acc;
        finish_lesson_step();
      } else {
        L.running = L.run_all = false;
        L.cancelled = true;
      }
    }
  }
  return 0;
}

void App::lesson_json(JsonWriter& j) const {
  const LessonState& L = lesson_;
  j.key("lesson").begin_object();
  j.key("open").boolean(L.open);
  j.key("step").integer(L.step);
  j.key("running").boolean(L.running);
  j.key("cancelled").boolean(L.cancelled);
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
