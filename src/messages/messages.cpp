// The catalogue's lookup and placeholder filling. The table is checked at compile time: every
// code of core/error_codes.h has exactly one row (placeholders are checked by test_messages.cpp).
#include "messages/messages.h"

#include <array>
#include <cstddef>
#include <utility>

namespace fm {

namespace {

constexpr size_t kCodes = static_cast<size_t>(ErrorCode::kCount);

struct Row {
  const char* en = nullptr;
  const char* ko = nullptr;
  int count = 0;  // rows given for the code: must be 1
};

struct Table {
  std::array<Row, kCodes> rows{};
  constexpr Table() {
#define FM_MESSAGE(id, en_text, ko_text)                      \
  rows[static_cast<size_t>(ErrorCode::id)].en = en_text;     \
  rows[static_cast<size_t>(ErrorCode::id)].ko = ko_text;     \
  ++rows[static_cast<size_t>(ErrorCode::id)].count;
#include "messages/messages_table.h"
#undef FM_MESSAGE
  }
  constexpr bool complete() const {
    for (size_t i = 1; i < kCodes; ++i) {
      if (rows[i].count != 1) return false;
    }
    return rows[0].count == 0;
  }
};

constexpr Table kTable;
static_assert(kTable.complete(), "messages_table.h needs exactly one row per core error code");

// Copies `text`, replacing {0}…{9} by params and {why} by `why`; any other brace is kept.
std::string fill(const char* text, const std::vector<std::string>& params, const std::string& why) {
  std::string out;
  for (const char* p = text; *p != '\0'; ++p) {
    if (*p == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}') {
      const auto i = static_cast<size_t>(p[1] - '0');
      out += i < params.size() ? params[i] : "?";
      p += 2;
    } else if (*p == '{' && p[1] == 'w' && p[2] == 'h' && p[3] == 'y' && p[4] == '}') {
      out += why;
      p += 4;
    } else {
      out += *p;
    }
  }
  return out;
}

}  // namespace

const char* message_template(ErrorCode code, Language lang) {
  const auto i = static_cast<size_t>(code);
  if (i == 0 || i >= kCodes) return "";
  return lang == Language::kKorean ? kTable.rows[i].ko : kTable.rows[i].en;
}

std::string describe(const Status& status, Language lang) {
  if (status.ok) return {};
  std::string why;
  if (status.why != ErrorCode::kNone) {
    why = fill(message_template(status.why, lang), status.why_params, {});
  }
  return fill(message_template(status.code, lang), status.params, why);
}

Status text_error(std::string sentence) {
  return Status::Error(ErrorCode::kText, {std::move(sentence)});
}

}  // namespace fm
