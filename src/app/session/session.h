// What the page works on, for its panels and window.fmnist alike: the data bundles (kept as
// bytes), the engine client (the run, mirrored from the worker's events), the Training form, the
// drawing canvas and the messages the overlay shows; and the commands on them, each checked here
// and sent to the engine as a protocol command. Plain C++ (the browser is behind Hosts), so
// tests/test_session.cpp drives it natively with an Engine in place of the worker.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/data/bundle_view.h"
#include "app/engine_client/engine_client.h"
#include "app/session/corrections.h"
#include "app/settings/settings_form.h"
#include "app/sketch_canvas.h"
#include "core/split.h"

namespace fm {

// One downloadable bundle (7×7, 14×14 or 28×28), kept as its bytes.
struct BundleSlot {
  BundleView data;
  bool requested = false, loading = false;
  double loaded = 0, total = 0;
  std::string error;
};

// A user's own data set (issue 15 §2): on its way in (the engine parsing the files) or in use.
struct UserData {
  bool active = false;   // the panels and the engine have it instead of Fashion-MNIST
  bool loading = false;  // files are being sent and parsed
  std::string part;      // what is being read: train, test or names
  double fraction = 0;   // of that file
  long long images = 0;  // read from that file so far
  long long train = 0, test = 0;
  std::array<std::string, 10> names;
};

// What the overlay says: `fatal` (no data: only this is shown), the last non-fatal `error`, and
// the `notice` of settings a link had that were refused.
struct Messages {
  std::string fatal, error, notice;
};

class Session {
 public:
  // What the page does for the session (web_bridge.cpp in the page, recorders in tests).
  struct Host {
    std::function<void(int side)> request_bundle;  // download and hand over load_bundle()
    std::function<void(int frames)> request_frames;
    std::function<void(const std::vector<uint8_t>& file, const std::string& name)> download;
    // The browser's storage (persistence/): an exported model to keep, the kept model dropped
    // (a refused restore), a restore adopted by the engine.
    std::function<void(const std::vector<uint8_t>& file)> keep_model;
    std::function<void()> forget_model;
    std::function<void()> model_restored;
  };

  Session(EngineClient::Host engine_host, Host host);

  // --- Data: bundle bytes already gunzipped by the page.
  Status load_bundle(std::vector<uint8_t> bytes, int side);
  void bundle_progress(int side, double loaded, double total);
  void bundle_failed(int side, const std::string& message);
  void expect_bundle(int side);  // the page fetches it without being asked (14×14 at start)
  const BundleView* data() const;  // the panels' data set, nullptr until it is in
  // The slot of an input size (7, 14 or 28; any other reads 14's).
  const BundleSlot& bundle(int side) const { return bundles_[slot_of(side)]; }
  int side() const { return side_; }
  int model_side() const;  // the run's input size, else the panels'
  // The panels' split: the run's (the same holdout_split the engine's Trainer made, from the
  // run's seed) or, before a run, the default seed's.
  const Split& split();
  // Input size 7, 14 or 28 for the panels and the next run; 7 and 28 download their bundle first and
  // switches when it arrives. A model of the other size is dropped (unless it is busy).
  void select_side(int side);

  // --- A user's own data (web/user_data.js sends the files): the engine parses the CSV files
  // (protocol.h's user_data_* commands) and answers with the data set at both input sizes, which
  // replaces the built-in bundles here and in the engine (the run is reset); Fashion-MNIST's are
  // kept aside for back_to_builtin(). A refusal changes nothing but messages().error.
  Status user_data_begin(const std::string& part, double bytes, bool idx = false);
  Status user_data_chunk(std::vector<uint8_t> bytes);
  Status user_data_idx(bool images, std::vector<uint8_t> bytes);
  Status user_data_names(std::vector<uint8_t> bytes);
  Status user_data_end();
  void user_data_cancel();
  Status back_to_builtin();
  const UserData& user_data() const { return user_; }

  // --- The run
  EngineClient& engine() { return engine_; }
  const EngineClient& engine() const { return engine_; }
  const RunView& run() const { return engine_.view(); }
  bool running() const { return engine_.running(); }
  uint64_t resets() const { return resets_; }
  // Changes whenever the bundles' contents change (a download, a user's data set, back): views
  // that cache images or labels by the BundleView's address look here too.
  uint64_t data_generation() const { return data_generation_; }  // reset() calls so far: views go back to browsing
  // Changes with each new, adopted or dropped model (train, import, reset): per-run figures such
  // as the training rate start again.
  uint64_t generation() const { return generation_; }

