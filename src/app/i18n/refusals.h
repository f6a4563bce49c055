// Refusals worded in the current language: the settings table's (a link, saved settings, an API
// call's arguments) and the engine's `error` events.
#pragma once

#include <string>
#include <vector>

#include "engine/fields.h"
#include "engine/settings.h"

namespace fm {

// What a refused value must be, from its row's rule and limits ("a whole number from 1 to 1000").
std::string setting_reason(const SettingError& error);
// The table's refusals, joined with "; ": "key=value (what it must be)" for a link or saved
// settings, "key must be … (not value)" for an API call's arguments.
std::string describe_setting_errors(const std::vector<SettingError>& errors, bool api = false);
// The overlay's notice for a link whose settings were partly refused: "Ignored from the link: …".
std::string ignored_settings_notice(const std::vector<SettingError>& errors);
// An engine `error` event's fields (protocol.h: command, reason, …) as a sentence.
std::string engine_refusal_text(const FieldReader& fields);

}  // namespace fm
