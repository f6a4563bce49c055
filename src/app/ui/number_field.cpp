#include "app/ui/number_field.h"

#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"  // ClearActiveID: the on-screen keyboard's Enter ends the edit

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "app/ui/soft_keyboard.h"
#include "app/ui/ui_util.h"

namespace fm {
namespace {

// The on-screen keyboard's text replaces the field's (it is the hidden input's whole value).
int take_soft_text(ImGuiInputTextCallbackData* d) {
  std::string text = static_cast<SoftKeyboard*>(d->UserData)->take_text();
  if (static_cast<int>(text.size()) >= d->BufSize) text.resize(static_cast<size_t>(d->BufSize - 1));
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();  // a cut character
  if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80) != 0) text.pop_back();
  d->DeleteChars(0, d->BufTextLen);
  d->InsertChars(0, text.c_str());
  return 0;
}

}  // namespace

bool NumberField::draw_number(const char* id, const SettingRow& row, float current, float* out) {
  SettingValue now, got;
  now.number = current;
  if (!draw(id, row, now, &got)) return false;
  *out = got.number;
  return true;
}

bool NumberField::draw_whole(const char* id, const SettingRow& row, long long current, long long* out) {
  SettingValue now, got;
  now.whole = current;
  now.list = {static_cast<int>(current)};  // a hidden width: one item of the `hidden` list
  if (!draw(id, row, now, &got)) return false;
  *out = row.rule == SettingRule::kWholeList ? got.list.at(0) : got.whole;
  return true;
}

bool NumberField::draw(const char* id, const SettingRow& row, const SettingValue& current, SettingValue* out) {
  const std::string shown = format_setting(row, current);
  if (!editing_) std::snprintf(text_, sizeof(text_), "%s", shown.c_str());
  const ImGuiInputTextFlags flags =
      row.rule == SettingRule::kNumber ? ImGuiInputTextFlags_CharsScientific : ImGuiInputTextFlags_CharsDecimal;
  // The on-screen keyboard (soft_keyboard.h): focus this field, fill it, end its edit.
  SoftKeyboard& keyboard = soft_keyboard();
  const ImGuiID gid = ImGui::GetID(id);
  const bool active_before = ImGui::GetActiveID() == gid;
  if (keyboard.wants_focus(gid) && !active_before) ImGui::SetKeyboardFocusHere();
  const bool commit = keyboard.wants_commit(gid);
  if (commit && active_before) ImGui::ClearActiveID();  // as Enter: applied below, this frame
  const bool soft_text = keyboard.has_text(gid);
  ImGui::InputText(id, text_, sizeof(text_), soft_text ? flags | ImGuiInputTextFlags_CallbackAlways : flags,
                   soft_text ? take_soft_text : nullptr, &keyboard);
  editing_ = ImGui::IsItemActive();
  if (editing_) keyboard.focused(gid);
  if (commit) keyboard.close();
  keyboard.drawn(gid, row.name, editing_ ? std::string(text_) : shown, row.rule != SettingRule::kNumber);
  if (!ImGui::IsItemDeactivatedAfterEdit()) return false;
  editing_ = false;
  SettingValue v;
  const bool one_width = row.rule != SettingRule::kWholeList || std::string(text_).find(',') == std::string::npos;
  if (one_width && parse_setting(row, text_, &v)) {
    refusal_.clear();
    if (format_setting(row, v) == shown) return false;
    *out = v;
    return true;
  }
  SettingError e;
  e.rule = row.rule == SettingRule::kWholeList ? SettingRule::kWhole : row.rule;  // one width: lo..hi
  e.row = &row;
  char buf[320];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtFieldKept), setting_reason(e).c_str(), shown.c_str());
  refusal_ = buf;
  return false;
}

void NumberField::draw_refusal() const {
  if (refusal_.empty()) return;
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextColored(to_vec4(kBad), "%s", refusal_.c_str());
  ImGui::PopTextWrapPos();
}

}  // namespace fm
