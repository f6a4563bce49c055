// Mean pooling of the 28×28 images to 14×14 (2×2 blocks) or 7×7 (4×4 blocks).
#include "core/downsample.h"

#include <utility>

namespace fm {

namespace {
// 28×28 images → (28/f)×(28/f) by the mean of each f×f block, rounded to nearest.
std::vector<uint8_t> pool(const std::vector<uint8_t>& full, int f) {
  const int in = kFullSide, out = kFullSide / f, area = f * f;
  const size_t count = full.size() / (in * in);
  std::vector<uint8_t> small(count * out * out);
  for (size_t n = 0; n < count; ++n) {
    const uint8_t* src = full.data() + n * in * in;
    uint8_t* dst = small.data() + n * out * out;
    for (int r = 0; r < out; ++r) {
      for (int c = 0; c < out; ++c) {
        int sum = 0;
        for (int y = 0; y < f; ++y) {
          const uint8_t* row = src + (f * r + y) * in + f * c;
          for (int x = 0; x < f; ++x) sum += row[x];
        }
        dst[r * out + c] = static_cast<uint8_t>((sum + area / 2) / area);
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
  if (!is_input_side(side)) {
    return Status::Error(ErrorCode::kInputSide, {param(side)});
  }
  Dataset d;
  d.side = side;
  d.train_images = pool(full.train_images, kFullSide / side);
  d.test_images = pool(full.test_images, kFullSide / side);
  d.train_labels = full.train_labels;
  d.test_labels = full.test_labels;
  d.class_names = full.class_names;
  *out = std::move(d);
  return Status::Ok();
}

}  // namespace fm
