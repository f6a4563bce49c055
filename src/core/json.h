// A small strict JSON reader (RFC 8259) for files from outside (the safetensors header and the
// JSON strings in its __metadata__), and the quoting its writer needs. Refuses anything RFC 8259
// does not allow, and also: duplicate keys in an object, more than kMaxJsonDepth nested
// arrays/objects.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace fm {

constexpr int kMaxJsonDepth = 32;

struct JsonValue {
  enum class Type : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;               // kString: the decoded UTF-8; kNumber: the number as written
  std::vector<JsonValue> items;   // kArray: the elements; kObject: the values, in file order
  std::vector<std::string> keys;  // kObject: the names of `items`

  bool is(Type t) const { return type == t; }
  // kObject: the value named `key`, else null.
  const JsonValue* get(const std::string& key) const;
};

// The whole of [text, text + size) as one JSON value (whitespace around it allowed). On failure
// returns false with *error_at the byte offset where the text stops being valid JSON; `out` may be
// partly filled then.
bool parse_json(const char* text, size_t size, JsonValue* out, size_t* error_at);

// A kNumber written as a whole number 0..max (digits only: no sign, fraction or exponent).
bool json_whole(const JsonValue& v, uint64_t max, uint64_t* out);
// A kNumber as a float: strtof of its text (exact for the %.9g a float was written with).
bool json_float(const JsonValue& v, float* out);

// The lexer's two tokens, for readers that walk a fixed shape without building a tree
// (sketch_file.cpp), so there is one reading of JSON strings and numbers. At p[*pos]:
// a string from its opening quote (decoded UTF-8 into *out; control characters, bad escapes, lone
// surrogates and invalid UTF-8 refused), a number by RFC 8259's grammar (its text into *text).
// On success *pos is just past the token; a refused string leaves *pos where it went wrong.
bool json_scan_string(const uint8_t* p, size_t n, size_t* pos, std::string* out);
bool json_scan_number(const uint8_t* p, size_t n, size_t* pos, std::string* text);

// `s` (UTF-8) as a JSON string literal, quotes included: ", \ and control characters escaped.
std::string json_quote(const std::string& s);

}  // namespace fm
