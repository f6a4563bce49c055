// The streaming CSV parser: one byte at a time through a small state machine (BOM, CR/LF, cell,
// row), so a chunk may end anywhere; pixels go straight into the growing image buffer.
#include "core/csv.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <string>
#include <utility>

#include "core/class_names.h"

namespace fm {

namespace {

enum HeaderNames { kUnknownNames = 0, kPixel1, kPixel0, kRowXCol };

// Writes `v` (≥ 0) in decimal at `out`; returns the characters written.
int put_int(long long v, char* out) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  for (int i = 0; i < n; ++i) out[i] = digits[n - 1 - i];
  return n;
}

// Writes the name of pixel column `col` (1..784) in a header naming them `names` at `out` (room
// for 16); returns its length. No allocation: the header is checked name by name.
int pixel_column_name(int names, long long col, char* out) {
  if (names == kRowXCol) {
    int n = put_int((col - 1) / kFullSide + 1, out);
    out[n++] = 'x';
    return n + put_int((col - 1) % kFullSide + 1, out + n);
  }
  std::memcpy(out, "pixel", 5);
  return 5 + put_int(names == kPixel0 ? col - 1 : col, out + 5);
}

std::string pixel_column_name(int names, long long col) {
  char name[16];
  return std::string(name, static_cast<size_t>(pixel_column_name(names, col, name)));
}

bool all_digits(const char* p, int n) {
  if (n == 0) return false;
  for (int i = 0; i < n; ++i) {
    if (p[i] < '0' || p[i] > '9') return false;
  }
  return true;
}

}  // namespace

double CsvParser::fraction() const {
  if (expected_bytes_ == 0) return 0;
  return std::min(1.0, static_cast<double>(consumed_) / static_cast<double>(expected_bytes_));
}

const Status& CsvParser::feed(const uint8_t* bytes, size_t size) {
  assert(!finished_);
  if (!status_.ok) return status_;
  size_t i = 0;
  while (i < size) {
    // Inside an image row: the fast loop takes the digits and commas of the pixels; everything
    // else (a row's start and end, the label, a CR, anything to refuse) goes byte by byte.
    if (line_started_ && !in_header_ && !pending_cr_ && bom_done_) {
      i += pixel_cells(bytes + i, size - i);
      if (i == size) break;
    }
    if (!byte(bytes[i++])) break;
  }
  return status_;
}

size_t CsvParser::pixel_cells(const uint8_t* p, size_t n) {
  uint8_t* image = data_.pixels.data() + static_cast<size_t>(images_ - 1) * kPixels;
  int len = cell_len_;
  size_t i = 0;
  for (; i < n; ++i) {
    const uint8_t b = p[i];
    if (static_cast<unsigned>(b - '0') < 10u) {
      if (len == kMaxCell) break;
      cell_[len++] = static_cast<char>(b);
      continue;
    }
    // A pixel of 1–3 digits up to 255 ends here; any other comma or byte: the byte-wise path.
    if (b != ',' || !cell_digits_ || len == 0 || len > 3 || col_ < 1 || col_ >= kColumns) break;
    int value = cell_[0] - '0';
    for (int k = 1; k < len; ++k) value = value * 10 + (cell_[k] - '0');
    if (value > 255) break;
    image[col_ - 1] = static_cast<uint8_t>(value);
    ++col_;
    len = 0;
  }
  cell_len_ = len;
  consumed_ += i;
  return i;
}

Status CsvParser::finish(LabelledImages* out) {
  assert(!finished_);
  if (!status_.ok) return status_;
  finished_ = true;
  if (!bom_done_ && bom_ > 0) {  // the file is part of a byte-order mark
    fail(not_a_csv_file());
    return status_;
  }
  if (pending_cr_) {  // a CRLF whose LF is missing: the row ends there all the same
    pending_cr_ = false;
    if (!newline()) return status_;
  } else if (line_started_ && !newline()) {  // the last row without its newline
    return status_;
  }
  if (in_header_) {  // nothing but (perhaps) a byte-order mark: blank first lines are refused
    fail(Status::Error(ErrorCode::kCsvEmpty));
    return status_;
  }
  if (images_ == 0) {
    fail(Status::Error(ErrorCode::kCsvNoImages));
    return status_;
  }
  out->pixels = std::move(data_.pixels);
  out->labels = std::move(data_.labels);
  data_ = LabelledImages();
  return status_;
}

