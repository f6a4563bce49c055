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

}  // namespace

Status parse_idx_images(const uint8_t* bytes, size_t size, IdxImages* out) {
  if (size < 4) return Status::Error(ErrorCode::kIdxImagesTooShort, {param(size)});
  const uint32_t magic = read_be32(bytes);
  if (magic != kIdxImagesMagic) {
    return Status::Error(magic == kIdxLabelsMagic ? ErrorCode::kIdxImagesGotLabels
                                                  : ErrorCode::kIdxImagesMagic,
                         {hex32(magic)});
  }
  if (size < 16) return Status::Error(ErrorCode::kIdxImagesHeaderTruncated, {param(size)});
  const uint32_t count = read_be32(bytes + 4), rows = read_be32(bytes + 8),
                 cols = read_be32(bytes + 12);
  if (rows == 0 || cols == 0 || rows > 65535 || cols > 65535 || count > INT_MAX) {
    return Status::Error(ErrorCode::kIdxHeaderAbsurd, {param(count), param(rows), param(cols)});
  }
  // At most 2^31 · 2^32 bytes: fits in 64 bits.
  const uint64_t expected = 16 + uint64_t{count} * rows * cols;
  if (size < expected) {
    return Status::Error(ErrorCode::kIdxImagesTruncated, {param(count), param(rows), param(cols),
                                                          param(size), param(expected)});
  }
  if (size > expected) {
    return Status::Error(ErrorCode::kIdxImagesTrailing, {param(size), param(count), param(rows),
                                                         param(cols), param(expected)});
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
  if (size < 4) return Status::Error(ErrorCode::kIdxLabelsTooShort, {param(size)});
  const uint32_t magic = read_be32(bytes);
  if (magic != kIdxLabelsMagic) {
    return Status::Error(magic == kIdxImagesMagic ? ErrorCode::kIdxLabelsGotImages
                                                  : ErrorCode::kIdxLabelsMagic,
                         {hex32(magic)});
  }
  if (size < 8) return Status::Error(ErrorCode::kIdxLabelsHeaderTruncated, {param(size)});
  const uint64_t count = read_be32(bytes + 4);
  const uint64_t expected = 8 + count;
  if (size < expected) {
    return Status::Error(ErrorCode::kIdxLabelsTruncated,
                         {param(count), param(size), param(expected)});
  }
  if (size > expected) {
    return Status::Error(ErrorCode::kIdxLabelsTrailing,
                         {param(size), param(count), param(expected)});
  }
  out->assign(bytes + 8, bytes + size);
  return Status::Ok();
}

Status make_labelled_images(IdxImages images, std::vector<uint8_t> labels, bool test,
                            LabelledImages* out) {
  if (images.rows != kFullSide || images.cols != kFullSide) {
    return Status::Error(test ? ErrorCode::kTestImagesShape : ErrorCode::kTrainImagesShape,
                         {param(images.rows), param(images.cols)});
  }
  if (static_cast<size_t>(images.count) != labels.size()) {
    return Status::Error(test ? ErrorCode::kTestCountsDisagree : ErrorCode::kTrainCountsDisagree,
                         {param(images.count), param(labels.size())});
  }
  if (images.count > kMaxImages) {
    return Status::Error(test ? ErrorCode::kTestImagesTooMany : ErrorCode::kTrainImagesTooMany,
                         {param(images.count), param(kMaxImages)});
  }
  if (images.pixels.size() != static_cast<size_t>(images.count) * kFullSide * kFullSide) {
    return Status::Error(test ? ErrorCode::kTestPixelCount : ErrorCode::kTrainPixelCount,
                         {param(images.pixels.size())});
  }
  Status s = check_labels(labels, test ? ErrorCode::kTestLabelRange : ErrorCode::kTrainLabelRange);
  if (!s) return s;
  out->pixels = std::move(images.pixels);
  out->labels = std::move(labels);
  return Status::Ok();
}

Status make_dataset(IdxImages train_images, std::vector<uint8_t> train_labels,
                    IdxImages test_images, std::vector<uint8_t> test_labels, Dataset* out) {
  LabelledImages train, test;
  Status s = make_labelled_images(std::move(train_images), std::move(train_labels), false, &train);
  if (!s) return s;
  s = make_labelled_images(std::move(test_images), std::move(test_labels), true, &test);
  if (!s) return s;
  if (train.labels.empty()) return Status::Error(ErrorCode::kTrainingSetEmpty);
  Dataset d;
  d.side = kFullSide;
  d.train_images = std::move(train.pixels);
  d.train_labels = std::move(train.labels);
  d.test_images = std::move(test.pixels);
  d.test_labels = std::move(test.labels);
  d.class_names = default_class_names();
  *out = std::move(d);
  return Status::Ok();
}

}  // namespace fm
