// The App's commands, shared by the UI and window.fmnist: start a run (with the API's argument
// checks), pause, resume, reset, and the canvas commands.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"
#include "app/strings.h"

namespace fm {
namespace {

// Keeps one evaluation step() near a millisecond or two whatever the model size.
int eval_chunk_for(const TrainConfig& config, int side) {
  const double params = static_cast<double>(architecture_for(config, side).param_count());
  const double chunk = 400000.0 / std::max(1.0, params);
  return static_cast<int>(std::clamp(chunk, 25.0, 2000.0));
}

// A JavaScript number that must be a whole number in [lo, hi].
bool whole_number(double v, double lo, double hi, long long* out) {
  if (!std::isfinite(v) || v != std::floor(v) || v < lo || v > hi) return false;
  *out = static_cast<long long>(v);
  return true;
}

Status not_whole(const char* field, long long lo, long long hi) {
  char buf[200];
  std::snprintf(buf, sizeof(buf), tr(Str::kErrWholeNumber), field, lo, hi);
  return text_error(buf);
}

}  // namespace

Status App::start_training(const TrainConfig& config_in) {
  const Dataset* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  TrainConfig config = config_in;
  config.eval_chunk = eval_chunk_for(config, d->side);
  const Status st = trainer_.start(*d, config);
  if (!st) return st;
  form_from_config(config, d->side);
  clear_run_state();
  return Status::Ok();
}

Status App::train_from_api(const ApiTrainArgs& a) {
  TrainConfig c;  // the lesson's defaults for everything not given
  long long v = 0;
  if (a.mask & ApiTrainArgs::kModel) {
    if (a.model != 0 && a.model != 1) return tr_error(Str::kErrApiModel);
    c.model = a.model == 1 ? ModelKind::kMlp : ModelKind::kSoftmax;
  }
  if (c.model == ModelKind::kMlp) {
    c.hidden = {100};
    if (a.mask & ApiTrainArgs::kHidden) {
      if (a.hidden_count < 1 || a.hidden_count > 2) return tr_error(Str::kErrApiHidden);
      c.hidden.clear();
      for (int i = 0; i < a.hidden_count; ++i) {
        if (!whole_number(a.hidden[i], 1, kMaxHiddenWidth, &v)) {
          return not_whole("hidden", 1, kMaxHiddenWidth);
        }
        c.hidden.push_back(static_cast<int>(v));
      }
    }
  }
  if (a.mask & ApiTrainArgs::kOptimizer) {
    if (a.optimizer < 0 || a.optimizer > 2) return tr_error(Str::kErrApiOptimizer);
    c.optimizer.kind = static_cast<OptimizerKind>(a.optimizer);
  }
  if (a.mask & ApiTrainArgs::kLr) {
    if (!std::isfinite(a.lr) || !(a.lr > 0) || a.lr > kMaxLearningRate) {
      return tr_error(Str::kErrApiLr);
    }
    c.optimizer.lr = static_cast<float>(a.lr);
  }
  const double n = data() != nullptr ? static_cast<double>(data()->train_count()) : 1e9;
  if (a.mask & ApiTrainArgs::kBatch) {
    if (!whole_number(a.batch, 1, n, &v)) return not_whole("batch", 1, static_cast<long long>(n));
    c.batch = static_cast<int>(v);
  }
  if (a.mask & ApiTrainArgs::kEpochs) {
    if (!whole_number(a.epochs, 1, kMaxEpochs, &v)) return not_whole("epochs", 1, kMaxEpochs);
    c.epochs = static_cast<int>(v);
  }
  if (a.mask & ApiTrainArgs::kSeed) {
    if (!whole_number(a.seed, 0, 9007199254740991.0, &v)) {
      return not_whole("seed", 0, 9007199254740991LL);
    }
    c.seed = static_cast<uint64_t>(v);
  }
  return start_training(c);
}

void App::pause() {
  if (trainer_.busy()) paused_ = true;
}

void App::resume() {
  paused_ = false;
  stop_after_epoch_ = -1;
}

// Per-run UI state: what a new, adopted or dropped model starts from.
void App::clear_run_state() {
  paused_ = false;
  stop_after_epoch_ = -1;
  compute_ms_ = 0;
  train_compute_ms_ = 0;
  samples_per_s_ = 0;
  rate_time_ = 0;
  batch_loss_.clear();
  batch_acc_.clear();
  curve_samples_ = -1;
  ++run_id_;
  error_.clear();
  items_key_.clear();
}

void App::reset() {
  trainer_.reset();
  clear_run_state();
  if (view_.mode != SampleMode::kBrowse) view_.mode = SampleMode::kBrowse;
}

void App::clear_canvas() { canvas_.clear(); }

Status App::set_input_size(int side) {
  if (side != 14 && side != 28) return tr_error(Str::kErrApiSide);
  if (trainer_.busy()) return tr_error(Str::kErrSideWhileTraining);
  select_side(side);
  return Status::Ok();
}

Status App::load_test_image(int index) {
  const Dataset* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  if (index < 0 || index >= d->test_count()) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrTestIndex), static_cast<long long>(d->test_count() - 1));
    return text_error(buf);
  }
  canvas_.load_image(d->test_image(index), d->side, index);
  return Status::Ok();
}

int App::test_label(int index) const {
  const Dataset* d = data();
  if (d == nullptr || index < 0 || index >= d->test_count()) return -1;
  return d->test_labels[static_cast<size_t>(index)];
}

}  // namespace fm
