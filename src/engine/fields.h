// The "k=v&k=v" text shared by the URL hash, saved settings and the engine's messages: parsing
// (percent-decoding, comma lists), building (percent-encoding) and numbers that round-trip exactly.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fm {

// Percent-encodes every byte but A–Z a–z 0–9 - . _ ~ (and ',' when keep_commas: list separators).
std::string percent_encode(std::string_view s, bool keep_commas = false);
// Decodes %XX (malformed escapes stay as they are) and '+' as a space, like a URL's query.
std::string percent_decode(std::string_view s);

// Numbers written so that parsing them gives back the same bits: the shortest of %.1g…%.9g
// (float) or %.1g…%.17g (double) that round-trips; "nan", "inf", "-inf" for the rest.
std::string format_float(float v);
std::string format_double(double v);

// Strict parsers for text a person may have typed. Whole: plain digits, optional leading '-',
// nothing else (no spaces, '+', exponent or fraction). Number: a finite decimal or exponent form.
bool parse_whole(std::string_view s, long long lo, long long hi, long long* out);
bool parse_number(std::string_view s, double* out);
// A float read as the engine reads every float: the text's nearest double, then rounded to float.
// Accepts what parse_number accepts plus "nan", "inf", "-inf".
bool parse_float(std::string_view s, float* out);

// One parsed "k=v&k=v" text. Keys and values are kept as written (still percent-encoded) so a
// list can be split on its raw commas before its items are decoded. Empty items are skipped, a
// key without '=' has the empty value; a repeated key: the last one wins for get().
class FieldReader {
 public:
  struct Item {
    std::string key;  // decoded
    std::string raw;  // the value as written
  };
  FieldReader() = default;
  // A leading '#' or '?' is skipped (a URL's hash or query can be passed as is).
  explicit FieldReader(std::string_view text);

  const std::vector<Item>& items() const { return items_; }
  bool has(std::string_view key) const { return find(key) != nullptr; }
  std::string get(std::string_view key, std::string_view fallback = {}) const;  // decoded
  // False when the key is missing or its value does not parse.
  bool get_whole(std::string_view key, long long lo, long long hi, long long* out) const;
  bool get_float(std::string_view key, float* out) const;
  bool get_double(std::string_view key, double* out) const;
  // Split on raw commas, each item decoded; an empty value is an empty list.
  std::vector<std::string> get_list(std::string_view key) const;

 private:
  const Item* find(std::string_view key) const;
  std::vector<Item> items_;
};

// Builds "k=v&k=v": values are percent-encoded, lists are comma-joined (each item encoded, so an
// item's own commas survive as %2C).
class FieldWriter {
 public:
  FieldWriter& add(std::string_view key, std::string_view value);
  FieldWriter& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  FieldWriter& add(std::string_view key, long long value);
  FieldWriter& add(std::string_view key, int value) {
    return add(key, static_cast<long long>(value));
  }
  FieldWriter& add(std::string_view key, uint64_t value);
  FieldWriter& add(std::string_view key, float value);
  FieldWriter& add(std::string_view key, double value);
  FieldWriter& add(std::string_view key, bool value) { return add(key, value ? 1LL : 0LL); }
  // A value already in this encoding (e.g. a settings text's "hidden=100,50" part), as is.
  FieldWriter& add_raw(std::string_view key, std::string_view encoded);
  FieldWriter& add_list(std::string_view key, const std::vector<std::string>& items);
  FieldWriter& add_list(std::string_view key, const std::vector<int>& items);
  FieldWriter& add_list(std::string_view key, const std::vector<float>& items);
  FieldWriter& add_list(std::string_view key, const std::vector<double>& items);
  // Appends another writer's (or a settings text's) "k=v&…" as is.
  FieldWriter& append(std::string_view encoded_fields);
  const std::string& text() const { return text_; }

 private:
  void begin(std::string_view key);
  std::string text_;
};

}  // namespace fm
