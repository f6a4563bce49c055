// A number field of the settings table (lr, batch, epochs, seed, a hidden width): what is typed
// applies on Enter or when the field loses focus, never while typing; a value the table refuses
// leaves the old one and a short message beside the field ("must be a number above 0, at most
// 1000; kept 0.001"), in the current language. The limits are the table's row.
#pragma once

#include <string>

#include "engine/settings.h"

namespace fm {

class NumberField {
 public:
  // The field, at the next item width. True (and *out set) when a new accepted value was entered.
  bool draw_number(const char* id, const SettingRow& row, float current, float* out);
  bool draw_whole(const char* id, const SettingRow& row, long long current, long long* out);
  // The refusal under the field, wrapped, when the last entered value was refused.
  void draw_refusal() const;
  const std::string& refusal() const { return refusal_; }

 private:
  bool draw(const char* id, const SettingRow& row, const SettingValue& current, SettingValue* out);

  char text_[64] = "";
  bool editing_ = false;
  std::string refusal_;
};

}  // namespace fm
