// Tests of the data files (idx, bundle, crc32, downsample, split): IDX parsing, make_dataset, 2×2
// downsampling, the bundle (round trips and every refusal), CRC-32, hold-out and stratified k-fold
// splits, batch gathering, real files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/crc32.h"
#include "core/dataset.h"
#include "core/downsample.h"
#include "core/idx.h"
#include "core/split.h"
#include "messages/messages.h"
#include "tools/io/io.h"
#include "test_support.h"

namespace fm {
namespace {

using Bytes = std::vector<uint8_t>;

void put_be32(Bytes* b, uint32_t v) {
  for (int i = 3; i >= 0; --i) b->push_back(static_cast<uint8_t>(v >> (8 * i)));
}

void set_le32(Bytes* b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) (*b)[at + i] = static_cast<uint8_t>(v >> (8 * i));
}

// An IDX image file of `count` images rows×cols whose pixel k is (k * 7) mod 256.
Bytes idx_images(uint32_t count, uint32_t rows, uint32_t cols) {
  Bytes b;
  put_be32(&b, 0x00000803);
  put_be32(&b, count);
  put_be32(&b, rows);
  put_be32(&b, cols);
  for (uint32_t k = 0; k < count * rows * cols; ++k) b.push_back(static_cast<uint8_t>(k * 7));
  return b;
}

Bytes idx_labels(const Bytes& labels) {
  Bytes b;
  put_be32(&b, 0x00000801);
  put_be32(&b, static_cast<uint32_t>(labels.size()));
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A small data set with every pixel value 0..255 appearing, labels cycling through 0..9.
Dataset tiny_dataset(int side, int train, int test) {
  Dataset d;
  d.side = side;
  d.class_names = default_class_names();
  for (int i = 0; i < train; ++i) d.train_labels.push_back(static_cast<uint8_t>((i * 3) % 10));
  for (int i = 0; i < test; ++i) d.test_labels.push_back(static_cast<uint8_t>((i * 7 + 1) % 10));
  for (int k = 0; k < train * side * side; ++k)
    d.train_images.push_back(static_cast<uint8_t>(k * 13));
  for (int k = 0; k < test * side * side; ++k)
    d.test_images.push_back(static_cast<uint8_t>(k * 5 + 1));
  return d;
}

// A recognisable dataset to check that a failed parse leaves the caller's data alone.
Dataset sentinel() {
  Dataset d = tiny_dataset(14, 2, 1);
  d.class_names[0] = "sentinel";
  return d;
}

void expect_same(const Dataset& a, const Dataset& b) {
  EXPECT_EQ(a.side, b.side);
  EXPECT_EQ(a.train_images, b.train_images);
  EXPECT_EQ(a.train_labels, b.train_labels);
  EXPECT_EQ(a.test_images, b.test_images);
  EXPECT_EQ(a.test_labels, b.test_labels);
  EXPECT_EQ(a.class_names, b.class_names);
}

// --- IDX ---

TEST(Idx, ParsesImages) {
  const Bytes b = idx_images(2, 3, 2);
  IdxImages img;
  ASSERT_TRUE(parse_idx_images(b.data(), b.size(), &img));
  EXPECT_EQ(img.count, 2);
  EXPECT_EQ(img.rows, 3);
  EXPECT_EQ(img.cols, 2);
  ASSERT_EQ(img.pixels.size(), 12u);
  EXPECT_EQ(img.pixels[0], 0);
  EXPECT_EQ(img.pixels[11], 77);
}

TEST(Idx, ParsesLabels) {
  const Bytes b = idx_labels({3, 1, 4, 1, 5});
  Bytes labels;
  ASSERT_TRUE(parse_idx_labels(b.data(), b.size(), &labels));
  EXPECT_EQ(labels, (Bytes{3, 1, 4, 1, 5}));
}

TEST(Idx, RefusesTruncatedImages) {
  Bytes b = idx_images(2, 3, 2);
  b.pop_back();
  IdxImages img;
  img.count = 99;
  const Status s = parse_idx_images(b.data(), b.size(), &img);
  ASSERT_FALSE(s);
  EXPECT_TRUE(
      contains(describe(s), "truncated IDX: header says 2 images of 3×2 but the file holds 27"))
      << describe(s);
  EXPECT_EQ(img.count, 99);  // untouched
}

TEST(Idx, RefusesTruncatedHeader) {
  const Bytes b = idx_images(2, 3, 2);
  IdxImages img;
  const Status s = parse_idx_images(b.data(), 10, &img);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(describe(s), "truncated")) << describe(s);
  Bytes labels;
  const Bytes lb = idx_labels({1, 2, 3});
  const Status sl = parse_idx_labels(lb.data(), lb.size() - 1, &labels);
  ASSERT_FALSE(sl);
  EXPECT_TRUE(contains(describe(sl), "truncated IDX: header says 3 labels")) << describe(sl);
}

TEST(Idx, RefusesTrailingBytes) {
  Bytes b = idx_images(2, 3, 2);
  b.push_back(0);
  IdxImages img;
  EXPECT_FALSE(parse_idx_images(b.data(), b.size(), &img));
  Bytes lb = idx_labels({1, 2});
  lb.push_back(0);
  Bytes labels;
  EXPECT_FALSE(parse_idx_labels(lb.data(), lb.size(), &labels));
}

TEST(Idx, RefusesWrongMagic) {
  const Bytes labels_file = idx_labels({1, 2, 3});
  IdxImages img;
  const Status s = parse_idx_images(labels_file.data(), labels_file.size(), &img);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(describe(s), "not an IDX image file (magic 0x00000801")) << describe(s);

