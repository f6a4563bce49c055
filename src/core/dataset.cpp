// Fashion-MNIST in memory: IDX and bundle parsing/writing, 2×2 downsampling, splits, batches.
// Every parser checks sizes before reading and leaves `out` alone on error (no exceptions).
#include "core/dataset.h"

#include <algorithm>
#include <cassert>
#include <climits>
#include <cmath>
#include <cstring>
#include <utility>

#include "core/kernels.h"
#include "core/rng.h"

namespace fm {

namespace {

constexpr uint32_t kIdxImagesMagic = 0x00000803;
constexpr uint32_t kIdxLabelsMagic = 0x00000801;

constexpr char kBundleMagic[4] = {'F', 'M', 'N', 'B'};
constexpr uint32_t kBundleVersion = 1;
constexpr size_t kBundleNameBytes = 24;
constexpr size_t kBundleCrcOffset = 24 + kNumClasses * kBundleNameBytes;  // 264
constexpr size_t kBundleHeaderBytes = kBundleCrcOffset + 4;               // 268
constexpr uint32_t kBundleMaxCount = 1000000;

uint32_t read_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}

uint32_t read_le32(const uint8_t* p) {
  return uint32_t{p[0]} | (uint32_t{p[1]} << 8) | (uint32_t{p[2]} << 16) | (uint32_t{p[3]} << 24);
}

void store_le32(uint8_t* p, uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(v >> (8 * i));
}

std::string hex32(uint32_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xF];
  return s;
}

std::string str(uint64_t v) { return std::to_string(v); }

// The reflected CRC-32 tables (polynomial 0xEDB88320). v[0] is the classic byte table; v[k]
// advances a byte through k more zero bytes, so 8 bytes fold in one step ("slicing-by-8"): the
// page checks a 14 MB bundle at start-up, and byte-at-a-time was ~5 ns/byte. Built on first use
// rather than at compile time: 8 KB of tables would add 7 KB to the gzipped wasm.
struct CrcTables {
  uint32_t v[8][256];
};
CrcTables make_crc_tables() {
  CrcTables t{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    t.v[0][i] = c;
  }
  for (int k = 1; k < 8; ++k) {
    for (uint32_t i = 0; i < 256; ++i) t.v[k][i] = (t.v[k - 1][i] >> 8) ^ t.v[0][t.v[k - 1][i] & 0xFF];
  }
  return t;
}

// 4-bit bundles store the nearest of 16 levels; q·17 maps 0..15 back onto 0..255.
uint8_t to_level(uint8_t p) { return static_cast<uint8_t>((p * 15 + 127) / 255); }

Status check_labels(const std::vector<uint8_t>& labels, const char* which) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= kNumClasses) {
      return Status::Error(std::string(which) + " label " + str(labels[i]) + " at index " + str(i) +
                           " is out of range 0..9");
    }
  }
  return Status::Ok();
}

}  // namespace

