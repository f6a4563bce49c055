// Refusals in the current language (i18n/strings.h): the settings table's rules and limits, and
// the engine's `error` events.
#include "app/i18n/refusals.h"

#include <cstdio>

#include "app/i18n/strings.h"
#include "engine/protocol.h"

namespace fm {

std::string setting_reason(const SettingError& e) {
  std::string reason;
  char buf[160];
  const SettingRow* row = e.row;
  switch (row != nullptr ? e.rule : SettingRule::kUnknownKey) {
    case SettingRule::kChoice:
      for (const char* c : row->choices) reason += (reason.empty() ? "" : ", ") + std::string(c);
      break;
    case SettingRule::kWhole:
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtReasonWhole), static_cast<long long>(row->lo),
                    static_cast<long long>(row->hi));
      reason = buf;
      break;
    case SettingRule::kNumber:
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtReasonLr), row->hi);
      reason = buf;
      break;
    case SettingRule::kWholeList:
      reason = tr(Str::kReasonHidden);
      break;
    case SettingRule::kUnknownKey:
      reason = tr(Str::kReasonUnknownKey);
      break;
  }
  return reason;
}

std::string describe_setting_errors(const std::vector<SettingError>& errors, bool api) {
  std::string out;
  for (const SettingError& e : errors) {
    const std::string reason = setting_reason(e);
    // Shown in the overlay: keep what the user typed short.
    std::string value = e.value.size() > 30 ? e.value.substr(0, 27) + "..." : e.value;
    std::string item;
    if (api) {
      char line[400];
      std::snprintf(line, sizeof(line), tr(Str::kFmtApiMustBe), e.key.c_str(), reason.c_str(), value.c_str());
      item = line;
    } else {
      item = e.key + "=" + value + " (" + reason + ")";
    }
    out += (out.empty() ? "" : "; ") + item;
  }
  return out;
}

std::string ignored_settings_notice(const std::vector<SettingError>& errors) {
  char buf[1200];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtNoticeIgnored), describe_setting_errors(errors).c_str());
  return buf;
}

std::string engine_refusal_text(const FieldReader& f) {
  const std::string reason = f.get("reason");
  if (reason == "status") {
    Status st;
    if (read_status(f, &st)) return tr(st);
  }
  if (reason == "settings") {
    std::vector<SettingError> errors;
    const auto keys = f.get_list("keys"), values = f.get_list("values");
    for (size_t i = 0; i < keys.size(); ++i) {
      SettingError e;
      e.key = keys[i];
      e.value = i < values.size() ? values[i] : "";
      e.row = find_setting(e.key);
      e.rule = e.row != nullptr ? e.row->rule : SettingRule::kUnknownKey;
      errors.push_back(e);
    }
    return describe_setting_errors(errors);
  }
  if (reason == "no_data") return tr(Str::kErrNoData);
  if (reason == "no_model") {
    const std::string command = f.get("command");
    return tr(command == "correct" ? Str::kErrCorrectNoModel : Str::kErrNoModel);
  }
  if (reason == "training") return tr(Str::kErrCorrectTraining);  // correct, undo_correction
  if (reason == "correcting") return tr(Str::kErrCorrectBusy);
  if (reason == "nothing_to_undo") return tr(Str::kErrUndoNothing);
  char buf[300];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtEngineRefused), f.get("command").c_str(), reason.c_str());
  return buf;
}

}  // namespace fm