bool CsvParser::fail(Status s) {
  status_ = std::move(s);
  return false;
}

bool CsvParser::byte(uint8_t b) {
  if (consumed_ < kHead) head_[consumed_] = b;
  ++consumed_;
  if (!bom_done_) {
    static const uint8_t kBom[3] = {0xEF, 0xBB, 0xBF};
    if (b == kBom[bom_]) {
      bom_done_ = ++bom_ == 3;
      return true;
    }
    // A first byte 0xEF that is not a BOM's cannot start the header either.
    if (bom_ > 0) return fail(not_a_csv_file());
    bom_done_ = true;
  }
  if (pending_cr_) {
    pending_cr_ = false;
    if (b == '\n') return newline();
    if (!content('\r')) return false;  // a CR inside a row: part of its cell, which is refused
  }
  if (b == '\r') {
    pending_cr_ = true;
    return true;
  }
  if (b == '\n') return newline();
  return content(b);
}

bool CsvParser::content(uint8_t b) {
  if (!line_started_ && !begin_line()) return false;
  if (b == ',') return end_cell(true);
  if (cell_len_ == kMaxCell) return cell_too_long();
  if (b < '0' || b > '9') cell_digits_ = false;
  cell_[cell_len_++] = static_cast<char>(b);
  return true;
}

bool CsvParser::cell_too_long() {
  // No name or number is this long: refused without reading on.
  if (col_ >= kColumns) return true;  // a column too many: only counted (end_line refuses)
  const std::string text = shown_bytes(reinterpret_cast<const uint8_t*>(cell_), cell_len_, true);
  if (!in_header_) {
    return fail(Status::Error(ErrorCode::kCsvNotNumber, {param(row_), param(col_ + 1), text}));
  }
  if (col_ == 0) return fail(not_a_csv_file());
  return fail(Status::Error(ErrorCode::kCsvHeaderName,
                            {param(col_ + 1), text, pixel_column_name(header_names_, col_)}));
}

bool CsvParser::newline() {
  if (!line_started_) {
    if (in_header_) return fail(not_a_csv_file());  // the first line is blank
    if (blank_row_ == 0) blank_row_ = row_;  // refused only if an image follows
    ++row_;
    return true;
  }
  if (!end_cell(false) || !end_line()) return false;
  line_started_ = false;
  ++row_;
  return true;
}

bool CsvParser::begin_line() {
  line_started_ = true;
  col_ = 0;
  cell_len_ = 0;
  cell_digits_ = true;
  if (in_header_) return true;
  if (blank_row_ != 0) return fail(Status::Error(ErrorCode::kCsvBlankRow, {param(blank_row_)}));
  if (images_ == kMaxImages) {
    return fail(Status::Error(ErrorCode::kCsvTooManyImages, {param(kMaxImages)}));
  }
  reserve_for_next_image();
  ++images_;
  data_.pixels.resize(static_cast<size_t>(images_) * kPixels);
  data_.labels.push_back(0);
  return true;
}

void CsvParser::reserve_for_next_image() {
  const size_t need = static_cast<size_t>(images_) + 1, capacity = data_.labels.capacity();
  if (need <= capacity) return;
  size_t next = std::max<size_t>(capacity + capacity / 2, 64);
  if (expected_bytes_ > consumed_ && images_ >= 64) {
    // The rows so far predict the rest: reserve that, 2 % spare, once (but grow by at least an
    // eighth, so a poor guess costs few copies).
    const double per_image =
        static_cast<double>(consumed_ - header_bytes_) / static_cast<double>(images_);
    const double rest = static_cast<double>(expected_bytes_ - consumed_) / per_image;
    next = std::max(static_cast<size_t>(static_cast<double>(images_) + rest * 1.02) + 16,
                    capacity + capacity / 8);
  }
  next = std::min<size_t>(std::max(next, need), kMaxImages);
  data_.labels.reserve(next);
  data_.pixels.reserve(next * kPixels);
}

