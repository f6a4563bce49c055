// The accessible layer's C++ side (issue 16 §1): the page's DOM controls described in the current
// language (web/a11y.js builds real HTML controls from it), their actions (the panels' own
// commands, through the same confirm box), the live region's facts, and the keyboard handed to
// ImGui's navigation. The choices are the settings table's rows, so there is no second list.
#include <cmath>
#include <cstdio>

#include "app/app.h"

#include "imgui_internal.h"  // FocusWindow, NavInitWindow: the keyboard into the panels
#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/settings/settings_form.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"
#include "core/rng.h"

namespace fm {
namespace {

// The DOM's choices: rows of the settings table (and the page's lang row), labelled as the form's
// menus label their values.
constexpr const char* kChoiceRows[] = {"model", "side", "lang"};

const SettingRow* choice_row(const std::string& name) {
  const SettingRow* row = find_setting(name, &ui_setting_rows());
  return row != nullptr && row->rule == SettingRule::kChoice ? row : nullptr;
}

Str choice_title(const std::string& row) {
  return row == "model" ? Str::kLabelModel : row == "side" ? Str::kLabelInput : Str::kA11yLanguage;
}

const char* choice_label(const std::string& row, int i) {
  if (row == "model") {
    static const Str kModels[] = {Str::kModelSoftmax, Str::kModelMlp, Str::kModelCnn, Str::kModelCnnSmall};
    return i >= 0 && i < 4 ? tr(kModels[i]) : "?";
  }
  if (row == "side") {
    static const Str kSides[] = {Str::kSide7, Str::kSide14, Str::kSide28};
    return i >= 0 && i < 3 ? tr(kSides[i]) : "?";
  }
  return i == 1 ? tr(Str::kLanguageKorean) : tr(Str::kLanguageEnglish);
}

const Str kStepTitles[] = {Str::kLessonStep1Title, Str::kLessonStep2Title, Str::kLessonStep3Title,
                           Str::kLessonStep4Title, Str::kLessonStep5Title};

const char* model_short_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::kSoftmax: return tr(Str::kModelSoftmaxShort);
    case ModelKind::kMlp: return tr(Str::kModelMlpShort);
    case ModelKind::kCnn: return tr(Str::kModelCnnShort);
    case ModelKind::kCnnSmall: return tr(Str::kModelCnnSmallShort);
  }
  return "";
}

std::string printf_string(const char* fmt, double a, double b = 0, double c = 0) {
  char buf[300];
  std::snprintf(buf, sizeof(buf), fmt, a, b, c);
  return buf;
}

}  // namespace

