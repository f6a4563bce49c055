#include "app/ui/number_field.h"

#include <cstdio>

#include "imgui.h"

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "app/ui/ui_util.h"

namespace fm {

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
  ImGui::InputText(id, text_, sizeof(text_), flags);
  editing_ = ImGui::IsItemActive();
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
