// The sketch file's reader: a recursive-descent parser for exactly its shape (no general JSON
// tree, so no nesting to bound), with the line and column of the first byte that does not fit;
// strings and numbers are json.h's tokens. A set of sketches is a list of the same objects.
#include "core/sketch_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/class_names.h"
#include "core/json.h"

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

  // A JSON number (json.h's lexer: RFC 8259's grammar, no NaN), as strtod reads it.
  bool number(double* out) {
    space();
    std::string text;
    size_t at = pos_;
    if (!json_scan_number(p_, n_, &at, &text) || text.size() > 64) return false;  // no coordinate needs more
    *out = std::strtod(text.c_str(), nullptr);
    pos_ = at;
    return true;
  }

  // A JSON string as UTF-8 (json.h's lexer: escapes decoded; control characters and invalid
  // UTF-8 refused).
  bool string(std::string* out) {
    space();
    return json_scan_string(p_, n_, &pos_, out);
  }

 private:
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

// One sketch object ({"class", "name", "strokes"}) at the reader's position. `total`: its points
// read so far (a sketch file's budget).
Status read_sketch(Reader& r, size_t* total, SketchFile* out) {
  if (!r.eat('{')) return error(ErrorCode::kSketchNotObject);
  SketchFile f;
  bool seen_class = false, seen_name = false, seen_strokes = false;
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
          Status st = read_stroke(r, f.strokes.size() + 1, total, &s);
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
  if (!seen_class) return error(ErrorCode::kSketchMissingKey, {"class"});
  if (!seen_strokes) return error(ErrorCode::kSketchMissingKey, {"strokes"});
  *out = std::move(f);
  return Status::Ok();
}

// The file's bytes after size checks and a byte-order mark; kSketchEmpty when only spaces.
Status open_reader(const uint8_t* bytes, size_t size, size_t max, Reader* r) {
  if (!bytes || size == 0) return error(ErrorCode::kSketchEmpty);
  if (size > max) return error(ErrorCode::kSketchTooLarge, {param(size), param(max)});
  size_t skip = 0;
  if (size >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) skip = 3;  // UTF-8 BOM
  *r = Reader(bytes + skip, size - skip);
  if (r->at_end()) return error(ErrorCode::kSketchEmpty);
  return Status::Ok();
}

void write_number(std::string* out, float v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.4g", static_cast<double>(v));
  *out += buf;
}

}  // namespace

Status parse_sketch_file(const uint8_t* bytes, size_t size, SketchFile* out) {
  Reader r(nullptr, 0);
  Status st = open_reader(bytes, size, kMaxSketchFileBytes, &r);
  if (!st) return st;
  size_t total = 0;
  SketchFile f;
  st = read_sketch(r, &total, &f);
  if (!st) return st;
  if (!r.at_end()) return r.syntax();
  *out = std::move(f);
  return Status::Ok();
}

Status parse_sketch_set(const uint8_t* bytes, size_t size, std::vector<SketchFile>* out) {
  Reader r(nullptr, 0);
  Status st = open_reader(bytes, size, kMaxSketchSetBytes, &r);
  if (!st) return st;
  if (!r.eat('{')) return error(ErrorCode::kSketchSetNotSet);
  std::vector<SketchFile> set;
  bool seen_format = false, seen_version = false, seen_sketches = false;
  size_t total = 0;
  if (!r.eat('}')) {
    do {
      std::string key;
      if (!r.string(&key) || !r.eat(':')) return r.syntax();
      if (key == "format") {
        std::string format;
        if (seen_format || !r.string(&format) || format != kSketchSetFormat) {
          return error(ErrorCode::kSketchSetNotSet);
        }
        seen_format = true;
      } else if (key == "version") {
        double v = 0;
        if (seen_version || !r.number(&v) || v != 1) return error(ErrorCode::kSketchSetNotSet);
        seen_version = true;
      } else if (key == "sketches") {
        if (seen_sketches || !r.eat('[')) return error(ErrorCode::kSketchSetNotSet);
        seen_sketches = true;
        if (!r.eat(']')) {
          do {
            if (set.size() >= kMaxSketchSetSize) {
              return error(ErrorCode::kSketchSetTooMany, {param(kMaxSketchSetSize)});
            }
            SketchFile f;
            total = 0;  // each sketch within a sketch file's limits
            st = read_sketch(r, &total, &f);
            if (!st) {
              if (st.code == ErrorCode::kSketchSyntax) return st;  // where in the whole file
              return error(ErrorCode::kSketchSetItem, {param(set.size() + 1)})
                  .because(st.code, st.params);
            }
            set.push_back(std::move(f));
          } while (r.eat(','));
          if (!r.eat(']')) return r.syntax();
        }
      } else {
        return error(ErrorCode::kSketchSetNotSet);  // a foreign file: not ours to guess at
      }
    } while (r.eat(','));
    if (!r.eat('}')) return r.syntax();
  }
  if (!r.at_end()) return r.syntax();
  if (!seen_format || !seen_sketches) return error(ErrorCode::kSketchSetNotSet);
  *out = std::move(set);
  return Status::Ok();
}

std::string write_sketch_set(const std::vector<SketchFile>& sketches) {
  std::string out = "{\"format\": \"";
  out += kSketchSetFormat;
  out += "\", \"version\": 1, \"sketches\": [";
  for (size_t i = 0; i < sketches.size(); ++i) {
    const SketchFile& f = sketches[i];
    out += i ? ",\n  " : "\n  ";
    out += "{\"class\": " + std::to_string(f.label);
    if (!f.name.empty()) out += ", \"name\": " + json_quote(f.name);
    out += ", \"strokes\": [";
    for (size_t k = 0; k < f.strokes.size(); ++k) {
      const Stroke& s = f.strokes[k];
      out += k ? ", {" : "{";
      if (s.erase) out += "\"erase\": true, ";
      out += "\"width\": ";
      write_number(&out, std::clamp(s.width, 1e-4f, 1.0f));
      out += ", \"points\": [";
      for (size_t j = 0; j < s.points.size(); ++j) {
        out += j ? ", [" : "[";
        write_number(&out, std::clamp(s.points[j].x, 0.0f, 1.0f));
        out += ", ";
        write_number(&out, std::clamp(s.points[j].y, 0.0f, 1.0f));
        out += "]";
      }
      out += "]}";
    }
    out += "]}";
  }
  out += sketches.empty() ? "]}\n" : "\n]}\n";
  return out;
}

}  // namespace fm
