// 2×2 mean pooling of the 28×28 images to 14×14.
#include "core/downsample.h"

#include <utility>

namespace fm {

namespace {
// 28×28 images → 14×14 by the mean of each 2×2 block, rounded to nearest.
std::vector<uint8_t> pool_2x2(const std::vector<uint8_t>& full) {
  constexpr int kIn = kFullSide, kOut = kFullSide / 2;
  const size_t count = full.size() / (kIn * kIn);
  std::vector<uint8_t> small(count * kOut * kOut);
  for (size_t n = 0; n < count; ++n) {
    const uint8_t* src = full.data() + n * kIn * kIn;
    uint8_t* dst = small.data() + n * kOut * kOut;
    for (int r = 0; r < kOut; ++r) {
      for (int c = 0; c < kOut; ++c) {
        const uint8_t* p = src + 2 * r * kIn + 2 * c;
        const int sum = p[0] + p[1] + p[kIn] + p[kIn + 1];
        dst[r * kOut + c] = static_cast<uint8_t>((sum + 2) / 4);
      }
    }
  }
  return small;
}
}  // namespace

Status downsample(const Dataset& full, int side, Dataset* out) {
  if (full.side != kFullSide) {
    return Status::Error(ErrorCode::kDownsampleNeeds28, {param(full.side)});
  }
  if (side == kFullSide) {
    *out = full;
    return Status::Ok();
  }
  if (side != kFullSide / 2) {
    return Status::Error(ErrorCode::kSideNot14Or28, {param(side)});
  }
  Dataset d;
  d.side = side;
  d.train_images = pool_2x2(full.train_images);
  d.test_images = pool_2x2(full.test_images);
  d.train_labels = full.train_labels;
  d.test_labels = full.test_labels;
  d.class_names = full.class_names;
  *out = std::move(d);
  return Status::Ok();
}

}  // namespace fm
