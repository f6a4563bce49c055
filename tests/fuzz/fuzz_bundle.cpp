// libFuzzer target: the bundle parser must refuse or accept any bytes without crashing.
#include <cstddef>
#include <cstdint>

#include "core/bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fm::Dataset out;
  const fm::Status s = fm::parse_bundle(data, size, &out);
  // An accepted bundle must be self-consistent.
  if (s.ok && (out.train_images.size() != static_cast<size_t>(out.train_count() * out.pixels()) ||
               out.test_images.size() != static_cast<size_t>(out.test_count() * out.pixels()))) {
    __builtin_trap();
  }
  return 0;
}
