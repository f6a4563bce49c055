// The Training form's values and everything that reads or writes them as settings text: the URL
// hash, the settings saved in the browser, window.fmnist.train()'s arguments. All of it goes
// through the settings table (engine/settings.h), plus the page's own `lang` row; no limits or
// parsing of its own. Plain C++ (no ImGui): tests/test_settings_form.cpp drives it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/settings.h"
#include "messages/messages.h"  // Language

namespace fm {

// Where a settings string came from. Apply sources lowest precedence first: the browser's
// defaults, then the settings saved in the browser, then the URL hash (the last one wins).
enum class SettingsOrigin : uint8_t { kDefaults = 0, kSaved = 1, kHash = 2 };

// The page's UI-only rows (lang), passed to parse_settings as `extra`.
const std::vector<SettingRow>& ui_setting_rows();

// The Training panel's editable settings, in the widgets' types: what the next Train uses.
struct TrainForm {
  int model = 0;       // ModelKind: 0 softmax regression, 1 MLP, 2 cnn (28×28 only), 3 cnn-small
  int layers = 1;      // MLP hidden layers, 1..2
  int width[2] = {100, 100};
  int optimizer = 1;   // OptimizerKind
  float lr = 1e-3f;
  int batch = 32;
  int epochs = 5;
  uint64_t seed = 42;  // 0 … 2^53 − 1
  int side = 14;       // input size: 7, 14 or 28
  // How fast Train runs: Watch (about 10 s a run, curves visibly move) until the learner picks
  // Full speed; the JS API's train() and `make bench` default to full speed (the table's default).
  Pace pace = Pace::kWatch;
  int early_stopping = 0;  // patience in epochs (0: off)
  bool augment = false;    // augment the training images (the `augment` row)

  Settings settings() const;           // as the settings table's values
  void set(const Settings& settings);  // side excepted (switching it downloads data: the caller)
  // The form's values as a link: every train row, then lang.
  std::string text(Language lang) const;
  // The presets table's row (engine/presets.h) over the form, side included; false for an
  // unknown name (nothing changed).
  bool apply_preset(const char* name);
};

// A learning rate the `lr` row accepts (the form applies one only then).
bool lr_acceptable(double lr);

// A settings text read over the form: the new values, which rows were given, the language if
// given, and the refusals (each worded by describe_setting_errors()).
struct FormUpdate {
  Settings settings;
  std::vector<const SettingRow*> applied;
  std::vector<SettingError> errors;
  std::optional<Language> language;
  bool side_given() const;
};
FormUpdate read_settings_text(const TrainForm& form, const std::string& text);

// window.fmnist.train()'s argument as settings text (web/api.js builds it): rows not given take
// the lesson's defaults, `side` defaults to the panels' current one; `preset=NAME` (one of the
// presets table's names) starts from that preset instead, and rows given with it override it.
// A refusal is worded for an API call ("lr must be … (not …)", "preset must be one of …").
Status settings_from_api(const std::string& text, int side, Settings* out);
// The last check before a run starts: the table's limits, and a batch no larger than the
// training set. A refusal names the value and its limits.
Status check_run_settings(const Settings& settings, long long train_count);

}  // namespace fm
