// The "k=v&k=v" codec: percent-encoding, strict number parsing and exact number formatting.
#include "engine/fields.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace fm {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// strtod/strtof need a terminated string; numbers are short, so a small local copy does.
bool copy_short(std::string_view s, char (&buf)[48]) {
  if (s.empty() || s.size() >= sizeof(buf)) return false;
  s.copy(buf, s.size());
  buf[s.size()] = '\0';
  return true;
}

double read_double(const char* text, bool* ok) {
  char* end = nullptr;
  errno = 0;
  const double x = std::strtod(text, &end);
  *ok = end != nullptr && *end == '\0' && end != text;
  return x;
}

// "1e+03" → "1e3", "2.5e-05" → "2.5e-5": no '+' (a URL's encoded space) and no padding.
std::string tidy_exponent(const char* text) {
  std::string s = text;
  const size_t e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  const bool negative = !exponent.empty() && exponent[0] == '-';
  if (!exponent.empty() && (exponent[0] == '-' || exponent[0] == '+')) exponent.erase(0, 1);
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return mantissa + (negative ? "e-" : "e") + exponent;
}

}  // namespace

std::string percent_encode(std::string_view s, bool keep_commas) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (unreserved(c) || (keep_commas && c == ',')) {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_digit(s[i + 1]) >= 0 && hex_digit(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_digit(s[i + 1]) * 16 + hex_digit(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string format_float(float v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[48];
  if (v == std::trunc(v) && std::fabs(v) < 1e9f) {  // whole: "1000", not "1e+03"
    std::snprintf(buf, sizeof(buf), "%.0f", static_cast<double>(v));
    return buf;
  }
  for (int digits = 1; digits <= 9; ++digits) {
    std::snprintf(buf, sizeof(buf), "%.*g", digits, static_cast<double>(v));
    float back = 0;
    if (parse_float(buf, &back) && back == v) break;
  }
  return tidy_exponent(buf);
}

std::string format_double(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[48];
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    std::snprintf(buf, sizeof(buf), "%.0f", v);
    return buf;
  }
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(buf, sizeof(buf), "%.*g", digits, v);
    bool ok = false;
    const double back = read_double(buf, &ok);
    if (ok && back == v) break;
  }
  return tidy_exponent(buf);
}

bool parse_whole(std::string_view s, long long lo, long long hi, long long* out) {
  size_t i = !s.empty() && s[0] == '-' ? 1 : 0;
  if (i == s.size() || s.size() - i > 19) return false;
  unsigned long long magnitude = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    const unsigned digit = static_cast<unsigned>(s[i] - '0');
    if (magnitude > (~0ull - digit) / 10) return false;  // overflow
    magnitude = magnitude * 10 + digit;
  }
  if (magnitude > static_cast<unsigned long long>(9223372036854775807LL)) return false;
  const long long x =
      s[0] == '-' ? -static_cast<long long>(magnitude) : static_cast<long long>(magnitude);
  if (x < lo || x > hi) return false;
  *out = x;
  return true;
}

bool parse_number(std::string_view s, double* out) {
  for (const char c : s) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) {
      return false;
    }
  }
  char buf[48];
  if (!copy_short(s, buf)) return false;
  bool ok = false;
  const double x = read_double(buf, &ok);
  if (!ok || !std::isfinite(x)) return false;
  *out = x;
  return true;
}

bool parse_float(std::string_view s, float* out) {
  if (s == "nan" || s == "inf" || s == "-inf") {
    *out = s == "nan" ? NAN : (s == "inf" ? INFINITY : -INFINITY);
    return true;
  }
  double x = 0;
  if (!parse_number(s, &x)) return false;
  *out = static_cast<float>(x);  // may overflow to ±inf: the caller checks its limits
  return true;
}

// --- FieldReader ---

