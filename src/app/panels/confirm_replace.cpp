// The keep / discard / export-first modal before a trained model is replaced (issue 18 §1).
#include "app/panels/confirm_replace.h"

#include <algorithm>
#include <cstdio>

#include "app/i18n/strings.h"
#include "app/json_writer.h"
#include "app/session/session.h"

namespace fm {
namespace {

const char* why_text(Replace why) {
  switch (why) {
    case Replace::kTrain: return tr(Str::kConfirmWhyTrain);
    case Replace::kReset: return tr(Str::kConfirmWhyReset);
    case Replace::kSide: return tr(Str::kConfirmWhySide);
    case Replace::kImport: return tr(Str::kConfirmWhyImport);
    case Replace::kLesson: return tr(Str::kConfirmWhyLesson);
  }
  return "";
}

const char* why_id(Replace why) {
  switch (why) {
    case Replace::kTrain: return "train";
    case Replace::kReset: return "reset";
    case Replace::kSide: return "side";
    case Replace::kImport: return "import";
    case Replace::kLesson: return "lesson";
  }
  return "";
}

}  // namespace

bool ConfirmReplace::worth_asking(const Session& s) {
  const RunView& run = s.run();
  return run.has_model() && (run.samples_seen() > 0 || !run.history().empty() || run.imported());
}

void ConfirmReplace::ask(const Session& s, Replace why, std::function<void()> then) {
  if (!worth_asking(s)) {
    then();
    return;
  }
  then_ = std::move(then);
  why_ = why;
  open_request_ = true;
}

void ConfirmReplace::draw(Session& s) {
  char title[160];
  std::snprintf(title, sizeof(title), "%s###confirm_replace", tr(Str::kConfirmTitle));
  if (open_request_) {
    open_request_ = false;
    ImGui::OpenPopup(title);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const float w = std::min(460.0f, vp->WorkSize.x - 16.0f);
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  shown_ = ImGui::BeginPopupModal(title, nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove);
  if (!shown_) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(why_text(why_));
  ImGui::TextUnformatted(tr(Str::kConfirmLost));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // One button a row when three do not fit side by side (a phone).
  const ImGuiStyle& style = ImGui::GetStyle();
  const char* labels[] = {tr(Str::kConfirmKeep), tr(Str::kConfirmExport), tr(Str::kConfirmDiscard)};
  float need = 2 * style.ItemSpacing.x;
  for (const char* l : labels) need += ImGui::CalcTextSize(l).x + 2 * style.FramePadding.x;
  const bool row = need <= ImGui::GetContentRegionAvail().x;
  const ImVec2 size(row ? 0.0f : -1.0f, 0.0f);
  int choice = 0;  // 1 keep, 2 export first, 3 discard
  auto button = [&](int i, Rect* rect) {
    if (i > 0 && row) ImGui::SameLine();
    if (ImGui::Button(labels[i], size)) choice = i + 1;
    *rect = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
  };
  button(0, &keep_);
  if (ImGui::IsWindowAppearing()) ImGui::SetItemDefaultFocus();
  button(1, &export_);
  button(2, &discard_);
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) choice = 1;
  if (chosen_ != 0) choice = chosen_;
  chosen_ = 0;
  if (choice != 0) {
    ImGui::CloseCurrentPopup();
    std::function<void()> then = std::move(then_);
    then_ = nullptr;
    if (choice == 2) {
      const Status st = s.export_model();  // the engine exports before it takes the next command
      if (!st) s.messages.error = tr(st);
    }
    if (choice >= 2 && then) then();
  }
  ImGui::EndPopup();
}

void ConfirmReplace::json(JsonWriter& j) const {
  auto rect = [&j](const char* name, const Rect& r) {
    j.key(name).begin_object();
    j.key("x").number(r.first.x).key("y").number(r.first.y);
    j.key("w").number(r.second.x - r.first.x).key("h").number(r.second.y - r.first.y);
    j.end_object();
  };
  j.key("confirm").begin_object();
  j.key("open").boolean(shown_);
  if (shown_) {
    j.key("why").string(why_id(why_));
    rect("keep", keep_);
    rect("export", export_);
    rect("discard", discard_);
  }
  j.end_object();
}

}  // namespace fm
