// Shareable settings: "model=mlp&hidden=100&opt=adam&lr=0.001&batch=32&epochs=5&seed=42&side=14&lang=ko"
// (the URL hash's format) parsed and checked here; App::apply_settings applies them to the form.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/strings.h"

namespace fm {

// Where a settings string came from. Apply sources lowest precedence first: the browser's
// defaults, then the settings saved in the browser, then the URL hash (the last one wins).
enum class SettingsOrigin : uint8_t { kDefaults = 0, kSaved = 1, kHash = 2 };

// The settings found in one string; a field is applied only when its has_ flag is set.
struct SettingsPatch {
  bool has_model = false, has_hidden = false, has_opt = false, has_lr = false, has_batch = false,
       has_epochs = false, has_seed = false, has_side = false, has_lang = false;
  int model = 0;            // 0 softmax, 1 mlp
  std::vector<int> hidden;  // 1 or 2 widths
  int optimizer = 1;        // OptimizerKind
  float lr = 1e-3f;
  int batch = 32, epochs = 5, seed = 42, side = 14;
  Language lang = Language::kEnglish;
  std::vector<std::string> rejected;  // "key=value (what it must be)", in the current language
};

// Parses "k=v&k=v" (a leading '#' or '?' is skipped; values are percent-decoded). Unknown keys
// and bad values go to `rejected`; the rest is kept.
SettingsPatch parse_settings(const std::string& text, float max_lr);

}  // namespace fm
