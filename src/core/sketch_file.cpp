// The sketch file's reader: a recursive-descent parser for exactly its shape (no general JSON
// tree, so no nesting to bound), with the line and column of the first byte that does not fit.
#include "core/sketch_file.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/class_names.h"

namespace fm {

namespace {

class Reader {
 public:
  Reader(const uint8_t* p, size_t n) : p_(p), n_(n) {}

  // Position of the current byte, for messages: line and column from 1 (columns in bytes).
  Status syntax() const {
    long long line = 1, col = 1;
    for (size_t i = 0; i < pos_ && i < n_; ++i) {
      if (p_[i] == '\n') {
        ++line;
        col = 1;
      } else {
        ++col;
      }
    }
    return Status::Error(ErrorCode::kSketchSyntax, {param(line), param(col)});
  }

  void space() {
    while (pos_ < n_ && (p_[pos_] == ' ' || p_[pos_] == '\t' || p_[pos_] == '\n' || p_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool at_end() {
    space();
    return pos_ >= n_;
  }
  // Consumes `c` (after spaces) if it is next.
  bool eat(char c) {
    space();
    if (pos_ < n_ && p_[pos_] == static_cast<uint8_t>(c)) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool peek(char c) {
    space();
    return pos_ < n_ && p_[pos_] == static_cast<uint8_t>(c);
  }
  bool word(const char* w) {
    space();
    const size_t len = std::strlen(w);
    if (n_ - pos_ >= len && std::memcmp(p_ + pos_, w, len) == 0) {
      pos_ += len;
      return true;
    }
    return false;
  }

  // A JSON number (RFC 8259's grammar: no leading +, no leading zeros, no bare dot, no NaN).
  bool number(double* out) {
    space();
    const size_t start = pos_;
    size_t i = pos_;
    const auto digit = [&](size_t k) { return k < n_ && p_[k] >= '0' && p_[k] <= '9'; };
    if (i < n_ && p_[i] == '-') ++i;
    if (!digit(i)) return false;
    if (p_[i] == '0') {
      ++i;
    } else {
      while (digit(i)) ++i;
    }
    if (i < n_ && p_[i] == '.') {
      ++i;
      if (!digit(i)) return false;
      while (digit(i)) ++i;
    }
    if (i < n_ && (p_[i] == 'e' || p_[i] == 'E')) {
      ++i;
      if (i < n_ && (p_[i] == '+' || p_[i] == '-')) ++i;
      if (!digit(i)) return false;
      while (digit(i)) ++i;
    }
    if (i - start > 64) return false;  // no real coordinate needs more
    char buf[72];
    std::memcpy(buf, p_ + start, i - start);
    buf[i - start] = '\0';
    *out = std::strtod(buf, nullptr);
    pos_ = i;
    return true;
  }

  // A JSON string as UTF-8 (escapes decoded; control characters and invalid UTF-8 refused).
  bool string(std::string* out) {
    if (!eat('"')) return false;
    out->clear();
    while (pos_ < n_) {
      const uint8_t c = p_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        const size_t len = utf8_sequence_length(p_ + pos_, n_ - pos_);
        if (len == 0) return false;
        out->append(reinterpret_cast<const char*>(p_ + pos_), len);
        pos_ += len;
        continue;
      }
      if (++pos_ >= n_) return false;
      const uint8_t e = p_[pos_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(static_cast<char>(e)); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(&cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
            unsigned low = 0;
            if (!(word("\\u") && hex4(&low) && low >= 0xDC00 && low <= 0xDFFF)) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

 private:
  bool hex4(unsigned* out) {
    if (n_ - pos_ < 4) return false;
    unsigned v = 0;
    for (int k = 0; k < 4; ++k) {
      const uint8_t h = p_[pos_ + k];
      v <<= 4;
      if (h >= '0' && h <= '9') {
        v |= h - '0';
      } else if (h >= 'a' && h <= 'f') {
        v |= h - 'a' + 10;
      } else if (h >= 'A' && h <= 'F') {
        v |= h - 'A' + 10;
      } else {
        return false;
      }
    }
    pos_ += 4;
    *out = v;
    return true;
  }
  static void append_utf8(unsigned cp, std::string* out) {
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

  const uint8_t* p_;
  size_t n_;
  size_t pos_ = 0;
};

Status error(ErrorCode code, std::vector<std::string> params = {}) {
  return Status::Error(code, std::move(params));
}

// A key as the message shows it: at most 40 bytes, cut between UTF-8 sequences.
std::string shown_key(const std::string& key) {
  size_t end = std::min<size_t>(key.size(), 40);
  while (end > 0 && end < key.size() && (static_cast<uint8_t>(key[end]) & 0xC0) == 0x80) --end;
  return key.substr(0, end);
}

// [[x, y], ...] into stroke->points; `index` is the stroke's, 1-based.
Status read_points(Reader& r, size_t index, size_t* total, Stroke* stroke) {
  if (!r.eat('[')) return r.syntax();
  if (r.eat(']')) return error(ErrorCode::kSketchNoPoints, {param(index)});
  do {
    const size_t k = stroke->points.size() + 1;
    double x = 0, y = 0;
    if (!r.eat('[') || !r.number(&x) || !r.eat(',') || !r.number(&y) || !r.eat(']')) {
      return error(ErrorCode::kSketchPoint, {param(index), param(k)});
    }
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      return error(ErrorCode::kSketchPointRange, {param(index), param(k), param(x), param(y)});
    }
    if (++*total > kMaxSketchPoints) {
      return error(ErrorCode::kSketchTooManyPoints, {param(kMaxSketchPoints)});
    }
    stroke->points.push_back({static_cast<float>(x), static_cast<float>(y)});
  } while (r.eat(','));
  return r.eat(']') ? Status::Ok() : r.syntax();
}

Status read_stroke(Reader& r, size_t index, size_t* total, Stroke* stroke) {
  if (!r.eat('{')) return error(ErrorCode::kSketchStroke, {param(index)});
  stroke->width = kDefaultBrushFraction;
  bool seen_points = false, seen_erase = false, seen_width = false;
  if (!r.eat('}')) {
    do {
      std::string key;
      if (!r.string(&key) || !r.eat(':')) return r.syntax();
      if (key == "points") {
        if (seen_points) return error(ErrorCode::kSketchDuplicateKey, {"points"});
        seen_points = true;
        Status s = read_points(r, index, total, stroke);
        if (!s) return s;
      } else if (key == "erase") {
        if (seen_erase) return error(ErrorCode::kSketchDuplicateKey, {"erase"});
        seen_erase = true;
        if (r.word("true")) {
          stroke->erase = true;
        } else if (r.word("false")) {
          stroke->erase = false;
        } else {
          return error(ErrorCode::kSketchErase, {param(index)});
        }
      } else if (key == "width") {
        if (seen_width) return error(ErrorCode::kSketchDuplicateKey, {"width"});
        seen_width = true;
        double w = 0;
        if (!r.number(&w) || !(w > 0 && w <= 1)) {
          return error(ErrorCode::kSketchWidth, {param(index)});
        }
        stroke->width = static_cast<float>(w);
      } else {
        return error(ErrorCode::kSketchUnknownKey, {shown_key(key)});
      }
    } while (r.eat(','));
    if (!r.eat('}')) return r.syntax();
  }
  if (!seen_points) return error(ErrorCode::kSketchNoPoints, {param(index)});
  return Status::Ok();
}

}  // namespace

Status parse_sketch_file(const uint8_t* bytes, size_t size, SketchFile* out) {
  if (!bytes || size == 0) return error(ErrorCode::kSketchEmpty);
  if (size > kMaxSketchFileBytes) {
    return error(ErrorCode::kSketchTooLarge, {param(size), param(kMaxSketchFileBytes)});
  }
  size_t skip = 0;
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) skip = 3;  // UTF-8 BOM
  Reader r(bytes + skip, size - skip);
  if (r.at_end()) return error(ErrorCode::kSketchEmpty);
  if (!r.eat('{')) return error(ErrorCode::kSketchNotObject);
  SketchFile f;
  bool seen_class = false, seen_name = false, seen_strokes = false;
  size_t total = 0;
  if (!r.eat('}')) {
    do {
      std::string key;
      if (!r.string(&key) || !r.eat(':')) return r.syntax();
      if (key == "class") {
        if (seen_class) return error(ErrorCode::kSketchDuplicateKey, {"class"});
        seen_class = true;
        double c = -1;
        if (!r.number(&c) || !(c >= 0 && c <= kNumClasses - 1 && c == std::floor(c))) {
          return error(ErrorCode::kSketchClass);
        }
        f.label = static_cast<int>(c);
      } else if (key == "name") {
        if (seen_name) return error(ErrorCode::kSketchDuplicateKey, {"name"});
        seen_name = true;
        if (!r.peek('"')) return error(ErrorCode::kSketchName, {param(kMaxSketchNameBytes)});
        if (!r.string(&f.name)) return r.syntax();
        if (f.name.size() > kMaxSketchNameBytes) {
          return error(ErrorCode::kSketchName, {param(kMaxSketchNameBytes)});
        }
      } else if (key == "strokes") {
        if (seen_strokes) return error(ErrorCode::kSketchDuplicateKey, {"strokes"});
        seen_strokes = true;
        if (!r.eat('[')) return error(ErrorCode::kSketchNoStrokes);
        if (r.eat(']')) return error(ErrorCode::kSketchNoStrokes);
        do {
          if (f.strokes.size() >= kMaxSketchStrokes) {
            return error(ErrorCode::kSketchTooManyStrokes, {param(kMaxSketchStrokes)});
          }
          Stroke s;
          Status st = read_stroke(r, f.strokes.size() + 1, &total, &s);
          if (!st) return st;
          f.strokes.push_back(std::move(s));
        } while (r.eat(','));
        if (!r.eat(']')) return r.syntax();
      } else {
        return error(ErrorCode::kSketchUnknownKey, {shown_key(key)});
      }
    } while (r.eat(','));
    if (!r.eat('}')) return r.syntax();
  }
  if (!r.at_end()) return r.syntax();
  if (!seen_class) return error(ErrorCode::kSketchMissingKey, {"class"});
  if (!seen_strokes) return error(ErrorCode::kSketchMissingKey, {"strokes"});
  *out = std::move(f);
  return Status::Ok();
}

}  // namespace fm