  const Bytes images_file = idx_images(1, 2, 2);
  Bytes labels;
  const Status sl = parse_idx_labels(images_file.data(), images_file.size(), &labels);
  ASSERT_FALSE(sl);
  EXPECT_TRUE(contains(describe(sl), "not an IDX label file (magic 0x00000803")) << describe(sl);

  const Bytes gz = {0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  const Status sg = parse_idx_images(gz.data(), gz.size(), &img);
  ASSERT_FALSE(sg);
  EXPECT_TRUE(contains(describe(sg), "magic 0x1f8b0800")) << describe(sg);
}

IdxImages images28(int count) {
  const Bytes b = idx_images(static_cast<uint32_t>(count), 28, 28);
  IdxImages img;
  EXPECT_TRUE(parse_idx_images(b.data(), b.size(), &img));
  return img;
}

TEST(Idx, MakeDatasetAssembles) {
  Dataset d;
  ASSERT_TRUE(make_dataset(images28(3), {0, 9, 5}, images28(2), {1, 2}, &d));
  EXPECT_EQ(d.side, 28);
  EXPECT_EQ(d.pixels(), 784);
  EXPECT_EQ(d.train_count(), 3);
  EXPECT_EQ(d.test_count(), 2);
  EXPECT_EQ(d.train_images.size(), 3u * 784);
  EXPECT_EQ(d.train_image(1)[0], static_cast<uint8_t>(784 * 7));
  EXPECT_EQ(d.class_names[9], "Ankle boot");
}

TEST(Idx, MakeDatasetRefusesCountMismatch) {
  Dataset d = sentinel();
  const Status s = make_dataset(images28(3), {0, 1}, images28(2), {1, 2}, &d);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(describe(s), "train images (3) and labels (2) disagree")) << describe(s);
  expect_same(d, sentinel());
  const Status st = make_dataset(images28(3), {0, 1, 2}, images28(2), {1, 2, 3}, &d);
  ASSERT_FALSE(st);
  EXPECT_TRUE(contains(describe(st), "test")) << describe(st);
}

TEST(Idx, MakeDatasetRefusesWrongSizeAndLabels) {
  Dataset d = sentinel();
  const Bytes b = idx_images(2, 32, 32);
  IdxImages big;
  ASSERT_TRUE(parse_idx_images(b.data(), b.size(), &big));
  const Status s = make_dataset(big, {0, 1}, images28(1), {1}, &d);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(describe(s), "32×32, expected 28×28")) << describe(s);
  const Status sl = make_dataset(images28(2), {0, 10}, images28(1), {1}, &d);
  ASSERT_FALSE(sl);
  EXPECT_TRUE(contains(describe(sl), "label 10 at index 1")) << describe(sl);
  expect_same(d, sentinel());
}

