// The string table lookup: tr(id) returns the current language's text for an id.
// Adding a language: a column in strings_table.h, a Language value and a table here.
#include "app/strings.h"

#include <cstddef>

namespace fm {
namespace {

constexpr const char* kEnglish[] = {
#define FM_STRING(id, en) en,
#include "app/strings_table.h"
#undef FM_STRING
};
static_assert(sizeof(kEnglish) / sizeof(kEnglish[0]) == static_cast<size_t>(Str::kCount),
              "every string id needs an English text");

Language g_language = Language::kEnglish;

}  // namespace

void set_language(Language lang) { g_language = lang; }
Language language() { return g_language; }
const char* language_code() { return "en"; }

const char* tr(Str id) {
  const auto i = static_cast<size_t>(id);
  return i < static_cast<size_t>(Str::kCount) ? kEnglish[i] : "?";
}

const char* class_name(int label) {
  if (label < 0 || label > 9) return "?";
  return tr(static_cast<Str>(static_cast<int>(Str::kClass0) + label));
}

}  // namespace fm
