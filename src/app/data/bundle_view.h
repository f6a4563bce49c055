// The page's copy of a data bundle: the bytes as downloaded (gunzipped), checked once, never
// unpacked as a whole. Panels unpack the few images they show; the engine (the worker) gets a copy
// of the bytes and owns the unpacked arrays, so the page never holds a second full image set.
#pragma once

#include <cstdint>
#include <vector>

#include "core/bundle.h"
#include "core/status.h"
#include "core/types.h"

namespace fm {

class BundleView {
 public:
  // Takes the bytes; on a refusal (core/bundle.h's checks) nothing changes.
  Status load(std::vector<uint8_t> bytes);
  bool loaded() const { return layout_.side != 0; }
  int side() const { return layout_.side; }
  int pixels() const { return layout_.side * layout_.side; }
  Index train_count() const { return static_cast<Index>(layout_.train); }
  Index test_count() const { return static_cast<Index>(layout_.test); }
  int train_label(Index i) const { return bytes_[layout_.train_labels + static_cast<size_t>(i)]; }
  int test_label(Index i) const { return bytes_[layout_.test_labels + static_cast<size_t>(i)]; }
  // One image, pixels 0..255 (a 4-bit bundle's levels expanded), row-major side×side.
  std::vector<uint8_t> train_image(Index i) const { return image(layout_.train_images, i); }
  std::vector<uint8_t> test_image(Index i) const { return image(layout_.test_images, i); }
  const std::vector<uint8_t>& bytes() const { return bytes_; }

 private:
  std::vector<uint8_t> image(size_t offset, Index i) const;
  std::vector<uint8_t> bytes_;
  BundleLayout layout_;
};

}  // namespace fm
