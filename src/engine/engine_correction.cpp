// The engine's correct and undo_correction commands (protocol.h, issue 14 §1): the model in use
// fine-tuned on the user's sketches (core/fine_tune.h) while its run is paused or done, in slices
// like training, and put back as it was on undo.
#include <algorithm>
#include <string>
#include <utility>

#include "engine/engine.h"

namespace fm {

namespace {

constexpr long long kMaxCorrectionSteps = 2000;

FieldWriter status_of(const Status& st) {
  FieldWriter w;
  write_status(w, st);
  return w;
}

}  // namespace

void Engine::drop_correction() {
  fine_tune_ = FineTune();
  can_undo_ = false;
  corrections_ = 0;
}

void Engine::on_correct(const Message& m, const FieldReader& f) {
  long long steps = FineTuneConfig{}.steps;
  if (f.has("steps") && !f.get_whole("steps", 1, kMaxCorrectionSteps, &steps)) {
    FieldWriter w;
    w.add("field", "steps").add("value", f.get("steps").substr(0, 64));
    return refuse("correct", "bad_field", w);
  }
  std::vector<uint8_t> labels;
  for (const std::string& text : f.get_list("labels")) {
    long long label = -1;
    if (!parse_whole(text, 0, kNumClasses - 1, &label)) {
      return refuse("correct", "status",
                    status_of(Status::Error(ErrorCode::kCorrectionLabel, {text.substr(0, 16)})));
    }
    labels.push_back(static_cast<uint8_t>(label));
  }
  if (!trainer_.has_model()) return refuse("correct", "no_model");
  if (fine_tune_.busy()) return refuse("correct", "correcting");
  if (trainer_.phase() == Phase::kDiverged) return refuse("correct", "diverged");
  // Between two minibatches of a paused run, or after it: never inside an evaluation pass.
  const bool between_steps = trainer_.phase() == Phase::kDone ||
                             (trainer_.phase() == Phase::kTraining && paused_);
  if (!between_steps) return refuse("correct", "training");
  FineTuneConfig config;
  config.steps = static_cast<int>(steps);
  // Each correction its own draws, the same for the same run and corrections.
  config.seed = trainer_.config().seed + 0x9E3779B97F4A7C15ull * static_cast<uint64_t>(corrections_ + 1);
  const Status st = fine_tune_.start(&trainer_, bytes_to_floats(m.payload), std::move(labels), config);
  if (!st) return refuse("correct", "status", status_of(st));
  can_undo_ = false;  // the weights kept for undo are now these
  correct_compute_ms_ = 0;
  emit_correct_progress();
}

void Engine::on_undo_correction() {
  if (fine_tune_.busy()) return refuse("undo_correction", "correcting");
  if (!can_undo_ || !trainer_.has_model()) return refuse("undo_correction", "nothing_to_undo");
  if (trainer_.busy() && !paused_) return refuse("undo_correction", "training");
  trainer_.tuned_network().params() = fine_tune_.params_before();
  trainer_.tuned_optimizer() = fine_tune_.optimizer_before();
  trainer_.set_tuned_val(fine_tune_.val_before(), fine_tune_.val_loss_before());
  can_undo_ = false;
  corrections_ = std::max(0, corrections_ - 1);
  FieldWriter w;
  w.add("corrections", corrections_).add("val_acc", fine_tune_.val_before());
  emit(make_message("correction_undone", w));
  emit_weights();
}

void Engine::correction_step(double* t) {
  fine_tune_.step();
  const double t1 = now_();
  correct_compute_ms_ += t1 - *t;
  *t = t_ = t1;
  if (fine_tune_.phase() == FineTune::Phase::kDone) {
    ++corrections_;
    can_undo_ = true;
    emit_correct_progress();
    FieldWriter w;
    w.add("before", fine_tune_.before())
        .add("after", fine_tune_.after())
        .add("before_p", fine_tune_.before_confidence())
        .add("after_p", fine_tune_.after_confidence())
        .add("val_before", fine_tune_.val_before())
        .add("val_after", fine_tune_.val_after())
        .add("steps", fine_tune_.steps())
        .add("corrections", corrections_)
        .add("compute_s", correct_compute_ms_ / 1000);
    emit(make_message("corrected", w));
    emit_weights();
    *t = t_ = now_();
  } else if (t1 - last_correct_progress_ms_ >= progress_ms_) {
    emit_correct_progress();
    *t = t_ = now_();
  }
}

void Engine::emit_correct_progress() {
  FieldWriter w;
  w.add("fraction", fine_tune_.progress())
      .add("steps_done", fine_tune_.steps_done())
      .add("steps", fine_tune_.steps());
  emit(make_message("correct_progress", w));
  last_correct_progress_ms_ = t_;
}

}  // namespace fm
