// BundleView: a checked bundle kept as bytes, one image unpacked at a time.
#include "app/data/bundle_view.h"

#include <utility>

namespace fm {

Status BundleView::load(std::vector<uint8_t> bytes) {
  BundleLayout l;
  const Status st = check_bundle(bytes.data(), bytes.size(), &l);
  if (!st) return st;
  bytes_ = std::move(bytes);
  layout_ = l;
  return Status::Ok();
}

std::vector<uint8_t> BundleView::image(size_t offset, Index i) const {
  const size_t n = static_cast<size_t>(pixels());
  const uint8_t* p = bytes_.data() + offset + static_cast<size_t>(i) * n;
  std::vector<uint8_t> out(p, p + n);
  if (layout_.bits == 4) {
    for (uint8_t& v : out) v = static_cast<uint8_t>(v * 17);
  }
  return out;
}

}  // namespace fm