TEST(Dataset, ClassNames) {
  const auto& names = default_class_names();
  const std::array<std::string, kNumClasses> expected = {
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  EXPECT_EQ(names, expected);
}

// --- Downsampling ---

TEST(Downsample, HandCase) {
  Dataset full = tiny_dataset(28, 1, 1);
  std::fill(full.train_images.begin(), full.train_images.end(), 0);
  uint8_t* p = full.train_images.data();
  // Block (0,0): 0 1 / 2 3 → (6+2)/4 = 2.   Block (0,1): 255 255 / 255 254 → (1019+2)/4 = 255.
  p[0] = 0, p[1] = 1, p[28] = 2, p[29] = 3;
  p[2] = 255, p[3] = 255, p[30] = 255, p[31] = 254;
  // Block (1,0): 1 1 / 1 2 → 7/4 = 1 (1.25).   Block (13,13): 1 2 / 2 2 → 9/4 = 2 (1.75 rounds up).
  p[56] = 1, p[57] = 1, p[84] = 1, p[85] = 2;
  p[26 * 28 + 26] = 1, p[26 * 28 + 27] = 2, p[27 * 28 + 26] = 2, p[27 * 28 + 27] = 2;
  Dataset small;
  ASSERT_TRUE(downsample(full, 14, &small));
  EXPECT_EQ(small.side, 14);
  ASSERT_EQ(small.train_images.size(), 196u);
  EXPECT_EQ(small.train_images[0], 2);
  EXPECT_EQ(small.train_images[1], 255);
  EXPECT_EQ(small.train_images[14], 1);
  EXPECT_EQ(small.train_images[195], 2);
  EXPECT_EQ(small.train_images[2], 0);
  EXPECT_EQ(small.train_labels, full.train_labels);
  EXPECT_EQ(small.test_images.size(), 196u);
  EXPECT_EQ(small.class_names, full.class_names);
}

TEST(Downsample, SevenPools4x4HandCase) {
  Dataset full = tiny_dataset(28, 1, 1);
  std::fill(full.train_images.begin(), full.train_images.end(), 0);
  std::fill(full.test_images.begin(), full.test_images.end(), 0);
  uint8_t* p = full.train_images.data();
  // Block (0,0), rows 0–3 × columns 0–3: sixteen 255s → 255.
  for (int y = 0; y < 4; ++y) {
    for (int x = 0; x < 4; ++x) p[y * 28 + x] = 255;
  }
  // Block (0,1): 1 + 2 + 5 = 8 over 16 → (8+8)/16 = 1 (0.5 rounds up); block (0,2): 7/16 → 0.
  p[4] = 1, p[5] = 2, p[3 * 28 + 7] = 5;
  p[8] = 7;
  // Block (6,6), the last: 100 in each of its 16 pixels but one 99 → (1599+8)/16 = 100.
  for (int y = 24; y < 28; ++y) {
    for (int x = 24; x < 28; ++x) p[y * 28 + x] = 100;
  }
  p[27 * 28 + 27] = 99;
  full.test_images[0] = 160;  // 160/16 = 10 in the test image's block (0,0)
  Dataset tiny;
  ASSERT_TRUE(downsample(full, 7, &tiny));
  EXPECT_EQ(tiny.side, 7);
  ASSERT_EQ(tiny.train_images.size(), 49u);
  EXPECT_EQ(tiny.train_images[0], 255);
  EXPECT_EQ(tiny.train_images[1], 1);
  EXPECT_EQ(tiny.train_images[2], 0);
  EXPECT_EQ(tiny.train_images[48], 100);
  EXPECT_EQ(tiny.train_images[7], 0);
  ASSERT_EQ(tiny.test_images.size(), 49u);
  EXPECT_EQ(tiny.test_images[0], 10);
  EXPECT_EQ(tiny.train_labels, full.train_labels);
  EXPECT_EQ(tiny.class_names, full.class_names);
}

TEST(Downsample, Side28CopiesAndOthersFail) {
  const Dataset full = tiny_dataset(28, 2, 1);
  Dataset same;
  ASSERT_TRUE(downsample(full, 28, &same));
  expect_same(same, full);
  Dataset d = sentinel();
  for (int side : {0, 4, 13, 20, 27, 56}) {
    const Status s = downsample(full, side, &d);
    ASSERT_FALSE(s) << side;
    EXPECT_EQ(describe(s), "image side must be 7, 14 or 28, got " + std::to_string(side));
  }
  EXPECT_FALSE(downsample(tiny_dataset(14, 1, 1), 14, &d));  // needs 28×28 input
  EXPECT_FALSE(downsample(tiny_dataset(14, 1, 1), 7, &d));
  expect_same(d, sentinel());
}

// --- CRC-32 ---

TEST(Crc32, CheckValue) {
  const char* text = "123456789";
  EXPECT_EQ(crc32(reinterpret_cast<const uint8_t*>(text), 9), 0xCBF43926u);
  EXPECT_EQ(crc32(nullptr, 0), 0u);
}

TEST(Crc32, ChainsLikeZlib) {
  const char* text = "123456789";
  const auto* b = reinterpret_cast<const uint8_t*>(text);
  EXPECT_EQ(crc32(b + 4, 5, crc32(b, 4)), 0xCBF43926u);
}

// The 8-bytes-at-a-time loop against the bit-by-bit definition, at every length and alignment
// around its block size and on a long random buffer.
uint32_t crc32_bitwise(const uint8_t* p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
  }
  return ~c;
}

