// Shareable settings: the URL hash, saved settings and the API all speak the settings table's
// text (engine/settings.h) plus the page's own `lang` row; refusals are worded here in the
// current language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "app/strings.h"
#include "engine/settings.h"

namespace fm {

// Where a settings string came from. Apply sources lowest precedence first: the browser's
// defaults, then the settings saved in the browser, then the URL hash (the last one wins).
enum class SettingsOrigin : uint8_t { kDefaults = 0, kSaved = 1, kHash = 2 };

// The page's UI-only rows (lang), passed to parse_settings as `extra`.
const std::vector<SettingRow>& ui_setting_rows();

// The table's refusals in the current language, joined with "; ": "key=value (what it must be)"
// for a link or saved settings, "key must be … (not value)" for an API call's arguments.
std::string describe_setting_errors(const std::vector<SettingError>& errors, bool api = false);

}  // namespace fm
