// A class-names file for a user's data set: ten lines of UTF-8, the name of class 0 first. Without
// one, a user's classes are called by their digits (the built-in set keeps Fashion-MNIST's names).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "types.h"

namespace fm {

using ClassNames = std::array<std::string, kNumClasses>;

constexpr size_t kMaxClassNameBytes = 40;        // one name, after trimming
constexpr size_t kMaxClassNamesFileBytes = 4096;  // ten names of 40 bytes and generous spacing

// "0" … "9".
const ClassNames& digit_class_names();

// Exactly ten non-empty lines, one name each, in label order. Lines end in LF or CRLF; spaces and
// tabs around a name are trimmed; a UTF-8 byte-order mark, a trailing newline and blank lines at
// the end are allowed. Refused (line numbers from 1): an empty file, one over
// kMaxClassNamesFileBytes, invalid UTF-8, a control character inside a name, an empty line before
// the last name, a count other than ten, a name over kMaxClassNameBytes bytes. `out` is left alone
// on error.
Status parse_class_names(const uint8_t* bytes, size_t size, ClassNames* out);

// The names as a class-names file parse_class_names reads back: one per line, LF between them.
std::string class_names_text(const ClassNames& names);

// The length of the valid UTF-8 sequence (1–4 bytes, no overlong forms, no surrogates, at most
// U+10FFFF) at the start of [p, p + n); 0 when there is none. Shared with csv.cpp's messages.
size_t utf8_sequence_length(const uint8_t* p, size_t n);

// Bytes from a file as a message shows them: printable ASCII and valid UTF-8 as they are, the rest
// escaped (\r, \n, \t, \xNN); "…" when `cut` (there was more). For csv.cpp and safetensors.cpp.
std::string shown_bytes(const uint8_t* p, size_t n, bool cut);

}  // namespace fm
