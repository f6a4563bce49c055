// The Training panel: model, optimizer and hyper-parameters, input size (28×28 downloads its
// bundle on request), Train / Pause / Resume / Step one epoch / Reset, Export / Import, and the
// run's progress. Settings that a run keeps are disabled while it is busy, with a tooltip saying
// so; the learning rate applies live.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/training.h"

#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/panels/confirm_replace.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"
#include "engine/presets.h"

namespace fm {
namespace {

using ItemRect = std::pair<ImVec2, ImVec2>;

// Label on the left, widget filling the rest: readable in narrow columns.
void row_label(const char* label, float label_w) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(-1);
}

ImRect last_item_rect() { return ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void rect_json(JsonWriter& j, const ImRect& r) {
  j.begin_object().key("x").number(r.Min.x).key("y").number(r.Min.y);
  j.key("w").number(r.GetWidth()).key("h").number(r.GetHeight()).end_object();
}

void report(Session& s, const Status& st) {
  if (!st) s.messages.error = tr(st);
}

ItemRect item_rect() { return {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()}; }

// Export / Import model, then Export as safetensors (its rectangle into `safetensors_rect`), in the
// Training panel; returns Import's rectangle.
ItemRect model_file_buttons(Session& s, ConfirmReplace& confirm, ItemRect* safetensors_rect) {
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const ImVec2 size(std::max(60.0f, w), 0);
  ImGui::BeginDisabled(!s.run().has_model());
  if (ImGui::Button(tr(Str::kButtonExport), size)) report(s, s.export_model());
  ImGui::EndDisabled();
  item_tooltip(tr(Str::kTipExport), true);
  ImGui::SameLine();
  // The page calls import_model with the chosen file.
  if (ImGui::Button(tr(Str::kButtonImport), size)) confirm.ask(s, Replace::kImport, open_import_dialog);
  item_tooltip(tr(Str::kTipImport));
  const ItemRect import = item_rect();
  ImGui::BeginDisabled(!s.run().has_model());
  if (ImGui::Button(tr(Str::kButtonExportSafetensors), ImVec2(-FLT_MIN, 0))) report(s, s.export_model(true));
  ImGui::EndDisabled();
  *safetensors_rect = item_rect();
  item_tooltip(tr(Str::kTipExportSafetensors), true);
  return import;
}

// Your data (CSV)… and, while a user's data set is in use, Back to Fashion-MNIST; a progress bar
// while its files are read. The Data button's rectangle goes into `rect` (state().ui.user_data).
void user_data_buttons(Session& s, std::pair<ImVec2, ImVec2>* rect) {
  const UserData& u = s.user_data();
  if (u.loading) {
    char buf[120];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtUserDataReading), format_count(u.images).c_str());
    ImGui::ProgressBar(static_cast<float>(std::clamp(u.fraction, 0.0, 1.0)), ImVec2(-1, 0), buf);
    *rect = {};
    return;
  }
  const bool busy = s.engine().busy();
  const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  const ImVec2 size(u.active ? std::max(60.0f, w) : -FLT_MIN, 0);
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(tr(Str::kButtonUserData), size)) open_user_data_dialog();  // web/user_data.js
  ImGui::EndDisabled();
  *rect = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  item_tooltip(tr(busy ? Str::kTipFixedForRun : Str::kTipUserData), true);  // wrapped, beside the panel
  if (!u.active) return;
  ImGui::SameLine();
  ImGui::BeginDisabled(busy);
  if (ImGui::Button(tr(Str::kButtonBackToBuiltin), size)) report(s, s.back_to_builtin());
  ImGui::EndDisabled();
  item_tooltip(tr(busy ? Str::kTipFixedForRun : Str::kTipBackToBuiltin), true);
}

}  // namespace

constexpr const char* kFieldNames[] = {"model", "optimizer", "lr", "batch", "epochs", "seed", "side", "pace"};

void TrainingPanel::begin_frame() {
  field_shown_.fill(false);
  tooltip_ = nullptr;
  model_items_.clear();
}

void TrainingPanel::field_drawn(Field field) {
  const auto i = static_cast<size_t>(field);
  fields_[i] = item_rect();
  field_shown_[i] = true;
}

