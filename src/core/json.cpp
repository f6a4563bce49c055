#include "core/json.h"

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/class_names.h"

namespace fm {

namespace {

class Parser {
 public:
  Parser(const char* text, size_t size, size_t pos = 0)
      : p_(reinterpret_cast<const uint8_t*>(text)), n_(size), pos_(pos) {}

  bool document(JsonValue* out) {
    skip_space();
    if (!value(out, 0)) return false;
    skip_space();
    return pos_ == n_;
  }
  size_t pos() const { return pos_; }
  // The two tokens json_scan_string / json_scan_number share with other readers.
  bool scan_string(std::string* out) { return string(out); }
  bool scan_number(std::string* out) { return number(out); }

 private:
  bool at_end() const { return pos_ >= n_; }
  uint8_t peek() const { return at_end() ? 0 : p_[pos_]; }
  void skip_space() {
    while (!at_end() && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) ++pos_;
  }
  bool literal(const char* word) {
    for (size_t i = 0; word[i]; ++i) {
      if (peek() != static_cast<uint8_t>(word[i])) return false;
      ++pos_;
    }
    return true;
  }

  bool value(JsonValue* out, int depth) {
    if (depth >= kMaxJsonDepth) return false;
    switch (peek()) {
      case '{': return object(out, depth);
      case '[': return array(out, depth);
      case '"': out->type = JsonValue::Type::kString; return string(&out->text);
      case 't': out->type = JsonValue::Type::kBool; out->boolean = true; return literal("true");
      case 'f': out->type = JsonValue::Type::kBool; out->boolean = false; return literal("false");
      case 'n': out->type = JsonValue::Type::kNull; return literal("null");
      default: out->type = JsonValue::Type::kNumber; return number(&out->text);
    }
  }

  bool object(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kObject;
    ++pos_;  // {
    skip_space();
    if (peek() == '}') return ++pos_, true;
    for (;;) {
      skip_space();
      std::string key;
      if (peek() != '"' || !string(&key)) return false;
      for (const std::string& k : out->keys) {
        if (k == key) return false;  // a duplicate: which one counts would be a guess
      }
      skip_space();
      if (peek() != ':') return false;
      ++pos_;
      skip_space();
      out->keys.push_back(std::move(key));
      out->items.emplace_back();
      if (!value(&out->items.back(), depth + 1)) return false;
      skip_space();
      if (peek() == '}') return ++pos_, true;
      if (peek() != ',') return false;
      ++pos_;
    }
  }

  bool array(JsonValue* out, int depth) {
    out->type = JsonValue::Type::kArray;
    ++pos_;  // [
    skip_space();
    if (peek() == ']') return ++pos_, true;
    for (;;) {
      skip_space();
      out->items.emplace_back();
      if (!value(&out->items.back(), depth + 1)) return false;
      skip_space();
      if (peek() == ']') return ++pos_, true;
      if (peek() != ',') return false;
      ++pos_;
    }
  }

  bool digits() {
    const size_t start = pos_;
    while (peek() >= '0' && peek() <= '9') ++pos_;
    return pos_ > start;
  }

  bool number(std::string* out) {
    const size_t start = pos_;
    if (peek() == '-') ++pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (!digits()) {
      return false;
    }
    if (peek() == '.') {
      ++pos_;
      if (!digits()) return false;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!digits()) return false;
    }
    out->assign(reinterpret_cast<const char*>(p_ + start), pos_ - start);
    return true;
  }

  bool hex4(uint32_t* out) {
    if (n_ - pos_ < 4) return false;
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      const uint8_t c = p_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else return false;
    }
    *out = v;
    return true;
  }

  static void put_utf8(uint32_t cp, std::string* out) {
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }

  // After a backslash and 'u': one code point, a surrogate pair joined; a lone surrogate refused.
  bool escaped_code_point(std::string* out) {
    uint32_t cp;
    if (!hex4(&cp)) return false;
    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low;
      if (!literal("\\u") || !hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    put_utf8(cp, out);
    return true;
  }

  bool string(std::string* out) {
    ++pos_;  // "
    for (;;) {
      if (at_end()) return false;
      const uint8_t c = p_[pos_];
      if (c == '"') return ++pos_, true;
      if (c < 0x20) return false;
      if (c == '\\') {
        ++pos_;
        const uint8_t e = peek();
        ++pos_;
        switch (e) {
          case '"': out->push_back('"'); break;
          case '\\': out->push_back('\\'); break;
          case '/': out->push_back('/'); break;
          case 'b': out->push_back('\b'); break;
          case 'f': out->push_back('\f'); break;
          case 'n': out->push_back('\n'); break;
          case 'r': out->push_back('\r'); break;
          case 't': out->push_back('\t'); break;
          case 'u': if (!escaped_code_point(out)) return false; break;
          default: --pos_; return false;
        }
        continue;
      }
      const size_t len = utf8_sequence_length(p_ + pos_, n_ - pos_);
      if (len == 0) return false;
      out->append(reinterpret_cast<const char*>(p_ + pos_), len);
      pos_ += len;
    }
  }

  const uint8_t* p_;
  size_t n_;
  size_t pos_ = 0;
};

}  // namespace

bool json_scan_string(const uint8_t* p, size_t n, size_t* pos, std::string* out) {
  if (*pos >= n || p[*pos] != '"') return false;
  Parser parser(reinterpret_cast<const char*>(p), n, *pos);
  out->clear();
  const bool ok = parser.scan_string(out);
  *pos = parser.pos();
  return ok;
}

bool json_scan_number(const uint8_t* p, size_t n, size_t* pos, std::string* text) {
  Parser parser(reinterpret_cast<const char*>(p), n, *pos);
  const bool ok = parser.scan_number(text);
  if (ok) *pos = parser.pos();
  return ok;
}

const JsonValue* JsonValue::get(const std::string& key) const {
  if (type != Type::kObject) return nullptr;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == key) return &items[i];
  }
  return nullptr;
}

bool parse_json(const char* text, size_t size, JsonValue* out, size_t* error_at) {
  Parser parser(text, size);
  *out = JsonValue();
  if (parser.document(out)) return true;
  *error_at = parser.pos();
  return false;
}

bool json_whole(const JsonValue& v, uint64_t max, uint64_t* out) {
  if (!v.is(JsonValue::Type::kNumber) || v.text.empty()) return false;
  uint64_t n = 0;
  for (char c : v.text) {
    if (c < '0' || c > '9') return false;
    const uint64_t d = static_cast<uint64_t>(c - '0');
    if (n > (UINT64_MAX - d) / 10) return false;
    n = n * 10 + d;
  }
  if (n > max) return false;
  *out = n;
  return true;
}

bool json_float(const JsonValue& v, float* out) {
  if (!v.is(JsonValue::Type::kNumber)) return false;
  errno = 0;
  const float f = std::strtof(v.text.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(f)) return false;
  *out = f;
  return true;
}

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

}  // namespace fm
