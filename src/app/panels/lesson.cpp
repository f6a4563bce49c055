// The Lesson window (opened from the menu bar) and the menu bar's Lesson and language items:
// five steps with their texts, a Run button each, Run all / Cancel, and each live result beside
// the reference number.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/panels/lesson.h"

#include "app/i18n/strings.h"
#include "app/panels/confirm_replace.h"
#include "app/session/session.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {

void wrapped(const char* text) { text_wrapped_at_spaces(text); }

// "reference (14×14): 0.8291", dimmed; our result coloured by whether it is close.
void reference_line(int side, const char* numbers) {
  char buf[160];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtReference), side, side, numbers);
  ImGui::TextDisabled("%s", buf);
}

}  // namespace

void LessonPanel::draw_menu_items() {
  char label[96];
  std::snprintf(label, sizeof(label), "%s###lesson_menu", tr(Str::kMenuLesson));
  if (ImGui::MenuItem(label, nullptr, state_.open)) state_.open = !state_.open;
  std::snprintf(label, sizeof(label), "%s###lang_menu",
                language() == Language::kKorean ? tr(Str::kLanguageKorean) : tr(Str::kLanguageEnglish));
  if (ImGui::BeginMenu(label)) {
    if (ImGui::MenuItem(tr(Str::kLanguageEnglish), nullptr, language() == Language::kEnglish)) {
      set_language(Language::kEnglish);
    }
    if (ImGui::MenuItem(tr(Str::kLanguageKorean), nullptr, language() == Language::kKorean)) {
      set_language(Language::kKorean);
    }
    ImGui::EndMenu();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(Str::kTipLanguage));
}

// A Run button: the steps that train (all, step 4) replace the model in use, so ask first.
void LessonPanel::start(Session& session, int step, ConfirmReplace& confirm) {
  auto go = [this, &session, step] {
    const Status st = run(session, step);
    if (!st) session.messages.error = tr(st);
  };
  if (step == 0 || step == kDenseStep) {
    confirm.ask(session, Replace::kLesson, go);
  } else {
    go();
  }
}