const std::array<std::string, kNumClasses>& default_class_names() {
  static const std::array<std::string, kNumClasses> names = {
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

// --- IDX ---

Status parse_idx_images(const uint8_t* bytes, size_t size, IdxImages* out) {
  if (size < 4) return Status::Error("not an IDX image file (only " + str(size) + " bytes)");
  const uint32_t magic = read_be32(bytes);
  if (magic != kIdxImagesMagic) {
    std::string msg = "not an IDX image file (magic " + hex32(magic) + ", expected 0x00000803";
    if (magic == kIdxLabelsMagic) msg += "; this is a label file";
    return Status::Error(msg + ")");
  }
  if (size < 16) {
    return Status::Error("truncated IDX: the image header needs 16 bytes but the file holds " +
                         str(size) + " bytes");
  }
  const uint32_t count = read_be32(bytes + 4), rows = read_be32(bytes + 8),
                 cols = read_be32(bytes + 12);
  if (rows == 0 || cols == 0 || rows > 65535 || cols > 65535 || count > INT_MAX) {
    return Status::Error("IDX header is absurd: " + str(count) + " images of " + str(rows) + "×" +
                         str(cols));
  }
  // At most 2^31 · 2^32 bytes: fits in 64 bits.
  const uint64_t expected = 16 + uint64_t{count} * rows * cols;
  const std::string what = str(count) + " images of " + str(rows) + "×" + str(cols);
  if (size < expected) {
    return Status::Error("truncated IDX: header says " + what + " but the file holds " + str(size) +
                         " bytes (expected " + str(expected) + ")");
  }
  if (size > expected) {
    return Status::Error("IDX image file has " + str(size) + " bytes, but its header (" + what +
                         ") implies " + str(expected));
  }
  IdxImages result;
  result.count = static_cast<int>(count);
  result.rows = static_cast<int>(rows);
  result.cols = static_cast<int>(cols);
  result.pixels.assign(bytes + 16, bytes + size);
  *out = std::move(result);
  return Status::Ok();
}

Status parse_idx_labels(const uint8_t* bytes, size_t size, std::vector<uint8_t>* out) {
  if (size < 4) return Status::Error("not an IDX label file (only " + str(size) + " bytes)");
  const uint32_t magic = read_be32(bytes);
  if (magic != kIdxLabelsMagic) {
    std::string msg = "not an IDX label file (magic " + hex32(magic) + ", expected 0x00000801";
    if (magic == kIdxImagesMagic) msg += "; this is an image file";
    return Status::Error(msg + ")");
  }
  if (size < 8) {
    return Status::Error("truncated IDX: the label header needs 8 bytes but the file holds " +
                         str(size) + " bytes");
  }
  const uint64_t count = read_be32(bytes + 4);
  const uint64_t expected = 8 + count;
  if (size < expected) {
    return Status::Error("truncated IDX: header says " + str(count) +
                         " labels but the file holds " + str(size) + " bytes (expected " +
                         str(expected) + ")");
  }
  if (size > expected) {
    return Status::Error("IDX label file has " + str(size) + " bytes, but its header (" +
                         str(count) + " labels) implies " + str(expected));
  }
  out->assign(bytes + 8, bytes + size);
  return Status::Ok();
}

Status make_dataset(IdxImages train_images, std::vector<uint8_t> train_labels,
                    IdxImages test_images, std::vector<uint8_t> test_labels, Dataset* out) {
  struct Part {
    const char* name;
    const IdxImages* images;
    const std::vector<uint8_t>* labels;
  };
  const Part parts[] = {{"train", &train_images, &train_labels},
                        {"test", &test_images, &test_labels}};
  for (const Part& p : parts) {
    if (p.images->rows != kFullSide || p.images->cols != kFullSide) {
      return Status::Error(std::string(p.name) + " images are " + str(p.images->rows) + "×" +
                           str(p.images->cols) + ", expected 28×28");
    }
    if (static_cast<size_t>(p.images->count) != p.labels->size()) {
      return Status::Error(std::string(p.name) + " images (" + str(p.images->count) +
                           ") and labels (" + str(p.labels->size()) + ") disagree in count");
    }
    if (p.images->pixels.size() != static_cast<size_t>(p.images->count) * kFullSide * kFullSide) {
      return Status::Error(std::string(p.name) + " images hold " + str(p.images->pixels.size()) +
                           " pixels, not count×28×28");
    }
    Status s = check_labels(*p.labels, p.name);
    if (!s) return s;
  }
  if (train_labels.empty()) return Status::Error("the training set is empty");
  Dataset d;
  d.side = kFullSide;
  d.train_images = std::move(train_images.pixels);
  d.train_labels = std::move(train_labels);
  d.test_images = std::move(test_images.pixels);
  d.test_labels = std::move(test_labels);
  d.class_names = default_class_names();
  *out = std::move(d);
  return Status::Ok();
}

// --- Downsampling ---

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
    return Status::Error("downsample needs 28×28 images, got " + str(full.side) + "×" +
                         str(full.side));
  }
  if (side == kFullSide) {
    *out = full;
    return Status::Ok();
  }
  if (side != kFullSide / 2) {
    return Status::Error("image side must be 14 or 28, got " + std::to_string(side));
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

// --- CRC-32 (IEEE 802.3, as zlib's crc32) ---

uint32_t crc32(const uint8_t* bytes, size_t size, uint32_t crc) {
  crc = ~crc;  // zlib convention: chaining crc32(b, crc32(a)) equals crc32(a ++ b)
  static const CrcTables tables = make_crc_tables();
  const auto& t = tables.v;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    const uint32_t lo = crc ^ read_le32(bytes + i);
    const uint32_t hi = read_le32(bytes + i + 4);
    crc = t[7][lo & 0xFF] ^ t[6][(lo >> 8) & 0xFF] ^ t[5][(lo >> 16) & 0xFF] ^ t[4][lo >> 24] ^
          t[3][hi & 0xFF] ^ t[2][(hi >> 8) & 0xFF] ^ t[1][(hi >> 16) & 0xFF] ^ t[0][hi >> 24];
  }
  for (; i < size; ++i) crc = t[0][(crc ^ bytes[i]) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

// --- Bundle (layout in assets/README.md) ---

std::vector<uint8_t> write_bundle(const Dataset& data, int bits_per_pixel) {
  assert(data.side == 14 || data.side == 28);
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

Status parse_bundle(const uint8_t* bytes, size_t size, Dataset* out) {
  if (size < kBundleHeaderBytes) {
    return Status::Error("truncated bundle: the header needs " + str(kBundleHeaderBytes) +
                         " bytes, got " + str(size));
  }
  if (std::memcmp(bytes, kBundleMagic, 4) != 0) {
    return Status::Error("not a Fashion-MNIST bundle (magic is not \"FMNB\")");
  }
  const uint32_t version = read_le32(bytes + 4), side = read_le32(bytes + 8),
                 bpp = read_le32(bytes + 12), train = read_le32(bytes + 16),
                 test = read_le32(bytes + 20);
  if (version != kBundleVersion) {
    return Status::Error("unsupported bundle version " + str(version) +
                         " (this build reads version 1)");
  }
  if (side != 14 && side != 28) {
    return Status::Error("bundle image side " + str(side) + " is not 14 or 28");
  }
  if (bpp != 8 && bpp != 4) {
    return Status::Error("bundle bits per pixel " + str(bpp) + " is not 8 or 4");
  }
  if (train == 0 || train > kBundleMaxCount || test > kBundleMaxCount) {
    return Status::Error("bundle counts are absurd: " + str(train) + " training and " + str(test) +
                         " test images (allowed 1..1000000 and 0..1000000)");
  }
  const uint64_t pixels = uint64_t{side} * side;
  const uint64_t expected = kBundleHeaderBytes + (uint64_t{train} + test) * (1 + pixels);
  if (size < expected) {
    return Status::Error("truncated bundle: expected " + str(expected) + " bytes, got " +
                         str(size));
  }
  if (size > expected) {
    return Status::Error("bundle has " + str(size) + " bytes, expected " + str(expected));
  }
  const uint32_t stored_crc = read_le32(bytes + kBundleCrcOffset);
  if (crc32(bytes + kBundleHeaderBytes, size - kBundleHeaderBytes) != stored_crc) {
    return Status::Error("bundle is corrupt (CRC mismatch)");
  }

  Dataset d;
  d.side = static_cast<int>(side);
  for (int c = 0; c < kNumClasses; ++c) {
    const char* field = reinterpret_cast<const char*>(bytes + 24 + c * kBundleNameBytes);
    const size_t len = std::find(field, field + kBundleNameBytes, '\0') - field;
    d.class_names[c] = len > 0 ? std::string(field, len) : default_class_names()[c];
  }
  const uint8_t* p = bytes + kBundleHeaderBytes;
  d.train_labels.assign(p, p + train);
  p += train;
  d.test_labels.assign(p, p + test);
  p += test;
  Status s = check_labels(d.train_labels, "bundle train");
  if (!s) return s;
  s = check_labels(d.test_labels, "bundle test");
  if (!s) return s;
  d.train_images.assign(p, p + train * pixels);
  p += train * pixels;
  d.test_images.assign(p, p + test * pixels);
  if (bpp == 4) {
    for (std::vector<uint8_t>* images : {&d.train_images, &d.test_images}) {
      for (uint8_t& v : *images) {
        if (v > 15) {
          return Status::Error("bundle pixel level " + str(v) + " is above 15 in a 4-bit bundle");
        }
        v = static_cast<uint8_t>(v * 17);
      }
    }
  }
  *out = std::move(d);
  return Status::Ok();
}

// --- Splits ---

Split holdout_split(Index n, double val_fraction, uint64_t seed) {
  assert(n >= 0 && n <= INT32_MAX);
  std::vector<int32_t> order(static_cast<size_t>(n));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  Rng rng(seed);
  rng.shuffle(order);
  const double want = std::round(static_cast<double>(n) * val_fraction);
  const size_t n_val = want <= 0 ? 0 : std::min(order.size(), static_cast<size_t>(want));
  const auto cut = order.begin() + static_cast<std::ptrdiff_t>(order.size() - n_val);
  Split split;
  split.train.assign(order.begin(), cut);
  split.val.assign(cut, order.end());
  return split;
}

std::vector<Split> stratified_kfold(const std::vector<uint8_t>& labels, int k) {
  const size_t n = labels.size();
  if (k < 2 || static_cast<size_t>(k) > n) return {};  // no valid split: sklearn raises here
  // scikit-learn (≥ 0.22) numbers classes by order of first appearance, not by value; the
  // order of the classes in the sorted y decides which fold gets a class's remainder.
  constexpr int kValues = 256;
  std::array<int, kValues> code;
  code.fill(-1);
  std::vector<int> counts;
  for (uint8_t y : labels) {
    if (code[y] < 0) {
      code[y] = static_cast<int>(counts.size());
      counts.push_back(0);
    }
    ++counts[code[y]];
  }
  const size_t classes = counts.size();
  // allocation[i][c] = members of class c among positions i, i+k, i+2k, … of the sorted codes.
  std::vector<std::vector<int>> allocation(k, std::vector<int>(classes, 0));
  size_t pos = 0;
  for (size_t c = 0; c < classes; ++c) {
    for (int m = 0; m < counts[c]; ++m, ++pos) ++allocation[pos % k][c];
  }
  // Deal each class's samples, in their original order, to folds 0, 1, … in contiguous blocks.
  std::vector<int> fold_of(n);
  std::vector<int> fold_cursor(classes, 0), left_in_fold(classes);
  for (size_t c = 0; c < classes; ++c) left_in_fold[c] = allocation[0][c];
  for (size_t i = 0; i < n; ++i) {
    const int c = code[labels[i]];
    while (left_in_fold[c] == 0) left_in_fold[c] = allocation[++fold_cursor[c]][c];
    fold_of[i] = fold_cursor[c];
    --left_in_fold[c];
  }
  std::vector<Split> splits(k);
  for (size_t i = 0; i < n; ++i) {
    for (int f = 0; f < k; ++f) {
      (f == fold_of[i] ? splits[f].val : splits[f].train).push_back(static_cast<int32_t>(i));
    }
  }
  return splits;
}

// --- Batches ---

void gather_batch(const uint8_t* images, const uint8_t* labels, int pixels, const int32_t* indices,
                  Index count, Matrix* x, uint8_t* batch_labels) {
  assert(x->rows() == pixels && x->cols() >= count);
  // The images are scattered over the data set (shuffled order), so each is a handful of cache
  // misses: fetch kAhead images ahead so those misses overlap instead of queueing one by one.
  constexpr Index kAhead = 32;
  const auto image = [&](Index j) { return images + static_cast<size_t>(indices[j]) * pixels; };
  for (Index j = 0; j < std::min(kAhead, count); ++j) kernels::prefetch(image(j), pixels);
  // x is column-major, so each sample's column is contiguous: convert it with 4-float vectors
  // (a table lookup per byte does not vectorise; the division gives the same floats).
  for (Index j = 0; j < count; ++j) {
    if (j + kAhead < count) kernels::prefetch(image(j + kAhead), pixels);
    kernels::bytes_to_unit(image(j), pixels, x->data() + j * x->rows());
    if (labels && batch_labels) batch_labels[j] = labels[indices[j]];
  }
}

}  // namespace fm
