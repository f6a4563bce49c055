// The message catalogue: the sentence for a core Status, in English or Korean. The CLI prints
// English; the page asks for its current language (app/strings.h tr(status)). The rows are in
// messages_table.h, one per code of core/error_codes.h.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace fm {

enum class Language : uint8_t { kEnglish = 0, kKorean = 1 };

// The sentence of a failed status in `lang`, its parameters filled in (and {why}, the reason's
// own sentence); "" for an ok status.
std::string describe(const Status& status, Language lang = Language::kEnglish);

// The row's text for a code, with its placeholders ("" for kNone): for the tests and the font.
const char* message_template(ErrorCode code, Language lang);

// A sentence a front end made itself (a CLI flag's error, one of the page's tr() strings) as a
// failed Status, so that one type carries every refusal; describe() gives the sentence back.
Status text_error(std::string sentence);

}  // namespace fm
