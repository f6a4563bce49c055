// The user-visible strings of the page: an id per string and tr(id) for the current language.
// English lives in strings_table.h (one X-macro row per string), Korean in strings_ko.h; the
// core's error sentences are in the message catalogue (src/messages/messages_table.h).
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "core/status.h"
#include "messages/messages.h"  // Language, describe()

namespace fm {

enum class Str : uint16_t {
#define FM_STRING(id, en) id,
#include "app/i18n/strings_table.h"
#undef FM_STRING
  kCount
};

void set_language(Language lang);
Language language();
const char* language_code();  // "en" or "ko"
// "en" / "ko" (any case) → true and the language; anything else → false.
bool parse_language(const char* code, Language* out);
// The language for a browser language tag such as "ko-KR" or "en-US": Korean for "ko…".
Language language_for_tag(const char* tag);

const char* tr(Str id);
// The sentence of a failed Status in the current language (the core's errors via the message
// catalogue, messages/messages.h); "" for ok.
std::string tr(const Status& status);
// One of the page's own error strings as a failed Status (text_error(tr(id))).
Status tr_error(Str id);
// The text of `id` in `lang` (for building the font's glyph ranges from every string).
const char* tr_in(Language lang, Str id);
// Class names in label order: a user's data set's when set, else Fashion-MNIST's, translated
// (Str::kClass0 + label).
const char* class_name(int label);
// A user's data set's ten names (kept by the caller), or nullptr for Fashion-MNIST's again.
void set_user_class_names(const std::array<std::string, 10>* names);
// The name of a model's output `label` (its predictions: the canvas bars, predicted classes):
// the model's own names when set, else class_name(label).
const char* predicted_name(int label);
// The names of the model in use when they are not its data's (a model of a user's classes
// restored or imported while Fashion-MNIST is loaded, or the other way round), kept by the
// caller; nullptr when they are the data's. Fashion-MNIST's names are shown translated.
void set_model_class_names(const std::array<std::string, 10>* names);
// "Fashion-MNIST", or "Your data" while a user's data set is in use.
const char* dataset_name();

}  // namespace fm
