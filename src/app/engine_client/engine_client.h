// The page's side of the training engine: sends protocol commands (src/engine/protocol.h) to the
// worker, applies its events to the RunView, and owns the worker's life (start, ready, fatal,
// restart with the page's kept bundle bytes). Plain C++: the JS calls go through a Host, so
// native tests drive it with an Engine in place of the worker.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <vector>

#include "app/engine_client/explain_data.h"
#include "app/engine_client/run_view.h"
#include "engine/protocol.h"
#include "engine/settings.h"

namespace fm {

class EngineClient {
 public:
  // What the page does for it (web_bridge.cpp: new Worker('worker.js'), postMessage, terminate).
  struct Host {
    std::function<void()> start;
    std::function<void(const Message&)> post;
    std::function<void()> terminate;
  };
  enum class Worker : uint8_t { kNone, kStarting, kReady, kDead };

  explicit EngineClient(Host host);

  // The page's bytes for a side's bundle (not copied: they must outlive the client). Sent with
  // load_data now if a worker runs, and to every fresh worker.
  void set_bundle(int side, const std::vector<uint8_t>* bytes);
  // The same for bytes the engine already has (a user's data set it made: `user_data` events):
  // kept for the next worker, not sent now. `names` go with every load_data from now on (empty:
  // the bundles' own, Fashion-MNIST's).
  void adopt_bundle(int side, const std::vector<uint8_t>* bytes);
  void set_names(std::vector<std::string> names) { names_ = std::move(names); }
  // Starts a worker unless one is starting or running; it gets every bundle set above.
  void start();
  // The worker stopped: `fatal` event, a script error, or it never started. Terminates it; the
  // view keeps the last weights (predictions go on), the run is no longer running.
  void worker_died(std::string kind, std::string message);

  // Commands. train() starts a fresh worker first when the last one died; running() is true
  // from now until the engine answers `started` (or refuses).
  void train(const Settings& settings);
  void pause();
  void resume();
  void reset();
  void set_lr(float lr);
  void plus_epoch();
  void set_pace(Pace pace);  // from the engine's next slice
  void continue_run(float lr);  // lr 0: keep the run's
  void import_model(std::vector<uint8_t> file);
  void export_model(const char* format);  // "fmnist" (the model file) or "safetensors"
  // A user's CSV files for the engine to parse (protocol.h's user_data_* commands).
  void user_data_begin(const std::string& part, double bytes, bool idx);
  void user_data_idx(bool images, std::vector<uint8_t> bytes);
  void user_data_chunk(std::vector<uint8_t> bytes);
  void user_data_names(std::vector<uint8_t> bytes);
  void user_data_end();
  void user_data_cancel();
  // A correction (protocol.h's correct): the sketches' model inputs (N × side² floats, the newest
  // last) and their labels; and its undo.
  void correct(const std::vector<int>& labels, const std::vector<float>& inputs);
  void undo_correction() { post("undo_correction"); }
  void cv(int side);  // the engine's defaults: 5 folds, seed 42 (the lesson's)
  void cancel_cv();
  void config(double slice_ms);
  // While the user draws, the engine computes only kDrawingShare of the time so the renderer
  // gets the cores (on 2 cores the worker and the software renderer compete; drawing wins).
  void yield_to_drawing(bool drawing);
  static constexpr double kDrawingShare = 0.25;
  // The sketch's nearest images and its dot on the map (issue 13 §2, §3): asks the engine when
  // `key` (the input and the map it is for) changed, one request at a time.
  void ask_neighbours(const std::string& key, const std::vector<float>& input);
  const ExplainData& explain() const { return explain_; }
  // The engine builds the index from now on (config explain=1), this worker and the next.
  void enable_explain();
  void crash();  // test hook: the engine aborts (worker.js's `crash`)
  // Time travel: the panels show the latest kept snapshot at or before `pos` (RunView::pos_of),
  // its validation pass asked of the engine when not yet known; false when there is none.
  bool view_at(long long pos);
  void view_live() { view_.view_live(); }

  // One event from the worker: the run's go to the view. True when the page should redraw.
  bool on_event(const Message& event);

  const RunView& view() const { return view_; }
  bool starting_run() const { return starting_run_; }
  bool running() const { return starting_run_ || view_.running(); }
  bool busy() const { return starting_run_ || view_.busy(); }
  bool paused() const { return !starting_run_ && view_.busy() && view_.paused(); }
  bool has_model() const { return view_.has_model(); }
  Worker worker() const { return worker_; }
  bool worker_alive() const { return worker_ == Worker::kStarting || worker_ == Worker::kReady; }
  const std::string& fatal_kind() const { return fatal_kind_; }
  const std::string& fatal_message() const { return fatal_message_; }
  bool simd() const { return simd_; }
  bool data_loaded(int side) const {
    return input_side_index(side) >= 0 && loaded_[static_cast<size_t>(input_side_index(side))];
  }
  double slice_ms() const { return slice_ms_; }
  int workers_started() const { return workers_started_; }

 private:
  void post(std::string_view type, const FieldWriter& fields = {},
            std::vector<uint8_t> payload = {});
  void send_bundle(int slot);

  Host host_;
  RunView view_;
  ExplainData explain_;
  bool explain_on_ = false;
  Worker worker_ = Worker::kNone;
  std::string fatal_kind_, fatal_message_;
  bool simd_ = false;
  bool starting_run_ = false;
  std::array<const std::vector<uint8_t>*, std::size(kInputSides)> bundles_{};  // by input_side_index
  std::array<bool, std::size(kInputSides)> loaded_{};
  std::vector<std::string> names_;
  double slice_ms_ = 15;
  bool slice_set_ = false;
  bool drawing_ = false;  // the engine's share is kDrawingShare
  int workers_started_ = 0;
};

}  // namespace fm
