// JSON output with commas placed by a stack of "first element" flags; numbers use %.9g so
// float values survive the round trip.
#include "app/json_writer.h"

#include <cmath>
#include <cstdio>

namespace fm {

void JsonWriter::separator() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_->push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  separator();
  out_->push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  out_->push_back('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  separator();
  out_->push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  out_->push_back(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::key(const char* name) {
  separator();
  write_string(name);
  out_->push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::number(double v) {
  if (!std::isfinite(v)) return null();
  separator();
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.9g", v);
  out_->append(buf);
  return *this;
}

JsonWriter& JsonWriter::integer(long long v) {
  separator();
  out_->append(std::to_string(v));
  return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
  separator();
  out_->append(v ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  separator();
  out_->append("null");
  return *this;
}

JsonWriter& JsonWriter::string(const char* s) {
  separator();
  write_string(s);
  return *this;
}

void JsonWriter::write_string(const char* s) {
  out_->push_back('"');
  for (const char* p = s; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\n': out_->append("\\n"); break;
      case '\r': out_->append("\\r"); break;
      case '\t': out_->append("\\t"); break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out_->append(buf);
        } else {
          out_->push_back(static_cast<char>(c));
        }
    }
  }
  out_->push_back('"');
}

}  // namespace fm