// The tooltip of a field a busy run keeps: while it is disabled it says so, else its own tip.
void TrainingPanel::fixed_for_run_tip(bool busy, const char* tip) {
  const char* text = busy ? tr(Str::kTipFixedForRun) : tip;
  if (text != nullptr && item_tooltip(text, true)) tooltip_ = text;
}

void TrainingPanel::update_rate(const Session& s, double now_ms) {
  if (rate_generation_ != s.generation()) {
    rate_generation_ = s.generation();
    rate_.reset();
  }
  rate_.update(now_ms, s.run().running(), s.run().samples_seen());
}

namespace {
// Switching the input size drops a trained model of the other size: the page asks first.
void switch_side(Session& s, ConfirmReplace& confirm, int side) {
  if (s.run().has_model() && side != s.model_side()) {
    confirm.ask(s, Replace::kSide, [&s, side] { s.select_side(side); });
  } else {
    s.select_side(side);
  }
}
}  // namespace

void TrainingPanel::choose_model(Session& s, ConfirmReplace& confirm, int model) {
  const int before = s.form.model;
  s.form.model = std::clamp(model, 0, kModelKinds - 1);
  if (s.form.model != before && s.form.model == static_cast<int>(ModelKind::kCnn) && s.form.side != 28) {
    switch_side(s, confirm, 28);  // the book's CNN reads 28×28 only (downloads its bundle first)
  }
}

void TrainingPanel::choose_side(Session& s, ConfirmReplace& confirm, int side) {
  switch_side(s, confirm, side);
  // 14×14 and 7×7 have no book CNN: the small CNN instead.
  if (side != 28 && s.form.model == static_cast<int>(ModelKind::kCnn)) {
    s.form.model = static_cast<int>(ModelKind::kCnnSmall);
  }
}

