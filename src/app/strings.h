// The user-visible strings of the page: an id per string and tr(id) for the current language.
// The texts live in strings_table.h (one X-macro row per string; a new language adds a column).
#pragma once

#include <cstdint>

namespace fm {

enum class Str : uint16_t {
#define FM_STRING(id, en) id,
#include "app/strings_table.h"
#undef FM_STRING
  kCount
};

enum class Language : uint8_t { kEnglish = 0 };

void set_language(Language lang);
Language language();
const char* language_code();  // "en"

const char* tr(Str id);
// Class names in label order, translated (Str::kClass0 + label).
const char* class_name(int label);

}  // namespace fm