  // --- Commands, from the panels and from window.fmnist. A refusal is a Status in the current
  // language; the API's functions put it in messages().error (web_bridge.cpp).
  // `pace`: how fast the engine runs it (not the core's: TrainConfig has no pace).
  Status start_training(const TrainConfig& config, Pace pace = Pace::kFull);
  Status train_from_form() { return start_training(to_train_config(form.settings()), form.pace); }
  // The Pace control: the form's, and the run's from its next slice.
  void set_pace(Pace pace);
  Status train_from_api(const std::string& settings_text);  // window.fmnist.train()
  void pause() { engine_.pause(); }
  void resume() { engine_.resume(); }
  void reset();
  void plus_epoch();        // one more epoch (starting a run from the form if there is none)
  void set_lr(float lr);    // the form's learning rate; a busy run takes it from the next batch
  Status set_input_size(int side);
  Status load_test_image(int index);  // onto the canvas
  // Any image onto the canvas, as the samples grid indexes it: split 0 train, 1 val (both rows
  // of the training file), 2 test (test_image's index); other splits are refused.
  Status load_image(int split, int index);
  // A decoded photo or picture (RGBA, web/image.js) onto the canvas as a model input at the
  // model's input size (core/photo.h); refused (the canvas unchanged) with the reason.
  Status classify_image(const uint8_t* rgba, int w, int h);
  int test_label(int index) const;    // -1 when out of range or no data
  void clear_canvas();
  void undo_canvas();  // the last stroke, clear or load undone; the prediction follows next frame
  // After a divergence: restore the last good weights and go on (lr 0: the form's).
  Status continue_after_divergence(double lr);
  // The model file: Export asks the engine for it (the own format, or safetensors: core/
  // safetensors.h) and downloads it; Import checks either format here (load_any_model, its input
  // size's data is in) and sends it; the engine adopts or refuses it.
  Status export_model(bool safetensors = false);
  Status import_model(const uint8_t* bytes, size_t size);
  // Where the model in use came from: trained here, restored from the last visit, imported from a
  // file (its name, when the page's file chooser gave one).
  enum class Origin : uint8_t { kNone, kTrained, kRestored, kImported };
  Origin origin() const { return origin_; }
  const std::string& origin_name() const { return origin_name_; }
  void set_import_name(std::string name) { import_name_ = std::move(name); }
  Status restore_model(std::vector<uint8_t> file);  // the browser's kept model, after a reload
  // Time travel (issue 14 §2, session/time_travel.cpp): the panels show the run's model as it
  // was at a point, the latest snapshot kept at or before it, while training goes on. epoch 0:
  // the untrained model; batch < 0: the end of epoch `epoch` (1-based), else `batch` minibatches
  // into it. Refused (nothing changes) before any snapshot: no run, a model loaded from a file
  // (no history), or a point before the oldest kept.
  Status view_at(int epoch, long long batch);
  void view_live() { engine_.view_live(); }
  // A snapshot's point as the page names it: {epoch (1-based; 0 untrained), batch in it}.
  std::pair<int, long long> view_point(const Snapshot& s) const;
  void export_for_storage();  // the `exported` file goes to Host::keep_model
  bool restore_sent() const { return restore_sent_; }

  // One event from the engine: the run's view, then the page's reactions (refusals worded,
  // exported files handed out, imports answered, a divergence said once).
  void on_engine_event(const Message& event);
  // A divergence newly seen: its sentence becomes the error, the notice proposes a smaller lr.
  void check_divergence();
  float notice_lr = 1e-3f;  // the divergence notice's learning rate for Continue

  // --- The correction loop (issue 14 §1): the drawing on the canvas is class `label`. Checked
  // here (a label outside 0–9, nothing drawn or a loaded image under it, no model, a run
  // training, a correction running, My sketches full); then the sketch joins My sketches and the
  // engine fine-tunes the model on all of them (their model inputs at its side, the newest last).
  Status correct(int label);
  Status undo_correction();  // the weights from before the last correction
  Status remove_sketch(int index);
  void clear_sketches();
  void export_sketches();  // downloads my-sketches.json (core/sketch_file.h's sketch set)
  // Appends a sketch-set file's sketches; refused whole (nothing changed) with the reason.
  Status import_sketches(const uint8_t* bytes, size_t size);
  Corrections corrections;

  TrainForm form;  // what the next Train uses (the Training panel's widgets edit it)
  SketchCanvas canvas;
  Messages messages;

 private:
  void clear_run_state();  // per-run messages back to a fresh start (train, import, reset)
  Origin origin_ = Origin::kNone;
  std::string origin_name_, import_name_;
  // The names of the model in use, for the panels (i18n's set_model_class_names) while they are
  // not its data's; follows every run event and data change.
  ClassNames model_names_;
  void sync_model_names();
  void form_from_config(const TrainConfig& config, int side);
  Status send_model(std::vector<uint8_t> file, bool from_storage);
  void after_event(const Message& event);
  void redraw(int frames = 3) { if (host_.request_frames) host_.request_frames(frames); }

  Host host_;
  EngineClient engine_;
  static size_t slot_of(int side) {
    return static_cast<size_t>(input_side_index(is_input_side(side) ? side : 14));
  }
  // By input_side_index: 7×7, 14×14, 28×28.
  std::array<BundleSlot, std::size(kInputSides)> bundles_;  // what the panels and engine use
  std::array<BundleSlot, std::size(kInputSides)> builtin_;  // Fashion-MNIST's, while a user's data set is in use
  UserData user_;
  void on_user_data(const Message& m);
  BundleSlot& builtin_slot(int side) { return (user_.active ? builtin_ : bundles_)[slot_of(side)]; }
  int side_ = 14;
  Split browse_split_;
  const BundleView* browse_split_for_ = nullptr;
  uint64_t browse_seed_ = 0;
  uint64_t resets_ = 0, generation_ = 0, data_generation_ = 0;
  std::vector<int> export_purposes_;  // per `export` sent: 0 download, 1 browser storage
  bool restore_sent_ = false;  // the kept model was sent to the engine, no answer yet
  bool import_sent_ = false;   // a user's import was sent, no answer yet
  uint64_t divergence_run_ = ~0ull;  // run id whose divergence was reported
};

}  // namespace fm
