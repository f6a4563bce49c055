// libFuzzer target: the class-names file. Accepted names must be ten non-empty, trimmed, valid
// UTF-8 strings of at most 40 bytes without control characters.
#include <cstddef>
#include <cstdint>

#include "core/class_names.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fm::ClassNames names;
  if (!fm::parse_class_names(data, size, &names).ok) return 0;
  for (const std::string& name : names) {
    if (name.empty() || name.size() > fm::kMaxClassNameBytes) __builtin_trap();
    if (name.front() == ' ' || name.back() == ' ' || name.front() == '\t' || name.back() == '\t') {
      __builtin_trap();
    }
    const auto* p = reinterpret_cast<const uint8_t*>(name.data());
    for (size_t i = 0; i < name.size();) {
      const size_t len = fm::utf8_sequence_length(p + i, name.size() - i);
      if (len == 0 || (len == 1 && (p[i] < 0x20 || p[i] == 0x7F))) __builtin_trap();
      i += len;
    }
  }
  return 0;
}
