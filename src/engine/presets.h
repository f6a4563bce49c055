// Named settings a person can pick in one go: the preset's name and its settings text (the
// settings table's k=v form, every train row given). The page's Training panel and train({preset})
// read this one table.
#pragma once

#include <string_view>
#include <vector>

#include "engine/settings.h"

namespace fm {

struct Preset {
  const char* name;      // as the API and links spell it, e.g. "sketch"
  const char* settings;  // every train row, e.g. "model=cnn-small&…&augment=1"
};

const std::vector<Preset>& presets_table();
const Preset* find_preset(std::string_view name);  // nullptr when there is none

// The preset's settings over `settings` (every train row is given, so nothing of `settings`
// stays); false and nothing changed for an unknown name.
bool apply_preset(std::string_view name, Settings* settings);

}  // namespace fm
