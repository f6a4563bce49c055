// state(): a small JSON snapshot of the App for window.fmnist.state(), built only when asked.
// Field meanings are documented in web/api.js; rect and brush are in the overlay's CSS pixels.
#include <algorithm>
#include <cmath>

#include "app/app.h"

#include "imgui_internal.h"  // FindWindowByName: is a tooltip up
#include "app/clock.h"
#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"

namespace fm {

const std::string& App::state_json() {
  JsonWriter j(&state_);
  Session& s = session_;
  const RunView& run = s.run();
  const EngineClient& engine = s.engine();
  const BundleView* d = s.data();
  // The canvas's prediction as of now, not of the last frame: classifyImage() reads it at once.
  if (d != nullptr) canvas_.update_prediction(s);
  j.begin_object();
  j.key("ready").boolean(ready_);
  j.key("error");
  if (!s.messages.fatal.empty()) {
    j.string(s.messages.fatal.c_str());
  } else if (!s.messages.error.empty()) {
    j.string(s.messages.error.c_str());
  } else {
    j.null();
  }
  j.key("lang").string(language_code());

  j.key("dataset").begin_object();
  if (d != nullptr) {
    const Split& sp = s.split();
    j.key("train").integer(static_cast<long long>(sp.train.size()));
    j.key("val").integer(static_cast<long long>(sp.val.size()));
    j.key("test").integer(static_cast<long long>(d->test_count()));
    j.key("side").integer(d->side());
  } else {
    j.key("train").integer(0).key("val").integer(0).key("test").integer(0).key("side").null();
  }
  // A user's data set (issue 15 §2): on its way in or in use, and the class names shown.
  const UserData& u = s.user_data();
  j.key("user").begin_object().key("active").boolean(u.active).key("loading").boolean(u.loading)
      .key("part").string(u.part.c_str()).key("fraction").number(u.fraction).key("images").integer(u.images)
      .end_object();
  j.key("names").begin_array();
  for (int c = 0; c < kNumClasses; ++c) j.string(class_name(c));
  j.end_array();
  // The bundle on its way (28×28 or 7×7, fetched on request), if any.
  j.key("loading");
  const int loading_side = s.bundle(28).loading ? 28 : s.bundle(7).loading ? 7 : 0;
  if (loading_side != 0) {
    const BundleSlot& big = s.bundle(loading_side);
    j.begin_object().key("side").integer(loading_side).key("loaded").number(big.loaded)
        .key("total").number(big.total).end_object();
  } else {
    j.null();
  }
  j.end_object();

  const bool has_model = run.has_model();
  // From train() until the engine's `started`: the settings just sent (the form has them).
  const bool current = has_model && !engine.starting_run();
  const TrainConfig config = current ? run.config() : to_train_config(s.form.settings());
  const int side = current ? run.side() : (engine.starting_run() ? s.form.side : s.model_side());
  j.key("model").begin_object();
  j.key("kind").string(model_kind_name(config.model));
  j.key("hidden").begin_array();
  for (int w : config.hidden) j.integer(w);
  j.end_array();
  j.key("params").integer(static_cast<long long>(architecture_for(config, side).param_count()));
  j.key("trained").boolean(has_model);
  j.key("optimizer").string(optimizer_name(config.optimizer.kind));
  // The learning rate may change during a run (set_lr): the run's live value.
  j.key("lr").number(current ? run.lr() : s.form.lr);
  j.key("batch_size").integer(config.batch);
  j.key("seed").integer(static_cast<long long>(config.seed));
  j.key("side").integer(side);
  // Epochs behind the current weights (a continued run counts them all; 0 before any training).
  const long long kept = static_cast<long long>(run.history().size());
  j.key("epochs_trained").integer(current ? std::max<long long>(run.epoch(), kept) : 0);
  // Where the weights came from: trained, restored (from the last visit), imported (origin_name:
  // the file's name), or null.
  const Session::Origin origin = current ? s.origin() : Session::Origin::kNone;
  j.key("origin");
  if (origin == Session::Origin::kNone) {
    j.null();
  } else {
    j.string(origin == Session::Origin::kTrained ? "trained" : origin == Session::Origin::kRestored ? "restored" : "imported");
  }
  j.key("origin_name").string(s.origin_name().c_str());
  // The names the panels give the model's outputs (canvas bars, predictions): its own, which a
  // model file carries, when they are not the data's.
  j.key("class_names").begin_array();
  for (int c = 0; c < kNumClasses; ++c) j.string(predicted_name(c));
  j.end_array();
  j.key("augment").boolean(config.augment);
  j.key("early_stopping").integer(config.early_stopping);
  j.end_object();

  j.key("training").begin_object();
  j.key("running").boolean(s.running() && !engine.paused());
  j.key("paused").boolean(engine.paused());
  j.key("hidden").boolean(document_hidden());
  j.key("diverged").boolean(current && run.phase() == Phase::kDiverged);
  j.key("phase").string(phase_name(current ? run.phase() : (engine.starting_run() ? Phase::kTraining : Phase::kIdle)));
  j.key("epoch").integer(current ? run.epoch() : 0);
  j.key("epochs").integer(config.epochs);
  j.key("pace").string(s.form.pace == Pace::kWatch ? "watch" : "full");  // the Train button's
  j.key("batch").integer(current ? run.batch_in_epoch() : 0);
  j.key("batches").integer(current ? run.batches_per_epoch() : 0);
  j.key("samples").integer(current ? run.samples_seen() : 0);
  j.key("samples_per_s").number(training_.samples_per_s());
  j.key("compute_s").number(current ? run.compute_s() : 0.0);
  j.key("train_compute_s").number(current ? run.train_compute_s() : 0.0);
  j.key("best_epoch").integer(current ? run.best_epoch() : 0);  // early stopping's (0: none)
  j.key("stopped_early").boolean(current && run.stopped_early());
  j.key("budget_ms").number(engine.slice_ms());  // the engine's slice length
  j.key("ui_ms").number(pacer_.ui_ms());           // main-thread time per drawn frame
  j.key("worker").boolean(true);
  static const char* const kWorker[] = {"none", "starting", "ready", "dead"};
  j.key("engine").begin_object();
  j.key("state").string(kWorker[static_cast<int>(engine.worker())]);
  j.key("simd").boolean(engine.simd());
  j.key("workers").integer(engine.workers_started());
  j.key("weights").integer(static_cast<long long>(run.weights_version()));
  j.key("stopped");
  if (engine.worker() == EngineClient::Worker::kDead) {
    j.begin_object().key("kind").string(engine.fatal_kind().c_str())
        .key("message").string(engine.fatal_message().c_str()).end_object();
  } else {
    j.null();
  }
  j.end_object();
  j.key("message");
  if (run.divergence().ok) {
    j.null();
  } else {
    j.string(tr(run.divergence()).c_str());
  }
  j.end_object();

  j.key("history").begin_array();
  for (const EpochRecord& e : current ? run.history() : std::vector<EpochRecord>{}) {
    j.begin_object();
    j.key("epoch").integer(e.epoch);
    j.key("train_loss").number(e.train_loss);
    j.key("train_acc").number(e.train_acc);
    j.key("val_loss").number(e.val_loss);
    j.key("val_acc").number(e.val_acc);
    j.end_object();
  }
  j.end_array();
  j.key("test_acc").number(current ? run.test_acc() : NAN);

  canvas_.json(s, j);
  my_sketches_.json(s, j);  // state().my_sketches
  compare_panel_.json(s, compare_, j);  // state().compare
  time_travel_state_json(s, j);         // state().view, snapshots, confusion (issue 14 §2)

  j.key("ui").begin_object();
  layout_.json(j);
  // Rectangles a test clicks, when drawn: the confusion map's cells, Export as safetensors.
  const auto rect = [&j](const char* name, const std::pair<ImVec2, ImVec2>& r) {
    if (r.second.x <= r.first.x) return;
    j.key(name).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  };
  rect("confusion_cells", confusion_.cells_rect());
  if (confusion_.cells_rect().second.x > confusion_.cells_rect().first.x) {
    j.key("confusion_hidden_counts").integer(confusion_.counts_hidden());
    j.key("confusion_outlined");  // the chosen cell, outlined in the map ({truth, predicted} or null)
    if (confusion_.outlined().truth >= 0) {
      j.begin_object().key("truth").integer(confusion_.outlined().truth)
          .key("predicted").integer(confusion_.outlined().predicted).end_object();
    } else {
      j.null();
    }
  }
  rect("export_safetensors", training_.safetensors_rect());
  rect("user_data", training_.user_data_rect());
  // The Samples panel's view: what it lists (a confusion cell's images after a click on the map).
  samples_.json(j);
  weights_.json(j);
  training_.json(j);  // the form's field rectangles, tooltip, buttons, refusals, model menu, augment, preset
  confirm_.json(j);
  plots_.json(j);
  time_travel_.json(j);
  j.key("touch").boolean(touch_.touch());  // the last input was a finger
  // A tooltip is on screen (ImGui's tooltip windows are named "##Tooltip_NN").
  const ImGuiWindow* tip = ImGui::FindWindowByName("##Tooltip_00");
  j.key("tooltip").boolean(tip != nullptr && tip->Active);
  j.key("clipped").begin_array();  // texts shortened with "..." in the last frame drawn
  for (const std::string& t : clipped_texts()) j.string(t.c_str());
  j.end_array();
  j.end_object();

  j.key("draw_calls").integer(draw_calls_);
  j.key("vertices").integer(vertices_);
  j.key("fps").number(pacer_.fps(now_ms()));
  j.key("frame").integer(ImGui::GetFrameCount());  // frames drawn so far: grows while the page runs
  persistence_.json(s, j);  // heap_bytes, storage
  lesson_.json(j);
  j.key("notice");
  if (s.messages.notice.empty()) {
    j.null();
  } else {
    j.string(s.messages.notice.c_str());
  }
  j.key("font").begin_object().key("loaded").boolean(font_.loaded).key("glyphs").integer(font_.glyphs)
      .key("bytes").integer(static_cast<long long>(font_.bytes));
  // Where Hangul sits against the digits beside it: the bottom of 개's ink minus the bottom of
  // 8's, in pixels (0: on the same baseline; null before the Korean font is in).
  j.key("hangul_drop").number(font_.loaded ? ink_drop_below_digit(0xAC1C) : NAN);
  j.key("line_px").number(ImGui::GetIO().Fonts->Fonts.empty() ? NAN : ImGui::GetIO().Fonts->Fonts[0]->FontSize /
                                                                       font_.scale);
  // Device pixels per CSS px the glyphs are rasterised for (the canvas's devicePixelRatio).
  j.key("raster_scale").number(font_.scale);
  j.end_object();
  j.key("layout").string(layout_.kind() == LayoutKind::kWide ? "wide"
                         : layout_.kind() == LayoutKind::kMedium ? "medium" : "compact");
  j.end_object();
  return state_;
}

}  // namespace fm
