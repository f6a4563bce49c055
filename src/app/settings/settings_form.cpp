// The Training form ↔ settings text, through the settings table (engine/settings.h) and the
// page's `lang` row; refusals are worded by i18n/refusals.cpp in the current language.
#include "app/settings/settings_form.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"

namespace fm {

const std::vector<SettingRow>& ui_setting_rows() {
  static const std::vector<SettingRow> rows = {
      {"lang", nullptr, SettingScope::kUi, SettingRule::kChoice, 0, 0, 0, {"en", "ko"}, nullptr,
       nullptr}};
  return rows;
}

Settings TrainForm::settings() const {
  Settings s;
  s.model = model == 1 ? ModelKind::kMlp : ModelKind::kSoftmax;
  s.hidden.clear();
  for (int i = 0; i < std::clamp(layers, 1, 2); ++i) s.hidden.push_back(width[i]);
  s.opt = static_cast<OptimizerKind>(std::clamp(optimizer, 0, 2));
  s.lr = lr;
  s.batch = batch;
  s.epochs = epochs;
  s.seed = seed;
  s.side = side;
  s.pace = pace;
  return s;
}

void TrainForm::set(const Settings& s) {
  model = s.model == ModelKind::kMlp ? 1 : 0;
  if (!s.hidden.empty()) {
    layers = std::clamp(static_cast<int>(s.hidden.size()), 1, 2);
    for (int i = 0; i < layers; ++i) width[i] = s.hidden[static_cast<size_t>(i)];
  }
  optimizer = static_cast<int>(s.opt);
  lr = s.lr;
  batch = s.batch;
  epochs = s.epochs;
  seed = s.seed;
  pace = s.pace;
}

std::string TrainForm::text(Language lang) const {
  return format_settings(settings()) + "&lang=" + (lang == Language::kKorean ? "ko" : "en");
}

bool lr_acceptable(double lr) {
  const SettingRow* row = find_setting("lr");
  return std::isfinite(lr) && lr > row->lo && lr <= row->hi;
}

bool FormUpdate::side_given() const {
  for (const SettingRow* row : applied) {
    if (std::string(row->name) == "side") return true;
  }
  return false;
}

FormUpdate read_settings_text(const TrainForm& form, const std::string& text) {
  FormUpdate u;
  u.settings = form.settings();
  SettingsParse p = parse_settings(text, &u.settings, &ui_setting_rows());
  for (const auto& [row, value] : p.extra_values) {
    if (std::string(row->name) == "lang") u.language = value.choice == 1 ? Language::kKorean : Language::kEnglish;
  }
  u.applied = std::move(p.applied);
  u.errors = std::move(p.errors);
  return u;
}

Status settings_from_api(const std::string& text, int side, Settings* out) {
  Settings s;  // the lesson's defaults for everything not given
  s.side = side;
  const SettingsParse p = parse_settings(text, &s);
  if (!p.ok()) return text_error(describe_setting_errors(p.errors, true));
  if (s.model == ModelKind::kSoftmax) s.hidden = {100};
  *out = s;
  return Status::Ok();
}

Status check_run_settings(const Settings& s, long long train_count) {
  const std::vector<SettingError> errors = check_settings(s);
  if (!errors.empty()) return text_error(describe_setting_errors(errors, true));
  if (s.batch > train_count) {
    char buf[200];
    std::snprintf(buf, sizeof(buf), tr(Str::kErrWholeNumber), "batch", 1LL, train_count);
    return text_error(buf);
  }
  return Status::Ok();
}

}  // namespace fm