void TrainingPanel::draw(Session& s, Options look, ConfirmReplace& confirm) {
  TrainForm& form_ = s.form;
  const RunView& run = s.run();
  const bool busy = s.engine().busy();
  // The widest label in this language (Korean's widest is not "Learning rate").
  float label_w = 0;
  for (Str id : {Str::kLabelModel, Str::kLabelHidden, Str::kLabelOptimizer, Str::kLabelLearningRate,
                 Str::kLabelBatch, Str::kLabelEpochs, Str::kLabelSeed, Str::kLabelInput, Str::kLabelPace}) {
    label_w = std::max(label_w, ImGui::CalcTextSize(tr(id)).x);
  }
  label_w += 16.0f;
  char buf[256];

  // --- Model and optimizer: fixed for a run ---
  ImGui::BeginDisabled(busy);
  // One entry per ModelKind, in its order (softmax, mlp, cnn, cnn-small).
  const char* models[] = {tr(Str::kModelSoftmax), tr(Str::kModelMlp), tr(Str::kModelCnn),
                          tr(Str::kModelCnnSmall)};
  row_label(tr(Str::kLabelModel), label_w);
  const bool model_open = ImGui::BeginCombo("##model", models[std::clamp(form_.model, 0, kModelKinds - 1)]);
  field_drawn(Field::kModel);
  if (!model_open) check_frame_text(models[std::clamp(form_.model, 0, kModelKinds - 1)], ImGui::GetFrameHeight());
  if (model_open) {
    for (int k = 0; k < kModelKinds; ++k) {
      if (ImGui::Selectable(models[k], form_.model == k)) choose_model(s, confirm, k);
      model_items_.push_back(last_item_rect());
      if (form_.model == k) ImGui::SetItemDefaultFocus();
    }
    ImGui::EndCombo();
  }
  fixed_for_run_tip(busy);
  if (form_.model == static_cast<int>(ModelKind::kCnn)) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", tr(Str::kNoteCnn28));
    ImGui::PopTextWrapPos();
  }
  if (form_.model == static_cast<int>(ModelKind::kMlp)) {
    row_label(tr(Str::kLabelHidden), label_w);
    const float w = ImGui::GetContentRegionAvail().x;
    // The slider as wide as its text ("2 layer(s)") needs, the width fields share the rest.
    char layers_text[64];
    std::snprintf(layers_text, sizeof(layers_text), tr(Str::kFmtLayers), 2);
    const float slider_w = std::max(w * 0.3f, ImGui::CalcTextSize(layers_text).x +
                                                  2.0f * ImGui::GetStyle().FramePadding.x + 2.0f);
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    ImGui::SetNextItemWidth(slider_w);
    ImGui::SliderInt("##layers", &form_.layers, 1, 2, tr(Str::kFmtLayers));
    std::snprintf(layers_text, sizeof(layers_text), tr(Str::kFmtLayers), form_.layers);
    check_frame_text(layers_text);
    for (int i = 0; i < form_.layers; ++i) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(std::max(40.0f, std::floor((w - slider_w - spacing * form_.layers) / form_.layers)));
      ImGui::PushID(i);
      long long width = 0;
      if (width_fields_[i].draw_whole("##width", *find_setting("hidden"), form_.width[i], &width)) {
        form_.width[i] = static_cast<int>(width);
      }
      fixed_for_run_tip(busy, tr(Str::kTipWidth));
      ImGui::PopID();
    }
    for (int i = 0; i < form_.layers; ++i) width_fields_[i].draw_refusal();
  }
  const char* optimizers[] = {tr(Str::kOptSgd), tr(Str::kOptRmsprop), tr(Str::kOptAdam)};
  row_label(tr(Str::kLabelOptimizer), label_w);
  ImGui::Combo("##optimizer", &form_.optimizer, optimizers, 3);
  field_drawn(Field::kOptimizer);
  check_frame_text(optimizers[std::clamp(form_.optimizer, 0, 2)], ImGui::GetFrameHeight());
  fixed_for_run_tip(busy);
  ImGui::EndDisabled();

  // --- Learning rate and batch size: may change during a run ---
  row_label(tr(Str::kLabelLearningRate), label_w);
  // Each number applies on Enter or when its field loses focus; a refused one says why.
  float lr = form_.lr;
  if (lr_field_.draw_number("##lr", *find_setting("lr"), form_.lr, &lr)) s.set_lr(lr);
  field_drawn(Field::kLr);
  fixed_for_run_tip(false, tr(Str::kTipLive));  // applies live: never fixed
  lr_field_.draw_refusal();
  row_label(tr(Str::kLabelBatch), label_w);
  long long value = 0;
  ImGui::BeginDisabled(busy);  // the engine's runs keep their batch size, epochs, seed and input
  if (batch_field_.draw_whole("##batch", *find_setting("batch"), form_.batch, &value)) {
    form_.batch = static_cast<int>(value);
  }
  field_drawn(Field::kBatch);
  fixed_for_run_tip(busy);
  batch_field_.draw_refusal();
  row_label(tr(Str::kLabelEpochs), label_w);
  if (epochs_field_.draw_whole("##epochs", *find_setting("epochs"), form_.epochs, &value)) {
    form_.epochs = static_cast<int>(value);
  }
  field_drawn(Field::kEpochs);
  fixed_for_run_tip(busy);
  epochs_field_.draw_refusal();
  row_label(tr(Str::kLabelSeed), label_w);
  if (seed_field_.draw_whole("##seed", *find_setting("seed"), static_cast<long long>(form_.seed), &value)) {
    form_.seed = static_cast<uint64_t>(value);
  }
  field_drawn(Field::kSeed);
  fixed_for_run_tip(busy);
  seed_field_.draw_refusal();
  row_label(tr(Str::kLabelInput), label_w);
  int side_index = std::max(0, input_side_index(form_.side));  // kInputSides' order: 7, 14, 28
  const char* sides[] = {tr(Str::kSide7), tr(Str::kSide14), tr(Str::kSide28)};
  const bool side_changed = ImGui::Combo("##side", &side_index, sides, 3);
  field_drawn(Field::kSide);
  check_frame_text(sides[side_index], ImGui::GetFrameHeight());
  if (side_changed) choose_side(s, confirm, kInputSides[side_index]);
  fixed_for_run_tip(busy);
  ImGui::Checkbox(tr(Str::kLabelAugment), &form_.augment);
  augment_rect_ = last_item_rect();
  fixed_for_run_tip(busy, tr(Str::kTipAugment));
  const char* preset_label = tr(Str::kButtonPresetSketch);
  const float preset_w = ImGui::CalcTextSize(preset_label).x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SameLine();
  if (ImGui::GetContentRegionAvail().x < preset_w) ImGui::NewLine();  // too narrow: its own line
  ImGui::SetCursorPosX(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - preset_w));
  if (ImGui::Button(preset_label)) {
    const int side_before = form_.side;  // the form's side follows the switch, once it happens
    if (form_.apply_preset("sketch")) {
      const int side = form_.side;
      form_.side = side_before;
      switch_side(s, confirm, side);
    }
  }
  preset_rect_ = last_item_rect();
  if (busy) {
    fixed_for_run_tip(true);
  } else if (const Preset* p = find_preset("sketch")) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtTipPreset), p->settings);
    item_tooltip(buf);
  }
  ImGui::EndDisabled();
  // Pace: how fast a run goes, never what it learns; may change during a run.
  row_label(tr(Str::kLabelPace), label_w);
  int pace_index = form_.pace == Pace::kWatch ? 0 : 1;
  const char* paces[] = {tr(Str::kPaceWatch), tr(Str::kPaceFull)};
  if (ImGui::Combo("##pace", &pace_index, paces, 2)) s.set_pace(pace_index == 0 ? Pace::kWatch : Pace::kFull);
  field_drawn(Field::kPace);
  check_frame_text(paces[pace_index], ImGui::GetFrameHeight());
  fixed_for_run_tip(false, tr(Str::kTipPace));
  for (int side : {28, 7}) {  // the sizes downloaded on request
    const BundleSlot& big = s.bundle(side);
    if (!big.loading) continue;
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDownloadingSide), side, side, big.loaded / 1e6, big.total / 1e6);
    ImGui::ProgressBar(big.total > 0 ? static_cast<float>(big.loaded / big.total) : 0.0f,
                       ImVec2(-1, 0), buf);
  }

  // --- Buttons ---
  ImGui::Spacing();
  const float bw = (ImGui::GetContentRegionAvail().x - 3 * ImGui::GetStyle().ItemSpacing.x) / 4;
  const ImVec2 bsize(std::max(50.0f, bw), 0);
  ImGui::PushStyleColor(ImGuiCol_Button, to_u32(palette::kTrainButton));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, to_u32(palette::kTrainButtonHovered));
  if (ImGui::Button(tr(Str::kButtonTrain), bsize)) {
    confirm.ask(s, Replace::kTrain, [&s] { report(s, s.train_from_form()); });
  }
  train_ = item_rect();
  ImGui::PopStyleColor(2);
  // What Space does now: start (idle), pause (running) or resume (paused) — App::handle_key.
  const char* train_tip = tr(!busy ? Str::kTipTrain : s.running() ? Str::kTipTrainBusy : Str::kTipTrainPaused);
  if (item_tooltip(train_tip)) tooltip_ = train_tip;
  ImGui::SameLine();
  if (s.running()) {
    if (ImGui::Button(tr(Str::kButtonPause), bsize)) s.pause();
    pause_ = item_rect();
    if (item_tooltip(tr(Str::kTipPause))) tooltip_ = tr(Str::kTipPause);
  } else {
    ImGui::BeginDisabled(!busy);
    if (ImGui::Button(tr(Str::kButtonResume), bsize)) s.resume();
    ImGui::EndDisabled();
    pause_ = item_rect();
    if (busy && item_tooltip(tr(Str::kTipResume))) tooltip_ = tr(Str::kTipResume);
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(run.phase() == Phase::kDiverged);
  if (ImGui::Button(tr(Str::kButtonStepEpoch), bsize)) s.plus_epoch();
  plus_epoch_ = item_rect();
  ImGui::EndDisabled();
  if (item_tooltip(tr(Str::kTipStepEpoch), true)) tooltip_ = tr(Str::kTipStepEpoch);
  ImGui::SameLine();
  ImGui::BeginDisabled(!run.has_model() && !busy);
  if (ImGui::Button(tr(Str::kButtonReset), bsize)) confirm.ask(s, Replace::kReset, [&s] { s.reset(); });
  reset_ = item_rect();
  ImGui::EndDisabled();
  import_ = model_file_buttons(s, confirm, &safetensors_rect_);
  user_data_buttons(s, &user_data_rect_);
  // The lesson, offered where the learner starts (it was only a menu word before).
  if (!*look.lesson_open) {
    ImGui::PushStyleColor(ImGuiCol_Button, to_u32(palette::kLessonButton));
    if (ImGui::Button(tr(Str::kButtonOpenLesson), ImVec2(-1, 0))) *look.lesson_open = true;
    ImGui::PopStyleColor();
    lesson_ = item_rect();
  } else {
    lesson_ = {};
  }

  // --- Progress ---
  ImGui::Separator();
  if (!run.has_model()) {
    ImGui::PushTextWrapPos(0.0f);
    const Split& sp = s.split();  // the data set in use (Fashion-MNIST's 48,000 + 12,000, or a user's)
    // No keyboard to mention on a touch screen.
    std::snprintf(buf, sizeof(buf), tr(look.key_hints ? Str::kFmtHintPressTrain : Str::kFmtHintTapTrain), format_count(static_cast<long long>(sp.train.size())).c_str(),
                  format_count(static_cast<long long>(sp.val.size())).c_str());
    ImGui::TextDisabled("%s", busy ? tr(Str::kPhaseStarting) : buf);
    ImGui::PopTextWrapPos();
  } else {
    const TrainConfig& c = run.config();
    const long long per_epoch = std::max<long long>(1, run.batches_per_epoch());
    // A restored model's epochs are its kept history's (the engine counts from its import).
    const int trained = std::max(run.epoch(), static_cast<int>(run.history().size()));
    const int shown_epoch = busy ? std::min(c.epochs, run.epoch() + 1) : trained;
    const double done = run.phase() == Phase::kDone
                            ? 1.0
                            : (run.epoch() + static_cast<double>(run.batch_in_epoch()) / per_epoch) / c.epochs;
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtEpochBatch), shown_epoch, busy ? c.epochs : std::max(c.epochs, trained),
                  run.batch_in_epoch(), per_epoch);
    ImGui::PushStyleColor(ImGuiCol_PlotHistogram, to_u32(palette::kRunProgress));
    ImGui::ProgressBar(static_cast<float>(std::clamp(done, 0.0, 1.0)), ImVec2(-1, 0), buf);
    ImGui::PopStyleColor();

    const char* phase = tr(Str::kPhaseIdle);
    const bool paused = run.paused();
    switch (run.phase()) {
      case Phase::kTraining: phase = paused ? tr(Str::kPhasePaused) : tr(Str::kPhaseTraining); break;
      case Phase::kValidating: phase = paused ? tr(Str::kPhasePaused) : tr(Str::kPhaseValidating); break;
      case Phase::kTesting: phase = paused ? tr(Str::kPhasePaused) : tr(Str::kPhaseTesting); break;
      case Phase::kDone: phase = tr(Str::kPhaseDone); break;
      case Phase::kDiverged: phase = tr(Str::kPhaseDiverged); break;
      default: break;
    }
    ImGui::Text("%s", phase);
    ImGui::SameLine();
    const double remaining =
        static_cast<double>(c.epochs) * static_cast<double>(s.split().train.size()) -
        static_cast<double>(run.samples_seen());
    // The rate while the run goes (with the time left), the last stretch's after it stops,
    // nothing before anything was measured.
    const double rate = rate_.samples_per_s();
    if (s.running() && rate > 0 && remaining > 0) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtRateEta), format_count(std::llround(rate)).c_str(),
                    remaining / rate);
      text_right_aligned(buf);
    } else if (rate > 0) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtRate), format_count(std::llround(rate)).c_str());
      text_right_aligned(buf);
    }
    if (s.origin() == Session::Origin::kRestored || s.origin() == Session::Origin::kImported) {
      // Where the model came from ("Restored from your last visit", "Imported from FILE").
      if (s.origin() == Session::Origin::kRestored) {
        ImGui::TextColored(to_vec4(kGood), "%s", tr(Str::kOriginRestored));
      } else if (s.origin_name().empty()) {
        ImGui::TextColored(to_vec4(kGood), "%s", tr(Str::kOriginImported));
      } else {
        std::snprintf(buf, sizeof(buf), tr(Str::kFmtOriginImported), s.origin_name().c_str());
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextColored(to_vec4(kGood), "%s", buf);
        ImGui::PopTextWrapPos();
      }
    }
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtCompute), run.compute_s(),
                  format_count(run.params()).c_str(), s.engine().slice_ms());
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", buf);
    if (!run.history().empty()) {
      const EpochRecord& e = run.history().back();
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtLastEpoch), e.epoch, e.train_acc, e.val_acc);
      ImGui::TextUnformatted(buf);
    }
    if (run.stopped_early()) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtStoppedEarly), run.epoch(), run.best_epoch());
      ImGui::TextColored(to_vec4(kGood), "%s", buf);
    } else if (run.best_epoch() > 0) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtBestEpoch), run.best_epoch());
      ImGui::TextDisabled("%s", buf);
    }
    ImGui::PopTextWrapPos();
    if (std::isfinite(run.test_acc())) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtTestAcc), run.test_acc());
      ImGui::TextColored(to_vec4(kGood), "%s", buf);
    }
    if (run.phase() == Phase::kDiverged) {
      ImGui::PushTextWrapPos(0.0f);
      ImGui::TextColored(to_vec4(kBad), "%s %s", tr(Str::kDivergedText),
                         tr(run.divergence()).c_str());
      ImGui::PopTextWrapPos();
      if (ImGui::Button(tr(Str::kButtonContinue))) {
        report(s, s.continue_after_divergence(0));  // with the form's learning rate
      }
    }
  }
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  const BundleView* d = s.data();
  if (d != nullptr && look.compact) {  // the wide layout's menu bar has them
    const Split& sp = s.split();
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDataLine), dataset_name(), d->side(), d->side(),
                  format_count(static_cast<long long>(sp.train.size())).c_str(),
                  format_count(static_cast<long long>(sp.val.size())).c_str(),
                  format_count(static_cast<long long>(d->test_count())).c_str());
    // Wrapped at spaces: ImGui's wrapping split "12,|000" on a phone.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped_at_spaces(buf);
    ImGui::PopStyleColor();
  }
  key_hints_ = look.key_hints;
  if (look.key_hints) ImGui::TextDisabled("%s", tr(Str::kHintKeys));
  ImGui::PopTextWrapPos();
}