bool LessonPanel::draw(Session& session, ConfirmReplace& confirm, std::pair<ImVec2, ImVec2> dock) {
  LessonState& L = state_;
  if (!L.open) return false;
  const BundleView* d = session.data();
  bool go_canvas = false;
  // Docked where it leaves the plots and the canvas in view; again when the layout changes.
  if (dock.second.x <= dock.first.x) {  // no layout yet (the data is not in): the whole screen
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    dock = {vp->WorkPos, ImVec2(vp->WorkPos.x + vp->WorkSize.x, vp->WorkPos.y + vp->WorkSize.y)};
  }
  const bool moved = dock.first.x != docked_.first.x || dock.first.y != docked_.first.y ||
                     dock.second.x != docked_.second.x || dock.second.y != docked_.second.y;
  docked_ = dock;
  const ImGuiCond cond = moved ? ImGuiCond_Always : ImGuiCond_Appearing;
  ImGui::SetNextWindowPos(dock.first, cond);
  ImGui::SetNextWindowSize(ImVec2(dock.second.x - dock.first.x, dock.second.y - dock.first.y), cond);
  char buf[320];
  std::snprintf(buf, sizeof(buf), "%s###lesson", tr(Str::kLessonTitle));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, to_u32(palette::kLessonWindowBg));
  const bool visible = ImGui::Begin(buf, &L.open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse);
  ImGui::PopStyleColor();
  if (!visible) {
    ImGui::End();
    return false;
  }
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  window_rect_[0] = wp.x, window_rect_[1] = wp.y, window_rect_[2] = ws.x, window_rect_[3] = ws.y;
  wrapped(tr(Str::kLessonIntro));
  ImGui::BeginDisabled(d == nullptr || L.running);
  if (ImGui::Button(tr(Str::kLessonRunAll))) start(session, 0, confirm);
  const ImVec2 r0 = ImGui::GetItemRectMin(), r1 = ImGui::GetItemRectMax();
  run_all_rect_[0] = r0.x, run_all_rect_[1] = r0.y, run_all_rect_[2] = r1.x - r0.x, run_all_rect_[3] = r1.y - r0.y;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!L.running);
  if (ImGui::Button(tr(Str::kLessonCancel))) cancel(session);
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (d == nullptr) {
    ImGui::TextDisabled("%s", tr(Str::kLessonNeedsData));
  } else if (L.running) {
    ImGui::TextColored(to_vec4(palette::kTitle), "%s", tr(Str::kLessonRunning));
  } else if (L.cancelled) {
    ImGui::TextDisabled("%s", tr(Str::kLessonCancelled));
  }
  ImGui::Separator();

  static const Str kTitles[] = {Str::kLessonStep1Title, Str::kLessonStep2Title, Str::kLessonStep3Title,
                                Str::kLessonStep4Title, Str::kLessonStep5Title};
  static const Str kTexts[] = {Str::kLessonStep1Text, Str::kLessonStep2Text, Str::kLessonStep3Text,
                               Str::kLessonStep4Text, Str::kLessonStep5Text};
  ImGui::BeginChild("steps", ImVec2(0, 0), false);
  for (int s = 1; s <= kLessonSteps; ++s) {
    if (L.open_step == s) ImGui::SetNextItemOpen(true);
    const bool current = L.running && L.step == s;
    std::snprintf(buf, sizeof(buf), "%s%s###step%d", tr(kTitles[s - 1]), current ? "  ..." : "", s);
    if (!ImGui::CollapsingHeader(buf)) continue;
    ImGui::PushID(s);
    wrapped(tr(kTexts[s - 1]));
    ImGui::BeginDisabled(d == nullptr || L.running);
    if (ImGui::SmallButton(tr(Str::kLessonRun))) start(session, s, confirm);
    ImGui::EndDisabled();
    switch (s) {
      case 1: draw_data_step(session); break;
      case 2: draw_cv_step(); break;
      case 3:
        if (L.done[3]) {
          const TrainConfig defaults;
          std::snprintf(buf, sizeof(buf), tr(Str::kFmtSplit), format_count(L.split_train).c_str(),
                        format_count(L.split_val).c_str(), static_cast<int>(defaults.seed));
          ImGui::TextUnformatted(buf);
        }
        break;
      case 4: draw_dense_step(); break;
      default:
        if (ImGui::Button(tr(Str::kLessonAddHidden))) {
          TrainForm& form = session.form;
          form.model = 1;
          form.layers = 1;
          form.width[0] = 100;
          form.optimizer = 2;  // Adam
          form.lr = 1e-3f;
          L.hidden_ready = true;
        }
        ImGui::SameLine();
        if (ImGui::Button(tr(Str::kLessonGoCanvas))) {
          go_canvas = true;
          L.open = false;
        }
        if (L.hidden_ready) ImGui::TextColored(to_vec4(kGood), "%s", tr(Str::kLessonHiddenReady));
        reference_line(session.form.side, session.form.side == 28   ? "0.8744"
                                          : session.form.side == 7 ? "0.8317"
                                                                   : "0.8668");  // 100 ReLU + Adam
        break;
    }
    // After a step's result, the way on: the next step opens and runs (all steps: on its own).
    if (s < kLessonSteps && L.done[static_cast<size_t>(s)] && !L.running && !L.done[static_cast<size_t>(s + 1)]) {
      if (ImGui::Button(tr(Str::kLessonNextStep))) start(session, s + 1, confirm);
    }
    ImGui::PopID();
    ImGui::Spacing();
  }
  L.open_step = 0;
  ImGui::EndChild();
  ImGui::End();
  return go_canvas;
}

