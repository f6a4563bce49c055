// The page's application object: owns the data sets, the Trainer, the drawing canvas and all UI
// state (no globals). frame() applies commands, trains for the frame's budget and builds the UI.
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
#include "app/frame_budget.h"
#include "app/gl_texture.h"
#include "app/lesson.h"
#include "app/sketch_canvas.h"
#include "app/url_settings.h"
#include "core/dataset.h"
#include "core/rng.h"
#include "core/trainer.h"

struct ImGuiWindow;

namespace fm {

class JsonWriter;
struct SavedModel;

enum class SplitKind : uint8_t { kTrain = 0, kVal = 1, kTest = 2 };
enum class SampleMode : uint8_t { kBrowse = 0, kHardest = 1, kCell = 2 };
enum class LayoutKind : uint8_t { kWide = 0, kMedium = 1, kCompact = 2 };
enum class Panel : uint8_t { kTraining, kPlots, kSamples, kConfusion, kWeights, kCanvas, kNone };

// The largest learning rate the page accepts (API and form): 100 must be allowed so a user can see
// divergence handled; beyond this it is surely a typo.
constexpr float kMaxLearningRate = 1000.0f;

// The Training panel's editable settings: what the next Train uses.
struct TrainForm {
  int model = 0;       // 0 softmax regression, 1 MLP
  int layers = 1;      // MLP hidden layers, 1..2
  int width[2] = {100, 100};
  int optimizer = 1;   // OptimizerKind
  float lr = 1e-3f;
  int batch = 32;
  int epochs = 5;
  int seed = 42;
  int side = 14;       // input size: 14 or 28
};

// window.fmnist.train() arguments; `mask` says which were given (bit order as fields below).
struct ApiTrainArgs {
  enum : unsigned { kModel = 1, kHidden = 2, kOptimizer = 4, kLr = 8, kBatch = 16, kEpochs = 32, kSeed = 64 };
  unsigned mask = 0;
  int model = 0;          // 0 softmax, 1 mlp, -1 unknown name
  int hidden_count = 0;   // -1: not a list
  double hidden[2] = {0, 0};
  int optimizer = 1;      // OptimizerKind, -1 unknown name
  double lr = 0, batch = 0, epochs = 0, seed = 0;
};

// One downloadable bundle (14×14 or 28×28).
struct BundleSlot {
  std::unique_ptr<Dataset> data;
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
  void frame();      // between ImGui::NewFrame() and ImGui::Render()
  void end_frame();  // after rendering

  // Data bundles (bytes already gunzipped by the page).
  Status load_bundle(const uint8_t* bytes, size_t size, int side);
  void bundle_progress(int side, double loaded, double total);
  void bundle_failed(int side, const std::string& message);

  // Commands, from the UI and from window.fmnist.
  Status start_training(const TrainConfig& config);
  Status train_from_api(const ApiTrainArgs& args);
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
  bool load_font(const uint8_t* bytes, size_t size) { return load_ui_font(bytes, size, &font_); }

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
  const Dataset* data() const;
  const Split& split();
  void train_slice();
  void record_curves();
  void update_rate();
  void handle_keys();
  void select_side(int side);
  TrainConfig config_from_form() const;
  void form_from_config(const TrainConfig& config, int side);
  bool running() const { return trainer_.busy() && !paused_; }
  // persistence.cpp
  void persist_tick();      // after train_slice: saves at the end of each epoch and run
  void save_to_storage();
  void forget_saved_model();
  void restore_saved_model();  // once the data is in; sets restore_pending_
  bool restore_pending() const;
  void persistence_json(JsonWriter& j) const;
  // model_io.cpp
  Status adopt_model(const SavedModel& model, bool from_storage);
  void draw_model_file_buttons();  // Export / Import, in the Training panel
  // reliability.cpp
  void check_divergence();  // after train_slice: message in error_, curves trimmed
  void draw_divergence_notice();
  int model_side() const;
  // lesson.cpp, panel_lesson.cpp
  void begin_lesson_step(int step);
  void finish_lesson_step();
  double lesson_slice(double budget_ms);  // the cross-validation's share of the frame; ms used
  void lesson_json(JsonWriter& j) const;
  void panel_lesson();
  void lesson_step_data();
  void lesson_step_cv();
  void lesson_step_dense();
  void draw_menu_extras();  // Lesson and language items in the menu bar
  // url_settings.cpp
  void sync_hash();  // keeps location.hash equal to settings_string()
  static std::string browser_default_settings();  // "lang=ko" or "lang=en" from navigator.language
  static std::string location_hash();
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
  const Dataset* browse_split_for_ = nullptr;
  bool ready_ = false;
  std::string fatal_;  // no data: the overlay shows only this
  std::string error_;  // last non-fatal error (null in state() when empty)

  // Training
  Trainer trainer_;
  TrainForm form_;
  bool paused_ = false;
  bool hidden_ = false;          // tab hidden: no training
  int stop_after_epoch_ = -1;    // "Step one epoch": pause once this many epochs are done
  double compute_ms_ = 0;        // time inside step() during this run
  double train_compute_ms_ = 0;  // the part of it spent on minibatches (not validation/test)
  double train_ms_frame_ = 0;
  uint64_t run_id_ = 0;          // bumps on start and reset
  FrameBudget budget_;
  int draw_calls_ = 0, vertices_ = 0;  // last frame's ImGui draw data
  long long rate_samples_ = 0;
  double rate_time_ = 0, samples_per_s_ = 0;
  std::vector<ImVec2> batch_loss_, batch_acc_;  // running means per frame, x in epochs
  long long curve_samples_ = -1;

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
  uint64_t restore_run_ = ~0ull;   // run_id_ of the model restored from storage
  uint64_t saved_run_ = ~0ull;     // run_id_ and epochs of the last save
  size_t saved_epochs_ = 0;
  bool saved_done_ = false;
  std::string saved_settings_;     // the settings JSON last written
  const char* storage_status_ = "none";  // none | saved | too_large | unavailable
  uint64_t divergence_run_ = ~0ull;  // run_id_ whose divergence was reported
  float notice_lr_ = 1e-3f;        // the divergence notice's learning rate for Continue
};

}  // namespace fm
