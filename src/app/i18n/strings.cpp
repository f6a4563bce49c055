// The string tables: tr(id) returns the current language's text for an id. English is complete
// by construction (strings_table.h), Korean by a compile-time check (strings_ko.h).
#include "app/i18n/strings.h"

#include <array>
#include <cstddef>
#include <cstring>
#include "core/dataset.h"

namespace fm {
namespace {

constexpr size_t kCount = static_cast<size_t>(Str::kCount);

constexpr const char* kEnglish[] = {
#define FM_STRING(id, en) en,
#include "app/i18n/strings_table.h"
#undef FM_STRING
};
static_assert(sizeof(kEnglish) / sizeof(kEnglish[0]) == kCount, "every string id needs an English text");

// Korean by id (rows may come in any order); every id must have one.
struct KoreanTable {
  std::array<const char*, kCount> text{};
  constexpr KoreanTable() {
#define FM_KO(id, ko) text[static_cast<size_t>(Str::id)] = ko;
#include "app/i18n/strings_ko.h"
#undef FM_KO
  }
  constexpr bool complete() const {
    for (const char* t : text) {
      if (t == nullptr) return false;
    }
    return true;
  }
};
constexpr KoreanTable kKorean;
static_assert(kKorean.complete(), "every string of strings_table.h needs its Korean row in strings_ko.h");

Language g_language = Language::kEnglish;

}  // namespace

void set_language(Language lang) { g_language = lang; }
Language language() { return g_language; }
const char* language_code() { return g_language == Language::kKorean ? "ko" : "en"; }

bool parse_language(const char* code, Language* out) {
  if (code == nullptr) return false;
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (std::strlen(code) != 2) return false;
  const char a = lower(code[0]), b = lower(code[1]);
  if (a == 'e' && b == 'n') {
    *out = Language::kEnglish;
    return true;
  }
  if (a == 'k' && b == 'o') {
    *out = Language::kKorean;
    return true;
  }
  return false;
}

Language language_for_tag(const char* tag) {
  if (tag != nullptr && (tag[0] == 'k' || tag[0] == 'K') && (tag[1] == 'o' || tag[1] == 'O') &&
      (tag[2] == '\0' || tag[2] == '-' || tag[2] == '_')) {
    return Language::kKorean;
  }
  return Language::kEnglish;
}

const char* tr_in(Language lang, Str id) {
  const auto i = static_cast<size_t>(id);
  if (i >= kCount) return "?";
  if (lang == Language::kKorean && kKorean.text[i] != nullptr) return kKorean.text[i];
  return kEnglish[i];
}

const char* tr(Str id) { return tr_in(g_language, id); }

std::string tr(const Status& status) { return describe(status, g_language); }

Status tr_error(Str id) { return text_error(tr(id)); }

namespace {
const std::array<std::string, 10>* g_user_names = nullptr;
const std::array<std::string, 10>* g_model_names = nullptr;
}  // namespace

void set_model_class_names(const std::array<std::string, 10>* names) { g_model_names = names; }

const char* predicted_name(int label) {
  if (label < 0 || label > 9 || g_model_names == nullptr) return class_name(label);
  if (*g_model_names == default_class_names()) {
    return tr(static_cast<Str>(static_cast<int>(Str::kClass0) + label));
  }
  return (*g_model_names)[static_cast<size_t>(label)].c_str();
}

void set_user_class_names(const std::array<std::string, 10>* names) { g_user_names = names; }

const char* dataset_name() { return g_user_names != nullptr ? tr(Str::kYourData) : "Fashion-MNIST"; }

const char* class_name(int label) {
  if (label < 0 || label > 9) return "?";
  if (g_user_names != nullptr) return (*g_user_names)[static_cast<size_t>(label)].c_str();
  return tr(static_cast<Str>(static_cast<int>(Str::kClass0) + label));
}

}  // namespace fm
