// The page's application object: the bundle bytes, the engine client (training runs in the Web
// Worker; the page mirrors it in a RunView), the drawing canvas and the UI state (no globals).
// frame() builds the UI; main.cpp calls it only when something changed (wants_frame()).
#pragma once

#include <SDL.h>

#include <array>
#include <cstdint>
#include <memory>
#include <utility>
#include <string>
#include <vector>

#include "imgui.h"
#include "app/fonts.h"
#include "app/data/bundle_view.h"
#include "app/engine_client/engine_client.h"
#include "app/gl_texture.h"
#include "app/lesson.h"
#include "app/sketch_canvas.h"
#include "app/url_settings.h"
#include "core/rng.h"
#include "core/split.h"

struct ImGuiWindow;

namespace fm {

class JsonWriter;

enum class SplitKind : uint8_t { kTrain = 0, kVal = 1, kTest = 2 };
enum class SampleMode : uint8_t { kBrowse = 0, kHardest = 1, kCell = 2 };
enum class LayoutKind : uint8_t { kWide = 0, kMedium = 1, kCompact = 2 };
enum class Panel : uint8_t { kTraining, kPlots, kSamples, kConfusion, kWeights, kCanvas, kNone };

// A panel's stable id: ImGui window ids and state().ui.panels keys ("training", "plots", …).
const char* panel_id(Panel panel);

// The Training panel's editable settings: what the next Train uses.
struct TrainForm {
  int model = 0;       // 0 softmax regression, 1 MLP
  int layers = 1;      // MLP hidden layers, 1..2
  int width[2] = {100, 100};
  int optimizer = 1;   // OptimizerKind
  float lr = 1e-3f;
  int batch = 32;
  int epochs = 5;
  uint64_t seed = 42;  // 0 … 2^53 − 1
  int side = 14;       // input size: 14 or 28
};

// One downloadable bundle (14×14 or 28×28), kept as its bytes.
struct BundleSlot {
  BundleView data;
  bool requested = false, loading = false;
  double loaded = 0, total = 0;
  std::string error;
};

struct SamplesView {
  SplitKind split = SplitKind::kTrain;
  int klass = -1;  // class filter, -1 = all
  SampleMode mode = SampleMode::kBrowse;
  int truth = 0, predicted = 0;  // the confusion cell shown in kCell mode
  int page = 0;
};

// One image shown in the samples grid.
struct SampleItem {
  int32_t index = 0;  // into the train images (train/val) or the test images
  bool test = false;
  int8_t predicted = -1;  // -1: no prediction
  float confidence = 0;
};

class App {
 public:
  App();
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  void init();
  void handle_event(const SDL_Event& event);
  // Whether the next animation frame should be drawn: input, an engine event, an animation or a
  // resize asked for it (and a few frames after, so ImGui settles). An idle page draws nothing.
  bool wants_frame();
  void request_frames(int n);
  void idle_frame();  // a loop tick that drew nothing: after a few, the loop pauses
  void wake();        // input seen by the page: draw now and for a moment after
  void frame();      // between ImGui::NewFrame() and ImGui::Render()
  void end_frame();  // after rendering

  // The engine (web_bridge.cpp hands its events here).
  void on_engine_event(const Message& event);
  void crash_engine() { engine_.crash(); }
  void set_slice_ms(double ms) { engine_.config(ms); }

  // Data bundles (bytes already gunzipped by the page).
  Status load_bundle(std::vector<uint8_t> bytes, int side);
  void bundle_progress(int side, double loaded, double total);
  void bundle_failed(int side, const std::string& message);

  // Commands, from the UI and from window.fmnist.
  Status start_training(const TrainConfig& config);
  // window.fmnist.train(): "model=mlp&hidden=32,16&…" built by web/api.js from its argument
  // (rows not given take the lesson's defaults; side is the panels' current one).
  Status train_from_api(const std::string& settings_text);
  void pause();
  void resume();
  void reset();
  void clear_canvas();
  Status load_test_image(int index);
  // Input size 14 or 28 for the panels and the next run; 28 downloads its bundle first.
  Status set_input_size(int side);
  int test_label(int index) const;  // -1 when out of range or no data
  void set_error(std::string message) { error_ = std::move(message); }

  const std::string& state_json();