TEST(Crc32, MatchesTheBitwiseDefinition) {
  std::vector<uint8_t> bytes(100003);
  uint32_t x = 12345;
  for (uint8_t& b : bytes) {
    x = x * 1664525u + 1013904223u;
    b = static_cast<uint8_t>(x >> 24);
  }
  for (size_t offset = 0; offset < 8; ++offset) {
    for (size_t n = 0; n <= 33; ++n) {
      ASSERT_EQ(crc32(bytes.data() + offset, n), crc32_bitwise(bytes.data() + offset, n))
          << "offset " << offset << " length " << n;
    }
  }
  EXPECT_EQ(crc32(bytes.data(), bytes.size()), crc32_bitwise(bytes.data(), bytes.size()));
  EXPECT_EQ(crc32(bytes.data() + 50001, 50002, crc32(bytes.data(), 50001)),
            crc32_bitwise(bytes.data(), bytes.size()));
}

// --- Bundle ---

void round_trip(int side, int bits) {
  Dataset d = tiny_dataset(side, 12, 5);
  d.class_names[3] = "Kleid (드레스)";
  const Bytes b = write_bundle(d, bits);
  EXPECT_EQ(b.size(), 268u + 17u * (1 + side * side));
  EXPECT_EQ(std::memcmp(b.data(), "FMNB", 4), 0);
  Dataset back;
  const Status s = parse_bundle(b.data(), b.size(), &back);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(back.side, side);
  EXPECT_EQ(back.train_labels, d.train_labels);
  EXPECT_EQ(back.test_labels, d.test_labels);
  EXPECT_EQ(back.class_names, d.class_names);
  if (bits == 8) {
    EXPECT_EQ(back.train_images, d.train_images);
    EXPECT_EQ(back.test_images, d.test_images);
    return;
  }
  ASSERT_EQ(back.train_images.size(), d.train_images.size());
  for (size_t i = 0; i < d.train_images.size(); ++i) {
    const int p = d.train_images[i], q = (p * 15 + 127) / 255;
    ASSERT_EQ(back.train_images[i], q * 17) << "pixel " << i << " = " << p;
    ASSERT_LE(std::abs(back.train_images[i] - p), 8);
  }
  ASSERT_EQ(back.test_images.size(), d.test_images.size());
  for (size_t i = 0; i < d.test_images.size(); ++i) {
    ASSERT_LE(std::abs(back.test_images[i] - d.test_images[i]), 8);
  }
}

TEST(Bundle, RoundTrip8Bit) {
  round_trip(7, 8);
  round_trip(14, 8);
  round_trip(28, 8);
}

TEST(Bundle, RoundTrip4Bit) {
  round_trip(7, 4);
  round_trip(14, 4);
  round_trip(28, 4);
}

