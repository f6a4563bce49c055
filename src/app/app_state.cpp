// state(): a small JSON snapshot of the App for window.fmnist.state(), built only when asked.
// Field meanings are documented in web/api.js; rect and brush are in the overlay's CSS pixels.
#include <cmath>

#include "app/app.h"
#include "app/json_writer.h"
#include "app/strings.h"
#include "app/web_bridge.h"

namespace fm {

const std::string& App::state_json() {
  JsonWriter j(&state_);
  const BundleView* d = data();
  j.begin_object();
  j.key("ready").boolean(ready_);
  j.key("error");
  if (!fatal_.empty()) {
    j.string(fatal_.c_str());
  } else if (!error_.empty()) {
    j.string(error_.c_str());
  } else {
    j.null();
  }
  j.key("lang").string(language_code());

  j.key("dataset").begin_object();
  if (d != nullptr) {
    const Split& s = split();
    j.key("train").integer(static_cast<long long>(s.train.size()));
    j.key("val").integer(static_cast<long long>(s.val.size()));
    j.key("test").integer(static_cast<long long>(d->test_count()));
    j.key("side").integer(d->side());
  } else {
    j.key("train").integer(0).key("val").integer(0).key("test").integer(0).key("side").null();
  }
  const BundleSlot& big = bundles_[1];
  j.key("loading");
  if (big.loading) {
    j.begin_object().key("side").integer(28).key("loaded").number(big.loaded)
        .key("total").number(big.total).end_object();
  } else {
    j.null();
  }
  j.end_object();

  const bool has_model = run().has_model();
  // From train() until the engine's `started`: the settings just sent (the form has them).
  const bool current = has_model && !engine_.starting_run();
  const TrainConfig config = current ? run().config() : config_from_form();
  const int side = current ? run().side() : (engine_.starting_run() ? form_.side : model_side());
  j.key("model").begin_object();
  j.key("kind").string(config.model == ModelKind::kMlp ? "mlp" : "softmax");
  j.key("hidden").begin_array();
  for (int w : config.hidden) j.integer(w);
  j.end_array();
  j.key("params").integer(static_cast<long long>(architecture_for(config, side).param_count()));
  j.key("trained").boolean(has_model);
  j.key("optimizer").string(optimizer_name(config.optimizer.kind));
  // The learning rate may change during a run (set_lr): the run's live value.
  j.key("lr").number(current ? run().lr() : form_.lr);
  j.key("batch_size").integer(config.batch);
  j.key("seed").integer(static_cast<long long>(config.seed));
  j.key("side").integer(side);
  j.end_object();

  j.key("training").begin_object();
  j.key("running").boolean(running() && !engine_.paused());
  j.key("paused").boolean(engine_.paused());
  j.key("hidden").boolean(document_hidden());
  j.key("diverged").boolean(current && run().phase() == Phase::kDiverged);
  j.key("phase").string(phase_name(current ? run().phase() : (engine_.starting_run() ? Phase::kTraining : Phase::kIdle)));
  j.key("epoch").integer(current ? run().epoch() : 0);
  j.key("epochs").integer(config.epochs);
  j.key("batch").integer(current ? run().batch_in_epoch() : 0);
  j.key("batches").integer(current ? run().batches_per_epoch() : 0);
  j.key("samples").integer(current ? run().samples_seen() : 0);
  j.key("samples_per_s").number(samples_per_s_);
  j.key("compute_s").number(current ? run().compute_s() : 0.0);
  j.key("train_compute_s").number(current ? run().train_compute_s() : 0.0);
  j.key("budget_ms").number(engine_.slice_ms());  // the engine's slice length
  j.key("ui_ms").number(ui_ms_);                   // main-thread time per drawn frame
  j.key("worker").boolean(true);
  static const char* const kWorker[] = {"none", "starting", "ready", "dead"};
  j.key("engine").begin_object();
  j.key("state").string(kWorker[static_cast<int>(engine_.worker())]);
  j.key("simd").boolean(engine_.simd());
  j.key("workers").integer(engine_.workers_started());
  j.key("weights").integer(static_cast<long long>(run().weights_version()));
  j.key("stopped");
  if (engine_.worker() == EngineClient::Worker::kDead) {
    j.begin_object().key("kind").string(engine_.fatal_kind().c_str())
        .key("message").string(engine_.fatal_message().c_str()).end_object();
  } else {
    j.null();
  }
  j.end_object();
  j.key("message");
  if (run().divergence().ok) {
    j.null();
  } else {
    j.string(tr(run().divergence()).c_str());
  }
  j.end_object();

  j.key("history").begin_array();
  for (const EpochRecord& e : current ? run().history() : std::vector<EpochRecord>{}) {
    j.begin_object();
    j.key("epoch").integer(e.epoch);
    j.key("train_loss").number(e.train_loss);
    j.key("train_acc").number(e.train_acc);
    j.key("val_loss").number(e.val_loss);
    j.key("val_acc").number(e.val_acc);
    j.end_object();
  }
  j.end_array();
  j.key("test_acc").number(current ? run().test_acc() : NAN);

  j.key("canvas").begin_object();
  const float w = canvas_shown_ ? canvas_max_.x - canvas_min_.x : 0.0f;
  const float h = canvas_shown_ ? canvas_max_.y - canvas_min_.y : 0.0f;
  j.key("rect").begin_object();
  j.key("x").number(canvas_min_.x).key("y").number(canvas_min_.y);
  j.key("w").number(w).key("h").number(h);
  j.end_object();
  j.key("visible").boolean(canvas_shown_);
  j.key("brush").number(w > 0 ? canvas_.brush() * w / kCanvasSize : 0.0);
  j.key("eraser").boolean(canvas_.eraser());
  j.key("empty").boolean(canvas_.empty());
  j.key("probs").begin_array();
  for (float p : probs_) j.number(has_probs_ ? p : 0.0);
  j.end_array();
  j.key("top");
  if (has_probs_ && top_ >= 0) {
    j.integer(top_);
  } else {
    j.null();
  }
  j.key("source");
  if (canvas_.has_source()) {
    j.integer(canvas_.source_tag());
  } else {
    j.null();
  }
  j.key("fill").boolean(fill_outlines_);
  j.end_object();

  j.key("ui").begin_object();
  auto rect = [&j](const char* name, const std::pair<ImVec2, ImVec2>& r) {
    j.key(name).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  };
  j.key("panels").begin_object();
  for (size_t i = 0; i < panel_rects_.size(); ++i) {
    if (panel_shown_[i]) rect(panel_id(static_cast<Panel>(i)), panel_rects_[i]);
  }
  j.end_object();
  rect("about", about_rect_);
  j.key("about_open").boolean(about_shown_);
  if (about_shown_) rect("about_close", about_close_rect_);
  if (confusion_cells_.second.x > confusion_cells_.first.x) {
    rect("confusion_cells", confusion_cells_);
  }
  // The Samples panel's view: what it lists (a confusion cell's images after a click on the map).
  static const char* const kModes[] = {"browse", "hardest", "cell"};
  static const char* const kSplits[] = {"train", "val", "test"};
  j.key("samples").begin_object();
  j.key("mode").string(kModes[static_cast<int>(view_.mode)]);
  j.key("split").string(kSplits[static_cast<int>(view_.split)]);
  j.key("class");
  if (view_.klass >= 0) {
    j.integer(view_.klass);
  } else {
    j.null();
  }
  j.key("cell");
  if (view_.mode == SampleMode::kCell) {
    j.begin_object().key("truth").integer(view_.truth).key("predicted").integer(view_.predicted)
        .end_object();
  } else {
    j.null();
  }
  j.key("page").integer(view_.page);
  j.key("items").integer(static_cast<long long>(items_.size()));
  j.end_object();
  j.end_object();

  j.key("draw_calls").integer(draw_calls_);
  j.key("vertices").integer(vertices_);
  j.key("fps").number(fps());
  j.key("frame").integer(ImGui::GetFrameCount());  // frames drawn so far: grows while the page runs
  persistence_json(j);  // heap_bytes, storage
  lesson_json(j);
  j.key("notice");
  if (settings_notice_.empty()) {
    j.null();
  } else {
    j.string(settings_notice_.c_str());
  }
  j.key("font").begin_object().key("loaded").boolean(font_.loaded).key("glyphs").integer(font_.glyphs)
      .key("bytes").integer(static_cast<long long>(font_.bytes)).end_object();
  j.key("layout").string(layout_ == LayoutKind::kWide ? "wide"
                         : layout_ == LayoutKind::kMedium ? "medium" : "compact");
  j.end_object();
  return state_;
}

}  // namespace fm
