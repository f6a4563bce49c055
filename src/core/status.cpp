// The code table behind Status: parameter counts and names, from error_codes.h.
#include "core/status.h"

#include <cassert>
#include <cstdio>
#include <cstring>
#include <utility>

namespace fm {

namespace {

constexpr size_t kCodes = static_cast<size_t>(ErrorCode::kCount);

struct CodeInfo {
  const char* name;
  int parameters;
};

constexpr CodeInfo kInfo[] = {
    {"None", 0},
#define FM_ERROR(id, parameters) {&#id[1], parameters},  // the name without its k
#include "core/error_codes.h"
#undef FM_ERROR
};
static_assert(sizeof(kInfo) / sizeof(kInfo[0]) == kCodes, "one row per code");

}  // namespace

int error_parameter_count(ErrorCode code) {
  const auto i = static_cast<size_t>(code);
  return i < kCodes ? kInfo[i].parameters : 0;
}

const char* error_code_name(ErrorCode code) {
  const auto i = static_cast<size_t>(code);
  return i < kCodes ? kInfo[i].name : "?";
}

bool error_code_from_name(const std::string& name, ErrorCode* out) {
  for (size_t i = 1; i < kCodes; ++i) {
    if (name == kInfo[i].name) {
      *out = static_cast<ErrorCode>(i);
      return true;
    }
  }
  return false;
}

Status Status::Error(ErrorCode code, std::vector<std::string> params) {
  assert(static_cast<int>(params.size()) == error_parameter_count(code));
  Status s;
  s.ok = false;
  s.code = code;
  s.params = std::move(params);
  return s;
}

Status& Status::because(ErrorCode reason, std::vector<std::string> reason_params) {
  assert(static_cast<int>(reason_params.size()) == error_parameter_count(reason));
  why = reason;
  why_params = std::move(reason_params);
  return *this;
}

std::string param(long long v) { return std::to_string(v); }
std::string param(unsigned long long v) { return std::to_string(v); }

std::string param(double v) {
  char text[32];
  std::snprintf(text, sizeof(text), "%g", v);
  return text;
}

}  // namespace fm
