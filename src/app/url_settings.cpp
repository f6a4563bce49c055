// The URL hash ↔ the Training form and the language, through the settings table
// (engine/settings.h): App::apply_settings applies a settings text (with a notice, in the current
// language, for what the table refused), App::sync_hash keeps the address bar's hash equal to the
// current settings so the URL can be shared.
#include "app/url_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/app.h"
#include "app/ui_util.h"

#include "app/web_bridge.h"

namespace fm {

const std::vector<SettingRow>& ui_setting_rows() {
  static const std::vector<SettingRow> rows = {
      {"lang", nullptr, SettingScope::kUi, SettingRule::kChoice, 0, 0, 0, {"en", "ko"}, nullptr,
       nullptr}};
  return rows;
}

std::string describe_setting_errors(const std::vector<SettingError>& errors, bool api) {
  std::string out;
  for (const SettingError& e : errors) {
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

Settings App::form_settings() const {
  Settings s;
  s.model = form_.model == 1 ? ModelKind::kMlp : ModelKind::kSoftmax;
  s.hidden.clear();
  for (int i = 0; i < std::clamp(form_.layers, 1, 2); ++i) s.hidden.push_back(form_.width[i]);
  s.opt = static_cast<OptimizerKind>(std::clamp(form_.optimizer, 0, 2));
  s.lr = form_.lr;
  s.batch = form_.batch;
  s.epochs = form_.epochs;
  s.seed = form_.seed;
  s.side = form_.side;
  return s;
}

void App::set_form(const Settings& s) {
  form_.model = s.model == ModelKind::kMlp ? 1 : 0;
  if (!s.hidden.empty()) {
    form_.layers = std::clamp(static_cast<int>(s.hidden.size()), 1, 2);
    for (int i = 0; i < form_.layers; ++i) form_.width[i] = s.hidden[static_cast<size_t>(i)];
  }
  form_.optimizer = static_cast<int>(s.opt);
  form_.lr = s.lr;
  form_.batch = s.batch;
  form_.epochs = s.epochs;
  form_.seed = s.seed;
}

int App::apply_settings(const std::string& text, SettingsOrigin origin) {
  // The language first, so the notice below is written in the language the link asks for.
  Settings s = form_settings();
  const int side_before = s.side;
  const SettingsParse p = parse_settings(text, &s, &ui_setting_rows());
  for (const auto& [row, value] : p.extra_values) {
    if (std::string(row->name) == "lang") set_language(value.choice == 1 ? Language::kKorean : Language::kEnglish);
  }
  int applied = static_cast<int>(p.applied.size());
  const bool busy = engine_.busy();  // the run's model is fixed; the form is for the next run
  set_form(s);
  bool side_given = false;
  for (const SettingRow* row : p.applied) side_given = side_given || std::string(row->name) == "side";
  if (side_given) {
    if (!busy) {
      select_side(s.side);  // 28 starts its download; the form switches when it arrives
    } else {
      form_.side = side_before;
      --applied;
    }
  }
  if (origin != SettingsOrigin::kDefaults) {
    if (p.ok()) {
      if (origin == SettingsOrigin::kHash) settings_notice_.clear();
    } else {
      char buf[1200];
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtNoticeIgnored), describe_setting_errors(p.errors).c_str());
      settings_notice_ = buf;
    }
  }
  if (origin == SettingsOrigin::kHash) hash_synced_ = true;  // from now on the hash follows the form
  request_frames(3);
  return applied;
}

std::string App::settings_string() const {
  return format_settings(form_settings()) + "&lang=" + language_code();
}

std::string App::browser_default_settings() {
  return language_for_tag(navigator_language().c_str()) == Language::kKorean ? "lang=ko" : "lang=en";
}

void App::sync_hash() {
  if (!hash_synced_) return;  // the page has not applied the incoming hash yet
  std::string s = settings_string();
  if (s == hash_) return;
  hash_ = std::move(s);
  replace_hash(hash_);
}

void App::draw_settings_notice() {
  if (fatal_.empty()) dismissable_notice("###settings_notice", Notice::kWarning, &settings_notice_);
}

}  // namespace fm