TEST(Bundle, HeaderLayout) {
  const Dataset d = tiny_dataset(14, 3, 2);
  const Bytes b = write_bundle(d, 4);
  const auto le32 = [&](size_t at) {
    return uint32_t{b[at]} | uint32_t{b[at + 1]} << 8 | uint32_t{b[at + 2]} << 16 |
           uint32_t{b[at + 3]} << 24;
  };
  EXPECT_EQ(le32(4), 1u);
  EXPECT_EQ(le32(8), 14u);
  EXPECT_EQ(le32(12), 4u);
  EXPECT_EQ(le32(16), 3u);
  EXPECT_EQ(le32(20), 2u);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(&b[24])), "T-shirt/top");
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(&b[24 + 9 * 24])), "Ankle boot");
  EXPECT_EQ(le32(264), crc32(b.data() + 268, b.size() - 268));
  EXPECT_EQ(b[268], d.train_labels[0]);
  EXPECT_EQ(b[268 + 3], d.test_labels[0]);
  EXPECT_EQ(b[268 + 5 + 1], (d.train_images[1] * 15 + 127) / 255);  // one level per byte
}

// Checks a refusal: fails, says `expected`, leaves `out` as it was.
void expect_refused(const Bytes& b, const std::string& expected) {
  Dataset d = sentinel();
  const Status s = parse_bundle(b.data(), b.size(), &d);
  ASSERT_FALSE(s) << "accepted; expected: " << expected;
  EXPECT_TRUE(contains(describe(s), expected)) << describe(s);
  expect_same(d, sentinel());
}

// Rewrites the CRC so that only the intended defect remains.
void fix_crc(Bytes* b) { set_le32(b, 264, crc32(b->data() + 268, b->size() - 268)); }

TEST(Bundle, RefusesTruncated) {
  const Bytes good = write_bundle(tiny_dataset(14, 4, 2), 8);
  Bytes b = good;
  b.pop_back();
  expect_refused(b, "truncated bundle: expected " + std::to_string(good.size()) + " bytes, got " +
                        std::to_string(good.size() - 1));
  expect_refused(Bytes(good.begin(), good.begin() + 100), "truncated bundle");
  expect_refused(Bytes(), "truncated bundle");
}

TEST(Bundle, RefusesTrailingBytes) {
  Bytes b = write_bundle(tiny_dataset(14, 4, 2), 8);
  const size_t n = b.size();
  b.push_back(0);
  expect_refused(b,
                 "bundle has " + std::to_string(n + 1) + " bytes, expected " + std::to_string(n));
}

TEST(Bundle, RefusesWrongMagic) {
  Bytes b = write_bundle(tiny_dataset(14, 4, 2), 8);
  b[3] = 'M';
  expect_refused(b, "not a Fashion-MNIST bundle");
}

TEST(Bundle, RefusesCrcMismatch) {
  Bytes b = write_bundle(tiny_dataset(14, 4, 2), 8);
  b[b.size() - 10] ^= 0x01;  // one image byte
  expect_refused(b, "bundle is corrupt (CRC mismatch)");
  Bytes c = write_bundle(tiny_dataset(14, 4, 2), 4);
  c[268] ^= 0x01;  // one label byte
  expect_refused(c, "bundle is corrupt (CRC mismatch)");
}

TEST(Bundle, RefusesCountsNotMatchingSize) {
  const Bytes good = write_bundle(tiny_dataset(14, 4, 2), 8);
  Bytes more = good;
  set_le32(&more, 16, 5);
  expect_refused(more, "truncated bundle: expected");
  Bytes fewer = good;
  set_le32(&fewer, 20, 1);
  expect_refused(fewer, "bundle has " + std::to_string(good.size()) + " bytes, expected");
  Bytes absurd = good;
  set_le32(&absurd, 16, 2000000);
  expect_refused(absurd, "counts are absurd");
  Bytes none = good;
  set_le32(&none, 16, 0);
  expect_refused(none, "counts are absurd");
}

TEST(Bundle, RefusesBadHeaderFields) {
  const Bytes good = write_bundle(tiny_dataset(14, 4, 2), 8);
  Bytes version = good;
  set_le32(&version, 4, 2);
  expect_refused(version, "unsupported bundle version 2");
  Bytes side = good;
  set_le32(&side, 8, 20);
  expect_refused(side, "side 20 is not 7, 14 or 28");
  Bytes bpp = good;
  set_le32(&bpp, 12, 2);
  expect_refused(bpp, "bits per pixel 2");
}

