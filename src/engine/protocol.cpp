// Messages: "<type> k=v&k=v" + payload bytes, and the payload array helpers.
#include "engine/protocol.h"

#include <cstring>
#include <utility>

namespace fm {

std::string_view message_type(const Message& m) {
  const std::string_view text = m.text;
  return text.substr(0, text.find(' '));
}

FieldReader message_fields(const Message& m) {
  const size_t space = m.text.find(' ');
  if (space == std::string::npos) return FieldReader();
  return FieldReader(std::string_view(m.text).substr(space + 1));
}

Message make_message(std::string_view type, const FieldWriter& fields,
                     std::vector<uint8_t> payload) {
  Message m;
  m.text.reserve(type.size() + 1 + fields.text().size());
  m.text = type;
  if (!fields.text().empty()) {
    m.text += ' ';
    m.text += fields.text();
  }
  m.payload = std::move(payload);
  return m;
}

void write_status(FieldWriter& w, const Status& status) {
  w.add("status", error_code_name(status.code));
  w.add_list("status_params", status.params);
  if (status.why != ErrorCode::kNone) {
    w.add("status_why", error_code_name(status.why));
    w.add_list("status_why_params", status.why_params);
  }
}

bool read_status(const FieldReader& r, Status* out) {
  Status s;
  if (!error_code_from_name(r.get("status"), &s.code)) return false;
  s.ok = false;
  s.params = r.get_list("status_params");
  if (r.has("status_why")) {
    if (!error_code_from_name(r.get("status_why"), &s.why)) return false;
    s.why_params = r.get_list("status_why_params");
  }
  if (static_cast<int>(s.params.size()) != error_parameter_count(s.code) ||
      static_cast<int>(s.why_params.size()) != error_parameter_count(s.why)) {
    return false;
  }
  *out = std::move(s);
  return true;
}

std::vector<uint8_t> float_bytes(const float* values, size_t count) {
  std::vector<uint8_t> out(count * sizeof(float));
  if (count) std::memcpy(out.data(), values, out.size());
  return out;
}

std::vector<uint8_t> int32_bytes(const int32_t* values, size_t count) {
  std::vector<uint8_t> out(count * sizeof(int32_t));
  if (count) std::memcpy(out.data(), values, out.size());
  return out;
}

std::vector<float> bytes_to_floats(const std::vector<uint8_t>& bytes) {
  std::vector<float> out(bytes.size() / sizeof(float));
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * sizeof(float));
  return out;
}

std::vector<int32_t> bytes_to_int32(const std::vector<uint8_t>& bytes) {
  std::vector<int32_t> out(bytes.size() / sizeof(int32_t));
  if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * sizeof(int32_t));
  return out;
}

}  // namespace fm
