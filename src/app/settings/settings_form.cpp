// The Training form ↔ settings text, through the settings table (engine/settings.h) and the
// page's `lang` row; refusals are worded by i18n/refusals.cpp in the current language.
#include "app/settings/settings_form.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "engine/presets.h"

namespace fm {

const std::vector<SettingRow>& ui_setting_rows() {
  static const std::vector<SettingRow> rows = {
      {"lang", nullptr, SettingScope::kUi, SettingRule::kChoice, 0, 0, 0, {"en", "ko"}, nullptr,
       nullptr}};
  return rows;
}

Settings TrainForm::settings() const {
  Settings s;
  s.model = static_cast<ModelKind>(std::clamp(model, 0, kModelKinds - 1));
  s.hidden.clear();
  for (int i = 0; i < std::clamp(layers, 1, 2); ++i) s.hidden.push_back(width[i]);
  s.opt = static_cast<OptimizerKind>(std::clamp(optimizer, 0, 2));
  s.lr = lr;
  s.batch = batch;
  s.epochs = epochs;
  s.seed = seed;
  s.side = side;
  s.pace = pace;
  s.early_stopping = early_stopping;
  s.augment = augment;
  return s;
}

void TrainForm::set(const Settings& s) {
  model = static_cast<int>(s.model);
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
  early_stopping = s.early_stopping;
  augment = s.augment;
}

bool TrainForm::apply_preset(const char* name) {
  Settings s = settings();
  if (!fm::apply_preset(name, &s)) return false;
  set(s);
  side = s.side;
  return true;
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

// The API's `preset` key: a choice of the presets table's names, read before the other rows.
const std::vector<SettingRow>& preset_row() {
  static const std::vector<SettingRow> rows = [] {
    SettingRow r{"preset", nullptr, SettingScope::kUi, SettingRule::kChoice, 0, 0, 0, {}, nullptr, nullptr};
    for (const Preset& p : presets_table()) r.choices.push_back(p.name);
    return std::vector<SettingRow>{r};
  }();
  return rows;
}

Status settings_from_api(const std::string& text, int side, Settings* out) {
  Settings s;  // the lesson's defaults for everything not given
  s.side = side;
  SettingsParse p = parse_settings(text, &s, &preset_row());
  if (!p.ok()) return text_error(describe_setting_errors(p.errors, true));
  if (!p.extra_values.empty()) {  // a preset, then the rows given with it over it
    Settings base;
    base.side = side;
    apply_preset(preset_row()[0].choices[static_cast<size_t>(p.extra_values.back().second.choice)], &base);
    s = base;
    p = parse_settings(text, &s, &preset_row());
  }
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