TEST(Bundle, RefusesBadLabelAndLevel) {
  Bytes label = write_bundle(tiny_dataset(14, 4, 2), 8);
  label[268 + 2] = 10;
  fix_crc(&label);
  expect_refused(label, "label 10 at index 2 is out of range");
  Bytes level = write_bundle(tiny_dataset(14, 4, 2), 4);
  level[level.size() - 1] = 16;
  fix_crc(&level);
  expect_refused(level, "pixel level 16 is above 15");
  // The same byte is a fine pixel in an 8-bit bundle.
  Bytes eight = write_bundle(tiny_dataset(14, 4, 2), 8);
  eight[eight.size() - 1] = 16;
  fix_crc(&eight);
  Dataset d;
  EXPECT_TRUE(parse_bundle(eight.data(), eight.size(), &d));
}

// --- Splits ---

TEST(Holdout, SizesDisjointCovering) {
  const Split s = holdout_split(60000, 0.2, 42);
  EXPECT_EQ(s.train.size(), 48000u);
  EXPECT_EQ(s.val.size(), 12000u);
  std::vector<int32_t> all = s.train;
  all.insert(all.end(), s.val.begin(), s.val.end());
  std::sort(all.begin(), all.end());
  for (int32_t i = 0; i < 60000; ++i) ASSERT_EQ(all[i], i);  // disjoint and covering
  // Shuffled, not the last 12,000 in order.
  EXPECT_FALSE(std::is_sorted(s.val.begin(), s.val.end()));
}

TEST(Holdout, SeedDecides) {
  const Split a = holdout_split(1000, 0.2, 7), b = holdout_split(1000, 0.2, 7);
  const Split c = holdout_split(1000, 0.2, 8);
  EXPECT_EQ(a.train, b.train);
  EXPECT_EQ(a.val, b.val);
  EXPECT_NE(a.val, c.val);
}

TEST(Holdout, RoundsTheValidationShare) {
  EXPECT_EQ(holdout_split(10, 0.25, 1).val.size(), 3u);  // round(2.5) = 3, half away from zero
  EXPECT_EQ(holdout_split(10, 0.0, 1).val.size(), 0u);
  EXPECT_EQ(holdout_split(10, 0.0, 1).train.size(), 10u);
  EXPECT_EQ(holdout_split(7, 1.0, 1).val.size(), 7u);
}

// Expected folds derived by hand from scikit-learn's algorithm: classes coded by first
// appearance, allocation[i][c] = count of class c in sorted_codes[i::k], then each class's
// samples in original order are dealt to folds in contiguous blocks of those sizes.
TEST(StratifiedKFold, MatchesHandComputedSklearnExample) {
  // Codes = labels. Sorted: 0 0 0 0 0 1 1 1 1 1. Positions 0,2,4,6,8 → {0:3, 1:2};
  // 1,3,5,7,9 → {0:2, 1:3}. Class 0 = samples 0,1,2,7,9 → folds 0,0,0,1,1;
  // class 1 = samples 3,4,5,6,8 → folds 0,0,1,1,1.
  const std::vector<Split> f = stratified_kfold({0, 0, 0, 1, 1, 1, 1, 0, 1, 0}, 2);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].val, (std::vector<int32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(f[0].train, (std::vector<int32_t>{5, 6, 7, 8, 9}));
  EXPECT_EQ(f[1].val, (std::vector<int32_t>{5, 6, 7, 8, 9}));
  EXPECT_EQ(f[1].train, (std::vector<int32_t>{0, 1, 2, 3, 4}));
}

TEST(StratifiedKFold, CodesClassesByFirstAppearance) {
  // Labels swapped: class 1 appears first, so it gets code 0 and the 3/2 allocation, giving the
  // same folds as above. Sorting by label value instead would give fold 0 = {0,1,3,4,5}.
  const std::vector<Split> f = stratified_kfold({1, 1, 1, 0, 0, 0, 0, 1, 0, 1}, 2);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].val, (std::vector<int32_t>{0, 1, 2, 3, 4}));
  EXPECT_EQ(f[1].val, (std::vector<int32_t>{5, 6, 7, 8, 9}));
}

