// App lifecycle and the frame: events, the time-sliced training (trainer.step() until the frame's
// budget is spent), curves and rates, then the UI. Data bundles arrive here from the page.
#include "app/app.h"

#include <algorithm>
#include <cmath>

#include "app/clock.h"
#include "app/strings.h"
#include "app/web_api.h"
#include "core/bundle.h"

namespace fm {
namespace {
int slot_for(int side) { return side == 28 ? 1 : 0; }
constexpr size_t kMaxCurvePoints = 4000;
}  // namespace

App::App() = default;
App::~App() = default;

void App::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.WindowBorderSize = 1.0f;
  style.WindowPadding = ImVec2(8, 6);
  style.ItemSpacing = ImVec2(7, 5);
  bundles_[0].requested = bundles_[0].loading = true;  // the page fetches 14×14 at start
  apply_settings(browser_default_settings(), SettingsOrigin::kDefaults);  // the browser's language
  load_saved_settings();  // settings precedence: URL hash (apply after this), saved, defaults
  apply_settings(location_hash(), SettingsOrigin::kHash);
}

const Dataset* App::data() const { return bundles_[slot_for(side_)].data.get(); }

int App::model_side() const {
  if (trainer_.has_model() && trainer_.data() != nullptr) return trainer_.data()->side;
  return side_;
}

const Split& App::split() {
  const Dataset* d = data();
  if (trainer_.has_model() && trainer_.data() == d) return trainer_.split();
  if (d != nullptr && browse_split_for_ != d) {
    const TrainConfig defaults;
    browse_split_ = holdout_split(d->train_count(), defaults.val_fraction, defaults.seed);
    browse_split_for_ = d;
  }
  return browse_split_;
}

Status App::load_bundle(const uint8_t* bytes, size_t size, int side) {
  BundleSlot& slot = bundles_[slot_for(side)];
  slot.loading = false;
  auto parsed = std::make_unique<Dataset>();
  Status st = parse_bundle(bytes, size, parsed.get());
  if (st && parsed->side != side) {
    st = tr_error(Str::kErrBundleSide);
  }
  if (!st) {
    slot.error = tr(st);
    if (side == 14) {
      fatal_ = tr(st);
    } else {
      error_ = std::string(tr(Str::kErrBundle28)) + tr(st);
      form_.side = side_;
    }
    return st;
  }
  // A run may still point at the old data set of this side: keep it alive by resetting first.
  if (slot.data && trainer_.data() == slot.data.get()) reset();
  if (browse_split_for_ == slot.data.get()) browse_split_for_ = nullptr;
  slot.data = std::move(parsed);
  slot.error.clear();
  if (side == 14 && !fatal_.empty()) fatal_.clear();
  if (form_.side == side) select_side(side);
  items_key_.clear();
  return Status::Ok();
}

void App::bundle_progress(int side, double loaded, double total) {
  BundleSlot& slot = bundles_[slot_for(side)];
  slot.loading = true;
  slot.loaded = loaded;
  slot.total = total;
}

void App::bundle_failed(int side, const std::string& message) {
  BundleSlot& slot = bundles_[slot_for(side)];
  slot.loading = false;
  slot.requested = false;  // allow a retry
  slot.error = message;
  if (side == 14) {
    fatal_ = message;
  } else {
    error_ = std::string(tr(Str::kErrBundle28)) + message;
    form_.side = side_;
  }
}

void App::select_side(int side) {
  form_.side = side;
  BundleSlot& slot = bundles_[slot_for(side)];
  if (!slot.data) {
    if (!slot.requested) {
      slot.requested = slot.loading = true;
      slot.loaded = slot.total = 0;
      slot.error.clear();
      request_bundle(side);
    }
    return;  // switches when it arrives
  }
  if (side_ != side) {
    if (trainer_.has_model() && !trainer_.busy()) reset();  // old model has the other input size
    side_ = side;
    view_.page = 0;
    items_key_.clear();
  }
}

void App::handle_event(const SDL_Event& event) {
  if (event.type == SDL_WINDOWEVENT) {
    switch (event.window.event) {
      case SDL_WINDOWEVENT_HIDDEN:
      case SDL_WINDOWEVENT_MINIMIZED:
        hidden_ = true;
        break;
      case SDL_WINDOWEVENT_SHOWN:
      case SDL_WINDOWEVENT_RESTORED:
      case SDL_WINDOWEVENT_EXPOSED:
        hidden_ = false;
        break;
      default:
        break;
    }
  }
  if (ready_) handle_canvas_event(event);
}

void App::frame() {
  budget_.begin_frame(now_ms());
  train_slice();
  train_ms_frame_ += lesson_slice(budget_.budget_ms() - train_ms_frame_);  // the lesson's CV
  check_divergence();
  record_curves();
  update_rate();
  if (data() != nullptr) {
    handle_keys();
    update_prediction();
  }
  draw_ui();
  sync_hash();
  if (data() != nullptr && fatal_.empty()) {
    restore_saved_model();  // a model saved before the reload; ready waits for it
    if (!restore_pending()) ready_ = true;
  }
  if (ready_) persist_tick();
}

