// libFuzzer target: the IDX image and label parsers on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/idx.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fm::IdxImages images;
  if (fm::parse_idx_images(data, size, &images).ok &&
      images.pixels.size() != static_cast<size_t>(images.count) * images.rows * images.cols) {
    __builtin_trap();
  }
  std::vector<uint8_t> labels;
  fm::parse_idx_labels(data, size, &labels);
  return 0;
}