TEST(StratifiedKFold, ThreeClassesThreeFolds) {
  // Labels 2 0 2 1 0 2 2 1 0 2 → codes (first appearance 2,0,1) 0 1 0 2 1 0 0 2 1 0.
  // Sorted codes: 0 0 0 0 0 1 1 1 2 2 (positions 0..9).
  // Fold 0 takes positions 0,3,6,9 → codes 0,0,1,2; fold 1: 1,4,7 → 0,0,1; fold 2: 2,5,8 → 0,1,2.
  // Code 0 (label 2; samples 0,2,5,6,9): sizes 2,2,1 → folds 0,0,1,1,2.
  // Code 1 (label 0; samples 1,4,8):     sizes 1,1,1 → folds 0,1,2.
  // Code 2 (label 1; samples 3,7):       sizes 1,0,1 → folds 0,2.
  const std::vector<Split> f = stratified_kfold({2, 0, 2, 1, 0, 2, 2, 1, 0, 2}, 3);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].val, (std::vector<int32_t>{0, 1, 2, 3}));
  EXPECT_EQ(f[1].val, (std::vector<int32_t>{4, 5, 6}));
  EXPECT_EQ(f[2].val, (std::vector<int32_t>{7, 8, 9}));
  EXPECT_EQ(f[2].train, (std::vector<int32_t>{0, 1, 2, 3, 4, 5, 6}));
}

TEST(StratifiedKFold, BalancedDisjointCovering) {
  std::vector<uint8_t> labels;
  for (int i = 0; i < 1037; ++i) labels.push_back(static_cast<uint8_t>((i * i + 3 * i) % 7 % 10));
  constexpr int k = 5;
  const std::vector<Split> folds = stratified_kfold(labels, k);
  ASSERT_EQ(folds.size(), static_cast<size_t>(k));
  std::vector<int> seen(labels.size(), 0);
  std::vector<size_t> sizes;
  std::array<int, kNumClasses> totals{};
  for (uint8_t y : labels) ++totals[y];
  for (const Split& s : folds) {
    EXPECT_TRUE(std::is_sorted(s.val.begin(), s.val.end()));
    EXPECT_TRUE(std::is_sorted(s.train.begin(), s.train.end()));
    EXPECT_EQ(s.train.size() + s.val.size(), labels.size());
    std::vector<int32_t> both = s.train;
    both.insert(both.end(), s.val.begin(), s.val.end());
    std::sort(both.begin(), both.end());
    for (size_t i = 0; i < both.size(); ++i) ASSERT_EQ(both[i], static_cast<int32_t>(i));
    for (int32_t i : s.val) ++seen[i];
    sizes.push_back(s.val.size());
    std::array<int, kNumClasses> per_class{};
    for (int32_t i : s.val) ++per_class[labels[i]];
    for (int c = 0; c < kNumClasses; ++c) {
      EXPECT_LE(std::abs(per_class[c] * k - totals[c]), k) << "class " << c;  // within 1
    }
  }
  for (int v : seen) ASSERT_EQ(v, 1);  // each sample validated exactly once
  const auto [lo, hi] = std::minmax_element(sizes.begin(), sizes.end());
  EXPECT_LE(*hi - *lo, 1u);
}

TEST(StratifiedKFold, RefusesImpossibleK) {
  EXPECT_TRUE(stratified_kfold({0, 1, 0}, 1).empty());
  EXPECT_TRUE(stratified_kfold({0, 1, 0}, 4).empty());
  EXPECT_EQ(stratified_kfold({0, 1, 0}, 3).size(), 3u);
}

// --- Batches ---