FieldReader::FieldReader(std::string_view text) {
  if (!text.empty() && (text[0] == '#' || text[0] == '?')) text.remove_prefix(1);
  while (!text.empty()) {
    const size_t amp = text.find('&');
    const std::string_view item = text.substr(0, amp);
    text = amp == std::string_view::npos ? std::string_view() : text.substr(amp + 1);
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    Item parsed;
    parsed.key = percent_decode(item.substr(0, eq));
    if (eq != std::string_view::npos) parsed.raw = std::string(item.substr(eq + 1));
    items_.push_back(std::move(parsed));
  }
}

const FieldReader::Item* FieldReader::find(std::string_view key) const {
  for (size_t i = items_.size(); i > 0; --i) {
    if (items_[i - 1].key == key) return &items_[i - 1];
  }
  return nullptr;
}

std::string FieldReader::get(std::string_view key, std::string_view fallback) const {
  const Item* item = find(key);
  return item ? percent_decode(item->raw) : std::string(fallback);
}

bool FieldReader::get_whole(std::string_view key, long long lo, long long hi,
                            long long* out) const {
  const Item* item = find(key);
  return item && parse_whole(percent_decode(item->raw), lo, hi, out);
}

bool FieldReader::get_float(std::string_view key, float* out) const {
  const Item* item = find(key);
  return item && parse_float(percent_decode(item->raw), out);
}

bool FieldReader::get_double(std::string_view key, double* out) const {
  const Item* item = find(key);
  if (!item) return false;
  const std::string v = percent_decode(item->raw);
  if (v == "nan" || v == "inf" || v == "-inf") {
    *out = v == "nan" ? NAN : (v == "inf" ? INFINITY : -INFINITY);
    return true;
  }
  return parse_number(v, out);
}

std::vector<std::string> FieldReader::get_list(std::string_view key) const {
  std::vector<std::string> out;
  const Item* item = find(key);
  if (!item || item->raw.empty()) return out;
  std::string_view raw = item->raw;
  while (true) {
    const size_t comma = raw.find(',');
    out.push_back(percent_decode(raw.substr(0, comma)));
    if (comma == std::string_view::npos) break;
    raw.remove_prefix(comma + 1);
  }
  return out;
}

// --- FieldWriter ---

void FieldWriter::begin(std::string_view key) {
  if (!text_.empty()) text_ += '&';
  text_ += percent_encode(key);
  text_ += '=';
}

FieldWriter& FieldWriter::add(std::string_view key, std::string_view value) {
  begin(key);
  text_ += percent_encode(value);
  return *this;
}

FieldWriter& FieldWriter::add(std::string_view key, long long value) {
  begin(key);
  text_ += std::to_string(value);
  return *this;
}

FieldWriter& FieldWriter::add(std::string_view key, uint64_t value) {
  begin(key);
  text_ += std::to_string(value);
  return *this;
}

FieldWriter& FieldWriter::add(std::string_view key, float value) {
  begin(key);
  text_ += format_float(value);
  return *this;
}

FieldWriter& FieldWriter::add(std::string_view key, double value) {
  begin(key);
  text_ += format_double(value);
  return *this;
}

FieldWriter& FieldWriter::add_raw(std::string_view key, std::string_view encoded) {
  begin(key);
  text_ += encoded;
  return *this;
}

FieldWriter& FieldWriter::add_list(std::string_view key, const std::vector<std::string>& items) {
  begin(key);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += ',';
    text_ += percent_encode(items[i]);
  }
  return *this;
}

FieldWriter& FieldWriter::add_list(std::string_view key, const std::vector<int>& items) {
  begin(key);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += ',';
    text_ += std::to_string(items[i]);
  }
  return *this;
}

FieldWriter& FieldWriter::add_list(std::string_view key, const std::vector<float>& items) {
  begin(key);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += ',';
    text_ += format_float(items[i]);
  }
  return *this;
}

FieldWriter& FieldWriter::add_list(std::string_view key, const std::vector<double>& items) {
  begin(key);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text_ += ',';
    text_ += format_double(items[i]);
  }
  return *this;
}

FieldWriter& FieldWriter::append(std::string_view encoded_fields) {
  if (encoded_fields.empty()) return *this;
  if (!text_.empty()) text_ += '&';
  text_ += encoded_fields;
  return *this;
}

}  // namespace fm