void TrainingPanel::json(JsonWriter& j) const {
  j.key("training").begin_object();
  j.key("key_hints").boolean(key_hints_);
  // The message beside each number field that refused what was typed (null: none).
  j.key("refusals").begin_object();
  for (const auto& [name, f] : {std::pair<const char*, const NumberField*>{"lr", &lr_field_}, {"batch", &batch_field_},
                                {"epochs", &epochs_field_}, {"seed", &seed_field_},
                                {"hidden1", &width_fields_[0]}, {"hidden2", &width_fields_[1]}}) {
    j.key(name);
    if (f->refusal().empty()) j.null(); else j.string(f->refusal().c_str());
  }
  j.end_object();
  const auto rect = [&j](const char* name, const Rect& r) {
    j.key(name).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  };
  j.key("fields").begin_object();
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (field_shown_[i]) rect(kFieldNames[i], fields_[i]);
  }
  j.end_object();
  j.key("tooltip");
  if (tooltip_ != nullptr) {
    j.string(tooltip_);
    const auto [lo, hi] = last_item_tooltip_rect();  // where it is ({x, y, w, h})
    rect("tooltip_rect", {lo, hi});
  } else {
    j.null();
  }
  // The buttons ({x, y, w, h}; lesson: w 0 while the lesson is open).
  for (const auto& [name, r] : {std::pair<const char*, Rect>{"train", train_}, {"pause", pause_}, {"plus_epoch", plus_epoch_},
                                {"reset", reset_}, {"import", import_}, {"lesson", lesson_}}) {
    rect(name, r);
  }
  j.key("model_items").begin_array();  // while the model menu is open: one per model kind
  for (const ImRect& r : model_items_) rect_json(j, r);
  j.end_array();
  j.key("augment");
  rect_json(j, augment_rect_);
  j.key("preset");
  rect_json(j, preset_rect_);
  j.end_object();
}

}  // namespace fm