TEST(GatherBatch, ScalesAndOrders) {
  const Bytes images = {0, 51, 102, 255, 10, 20, 30, 40, 255, 0, 1, 2};  // 3 images of 4 px
  const Bytes labels = {7, 8, 9};
  const int32_t indices[] = {2, 0};
  Matrix x = Matrix::Constant(4, 3, -1.0f);
  const Scalar* data = x.data();
  uint8_t batch_labels[2] = {0, 0};
  gather_batch(images.data(), labels.data(), 4, indices, 2, &x, batch_labels);
  EXPECT_EQ(x.data(), data);  // filled in place
  EXPECT_EQ(x(0, 0), 1.0f);
  EXPECT_EQ(x(1, 0), 0.0f);
  EXPECT_EQ(x(2, 0), 1.0f / 255.0f);
  EXPECT_EQ(x(3, 0), 2.0f / 255.0f);
  EXPECT_EQ(x(0, 1), 0.0f);
  EXPECT_EQ(x(1, 1), 51.0f / 255.0f);
  EXPECT_EQ(x(2, 1), 102.0f / 255.0f);
  EXPECT_EQ(x(3, 1), 1.0f);
  EXPECT_EQ(x(0, 2), -1.0f);  // columns past count untouched
  EXPECT_EQ(batch_labels[0], 9);
  EXPECT_EQ(batch_labels[1], 7);
}

// --- The real files (when missing: failed under FMNIST_REQUIRE_DATA, else skipped) ---

TEST(RealData, MissingDirectoryExplainsWhereToGetIt) {
  Dataset d = sentinel();
  const Status s = load_idx_dir("/nonexistent/fashion-mnist", &d);
  ASSERT_FALSE(s);
  EXPECT_TRUE(contains(describe(s), "dataset-fashion-mnist")) << describe(s);
  expect_same(d, sentinel());
}

TEST(RealData, LoadsDownsamplesBundlesAndSplits) {
  REQUIRE_REAL_FILES();
  Dataset full;
  const Status s = load_idx_dir(FMNIST_DATA_DIR, &full);
  ASSERT_TRUE(s) << describe(s);
  EXPECT_EQ(full.side, 28);
  EXPECT_EQ(full.train_count(), 60000);
  EXPECT_EQ(full.test_count(), 10000);
  EXPECT_EQ(full.train_images.size(), 60000u * 784);
  EXPECT_EQ(full.test_images.size(), 10000u * 784);
  EXPECT_EQ(full.train_labels[0], 9);  // the first training image is an ankle boot
  std::array<int, kNumClasses> per_class{};
  for (uint8_t y : full.train_labels) ++per_class[y];
  for (int c = 0; c < kNumClasses; ++c) EXPECT_EQ(per_class[c], 6000);

  // 7×7: each pixel the rounded mean of its 4×4 block, for the first image as for the last.
  Dataset tiny;
  ASSERT_TRUE(downsample(full, 7, &tiny));
  ASSERT_EQ(tiny.train_images.size(), 60000u * 49);
  for (Index n : {Index{0}, Index{59999}}) {
    for (int i = 0; i < 49; ++i) {
      int sum = 0;
      for (int k = 0; k < 16; ++k) sum += full.train_image(n)[(4 * (i / 7) + k / 4) * 28 + 4 * (i % 7) + k % 4];
      ASSERT_EQ(tiny.train_image(n)[i], (sum + 8) / 16) << n << " " << i;
    }
  }
  const Bytes b7 = write_bundle(tiny, 8);
  Dataset back7;
  ASSERT_TRUE(parse_bundle(b7.data(), b7.size(), &back7));
  EXPECT_EQ(back7.side, 7);
  EXPECT_EQ(back7.test_images, tiny.test_images);

  Dataset small;
  ASSERT_TRUE(downsample(full, 14, &small));
  for (int bits : {8, 4}) {
    const Bytes b = write_bundle(small, bits);
    Dataset back;
    const Status sb = parse_bundle(b.data(), b.size(), &back);
    ASSERT_TRUE(sb) << describe(sb);
    EXPECT_EQ(back.train_labels, small.train_labels);
    if (bits == 8) {
      EXPECT_EQ(back.train_images, small.train_images);
    }
  }

  // 6,000 per class and k = 5: every fold holds exactly 1,200 of each class.
  const std::vector<Split> folds = stratified_kfold(full.train_labels, 5);
  ASSERT_EQ(folds.size(), 5u);
  for (const Split& f : folds) {
    EXPECT_EQ(f.val.size(), 12000u);
    std::array<int, kNumClasses> n{};
    for (int32_t i : f.val) ++n[full.train_labels[i]];
    for (int c = 0; c < kNumClasses; ++c) EXPECT_EQ(n[c], 1200);
  }
}

}  // namespace
}  // namespace fm