const std::string& App::a11y_json() {
  JsonWriter j(&a11y_);
  Session& s = session_;
  const bool data = ready_ && s.data() != nullptr;
  const bool busy = s.engine().busy();
  const LessonState& lesson = lesson_.state();
  const auto button = [&j](const char* id, const char* label, bool disabled) {
    j.begin_object().key("id").string(id).key("kind").string("button").key("label").string(label);
    j.key("disabled").boolean(disabled).end_object();
  };
  j.begin_object();
  j.key("lang").string(language_code());
  // ImGui's keyboard navigation shows its highlight (the keyboard is in the panels).
  j.key("nav_visible").boolean(ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().NavVisible);
  j.key("nav").string(tr(Str::kA11yNavLabel));
  j.key("live").string(tr(Str::kA11yAnnouncements));
  j.key("canvas").begin_object().key("label").string(tr(Str::kA11yCanvasLabel));
  j.key("help").string(tr(Str::kA11yCanvasHelp)).end_object();
  j.key("controls").begin_array();
  button("train", tr(Str::kButtonTrain), !data);
  // Pause/Resume is one toggle button: pressed while the run is paused.
  j.begin_object().key("id").string("pause").key("kind").string("toggle").key("label").string(tr(Str::kButtonPause));
  j.key("disabled").boolean(!busy).key("pressed").boolean(busy && s.engine().paused()).end_object();
  button("reset", tr(Str::kButtonReset), !s.run().has_model() && !busy);
  for (const char* name : kChoiceRows) {
    const SettingRow* row = choice_row(name);
    if (row == nullptr) continue;
    const std::string n = name;
    int current = 0;
    if (n == "model") current = s.form.model;
    if (n == "side") current = input_side_index(s.form.side);
    if (n == "lang") current = language() == Language::kKorean ? 1 : 0;
    j.begin_object().key("id").string(name).key("kind").string("choice").key("label").string(tr(choice_title(n)));
    // The run keeps its model and input size; the language is never fixed.
    j.key("disabled").boolean(n != "lang" && (busy || !data));
    j.key("value").string(current >= 0 && current < static_cast<int>(row->choices.size()) ? row->choices[current] : "");
    j.key("options").begin_array();
    for (size_t i = 0; i < row->choices.size(); ++i) {
      j.begin_object().key("value").string(row->choices[i]).key("label").string(choice_label(n, static_cast<int>(i)));
      j.end_object();
    }
    j.end_array().end_object();
  }
  button("clear", tr(Str::kA11yClearCanvas), !data);
  button("random", tr(Str::kButtonRandomTest), !data);
  // The lesson's Run all and each step's Run (ids lesson:0 … lesson:5), grouped.
  j.begin_object().key("id").string("lesson").key("kind").string("group").key("label").string(tr(Str::kA11yLessonGroup));
  j.key("items").begin_array();
  char id[16], label[200];
  for (int step = 0; step <= kLessonSteps; ++step) {
    std::snprintf(id, sizeof(id), "lesson:%d", step);
    if (step == 0) {
      std::snprintf(label, sizeof(label), "%s", tr(Str::kLessonRunAll));
    } else {
      std::snprintf(label, sizeof(label), tr(Str::kA11yFmtRunStep), tr(kStepTitles[step - 1]));
    }
    button(id, label, !data || lesson.running);
  }
  j.end_array().end_object();
  button("panels", tr(Str::kA11yEnterPanels), false);
  j.end_array();
  // The confirm box, mirrored while it is up: its question and its three answers.
  j.key("confirm");
  if (confirm_.open()) {
    static const Str kWhy[] = {Str::kConfirmWhyTrain, Str::kConfirmWhyReset, Str::kConfirmWhySide,
                               Str::kConfirmWhyImport, Str::kConfirmWhyLesson};
    j.begin_object().key("title").string(tr(Str::kConfirmTitle));
    const std::string text = std::string(tr(kWhy[static_cast<int>(confirm_.why())])) + " " + tr(Str::kConfirmLost);
    j.key("text").string(text.c_str());
    j.key("buttons").begin_array();
    button("confirm:1", tr(Str::kConfirmKeep), false);
    button("confirm:2", tr(Str::kConfirmExport), false);
    button("confirm:3", tr(Str::kConfirmDiscard), false);
    j.end_array().end_object();
  } else {
    j.null();
  }
  j.end_object();
  return a11y_;
}

Status App::a11y_action(const std::string& id, const std::string& value) {
  Session& s = session_;
  request_frames(FramePacer::kSettleFrames);
  const auto report_to = [&s](const Status& st) {
    if (!st) s.messages.error = tr(st);
  };
  if (id == "lang" || id == "model" || id == "side") {
    const SettingRow* row = choice_row(id);
    SettingValue v;
    if (row == nullptr || !parse_setting(*row, value, &v)) return tr_error(Str::kReasonUnknownKey);
    if (id == "lang") {
      set_language(v.choice == 1 ? Language::kKorean : Language::kEnglish);
    } else if (s.engine().busy()) {
      return tr_error(Str::kTipFixedForRun);
    } else if (id == "model") {
      TrainingPanel::choose_model(s, confirm_, v.choice);
    } else {
      TrainingPanel::choose_side(s, confirm_, kInputSides[v.choice]);
    }
    return Status::Ok();
  }
  if (s.data() == nullptr && id != "panels" && id.rfind("confirm:", 0) != 0) return tr_error(Str::kErrNoData);
  if (id == "train") {
    confirm_.ask(s, Replace::kTrain, [&s, report_to] { report_to(s.train_from_form()); });
  } else if (id == "pause") {
    if (s.running()) {
      s.pause();
    } else if (s.engine().busy()) {
      s.resume();
    }
  } else if (id == "reset") {
    confirm_.ask(s, Replace::kReset, [&s] { s.reset(); });
  } else if (id == "clear") {
    s.clear_canvas();
  } else if (id == "random") {
    static Rng rng{54321};
    return s.load_test_image(static_cast<int>(rng.below(static_cast<uint32_t>(s.data()->test_count()))));
  } else if (id.rfind("lesson:", 0) == 0 && id.size() == 8 && id[7] >= '0' && id[7] <= '5') {
    *lesson_.open_flag() = true;  // its window shows the step's text and result
    lesson_.start(s, id[7] - '0', confirm_);
  } else if (id.rfind("confirm:", 0) == 0 && id.size() == 9) {
    confirm_.choose(id[8] - '0');
  } else if (id == "panels") {
    nav(Nav::kEnter);
  } else {
    return tr_error(Str::kReasonUnknownKey);
  }
  return Status::Ok();
}

