// The Kaggle CSV form of Fashion-MNIST / MNIST, parsed as a stream: a header `label,pixel1,…,
// pixel784`, then one 28×28 image a row (its label 0–9, then 784 pixels 0–255, row by row).
#pragma once

#include <cstddef>
#include <cstdint>

#include "dataset.h"

namespace fm {

// Fed the file's bytes in chunks of any size (a row, a CRLF or the byte-order mark may straddle
// two chunks), it keeps only the images parsed so far and the cell being read: never the text.
// 200,000 rows are ~440 MB of text but 157 MB of pixels.
//
//   CsvParser parser(file_size);            // 0 if unknown: only for fraction() and memory
//   while (more) if (!parser.feed(chunk, n)) → refused: parser.status(), nothing more to do
//   LabelledImages images;  if (!parser.finish(&images)) → refused
//   // then make_user_dataset(std::move(images), …) (user_data.h)
//
// Progress between chunks: bytes_consumed(), images(), fraction().
//
// Accepted: an optional UTF-8 byte-order mark; the header `label,pixel1,…,pixel784` (Kaggle's
// Fashion-MNIST), `label,pixel0,…,pixel783` (Kaggle's MNIST) or `label,1x1,…,28x28` (the "MNIST in
// CSV" files), name for name; LF or CRLF line ends; a last row with or without its newline, and
// blank lines after it. Cells are whole numbers in decimal digits (leading zeros allowed), nothing
// else: no spaces, quotes, signs or decimals. Rows are numbered as a text editor or a spreadsheet
// shows them: the header is row 1, the first image row 2. Refusals (error_codes.h, `--- csv.cpp
// ---`): an empty file; a gzip or IDX file; a first line that is not that header (no header at
// all, a column misnamed, a column count other than 785); a header and no images; more than
// kMaxImages images; an empty row before the last image; a row whose pixel count is not 784; an
// empty cell, a cell that is not a whole number, a label above 9, a pixel above 255.
class CsvParser {
 public:
  explicit CsvParser(uint64_t expected_bytes = 0) : expected_bytes_(expected_bytes) {}

  // Parses the next `size` bytes. On a refusal the parser stops for good: this and every later
  // call return the same status and read nothing more. (A reference to status(): a caller
  // feeding a byte at a time copies nothing.)
  const Status& feed(const uint8_t* bytes, size_t size);
  // The end of the file: the last row (if it has no newline) is parsed, and at least one image
  // must have been read. The images move to `out` (left alone on a refusal); the parser is spent.
  Status finish(LabelledImages* out);

  uint64_t bytes_consumed() const { return consumed_; }
  Index images() const { return images_; }
  // bytes_consumed() / the expected size, in [0, 1]; 0 when the size is unknown.
  double fraction() const;
  // The refusal, once there is one; ok before.
  const Status& status() const { return status_; }

 private:
  static constexpr int kPixels = kFullSide * kFullSide;
  static constexpr int kColumns = kPixels + 1;  // label, then the pixels
  static constexpr int kMaxCell = 24;           // longer cells are refused at once
  static constexpr int kHead = 24;              // the file's first bytes, kept for a refusal

  size_t pixel_cells(const uint8_t* p, size_t n);  // the fast loop; returns the bytes taken
  bool byte(uint8_t b);
  bool content(uint8_t b);
  bool cell_too_long();
  bool newline();
  bool begin_line();
  bool end_cell(bool by_comma);
  bool end_line();
  bool header_cell(bool by_comma);
  bool fail(Status s);
  Status not_a_csv_file() const;  // which refusal a first line that is no header gets
  void reserve_for_next_image();

  uint64_t expected_bytes_ = 0, consumed_ = 0, header_bytes_ = 0;
  Status status_;
  bool finished_ = false;
  uint8_t head_[kHead] = {};
  int bom_ = 0;              // bytes of a byte-order mark matched at the start of the file
  bool bom_done_ = false;    // past where a byte-order mark can be
  bool in_header_ = true;
  bool pending_cr_ = false;  // the previous byte was a CR (LF expected next)
  bool line_started_ = false;
  long long row_ = 1;        // the row being read (the file's line number; the header is 1)
  long long col_ = 0;        // cells finished in this row
  long long blank_row_ = 0;  // the first of the blank rows just read (0: none)
  int header_names_ = 0;     // the header's naming of the pixel columns (csv.cpp)
  char cell_[kMaxCell] = {};
  int cell_len_ = 0;
  bool cell_digits_ = true;  // the cell so far is digits only
  Index images_ = 0;
  LabelledImages data_;
};

}  // namespace fm
