// The composition root's wiring: the session's hosts (the worker, downloads, storage), input and
// engine events to the pieces that follow them, and the frame: the panels drawn by the layout.
#include "app/app.h"

#include "app/clock.h"
#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "app/panels/plots.h"
#include "app/ui/reduced_motion.h"
#include "app/ui/touch_sizing.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"

namespace fm {

App::App()
    : session_(EngineClient::Host{[] { engine_start_worker(); },
                                  [](const Message& m) { engine_post(m); },
                                  [] { engine_terminate(); }},
               Session::Host{[](int side) { request_bundle(side); },
                             [this](int n) { request_frames(n); },
                             [](const std::vector<uint8_t>& file, const std::string& name) {
                               download_file(file, name.c_str());
                             },
                             [this](const std::vector<uint8_t>& file) { persistence_.keep(file, session_); },
                             [this] { persistence_.forget(); },
                             [this] { persistence_.restored(session_); }}) {}

void App::init() {
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  // Arrow keys and Space inside the panels, entered from the page's DOM controls (issue 16).
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0.0f;
  style.FrameRounding = 3.0f;
  style.GrabRounding = 3.0f;
  style.TabRounding = 3.0f;
  style.WindowBorderSize = 1.0f;
  style.WindowPadding = ImVec2(8, 6);
  style.ItemSpacing = ImVec2(7, 5);
  touch_.set_touch_first(touch_first_screen());
  session_.expect_bundle(14);  // the page fetches 14×14 at start
  // Settings precedence: URL hash, then saved, then the browser's language.
  const bool korean = language_for_tag(navigator_language().c_str()) == Language::kKorean;
  apply_settings(korean ? "lang=ko" : "lang=en", SettingsOrigin::kDefaults);
  const std::string saved = Persistence::saved_settings();
  if (!saved.empty()) apply_settings(saved, SettingsOrigin::kSaved);
  session_.messages.notice.clear();  // a saved value the table refuses is dropped quietly
  apply_settings(location_hash(), SettingsOrigin::kHash);
  session_.engine().start();  // the worker compiles and starts while the data downloads
}

int App::apply_settings(const std::string& text, SettingsOrigin origin) {
  FormUpdate u = read_settings_text(session_.form, text);
  // The language first, so the notice below is written in the language the link asks for.
  if (u.language) set_language(*u.language);
  int applied = static_cast<int>(u.applied.size());
  const int side_before = session_.form.side;
  const bool busy = session_.engine().busy();  // the run's model is fixed; the form is for the next run
  session_.form.set(u.settings);
  if (u.side_given()) {
    if (!busy) {
      session_.select_side(u.settings.side);  // 28 starts its download; the form switches when it arrives
    } else {
      session_.form.side = side_before;
      --applied;
    }
  }
  if (origin != SettingsOrigin::kDefaults) {
    if (u.errors.empty()) {
      if (origin == SettingsOrigin::kHash) session_.messages.notice.clear();
    } else {
      session_.messages.notice = ignored_settings_notice(u.errors);
    }
  }
  if (origin == SettingsOrigin::kHash) hash_synced_ = true;  // from now on the hash follows the form
  request_frames(FramePacer::kSettleFrames);
  return applied;
}

void App::sync_hash() {
  if (!hash_synced_) return;  // the page has not applied the incoming hash yet
  std::string s = session_.form.text(language());
  if (s == hash_) return;
  hash_ = std::move(s);
  replace_hash(hash_);
}

bool App::load_font(const uint8_t* bytes, size_t size) {
  request_frames(FramePacer::kSettleFrames);
  return load_ui_font(bytes, size, &font_);
}

void App::follow_pixel_ratio(float ratio) {
  if (set_font_scale(ratio, &font_)) request_frames(FramePacer::kSettleFrames);
}

// --- Input and the frame loop

void App::handle_event(const SDL_Event& event) {
  wake();  // input, a resize, the window shown again
  touch_.on_event(event);
  if (!ready_) return;
  canvas_.handle_event(session_, event);
  if (event.type == SDL_KEYDOWN && session_.data() != nullptr) handle_key(event.key);
}

// The shortcuts, from the SDL event itself (a press and its release can arrive in one frame now
// that frames are drawn only on demand). Not while a text field has the keyboard.
void App::handle_key(const SDL_KeyboardEvent& key) {
  const ImGuiIO& io = ImGui::GetIO();
  if (key.repeat != 0 || io.WantTextInput || (key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) != 0) {
    return;
  }
  // With a control highlighted by keyboard navigation, Space presses it instead (ImGui's).
  if (key.keysym.scancode == SDL_SCANCODE_SPACE && !io.NavVisible) {
    if (session_.running()) {
      session_.pause();
    } else if (session_.engine().busy()) {
      session_.resume();
    } else {
      confirm_.ask(session_, Replace::kTrain, [this] {
        const Status st = session_.train_from_form();
        if (!st) session_.messages.error = tr(st);
      });
    }
  }
  if (key.keysym.scancode == SDL_SCANCODE_C) session_.clear_canvas();
}

void App::wake() {
  if (pacer_.wake(now_ms())) resume_main_loop();
}

void App::request_frames(int n) {
  if (pacer_.request(n)) resume_main_loop();
}

void App::idle_frame() {
  // An idle page gets no animation-frame callbacks at all: the loop sleeps until woken.
  if (pacer_.idle_tick()) pause_main_loop();
}

bool App::wants_frame() {
  // A text field being edited blinks its caret.
  const bool text_input = ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput;
  return pacer_.wants_frame(now_ms(), text_input);
}

void App::on_engine_event(const Message& event) {
  session_.on_engine_event(event);
  // Also when no frame is drawn (a background tab): the rate and the lesson follow.
  follow(now_ms());
}

void App::follow(double now) {
  training_.update_rate(session_, now);
  lesson_.tick(session_);
  session_.check_divergence();
  samples_.follow_session(session_);
  if (compare_.tick(session_)) {
    compare_.update_sketch(session_.canvas, true);  // the table the API resolves with has the guesses
    compare_finished();
  }
  a11y_follow();
}

Status App::compare_resolutions(const std::string& text) {
  Settings s = session_.form.settings();  // the current model type and settings
  const SettingsParse p = parse_settings(text, &s);
  if (!p.ok()) return text_error(describe_setting_errors(p.errors, true));
  const Status st = compare_.start(session_, s);
  if (st) request_frames(FramePacer::kSettleFrames);
  return st;
}

void App::draw_panel(Panel p) {
  switch (p) {
    case Panel::kTraining:
      training_.draw(session_, {layout_.kind() != LayoutKind::kWide, !touch_.touch(), lesson_.open_flag()}, confirm_);
      compare_panel_.draw(session_, compare_, confirm_);  // Compare resolutions, under the run's progress
      break;
    case Panel::kPlots:
      draw_plots_panel(session_, &plots_, time_travel_.height(session_));
      time_travel_.draw(session_);
      break;
    case Panel::kSamples:
      if (samples_.draw(session_, canvas_.model_input(), canvas_.input_key())) layout_.focus(Panel::kCanvas);
      break;
    case Panel::kConfusion: {
      const auto [truth, predicted] = samples_.chosen_cell();
      const ConfusionPanel::Cell cell = confusion_.draw(session_, {truth, predicted});
      if (cell.truth >= 0) {
        samples_.show_cell(cell.truth, cell.predicted);
        layout_.focus(Panel::kSamples);
      }
      break;
    }
    case Panel::kWeights: weights_.draw(session_, canvas_.model_input(), canvas_.input_key()); break;
    case Panel::kCanvas:
      canvas_.draw(session_, layout_.kind() == LayoutKind::kWide ? my_sketches_.height() : 0.0f);
      if (session_.data() != nullptr) my_sketches_.draw(session_, canvas_.top());
      break;
    default: break;
  }
}

void App::frame() {
  const double t = now_ms();
  pacer_.begin_frame(t);
  begin_clip_tracking();
  // A finger's 44 px on a phone (a small window used with a mouse keeps the dense controls).
  size_controls(layout_.kind() == LayoutKind::kCompact && touch_.touch());
  follow_reduced_motion();
  set_touch_input(touch_.touch());  // no tooltips for a finger
  a11y_nav();  // before the windows' items: ImGui's navigation scores them as they are submitted
  follow(t);
  if (session_.data() != nullptr) canvas_.update_prediction(session_);
  compare_.update_sketch(session_.canvas, true);  // the Drawing panel fills outlines by default too
  canvas_.begin_frame();
  my_sketches_.begin_frame();
  confusion_.begin_frame();
  training_.begin_frame();
  const Layout::Hooks hooks{[this](Panel p) { draw_panel(p); },
                            [this] { lesson_.draw_menu_items(); },
                            [this] {
                              if (lesson_.draw(session_, confirm_, layout_.lesson_dock())) layout_.focus(Panel::kCanvas);
                            }};
  layout_.draw(session_, pacer_.fps(t), hooks);
  confirm_.draw(session_);
  sync_hash();
  if (session_.data() != nullptr && session_.messages.fatal.empty()) {
    persistence_.restore(session_);  // a model saved before the reload; ready waits for it
    if (!persistence_.pending(session_)) ready_ = true;
  }
  if (ready_) persistence_.tick(session_);
}

void App::end_frame() {
  pacer_.end_frame(now_ms());
  // Renderer load, reported in state(): software WebGL (SwiftShader) pays per draw call and pixel.
  draw_calls_ = vertices_ = 0;
  if (const ImDrawData* dd = ImGui::GetDrawData()) {
    for (int i = 0; i < dd->CmdListsCount; ++i) draw_calls_ += dd->CmdLists[i]->CmdBuffer.Size;
    vertices_ = dd->TotalVtxCount;
  }
}

}  // namespace fm
