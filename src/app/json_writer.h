// A minimal JSON writer for the state() snapshot: objects, arrays, numbers (non-finite → null),
// booleans and escaped strings, appended to one reusable string.
#pragma once

#include <string>
#include <vector>

namespace fm {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) { out_->clear(); }

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(const char* name);
  JsonWriter& number(double v);  // NaN/inf → null
  JsonWriter& integer(long long v);
  JsonWriter& boolean(bool v);
  JsonWriter& string(const char* s);
  JsonWriter& null();

 private:
  void separator();
  void write_string(const char* s);
  std::string* out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

}  // namespace fm