  // lesson.cpp: the guided lesson. step 1..5 runs one step, 0 runs them all in order.
  Status lesson_run(int step);
  void lesson_cancel();
  // url_settings.cpp: "model=mlp&hidden=100&...&lang=ko" settings (the URL hash's format).
  // Apply sources lowest precedence first (defaults, saved in the browser, URL hash); bad values
  // are ignored with a notice (not for kDefaults). Returns how many settings were applied.
  int apply_settings(const std::string& text, SettingsOrigin origin);
  std::string settings_string() const;  // the form and language, in the same format
  // fonts.cpp: the Korean UI font's bytes, fetched by the page (copied).
  bool load_font(const uint8_t* bytes, size_t size) {
    request_frames(3);
    return load_ui_font(bytes, size, &font_);
  }

  // persistence.cpp: the model and settings kept across reloads (web/storage.js, localStorage).
  // Precedence of settings: URL hash, then saved, then defaults: load_saved_settings() (called
  // from init()) fills form_ from the saved ones; URL-hash settings are applied after it.
  void load_saved_settings();
  // model_io.cpp: the model file (core format, `fmnist eval` reads it) in and out of the page.
  Status export_model();                                 // downloads it
  Status import_model(const uint8_t* bytes, size_t size);  // validates; on error keeps the model
  // reliability.cpp: after a divergence, restore the last good weights (optionally a new lr).
  Status continue_after_divergence(double lr);

 private:
  void clear_run_state();  // per-run UI state back to a fresh start (train, import, reset)
  // app.cpp: loop pieces
  const BundleView* data() const;
  const Split& split();
  const RunView& run() const { return engine_.view(); }
  void update_rate();
  double fps();  // frames presented in the last second
  void after_event(const Message& event);  // the page's reactions: errors, exports, saves
  void handle_key(const SDL_KeyboardEvent& key);  // Space: train/pause/resume, C: clear
  void select_side(int side);
  TrainConfig config_from_form() const;
  Settings form_settings() const;      // url_settings.cpp: the form as the settings table's values
  void set_form(const Settings& s);    // (side excepted: select_side() switches it)
  void form_from_config(const TrainConfig& config, int side);
  bool running() const { return engine_.running(); }
  std::string refusal_text(const FieldReader& f) const;  // an engine `error` event, worded
  // persistence.cpp
  void persist_tick();      // saves the settings when they change
  void save_to_storage(const std::vector<uint8_t>& model_file);
  void forget_saved_model();
  void restore_saved_model();  // once the data is in; sets restore_pending_
  bool restore_pending() const;
  void persistence_json(JsonWriter& j) const;
  // model_io.cpp
  Status send_model(std::vector<uint8_t> file, bool from_storage);  // checks, then `import`
  void draw_model_file_buttons();  // Export / Import, in the Training panel
  // reliability.cpp
  void check_divergence();  // a new divergence: its message in error_, the notice's lr
  void draw_divergence_notice();
  int model_side() const;
  // lesson.cpp, panel_lesson.cpp
  void begin_lesson_step(int step);
  void finish_lesson_step();
  void lesson_tick();  // follows the engine's CV and the lesson's run
  void lesson_json(JsonWriter& j) const;
  void panel_lesson();
  void lesson_step_data();
  void lesson_step_cv();
  void lesson_step_dense();
  void draw_menu_extras();  // Lesson and language items in the menu bar
  // url_settings.cpp
  void sync_hash();  // keeps location.hash equal to settings_string()
  static std::string browser_default_settings();  // "lang=ko" or "lang=en" from navigator.language
  void draw_settings_notice();

  // layout.cpp
  void draw_ui();
  float draw_menu_bar();
  void draw_about();
  void draw_messages();
  void draw_panel(Panel panel);
  const char* panel_title(Panel panel) const;
  void tabbed_window(const char* id, ImVec2 pos, ImVec2 size, const Panel* panels, int count);

  // panel_*.cpp
  void panel_training();
  void panel_plots();
  void panel_samples();
  void panel_confusion();
  void panel_weights();
  void panel_canvas();
  // panel_samples.cpp helpers
  void rebuild_items();
  void update_page(int page_size, int cols);
  // panel_canvas.cpp helpers
  void handle_canvas_event(const SDL_Event& event);
  bool canvas_accepts(float x, float y) const;
  ImVec2 to_canvas(float x, float y) const;
  void update_prediction();

  // Data
  std::array<BundleSlot, 2> bundles_;  // [0] 14×14, [1] 28×28
  int side_ = 14;                      // the data set the panels show and Train uses
  Split browse_split_;                 // before the first run: the default seed's split
  const BundleView* browse_split_for_ = nullptr;
  uint64_t browse_seed_ = 0;
  bool ready_ = false;
  std::string fatal_;  // no data: the overlay shows only this
  std::string error_;  // last non-fatal error (null in state() when empty)

