// App lifecycle and the frame: input and engine events decide whether a frame is drawn; the
// training itself runs in the engine's worker. Data bundles arrive here from the page.
#include "app/app.h"

#include <algorithm>
#include <cmath>

#include "app/clock.h"
#include "app/strings.h"
#include "app/web_bridge.h"
#include "core/bundle.h"
#include "core/split.h"

namespace fm {
namespace {
int slot_for(int side) { return side == 28 ? 1 : 0; }
constexpr int kSettleFrames = 3;        // frames drawn after a change, so ImGui settles
constexpr double kInputLingerMs = 800;  // frames drawn after input (hover effects, tooltips)
}  // namespace

App::App()
    : engine_(EngineClient::Host{[] { engine_start_worker(); },
                                 [](const Message& m) { engine_post(m); },
                                 [] { engine_terminate(); }}) {}
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
  engine_.start();  // the worker compiles and starts while the data downloads
}

const BundleView* App::data() const {
  const BundleView& b = bundles_[slot_for(side_)].data;
  return b.loaded() ? &b : nullptr;
}

int App::model_side() const {
  if (run().has_model()) return run().side();
  return side_;
}

// The panels' split: the run's (the same holdout_split the engine's Trainer made, from the run's
// seed) or, before a run, the default seed's.
const Split& App::split() {
  const BundleView* d = data();
  uint64_t seed = TrainConfig{}.seed;
  double fraction = TrainConfig{}.val_fraction;
  if (run().has_model() && d != nullptr && run().side() == d->side()) {
    seed = run().config().seed;
    fraction = run().config().val_fraction;
  }
  if (d != nullptr && (browse_split_for_ != d || browse_seed_ != seed)) {
    browse_split_ = holdout_split(d->train_count(), fraction, seed);
    browse_split_for_ = d;
    browse_seed_ = seed;
  }
  return browse_split_;
}

Status App::load_bundle(std::vector<uint8_t> bytes, int side) {
  BundleSlot& slot = bundles_[slot_for(side)];
  slot.loading = false;
  BundleView parsed;
  Status st = parsed.load(std::move(bytes));
  if (st && parsed.side() != side) {
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
  browse_split_for_ = nullptr;
  slot.data = std::move(parsed);
  slot.error.clear();
  engine_.set_bundle(side, &slot.data.bytes());  // the worker gets a copy
  request_frames(kSettleFrames);
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
  request_frames(1);
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
  request_frames(kSettleFrames);
}

void App::select_side(int side) {
  form_.side = side;
  BundleSlot& slot = bundles_[slot_for(side)];
  if (!slot.data.loaded()) {
    if (!slot.requested) {
      slot.requested = slot.loading = true;
      slot.loaded = slot.total = 0;
      slot.error.clear();
      request_bundle(side);
    }
    return;  // switches when it arrives
  }
  if (side_ != side) {
    if (run().has_model() && !engine_.busy()) reset();  // old model has the other input size
    side_ = side;
    view_.page = 0;
    items_key_.clear();
  }
}

void App::handle_event(const SDL_Event& event) {
  wake();  // input, a resize, the window shown again
  if (!ready_) return;
  handle_canvas_event(event);
  if (event.type == SDL_KEYDOWN && data() != nullptr) handle_key(event.key);
}

void App::wake() {
  // Draw now and for a moment after (hover effects, tooltips).
  draw_until_ms_ = std::max(draw_until_ms_, now_ms() + kInputLingerMs);
  request_frames(kSettleFrames);
}

void App::request_frames(int n) {
  frames_left_ = std::max(frames_left_, n);
  idle_ticks_ = 0;
  if (loop_paused_) {
    loop_paused_ = false;
    resume_main_loop();
  }
}

void App::idle_frame() {
  // An idle page gets no animation-frame callbacks at all: the loop sleeps until woken.
  if (++idle_ticks_ >= 3 && !loop_paused_) {
    loop_paused_ = true;
    pause_main_loop();
  }
}

bool App::wants_frame() {
  const double t = now_ms();
  if (frames_left_ > 0 || t < draw_until_ms_) return true;
  // A text field being edited blinks its caret; a download shows its progress as it comes.
  if (ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput) return true;
  return false;
}

void App::on_engine_event(const Message& event) {
  if (engine_.on_event(event)) request_frames(kSettleFrames);
  after_event(event);
  // Also when no frame is drawn (a background tab): the lesson and the divergence notice follow.
  lesson_tick();
  check_divergence();
}

void App::frame() {
  frame_start_ms_ = now_ms();
  if (frames_left_ > 0) --frames_left_;
  update_rate();
  lesson_tick();
  check_divergence();
  if (data() != nullptr) update_prediction();
  draw_ui();
  sync_hash();
  if (data() != nullptr && fatal_.empty()) {
    restore_saved_model();  // a model saved before the reload; ready waits for it
    if (!restore_pending()) ready_ = true;
  }
  if (ready_) persist_tick();
}

void App::end_frame() {
  const double t = now_ms();
  const double ms = t - frame_start_ms_;
  ui_ms_ = ui_ms_ > 0 ? 0.8 * ui_ms_ + 0.2 * ms : ms;
  frame_times_.push_back(t);
  // Renderer load, reported in state(): software WebGL (SwiftShader) pays per draw call and pixel.
  draw_calls_ = vertices_ = 0;
  if (const ImDrawData* dd = ImGui::GetDrawData()) {
    for (int i = 0; i < dd->CmdListsCount; ++i) draw_calls_ += dd->CmdLists[i]->CmdBuffer.Size;
    vertices_ = dd->TotalVtxCount;
  }
}

double App::fps() {
  const double t = now_ms();
  size_t old = 0;
  while (old < frame_times_.size() && frame_times_[old] < t - 1000.0) ++old;
  frame_times_.erase(frame_times_.begin(), frame_times_.begin() + static_cast<std::ptrdiff_t>(old));
  return static_cast<double>(frame_times_.size());
}

void App::update_rate() {
  const double t = now_ms();
  if (!run().running()) {
    rate_time_ = 0;
    return;
  }
  if (rate_time_ == 0) {
    rate_time_ = t;
    rate_samples_ = run().samples_seen();
    return;
  }
  const double dt = t - rate_time_;
  if (dt >= 500.0) {
    const double rate = (run().samples_seen() - rate_samples_) * 1000.0 / dt;
    samples_per_s_ = samples_per_s_ > 0 ? 0.5 * samples_per_s_ + 0.5 * rate : rate;
    rate_time_ = t;
    rate_samples_ = run().samples_seen();
  }
}

// The shortcuts, from the SDL event itself (a press and its release can arrive in one frame now
// that frames are drawn only on demand). Not while a text field has the keyboard.
void App::handle_key(const SDL_KeyboardEvent& key) {
  const ImGuiIO& io = ImGui::GetIO();
  if (key.repeat != 0 || io.WantTextInput || (key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0) {
    return;
  }
  if (key.keysym.scancode == SDL_SCANCODE_SPACE) {
    if (running()) {
      pause();
    } else if (engine_.busy()) {
      resume();
    } else {
      const Status st = start_training(config_from_form());
      if (!st) error_ = tr(st);
    }
  }
  if (key.keysym.scancode == SDL_SCANCODE_C) clear_canvas();
}

TrainConfig App::config_from_form() const { return to_train_config(form_settings()); }

void App::form_from_config(const TrainConfig& c, int side) {
  set_form(settings_from_config(c, side, form_settings()));
  form_.side = side;
}

}  // namespace fm