void App::end_frame() {
  budget_.end_frame(now_ms(), train_ms_frame_);
  // Renderer load, reported in state(): software WebGL (SwiftShader) pays per draw call and pixel.
  draw_calls_ = vertices_ = 0;
  if (const ImDrawData* dd = ImGui::GetDrawData()) {
    for (int i = 0; i < dd->CmdListsCount; ++i) draw_calls_ += dd->CmdLists[i]->CmdBuffer.Size;
    vertices_ = dd->TotalVtxCount;
  }
}

void App::train_slice() {
  train_ms_frame_ = 0;
  if (!trainer_.busy()) {
    stop_after_epoch_ = -1;
    return;
  }
  if (paused_ || hidden_) return;
  const double start = now_ms();
  const double deadline = start + budget_.budget_ms();
  // The slice also ends after an epoch's validation, so persist_tick() saves end-of-epoch weights.
  const size_t epochs_before = trainer_.history().size();
  double t = start;
  do {
    const bool minibatch = trainer_.phase() == Phase::kTraining;
    const double step_start = t;
    trainer_.step();
    if (stop_after_epoch_ >= 0 && trainer_.epoch() >= stop_after_epoch_ &&
        trainer_.phase() == Phase::kTraining) {
      paused_ = true;
      stop_after_epoch_ = -1;
    }
    t = now_ms();
    if (minibatch) train_compute_ms_ += t - step_start;
  } while (trainer_.busy() && !paused_ && t < deadline && trainer_.history().size() == epochs_before);
  train_ms_frame_ = t - start;
  compute_ms_ += train_ms_frame_;
}

void App::record_curves() {
  if (!trainer_.has_model()) return;
  const auto& batches = trainer_.batch_history();
  if (batches.empty() || trainer_.samples_seen() == curve_samples_) return;
  curve_samples_ = trainer_.samples_seen();
  const Index per_epoch = std::max<Index>(1, trainer_.batches_per_epoch());
  float x = static_cast<float>(trainer_.epoch());
  if (trainer_.phase() == Phase::kTraining) {
    x += static_cast<float>(trainer_.batch_in_epoch()) / static_cast<float>(per_epoch);
  }
  const BatchRecord& b = batches.back();
  if (!batch_loss_.empty() && x <= batch_loss_.back().x) return;
  batch_loss_.emplace_back(x, b.loss);
  batch_acc_.emplace_back(x, b.acc);
  if (batch_loss_.size() > kMaxCurvePoints) {
    // Halve the resolution: keep every other point.
    auto thin = [](std::vector<ImVec2>& v) {
      size_t j = 0;
      for (size_t i = 0; i < v.size(); i += 2) v[j++] = v[i];
      v.resize(j);
    };
    thin(batch_loss_);
    thin(batch_acc_);
  }
}

void App::update_rate() {
  const double t = now_ms();
  if (!running() || hidden_) {
    rate_time_ = 0;
    return;
  }
  if (rate_time_ == 0) {
    rate_time_ = t;
    rate_samples_ = trainer_.samples_seen();
    return;
  }
  const double dt = t - rate_time_;
  if (dt >= 500.0) {
    const double rate = (trainer_.samples_seen() - rate_samples_) * 1000.0 / dt;
    samples_per_s_ = samples_per_s_ > 0 ? 0.5 * samples_per_s_ + 0.5 * rate : rate;
    rate_time_ = t;
    rate_samples_ = trainer_.samples_seen();
  }
}

void App::handle_keys() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
  if (ImGui::IsKeyPressed(SDL_SCANCODE_SPACE, false)) {
    if (running()) {
      pause();
    } else if (trainer_.busy()) {
      resume();
    } else {
      const Status st = start_training(config_from_form());
      if (!st) error_ = tr(st);
    }
  }
  if (ImGui::IsKeyPressed(SDL_SCANCODE_C, false)) clear_canvas();
}

TrainConfig App::config_from_form() const {
  TrainConfig c;
  c.model = form_.model == 1 ? ModelKind::kMlp : ModelKind::kSoftmax;
  c.hidden.clear();
  if (c.model == ModelKind::kMlp) {
    for (int i = 0; i < std::clamp(form_.layers, 1, 2); ++i) c.hidden.push_back(form_.width[i]);
  }
  c.optimizer.kind = static_cast<OptimizerKind>(std::clamp(form_.optimizer, 0, 2));
  c.optimizer.lr = form_.lr;
  c.batch = form_.batch;
  c.epochs = form_.epochs;
  c.seed = static_cast<uint64_t>(std::max(0, form_.seed));
  return c;
}

void App::form_from_config(const TrainConfig& c, int side) {
  form_.model = c.model == ModelKind::kMlp ? 1 : 0;
  if (!c.hidden.empty()) {
    form_.layers = std::clamp(static_cast<int>(c.hidden.size()), 1, 2);
    for (int i = 0; i < form_.layers; ++i) form_.width[i] = c.hidden[static_cast<size_t>(i)];
  }
  form_.optimizer = static_cast<int>(c.optimizer.kind);
  form_.lr = c.optimizer.lr;
  form_.batch = c.batch;
  form_.epochs = c.epochs;
  form_.seed = static_cast<int>(std::min<uint64_t>(c.seed, 0x7fffffff));
  form_.side = side;
}

}  // namespace fm