  // Training: the engine in its worker, mirrored in engine_.view()
  EngineClient engine_;
  TrainForm form_;
  int draw_calls_ = 0, vertices_ = 0;  // last frame's ImGui draw data
  long long rate_samples_ = 0;
  double rate_time_ = 0, samples_per_s_ = 0;
  std::vector<int> export_purposes_;  // per `export` sent: 0 download, 1 browser storage

  // Drawing only when something changed
  int frames_left_ = 3;         // frames still to draw
  int idle_ticks_ = 0;          // loop ticks in a row that drew nothing
  bool loop_paused_ = false;    // the frame loop is paused (nothing to draw)
  double draw_until_ms_ = 0;    // draw every frame until then (after input: hover, tooltips)
  double frame_start_ms_ = 0;
  double ui_ms_ = 0;            // main-thread time per drawn frame (smoothed)
  std::vector<double> frame_times_;  // presented frames of the last second

  // Samples panel
  SamplesView view_;
  std::vector<SampleItem> items_;  // the whole filtered list (predictions only on the page)
  std::string items_key_;
  std::vector<SampleItem> page_;
  std::string page_key_, pred_key_;
  double page_pred_time_ = 0;
  Texture atlas_tex_;
  int atlas_cols_ = 1;
  Panel focus_tab_ = Panel::kNone;  // a tab to select on the next frame (tabbed layouts)
  Panel focus_now_ = Panel::kNone;

  // Weights panel
  Texture weights_tex_;
  double weights_time_ = 0;
  std::string weights_key_;
  uint64_t weights_run_ = ~0ull;
  int weights_count_ = 0, weights_cols_ = 1;
  float weights_scale_ = 0;

  // Canvas panel
  SketchCanvas canvas_;
  Texture canvas_tex_, input_tex_;
  uint64_t canvas_tex_version_ = 0;
  bool fill_outlines_ = true;
  std::array<float, kNumClasses> probs_{};
  int top_ = -1;
  bool has_probs_ = false;
  std::vector<float> model_input_;
  int model_input_side_ = 0;
  std::string pred_input_key_;
  double pred_time_ = 0;
  long long pred_samples_ = -1;
  ImVec2 canvas_min_{0, 0}, canvas_max_{0, 0};
  bool canvas_shown_ = false;
  ImGuiWindow* canvas_window_ = nullptr;
  Rng ui_rng_{12345};

  // Layout and the rest
  LayoutKind layout_ = LayoutKind::kWide;
  // Screen rectangles (min, max) of this frame's panels and the About menu item, for state().
  std::array<std::pair<ImVec2, ImVec2>, static_cast<size_t>(Panel::kNone)> panel_rects_{};
  std::array<bool, static_cast<size_t>(Panel::kNone)> panel_shown_{};
  std::pair<ImVec2, ImVec2> about_rect_{};
  bool about_open_ = false;                       // asked to open (the menu item was clicked)
  bool about_shown_ = false;                      // the About box is on screen this frame
  std::pair<ImVec2, ImVec2> about_close_rect_{};  // its Close button
  std::pair<ImVec2, ImVec2> confusion_cells_{};   // the confusion map's 10×10 cells; zero: none
  std::string state_;

  // Lesson, language, link settings (lesson.cpp, url_settings.cpp, fonts.cpp)
  LessonState lesson_;
  UiFont font_;
  std::string settings_notice_;  // what a link's settings had that was ignored
  std::string hash_;             // the hash last written to the address bar
  bool hash_synced_ = false;     // set once the incoming hash was applied

  // Persistence and reliability (persistence.cpp, model_io.cpp, reliability.cpp)
  bool restore_tried_ = false;     // the saved model (if any) was looked at
  int restore_wait_side_ = 0;      // a saved 28×28 model waits for its bundle
  uint64_t restore_run_ = ~0ull;   // run id of the model restored from storage
  uint64_t saved_run_ = ~0ull;     // run id and epochs of the last save
  size_t saved_epochs_ = 0;
  bool saved_done_ = false;
  std::string saved_settings_;     // the settings JSON last written
  const char* storage_status_ = "none";  // none | saved | too_large | unavailable
  bool restore_sent_ = false;      // the saved model was sent to the engine, no answer yet
  bool import_sent_ = false;       // a user's import was sent, no answer yet
  uint64_t divergence_run_ = ~0ull;  // run id whose divergence was reported
  float notice_lr_ = 1e-3f;        // the divergence notice's learning rate for Continue
};

}  // namespace fm