void App::a11y_follow() {
  const Session& s = session_;
  const RunView& run = s.run();
  A11yFacts f;
  f.ready = ready_;
  f.run = s.generation();
  f.training = s.engine().busy();
  f.paused = s.engine().paused();
  f.diverged = run.phase() == Phase::kDiverged;
  if (f.diverged) f.divergence = tr(run.divergence());
  // From Train until the engine's `started`, the run is the form's settings (state_json.cpp too).
  const bool current = run.has_model() && !s.engine().starting_run();
  const TrainConfig config = current ? run.config() : to_train_config(s.form.settings());
  f.model = model_short_name(config.model);
  f.epochs = config.epochs;
  if (current) {
    f.epochs_done = static_cast<int>(run.history().size());
    if (!run.history().empty()) f.val_acc = run.history().back().val_acc;
    f.test_acc = run.test_acc();
    // Over once its test accuracy is in (the `done` phase comes first), or with no test set.
    const bool has_test = s.data() != nullptr && s.data()->test_count() > 0;
    f.run_over = run.phase() == Phase::kDone && (!has_test || std::isfinite(f.test_acc));
  }
  f.error = s.messages.fatal.empty() ? s.messages.error : s.messages.fatal;
  f.input_key = canvas_.input_key();
  if (canvas_.top() >= 0 && run.has_model()) {
    f.top_name = predicted_name(canvas_.top());
    f.top_prob = canvas_.top_prob();
  }
  const LessonState& L = lesson_.state();
  const TrainConfig defaults;
  if (L.done[1]) f.lesson[1] = tr(Str::kA11yLessonDone);
  if (std::isfinite(L.cv_mean)) f.lesson[2] = printf_string(tr(Str::kFmtCvMean), L.cv_mean, L.cv_ms / 1000);
  if (L.done[3]) {
    char buf[200];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtSplit), format_count(L.split_train).c_str(),
                  format_count(L.split_val).c_str(), static_cast<int>(defaults.seed));
    f.lesson[3] = buf;
  }
  if (std::isfinite(L.dense_val_acc)) {
    char buf[200];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDenseResult), static_cast<int>(L.dense_epochs.size()),
                  static_cast<double>(L.dense_val_acc));
    f.lesson[4] = buf;
  }
  if (L.done[5]) f.lesson[5] = tr(Str::kA11yLessonDone);
  for (const Announcement& a : announcer_.update(f)) a11y_announce(announce_kind_name(a.kind), a.text);
  const std::string& json = a11y_json();
  if (json != a11y_sent_) {
    a11y_sent_ = json;
    a11y_update(a11y_sent_);
  }
}

void App::a11y_nav() {
  const int request = nav_request_;
  nav_request_ = 0;
  ImGuiContext& g = *GImGui;
  if (finish_text_ && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();  // the field applies
  finish_text_ = false;
  if (request < 0) g.NavDisableHighlight = true;
  if (request <= 0) return;
  // The window with the Training panel, drawn last frame: the wide layout's own, else the tabbed
  // window holding it (the medium layout's left one, the compact layout's only one; layout.cpp).
  ImGuiWindow* w = nullptr;
  for (const char* name : {"###training", "##tabs0", "##tabs2"}) {
    ImGuiWindow* candidate = ImGui::FindWindowByName(name);
    if (candidate != nullptr && candidate->WasActive) {
      w = candidate;
      break;
    }
  }
  if (w == nullptr) return;
  ImGui::FocusWindow(w);
  ImGui::NavInitWindow(w, true);
  // As if an arrow key asked for it: the first item gets the highlight, which shows where the
  // keyboard is (an init request alone is applied only while a highlight already shows).
  g.NavInitRequestFromMove = true;
  g.NavDisableHighlight = false;
  g.NavDisableMouseHover = true;
}

}  // namespace fm
