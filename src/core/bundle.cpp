// The bundle: writing it, and parsing it with every size and the CRC checked before use.
#include "core/bundle.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <utility>

#include "core/bytes.h"
#include "core/crc32.h"

namespace fm {

namespace {

constexpr char kBundleMagic[4] = {'F', 'M', 'N', 'B'};
constexpr uint32_t kBundleVersion = 1;
constexpr size_t kBundleNameBytes = 24;
constexpr size_t kBundleCrcOffset = 24 + kNumClasses * kBundleNameBytes;  // 264
constexpr size_t kBundleHeaderBytes = kBundleCrcOffset + 4;               // 268
constexpr uint32_t kBundleMaxCount = 1000000;

// 4-bit bundles store the nearest of 16 levels; q·17 maps 0..15 back onto 0..255.
uint8_t to_level(uint8_t p) { return static_cast<uint8_t>((p * 15 + 127) / 255); }

}  // namespace

std::vector<uint8_t> write_bundle(const Dataset& data, int bits_per_pixel) {
  assert(is_input_side(data.side));
  assert(bits_per_pixel == 8 || bits_per_pixel == 4);
  const size_t train = data.train_labels.size(), test = data.test_labels.size();
  // Sized once, then written at offsets (the layout is fixed; no reallocation).
  std::vector<uint8_t> out(kBundleHeaderBytes + train + test + data.train_images.size() +
                           data.test_images.size());
  uint8_t* p = out.data();
  std::memcpy(p, kBundleMagic, 4);
  store_le32(p + 4, kBundleVersion);
  store_le32(p + 8, static_cast<uint32_t>(data.side));
  store_le32(p + 12, static_cast<uint32_t>(bits_per_pixel));
  store_le32(p + 16, static_cast<uint32_t>(train));
  store_le32(p + 20, static_cast<uint32_t>(test));
  for (int c = 0; c < kNumClasses; ++c) {
    const std::string& name = data.class_names[c];
    // Cut at a UTF-8 character boundary so a long name never ends in half a character.
    size_t n = std::min(name.size(), kBundleNameBytes);
    while (n > 0 && n < name.size() && (static_cast<uint8_t>(name[n]) & 0xC0) == 0x80) --n;
    std::memcpy(p + 24 + c * kBundleNameBytes, name.data(), n);  // the rest stays NUL
  }
  p += kBundleHeaderBytes;
  const auto append = [&p](const std::vector<uint8_t>& v) {
    if (!v.empty()) std::memcpy(p, v.data(), v.size());
    p += v.size();
  };
  append(data.train_labels);
  append(data.test_labels);
  uint8_t* images = p;
  append(data.train_images);
  append(data.test_images);
  if (bits_per_pixel == 4) {
    // One level per byte, not two per byte: long runs of equal bytes deflate better.
    for (; images != p; ++images) *images = to_level(*images);
  }
  store_le32(out.data() + kBundleCrcOffset,
             crc32(out.data() + kBundleHeaderBytes, out.size() - kBundleHeaderBytes));
  return out;
}

Status check_bundle(const uint8_t* bytes, size_t size, BundleLayout* out) {
  if (size < kBundleHeaderBytes) {
    return Status::Error(ErrorCode::kBundleHeaderTruncated,
                         {param(kBundleHeaderBytes), param(size)});
  }
  if (std::memcmp(bytes, kBundleMagic, 4) != 0) {
    return Status::Error(ErrorCode::kBundleMagic);
  }
  const uint32_t version = read_le32(bytes + 4), side = read_le32(bytes + 8),
                 bpp = read_le32(bytes + 12), train = read_le32(bytes + 16),
                 test = read_le32(bytes + 20);
  if (version != kBundleVersion) {
    return Status::Error(ErrorCode::kBundleVersion, {param(version), param(kBundleVersion)});
  }
  if (!is_input_side(static_cast<int>(side))) {
    return Status::Error(ErrorCode::kBundleSide, {param(side)});
  }
  if (bpp != 8 && bpp != 4) {
    return Status::Error(ErrorCode::kBundleBits, {param(bpp)});
  }
  if (train == 0 || train > kBundleMaxCount || test > kBundleMaxCount) {
    return Status::Error(ErrorCode::kBundleCounts,
                         {param(train), param(test), param(kBundleMaxCount)});
  }
  const uint64_t pixels = uint64_t{side} * side;
  const uint64_t expected = kBundleHeaderBytes + (uint64_t{train} + test) * (1 + pixels);
  if (size < expected) {
    return Status::Error(ErrorCode::kBundleTruncated, {param(expected), param(size)});
  }
  if (size > expected) {
    return Status::Error(ErrorCode::kBundleTrailing, {param(size), param(expected)});
  }
  const uint32_t stored_crc = read_le32(bytes + kBundleCrcOffset);
  if (crc32(bytes + kBundleHeaderBytes, size - kBundleHeaderBytes) != stored_crc) {
    return Status::Error(ErrorCode::kBundleCrc);
  }
  BundleLayout l;
  l.side = static_cast<int>(side);
  l.bits = static_cast<int>(bpp);
  l.train = train;
  l.test = test;
  l.train_labels = kBundleHeaderBytes;
  l.test_labels = l.train_labels + train;
  l.train_images = l.test_labels + test;
  l.test_images = l.train_images + train * pixels;
  const std::vector<uint8_t> train_labels(bytes + l.train_labels, bytes + l.test_labels);
  const std::vector<uint8_t> test_labels(bytes + l.test_labels, bytes + l.train_images);
  Status s = check_labels(train_labels, ErrorCode::kBundleTrainLabelRange);
  if (!s) return s;
  s = check_labels(test_labels, ErrorCode::kBundleTestLabelRange);
  if (!s) return s;
  if (bpp == 4) {
    for (const uint8_t* p = bytes + l.train_images; p != bytes + size; ++p) {
      if (*p > 15) return Status::Error(ErrorCode::kBundleLevel, {param(*p)});
    }
  }
  *out = l;
  return Status::Ok();
}

Status parse_bundle(const uint8_t* bytes, size_t size, Dataset* out) {
  BundleLayout l;
  const Status s = check_bundle(bytes, size, &l);
  if (!s) return s;
  Dataset d;
  d.side = l.side;
  for (int c = 0; c < kNumClasses; ++c) {
    const char* field = reinterpret_cast<const char*>(bytes + 24 + c * kBundleNameBytes);
    const size_t len = std::find(field, field + kBundleNameBytes, '\0') - field;
    d.class_names[c] = len > 0 ? std::string(field, len) : default_class_names()[c];
  }
  d.train_labels.assign(bytes + l.train_labels, bytes + l.test_labels);
  d.test_labels.assign(bytes + l.test_labels, bytes + l.train_images);
  d.train_images.assign(bytes + l.train_images, bytes + l.test_images);
  d.test_images.assign(bytes + l.test_images, bytes + size);
  if (l.bits == 4) {
    for (std::vector<uint8_t>* images : {&d.train_images, &d.test_images}) {
      for (uint8_t& v : *images) v = static_cast<uint8_t>(v * 17);
    }
  }
  *out = std::move(d);
  return Status::Ok();
}

}  // namespace fm