bool CsvParser::end_cell(bool by_comma) {
  if (in_header_) {
    if (!header_cell(by_comma)) return false;
  } else if (col_ < kColumns) {
    if (cell_len_ == 0) {
      return fail(Status::Error(ErrorCode::kCsvEmptyCell, {param(row_), param(col_ + 1)}));
    }
    const bool negative = cell_[0] == '-';
    const int first = negative ? 1 : 0;
    if (!all_digits(cell_ + first, cell_len_ - first)) {
      return fail(Status::Error(
          ErrorCode::kCsvNotNumber,
          {param(row_), param(col_ + 1),
           shown_bytes(reinterpret_cast<const uint8_t*>(cell_), cell_len_, false)}));
    }
    int value = 0;
    for (int i = first; i < cell_len_; ++i) value = std::min(value * 10 + (cell_[i] - '0'), 1000);
    const Index image = images_ - 1;
    if (col_ == 0) {
      if (negative || value >= kNumClasses) {
        return fail(Status::Error(ErrorCode::kCsvLabel, {param(row_), std::string(cell_, cell_len_)}));
      }
      data_.labels[static_cast<size_t>(image)] = static_cast<uint8_t>(value);
    } else {
      if (negative || value > 255) {
        return fail(Status::Error(ErrorCode::kCsvPixel,
                                  {param(row_), param(col_), std::string(cell_, cell_len_)}));
      }
      data_.pixels[static_cast<size_t>(image) * kPixels + static_cast<size_t>(col_ - 1)] =
          static_cast<uint8_t>(value);
    }
  }
  ++col_;
  cell_len_ = 0;
  cell_digits_ = true;
  return true;
}

bool CsvParser::end_line() {
  if (in_header_) {
    if (col_ != kColumns) return fail(Status::Error(ErrorCode::kCsvHeaderColumns, {param(col_)}));
    in_header_ = false;
    header_bytes_ = consumed_;
    return true;
  }
  if (col_ != kColumns) {
    return fail(Status::Error(ErrorCode::kCsvPixelCount, {param(row_), param(col_ - 1)}));
  }
  return true;
}

bool CsvParser::header_cell(bool by_comma) {
  if (col_ == 0) {
    const std::string cell(cell_, static_cast<size_t>(cell_len_));
    if (cell == "label") return true;
    // Text ended by a comma: a misnamed first column of something CSV-like.
    const bool text = cell_len_ > 0 && std::all_of(cell.begin(), cell.end(), [](char c) {
                        return c >= 0x20 && c < 0x7F;
                      });
    if (by_comma && text && !all_digits(cell_, cell_len_)) {
      const Status other = not_a_csv_file();
      if (other.code != ErrorCode::kCsvNotCsv) return fail(other);
      return fail(Status::Error(ErrorCode::kCsvHeaderName, {param(1), cell, "label"}));
    }
    return fail(not_a_csv_file());
  }
  if (col_ >= kColumns) return true;  // counted; end_line() refuses the count
  if (col_ == 1) {
    for (int names : {kPixel1, kPixel0, kRowXCol}) {
      if (pixel_column_name(names, 1) == std::string(cell_, static_cast<size_t>(cell_len_))) {
        header_names_ = names;
      }
    }
  }
  char expected[16];
  const int len = pixel_column_name(header_names_, col_, expected);
  if (header_names_ == kUnknownNames || len != cell_len_ ||
      std::memcmp(expected, cell_, static_cast<size_t>(len)) != 0) {
    return fail(Status::Error(ErrorCode::kCsvHeaderName,
                              {param(col_ + 1),
                               shown_bytes(reinterpret_cast<const uint8_t*>(cell_), cell_len_, false),
                               std::string(expected, static_cast<size_t>(len))}));
  }
  return true;
}

Status CsvParser::not_a_csv_file() const {
  const size_t n = static_cast<size_t>(std::min<uint64_t>(consumed_, kHead));
  if (n >= 2 && head_[0] == 0x1F && head_[1] == 0x8B) return Status::Error(ErrorCode::kCsvGzip);
  if (n >= 4 && head_[0] == 0 && head_[1] == 0 && head_[2] == 8 &&
      (head_[3] == 1 || head_[3] == 3)) {
    return Status::Error(ErrorCode::kCsvIdx);
  }
  const size_t skip = bom_ == 3 ? 3 : 0;
  const std::string start = shown_bytes(head_ + skip, n - std::min(n, skip), consumed_ > kHead);
  // A first line of numbers: an image where the header should be.
  if (in_header_ && col_ == 0 && all_digits(cell_, cell_len_)) {
    return Status::Error(ErrorCode::kCsvNoHeader, {start});
  }
  return Status::Error(ErrorCode::kCsvNotCsv, {start});
}

}  // namespace fm
