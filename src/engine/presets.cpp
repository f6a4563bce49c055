// The presets. "sketch": the model and training that read the public sketch set best (tuned on
// tests/sketches/dev with `fmnist sketches`, README "Sketches"), within about 25 s of training in
// the page's worker.
#include "engine/presets.h"

namespace fm {

const std::vector<Preset>& presets_table() {
  static const std::vector<Preset> table = {
      {"sketch",
       "model=cnn-small&hidden=100&opt=adam&lr=0.001&batch=32&epochs=5&seed=42&side=14&"
       "early_stopping=0&augment=1&pace=full"},
  };
  return table;
}

const Preset* find_preset(std::string_view name) {
  for (const Preset& p : presets_table()) {
    if (name == p.name) return &p;
  }
  return nullptr;
}

bool apply_preset(std::string_view name, Settings* settings) {
  const Preset* p = find_preset(name);
  if (!p) return false;
  Settings s = *settings;
  if (!parse_settings(p->settings, &s).ok()) return false;  // test_settings checks every preset
  *settings = s;
  return true;
}

}  // namespace fm
