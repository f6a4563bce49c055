// IDX parsing: every size is checked before reading, and `out` is left alone on error.
#include "core/idx.h"

#include <climits>
#include <string>
#include <utility>

#include "core/bytes.h"

namespace fm {

namespace {

constexpr uint32_t kIdxImagesMagic = 0x00000803;
constexpr uint32_t kIdxLabelsMagic = 0x00000801;

std::string hex32(uint32_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s = "0x";
  for (int shift = 28; shift >= 0; shift -= 4) s += digits[(v >> shift) & 0xF];
  return s;
}

std::string str(uint64_t v) { return std::to_string(v); }

}  // namespace

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

}  // namespace fm
