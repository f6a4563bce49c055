// The App's commands, shared by the UI and window.fmnist: start a run (checked against the
// settings table, engine/settings.h), pause, resume, reset, and the canvas commands. Each one is
// a protocol command to the engine; the run's state comes back as events (RunView).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"
#include "app/strings.h"
#include "app/url_settings.h"

namespace fm {

Status App::start_training(const TrainConfig& config) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  Settings s = settings_from_config(config, d->side());
  const std::vector<SettingError> errors = check_settings(s);
  if (!errors.empty()) return text_error(describe_setting_errors(errors, true));
  if (config.batch > d->train_count()) {
    char buf[200];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrWholeNumber), "batch", 1LL,
                  static_cast<long long>(d->train_count()));
    return text_error(buf);
  }
  form_from_config(config, d->side());
  clear_run_state();
  engine_.train(s);  // running() is true from here; `started` confirms
  return Status::Ok();
}

Status App::train_from_api(const std::string& text) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  Settings s;  // the lesson's defaults for everything not given
  s.side = d->side();
  const SettingsParse p = parse_settings(text, &s);
  if (!p.ok()) return text_error(describe_setting_errors(p.errors, true));
  if (s.model == ModelKind::kSoftmax) s.hidden = {100};
  TrainConfig c = to_train_config(s);
  return start_training(c);
}

void App::pause() { engine_.pause(); }

void App::resume() { engine_.resume(); }

// Per-run UI state: what a new, adopted or dropped model starts from.
void App::clear_run_state() {
  samples_per_s_ = 0;
  rate_time_ = 0;
  error_.clear();
  items_key_.clear();
  request_frames(3);
}

void App::reset() {
  engine_.reset();
  clear_run_state();
  if (view_.mode != SampleMode::kBrowse) view_.mode = SampleMode::kBrowse;
}

void App::clear_canvas() { canvas_.clear(); request_frames(3); }

Status App::set_input_size(int side) {
  if (side != 14 && side != 28) return tr_error(Str::kErrApiSide);
  if (engine_.busy()) return tr_error(Str::kErrSideWhileTraining);
  select_side(side);
  return Status::Ok();
}

Status App::load_test_image(int index) {
  const BundleView* d = data();
  if (d == nullptr) return tr_error(Str::kErrNoData);
  if (index < 0 || index >= d->test_count()) {
    char buf[160];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrTestIndex), static_cast<long long>(d->test_count() - 1));
    return text_error(buf);
  }
  const std::vector<uint8_t> image = d->test_image(index);
  canvas_.load_image(image.data(), d->side(), index);
  request_frames(3);
  return Status::Ok();
}

int App::test_label(int index) const {
  const BundleView* d = data();
  if (d == nullptr || index < 0 || index >= d->test_count()) return -1;
  return d->test_label(index);
}

}  // namespace fm
