// The class-names file: ten trimmed UTF-8 lines, each refusal naming its line.
#include "core/class_names.h"

#include <utility>
#include <vector>

namespace fm {

const ClassNames& digit_class_names() {
  static const ClassNames names = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  return names;
}

std::string shown_bytes(const uint8_t* p, size_t n, bool cut) {
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (size_t i = 0; i < n;) {
    const uint8_t b = p[i];
    const size_t len = utf8_sequence_length(p + i, n - i);
    if (len > 1 || (b >= 0x20 && b < 0x7F)) {
      s.append(reinterpret_cast<const char*>(p) + i, len);
      i += len;
      continue;
    }
    if (b == '\r') {
      s += "\\r";
    } else if (b == '\n') {
      s += "\\n";
    } else if (b == '\t') {
      s += "\\t";
    } else {
      s += "\\x";
      s += hex[b >> 4];
      s += hex[b & 15];
    }
    ++i;
  }
  if (cut) s += "\xE2\x80\xA6";  // …
  return s;
}

std::string class_names_text(const ClassNames& names) {
  std::string text;
  for (size_t c = 0; c < names.size(); ++c) text += (c ? "\n" : "") + names[c];
  return text;
}

size_t utf8_sequence_length(const uint8_t* p, size_t n) {
  if (n == 0) return 0;
  const uint8_t b0 = p[0];
  if (b0 < 0x80) return 1;
  size_t len = 0;
  uint8_t lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlong forms
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlong forms
    if (b0 == 0xF4) hi = 0x8F;  // at most U+10FFFF
  } else {
    return 0;
  }
  if (n < len || p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < len; ++i) {
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  }
  return len;
}

Status parse_class_names(const uint8_t* bytes, size_t size, ClassNames* out) {
  if (size > kMaxClassNamesFileBytes) {
    return Status::Error(ErrorCode::kNamesTooLarge,
                         {param(size), param(kMaxClassNamesFileBytes)});
  }
  size_t pos = 0;
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) pos = 3;  // BOM
  // Lines as [begin, end) after trimming; every line is checked for UTF-8 and control bytes first.
  struct Line {
    size_t begin, end;
  };
  std::vector<Line> lines;
  while (pos < size) {
    size_t end = pos;
    while (end < size && bytes[end] != '\n') ++end;
    const long long number = static_cast<long long>(lines.size()) + 1;
    size_t b = pos, e = end;
    if (e > b && bytes[e - 1] == '\r') --e;  // CRLF
    while (b < e && (bytes[b] == ' ' || bytes[b] == '\t')) ++b;
    while (e > b && (bytes[e - 1] == ' ' || bytes[e - 1] == '\t')) --e;
    for (size_t i = b; i < e;) {
      const size_t len = utf8_sequence_length(bytes + i, e - i);
      if (len == 0) return Status::Error(ErrorCode::kNamesUtf8, {param(number)});
      if (len == 1 && (bytes[i] < 0x20 || bytes[i] == 0x7F)) {
        return Status::Error(ErrorCode::kNamesControl, {param(number)});
      }
      i += len;
    }
    lines.push_back({b, e});
    pos = end + 1;  // past the LF (or past the end)
  }
  while (!lines.empty() && lines.back().begin == lines.back().end) lines.pop_back();
  if (lines.empty()) return Status::Error(ErrorCode::kNamesEmpty);
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].begin == lines[i].end) {
      return Status::Error(ErrorCode::kNamesEmptyLine, {param(i + 1)});
    }
  }
  if (lines.size() != kNumClasses) {
    return Status::Error(ErrorCode::kNamesCount, {param(lines.size())});
  }
  ClassNames names;
  for (size_t i = 0; i < lines.size(); ++i) {
    const size_t length = lines[i].end - lines[i].begin;
    if (length > kMaxClassNameBytes) {
      return Status::Error(ErrorCode::kNamesTooLong,
                           {param(i + 1), param(length), param(kMaxClassNameBytes)});
    }
    names[i].assign(reinterpret_cast<const char*>(bytes) + lines[i].begin, length);
  }
  *out = std::move(names);
  return Status::Ok();
}

}  // namespace fm