void LessonPanel::draw_data_step(const Session& session) {
  LessonState& L = state_;
  const BundleView* d = session.data();
  if (!L.done[1] || d == nullptr || L.first_ten_for != d) return;
  char buf[256];
  const std::string n = format_count(d->train_count());
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtShapes), n.c_str(), d->side(), d->side(), n.c_str(),
                format_count(d->test_count()).c_str(), d->side(), d->side());
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(buf);
  ImGui::PopTextWrapPos();
  ImGui::TextUnformatted(tr(Str::kLessonFirstTen));
  const float gap = 4.0f;
  const float size = std::floor(std::clamp((ImGui::GetContentRegionAvail().x - 9 * gap) / 10, 24.0f, 56.0f));
  const float line_h = ImGui::GetTextLineHeight();
  const ImVec2 o = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 0; i < 10 && i < d->train_count(); ++i) {
    const ImVec2 p0(o.x + i * (size + gap), o.y);
    ImVec2 uv0, uv1;
    L.first_ten.cell_uv(i, 0, d->side(), d->side(), &uv0, &uv1);
    dl->AddImage(L.first_ten.id(), p0, ImVec2(p0.x + size, p0.y + size), uv0, uv1);
  }
  for (int i = 0; i < 10 && i < d->train_count(); ++i) {
    const std::string name = fit_text(class_name(d->train_label(i)), size + gap);
    const float tw = ImGui::CalcTextSize(name.c_str()).x;
    dl->AddText(ImVec2(o.x + i * (size + gap) + (size - tw) * 0.5f, o.y + size + 2),
                ImGui::GetColorU32(ImGuiCol_Text), name.c_str());
  }
  ImGui::Dummy(ImVec2(10 * (size + gap), size + line_h + 6));
  ImGui::TextUnformatted(tr(Str::kLessonBalance));
  if (ImGui::BeginTable("balance", 5, ImGuiTableFlags_SizingStretchSame)) {
    for (int c = 0; c < 10; ++c) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", class_name(c));
      ImGui::TextUnformatted(format_count(L.balance[static_cast<size_t>(c)]).c_str());
    }
    ImGui::EndTable();
  }
}

void LessonPanel::draw_cv_step() {
  LessonState& L = state_;
  if (!L.cv_started) return;
  char buf[200];
  const int k = L.cv_k;
  for (int f = 0; f < k; ++f) {
    if (f < static_cast<int>(L.cv_folds.size())) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtFoldDone), f + 1, L.cv_folds[static_cast<size_t>(f)]);
      ImGui::TextUnformatted(buf);
    } else if (L.running && L.step == 2 && f == L.cv_fold) {
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtFoldRunning), f + 1);
      ImGui::TextUnformatted(buf);
      ImGui::SameLine();
      ImGui::ProgressBar(static_cast<float>(L.cv_fold_progress), ImVec2(-1, 0), "");
    }
  }
  const double ref = L.cv_side == 28 ? LessonReference::kCv28 : L.cv_side == 7 ? NAN : LessonReference::kCv14;
  if (std::isfinite(L.cv_mean)) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtCvMean), L.cv_mean, L.cv_ms / 1000.0);
    const bool close = std::isfinite(ref) && std::fabs(L.cv_mean - ref) <= 0.008;
    if (std::isfinite(ref)) {
      ImGui::TextColored(to_vec4(close ? kGood : kBad), "%s", buf);
    } else {
      ImGui::TextUnformatted(buf);  // nothing to compare with at 7×7
    }
    ImGui::SameLine();
  }
  std::snprintf(buf, sizeof(buf), std::isfinite(ref) ? "%.4f" : "\xE2\x80\x94", ref);  // an em dash at 7×7
  reference_line(L.cv_side, buf);
}

void LessonPanel::draw_dense_step() {
  LessonState& L = state_;
  if (L.dense_run == 0) return;
  char buf[200];
  for (size_t e = 0; e < L.dense_epochs.size(); ++e) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDenseEpoch), static_cast<int>(e + 1),
                  static_cast<double>(L.dense_epochs[e]));
    ImGui::TextUnformatted(buf);
  }
  const bool s28 = L.dense_side == 28, s7 = L.dense_side == 7;
  if (std::isfinite(L.dense_val_acc)) {
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtDenseResult), static_cast<int>(L.dense_epochs.size()),
                  static_cast<double>(L.dense_val_acc));
    const double lo = (s28 ? LessonReference::kDense28 : s7 ? LessonReference::kDense7 : LessonReference::kDense14Low) - 0.01;
    ImGui::TextColored(to_vec4(L.dense_val_acc >= lo ? kGood : kBad), "%s", buf);
    ImGui::SameLine();
  }
  reference_line(L.dense_side, s28 ? "0.850" : s7 ? "0.7753" : "0.824-0.829");
}

}  // namespace fm
