// Status: the result of anything in the core that can fail on bad input (no exceptions). A failure
// is a code and its parameters, never a sentence: the CLI and the page turn it into one, in the
// user's language, with the message catalogue (src/messages/).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace fm {

enum class ErrorCode : uint16_t {
  kNone = 0,
#define FM_ERROR(id, parameters) id,
#include "core/error_codes.h"
#undef FM_ERROR
  kCount
};

// How many parameters the code's sentence takes ({0} … {n−1}).
int error_parameter_count(ErrorCode code);
// The code's name without its k ("ModelTruncated"), for logs, tests and the engine's messages.
const char* error_code_name(ErrorCode code);
// The code of a name error_code_name() gave; false for anything else.
bool error_code_from_name(const std::string& name, ErrorCode* out);

struct Status {
  bool ok = true;
  ErrorCode code = ErrorCode::kNone;
  std::vector<std::string> params;  // as the sentence shows them (numbers already formatted)
  // What {why} in the sentence stands for, a code of its own (e.g. why training diverged).
  ErrorCode why = ErrorCode::kNone;
  std::vector<std::string> why_params;

  static Status Ok() { return {}; }
  static Status Error(ErrorCode code, std::vector<std::string> params = {});
  Status& because(ErrorCode reason, std::vector<std::string> reason_params = {});
  explicit operator bool() const { return ok; }
};

// Numbers as parameters: integers in full, reals as printf's %g (6 significant digits).
std::string param(long long v);
std::string param(unsigned long long v);
inline std::string param(int v) { return param(static_cast<long long>(v)); }
inline std::string param(long v) { return param(static_cast<long long>(v)); }
inline std::string param(unsigned v) { return param(static_cast<unsigned long long>(v)); }
inline std::string param(unsigned long v) { return param(static_cast<unsigned long long>(v)); }
std::string param(double v);

}  // namespace fm
