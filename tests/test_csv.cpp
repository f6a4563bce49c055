// Tests of the streaming CSV parser (core/csv.h): the accepted forms (BOM, CRLF, the three header
// namings, with or without a last newline), every refusal with its parameters, chunk boundaries at
// every byte, progress, the 200,000-image limit, and a round trip of the real test images.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/csv.h"
#include "core/idx.h"
#include "messages/messages.h"
#include "test_support.h"

namespace fm {
namespace {

constexpr int kPixels = 784;

std::string header(const std::string& first = "pixel") {
  std::string h = "label";
  for (int c = 1; c <= kPixels; ++c) {
    if (first == "pixel0") {
      h += ",pixel" + std::to_string(c - 1);
    } else if (first == "1x1") {
      h += "," + std::to_string((c - 1) / 28 + 1) + "x" + std::to_string((c - 1) % 28 + 1);
    } else {
      h += ",pixel" + std::to_string(c);
    }
  }
  return h;
}

// Image n's pixel c: a pattern that uses 0, 255 and everything between.
uint8_t pixel_of(int n, int c) { return static_cast<uint8_t>((n * 31 + c * 7) % 256); }
uint8_t label_of(int n) { return static_cast<uint8_t>((n * 3 + 1) % 10); }

// Row of image n: its label and 784 pixels (no line end).
std::string row(int n) {
  std::string r = std::to_string(label_of(n));
  for (int c = 0; c < kPixels; ++c) r += "," + std::to_string(pixel_of(n, c));
  return r;
}

// A file: header and `count` rows joined by `eol`, with a last `eol` if `last_newline`.
std::string csv_file(int count, const std::string& eol = "\n", bool last_newline = true,
                     const std::string& head = header()) {
  std::string f = head;
  for (int n = 0; n < count; ++n) f += eol + row(n);
  if (last_newline) f += eol;
  return f;
}

// Parses `text` fed in chunks of `chunk` bytes.
Status parse(const std::string& text, LabelledImages* out, size_t chunk = SIZE_MAX,
             uint64_t expected = 0) {
  CsvParser parser(expected);
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  for (size_t at = 0; at < text.size(); at += std::min(chunk, text.size() - at)) {
    Status s = parser.feed(p + at, std::min(chunk, text.size() - at));
    if (!s) return s;
  }
  return parser.finish(out);
}

Status parse(const std::string& text) {
  LabelledImages ignored;
  return parse(text, &ignored);
}

// Parses `text` split into two chunks at `at`.
Status parse_split(const std::string& text, size_t at, LabelledImages* out) {
  CsvParser parser;
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  Status s = parser.feed(p, at);
  if (s) s = parser.feed(p + at, text.size() - at);
  if (s) s = parser.finish(out);
  return s;
}

void expect_images(const LabelledImages& got, int count) {
  ASSERT_EQ(got.count(), count);
  ASSERT_EQ(got.pixels.size(), static_cast<size_t>(count) * kPixels);
  for (int n = 0; n < count; ++n) {
    ASSERT_EQ(got.labels[static_cast<size_t>(n)], label_of(n)) << "image " << n;
    for (int c = 0; c < kPixels; ++c) {
      ASSERT_EQ(got.pixels[static_cast<size_t>(n) * kPixels + static_cast<size_t>(c)], pixel_of(n, c))
          << "image " << n << " pixel " << c;
    }
  }
}

// The status is a refusal with that code and those parameters.
template <class... Params>
void expect_refused(const Status& s, ErrorCode code, const Params&... params) {
  EXPECT_FALSE(s.ok);
  EXPECT_STREQ(error_code_name(s.code), error_code_name(code)) << describe(s);
  EXPECT_EQ(s.params, (std::vector<std::string>{std::string(params)...})) << describe(s);
}
#define EXPECT_REFUSED(...)  \
  do {                       \
    SCOPED_TRACE("");        \
    expect_refused(__VA_ARGS__); \
  } while (0)

// --- What is accepted ---

TEST(Csv, ParsesTheHeaderAndRows) {
  LabelledImages got;
  ASSERT_TRUE(parse(csv_file(5), &got)) << describe(parse(csv_file(5)));
  expect_images(got, 5);
}

TEST(Csv, AcceptsCrlfABomAndNoLastNewline) {
  for (const std::string& eol : {std::string("\n"), std::string("\r\n")}) {
    for (bool last : {true, false}) {
      for (bool bom : {false, true}) {
        SCOPED_TRACE((eol == "\n" ? "LF" : "CRLF") + std::string(last ? " last newline" : "") +
                     (bom ? " BOM" : ""));
        const std::string text = (bom ? "\xEF\xBB\xBF" : "") + csv_file(3, eol, last);
        LabelledImages got;
        ASSERT_TRUE(parse(text, &got)) << describe(parse(text));
        expect_images(got, 3);
      }
    }
  }
}

TEST(Csv, AcceptsTheMnistHeaderNamings) {
  for (const char* first : {"pixel0", "1x1"}) {
    SCOPED_TRACE(first);
    LabelledImages got;
    const std::string text = csv_file(2, "\n", true, header(first));
    ASSERT_TRUE(parse(text, &got)) << describe(parse(text));
    expect_images(got, 2);
  }
}

TEST(Csv, AcceptsBlankLinesAfterTheLastImageAndLeadingZeros) {
  LabelledImages got;
  ASSERT_TRUE(parse(csv_file(2) + "\n\r\n\n", &got));
  expect_images(got, 2);
  // "007" is 7; a 22-digit 255 is still 255.
  std::string r = "007";
  for (int c = 0; c < kPixels; ++c) r += c == 0 ? ",0000000000000000000255" : ",00";
  ASSERT_TRUE(parse(header() + "\n" + r, &got)) << describe(parse(header() + "\n" + r));
  ASSERT_EQ(got.count(), 1);
  EXPECT_EQ(got.labels[0], 7);
  EXPECT_EQ(got.pixels[0], 255);
  EXPECT_EQ(got.pixels[1], 0);
}

// --- Chunks ---

TEST(Csv, EveryChunkBoundaryGivesTheSameImages) {
  // BOM, CRLF and no last newline: every multi-byte sequence can be cut.
  const std::string text = "\xEF\xBB\xBF" + csv_file(2, "\r\n", false);
  LabelledImages whole;
  ASSERT_TRUE(parse(text, &whole));
  expect_images(whole, 2);
  for (size_t at = 0; at <= text.size(); ++at) {
    LabelledImages got;
    const Status s = parse_split(text, at, &got);
    ASSERT_TRUE(s) << "split at " << at << ": " << describe(s);
    ASSERT_TRUE(got.labels == whole.labels && got.pixels == whole.pixels) << "split at " << at;
  }
  LabelledImages bytewise;
  ASSERT_TRUE(parse(text, &bytewise, 1));
  expect_images(bytewise, 2);
}

TEST(Csv, EveryChunkBoundaryGivesTheSameRefusal) {
  // Rows of zeros (short files: every split parses the whole file).
  std::string zeros = "5";
  for (int c = 0; c < kPixels; ++c) zeros += ",0";
  const std::string short_row = zeros.substr(0, zeros.size() - 2);  // 783 pixels
  const std::string cases[] = {
      header() + "\r\n" + zeros + "\r\n" + short_row + "\r\n" + zeros,  // row 3 has 783 pixels
      "\xEF\xBB\xBF" + header() + "\n1" + zeros + "\n",                   // label 15
      "\xEF\xBB",                                              // half a BOM
      "\x1F\x8B\x08\x00",                                      // gzip
  };
  for (const std::string& text : cases) {
    const Status whole = parse(text);
    ASSERT_FALSE(whole.ok);
    for (size_t at = 0; at <= text.size(); ++at) {
      LabelledImages got;
      const Status s = parse_split(text, at, &got);
      ASSERT_EQ(s.code, whole.code) << "split at " << at << ": " << describe(s);
      ASSERT_EQ(s.params, whole.params) << "split at " << at;
      ASSERT_EQ(got.count(), 0);
    }
  }
}

TEST(Csv, ReportsProgressAndStopsAtARefusal) {
  const std::string good = csv_file(4);
  CsvParser parser(good.size());
  const auto* p = reinterpret_cast<const uint8_t*>(good.data());
  const size_t half = good.size() / 2;
  ASSERT_TRUE(parser.feed(p, half));
  EXPECT_EQ(parser.bytes_consumed(), half);
  EXPECT_GE(parser.images(), 1);
  EXPECT_LE(parser.images(), 3);
  EXPECT_NEAR(parser.fraction(), 0.5, 0.01);
  ASSERT_TRUE(parser.feed(p + half, good.size() - half));
  EXPECT_EQ(parser.bytes_consumed(), good.size());
  EXPECT_EQ(parser.fraction(), 1.0);
  LabelledImages got;
  ASSERT_TRUE(parser.finish(&got));
  EXPECT_EQ(got.count(), 4);
  EXPECT_EQ(CsvParser().fraction(), 0.0);  // size unknown

  // After a refusal: the same status again, nothing more read.
  const std::string bad = header() + "\nx" + row(0) + "\n" + row(1) + "\n";
  CsvParser refusing;
  const Status first = refusing.feed(reinterpret_cast<const uint8_t*>(bad.data()), bad.size());
  ASSERT_FALSE(first.ok);
  const uint64_t consumed = refusing.bytes_consumed();
  EXPECT_LT(consumed, bad.size());
  const Status again = refusing.feed(reinterpret_cast<const uint8_t*>(bad.data()), bad.size());
  EXPECT_EQ(again.code, first.code);
  EXPECT_EQ(again.params, first.params);
  EXPECT_EQ(refusing.bytes_consumed(), consumed);
  EXPECT_EQ(refusing.status().code, first.code);
  LabelledImages untouched;
  untouched.labels = {7};
  EXPECT_FALSE(refusing.finish(&untouched).ok);
  EXPECT_EQ(untouched.labels, std::vector<uint8_t>{7});
}

TEST(Csv, ReservesOnceWhenTheSizeIsKnown) {
  const std::string text = csv_file(1000);
  LabelledImages got;
  ASSERT_TRUE(parse(text, &got, 4096, text.size()));
  expect_images(got, 1000);
  // The estimate from the first rows, 2 % spare: no doubling.
  EXPECT_LE(got.pixels.capacity(), got.pixels.size() * 105 / 100);
}

// --- Refusals, each with its parameters ---

TEST(Csv, RefusesWhatIsNotACsvFileOfImages) {
  EXPECT_REFUSED(parse(""), ErrorCode::kCsvEmpty);
  EXPECT_REFUSED(parse("\xEF\xBB\xBF"), ErrorCode::kCsvEmpty);
  EXPECT_REFUSED(parse(std::string("\x1F\x8B\x08\x00\x00\x00", 6)), ErrorCode::kCsvGzip);
  EXPECT_REFUSED(parse(std::string("\x00\x00\x08\x03\x00\x00\x00\x02", 8)), ErrorCode::kCsvIdx);
  EXPECT_REFUSED(parse(std::string("\x00\x00\x08\x01\x00\x00\x00\x02", 8)), ErrorCode::kCsvIdx);
  EXPECT_REFUSED(parse("hello world\n"), ErrorCode::kCsvNotCsv, "hello world\\n");
  // Refused at the end of the first line: the bytes read so far are shown.
  EXPECT_REFUSED(parse("\x89PNG\r\n\x1A\n" + std::string(40, 'A')), ErrorCode::kCsvNotCsv,
                 "\\x89PNG\\r\\n");
  EXPECT_REFUSED(parse(std::string(40, 'A')), ErrorCode::kCsvNotCsv,
                 std::string(24, 'A') + "\xE2\x80\xA6");
  EXPECT_REFUSED(parse("\xEF\xBB"), ErrorCode::kCsvNotCsv, "\\xef\\xbb");
  EXPECT_REFUSED(parse("\xEF" "abc"), ErrorCode::kCsvNotCsv, "\\xefa");
  EXPECT_REFUSED(parse("\n" + csv_file(1)), ErrorCode::kCsvNotCsv, "\\n");
  // Korean text (valid UTF-8) is shown as it is.
  EXPECT_REFUSED(parse("\xEB\xA0\x88\xEC\x9D\xB4\xEB\xB8\x94\n"), ErrorCode::kCsvNotCsv,
                 "\xEB\xA0\x88\xEC\x9D\xB4\xEB\xB8\x94\\n");
}

TEST(Csv, RefusesAMissingOrWrongHeader) {
  const std::string data = row(0) + "\n" + row(1) + "\n";
  EXPECT_REFUSED(parse(data), ErrorCode::kCsvNoHeader, data.substr(0, 2));  // "1,"
  std::string h = header();
  EXPECT_REFUSED(parse("lable" + h.substr(5) + "\n" + data), ErrorCode::kCsvHeaderName, "1",
                 "lable", "label");
  EXPECT_REFUSED(parse("\"label\"" + h.substr(5) + "\n" + data), ErrorCode::kCsvHeaderName, "1",
                 "\"label\"", "label");
  std::string spaced = h;
  spaced.replace(spaced.find(",pixel4,"), 8, ",pixel 4,");
  EXPECT_REFUSED(parse(spaced + "\n" + data), ErrorCode::kCsvHeaderName, "5", "pixel 4", "pixel4");
  std::string mixed = h;
  mixed.replace(mixed.find(",pixel2,"), 8, ",1x2,");
  EXPECT_REFUSED(parse(mixed + "\n" + data), ErrorCode::kCsvHeaderName, "3", "1x2", "pixel2");
  EXPECT_REFUSED(parse("label,p1\n" + data), ErrorCode::kCsvHeaderName, "2", "p1", "pixel1");
  EXPECT_REFUSED(parse("label,pixel1,pixel2,pixel3" + std::string(30, 'x') + "\n"),
                 ErrorCode::kCsvHeaderName, "4", "pixel3" + std::string(18, 'x') + "\xE2\x80\xA6",
                 "pixel3");
  // A 14×14 CSV, one column too many, only "label".
  std::string small = "label";
  for (int c = 1; c <= 196; ++c) small += ",pixel" + std::to_string(c);
  EXPECT_REFUSED(parse(small + "\n"), ErrorCode::kCsvHeaderColumns, "197");
  EXPECT_REFUSED(parse(h + ",pixel785\n" + data), ErrorCode::kCsvHeaderColumns, "786");
  EXPECT_REFUSED(parse(h + "," + std::string(100, 'z') + "\n" + data), ErrorCode::kCsvHeaderColumns,
                 "786");
  EXPECT_REFUSED(parse("label\n" + data), ErrorCode::kCsvHeaderColumns, "1");
}

TEST(Csv, RefusesAHeaderWithoutImages) {
  EXPECT_REFUSED(parse(header()), ErrorCode::kCsvNoImages);
  EXPECT_REFUSED(parse(header() + "\r\n"), ErrorCode::kCsvNoImages);
  EXPECT_REFUSED(parse(header() + "\n\n\n"), ErrorCode::kCsvNoImages);
}

TEST(Csv, RefusesRowsOfTheWrongShape) {
  std::string r = row(5);
  const std::string fewer = r.substr(0, r.rfind(','));  // 783 pixels
  EXPECT_REFUSED(parse(csv_file(15) + fewer + "\n" + row(0)), ErrorCode::kCsvPixelCount, "17", "783");
  EXPECT_REFUSED(parse(csv_file(1) + fewer), ErrorCode::kCsvPixelCount, "3", "783");
  EXPECT_REFUSED(parse(csv_file(1) + r + ",0\n"), ErrorCode::kCsvPixelCount, "3", "785");
  EXPECT_REFUSED(parse(csv_file(1) + r + "," + std::string(50, '9') + ",1\n"),
                 ErrorCode::kCsvPixelCount, "3", "786");
  EXPECT_REFUSED(parse(csv_file(1) + "3\n"), ErrorCode::kCsvPixelCount, "3", "0");
  EXPECT_REFUSED(parse(csv_file(2) + "\n" + row(2) + "\n"), ErrorCode::kCsvBlankRow, "4");
  EXPECT_REFUSED(parse(csv_file(2, "\r\n") + "\r\n\r\n" + row(2)), ErrorCode::kCsvBlankRow, "4");
}

TEST(Csv, RefusesCellsThatAreNotLabelsOrPixels) {
  const std::string r = row(0);
  const size_t first_comma = r.find(','), second_comma = r.find(',', first_comma + 1);
  auto with_label = [&](const std::string& label) { return csv_file(2) + label + r.substr(first_comma); };
  // Pixel 1 replaced.
  auto with_pixel1 = [&](const std::string& cell) {
    return csv_file(2) + r.substr(0, first_comma + 1) + cell + r.substr(second_comma);
  };
  EXPECT_REFUSED(parse(with_label("12")), ErrorCode::kCsvLabel, "4", "12");
  EXPECT_REFUSED(parse(with_label("10")), ErrorCode::kCsvLabel, "4", "10");
  EXPECT_REFUSED(parse(with_label("-1")), ErrorCode::kCsvLabel, "4", "-1");
  EXPECT_REFUSED(parse(with_label("99999999999999999999")), ErrorCode::kCsvLabel, "4",
                 "99999999999999999999");
  EXPECT_REFUSED(parse(with_pixel1("256")), ErrorCode::kCsvPixel, "4", "1", "256");
  EXPECT_REFUSED(parse(with_pixel1("-3")), ErrorCode::kCsvPixel, "4", "1", "-3");
  EXPECT_REFUSED(parse(with_pixel1("1000")), ErrorCode::kCsvPixel, "4", "1", "1000");
  for (const char* cell : {"abc", "1.5", "0.0", " 3", "3 ", "\"3\"", "+3", "-", "3e2", "0x10"}) {
    EXPECT_REFUSED(parse(with_pixel1(cell)), ErrorCode::kCsvNotNumber, "4", "2", cell);
  }
  EXPECT_REFUSED(parse(with_label("A")), ErrorCode::kCsvNotNumber, "4", "1", "A");
  EXPECT_REFUSED(parse(with_pixel1("")), ErrorCode::kCsvEmptyCell, "4", "2");
  EXPECT_REFUSED(parse(with_label("")), ErrorCode::kCsvEmptyCell, "4", "1");
  EXPECT_REFUSED(parse(csv_file(2) + r + ",\n"), ErrorCode::kCsvPixelCount, "4", "785");
  // A lone CR inside a row; a tab; bytes that are not text; a cell too long to be a number.
  EXPECT_REFUSED(parse(with_pixel1("1\r2")), ErrorCode::kCsvNotNumber, "4", "2", "1\\r2");
  EXPECT_REFUSED(parse(with_pixel1("\t7")), ErrorCode::kCsvNotNumber, "4", "2", "\\t7");
  EXPECT_REFUSED(parse(with_pixel1(std::string("\x00\xFF", 2))), ErrorCode::kCsvNotNumber, "4", "2",
                 "\\x00\\xff");
  EXPECT_REFUSED(parse(with_pixel1(std::string(30, '1'))), ErrorCode::kCsvNotNumber, "4", "2",
                 std::string(24, '1') + "\xE2\x80\xA6");
}

TEST(Csv, RefusalsReadWellInBothLanguages) {
  std::string r = row(5);
  const Status s = parse(csv_file(15) + r.substr(0, r.rfind(',')) + "\n");
  EXPECT_EQ(describe(s), "row 17 has 783 pixels, expected 784 (28\xC3\x97" "28)");
  EXPECT_EQ(describe(parse(csv_file(2) + "12" + r.substr(1))), "row 4: label 12 is outside 0\xE2\x80\x93" "9");
  EXPECT_FALSE(describe(s, Language::kKorean).empty());
  EXPECT_NE(describe(s, Language::kKorean).find("17"), std::string::npos);
}

// --- The limit: 200,000 images ---

TEST(Csv, TakesUpTo200000ImagesAndRefusesMore) {
  // One short row fed again and again: 1,570 bytes, no 314 MB string.
  std::string r = "3";
  for (int c = 0; c < kPixels; ++c) r += c == 100 ? ",9" : ",0";
  r += "\n";
  const std::string head = header() + "\n";
  CsvParser parser;
  ASSERT_TRUE(parser.feed(reinterpret_cast<const uint8_t*>(head.data()), head.size()));
  const auto* p = reinterpret_cast<const uint8_t*>(r.data());
  for (int n = 0; n < kMaxImages; ++n) {
    if (!parser.feed(p, r.size())) break;
  }
  ASSERT_TRUE(parser.status()) << describe(parser.status());
  ASSERT_EQ(parser.images(), kMaxImages);
  // A copy ends here (blank lines after the last image are fine) and holds all of them.
  CsvParser exactly = parser;
  ASSERT_TRUE(exactly.feed(reinterpret_cast<const uint8_t*>("\n\n"), 2));
  LabelledImages got;
  ASSERT_TRUE(exactly.finish(&got));
  ASSERT_EQ(got.count(), kMaxImages);
  EXPECT_EQ(got.labels.back(), 3);
  EXPECT_EQ(got.pixels[static_cast<size_t>(kMaxImages - 1) * kPixels + 100], 9);
  // One image more is refused, as soon as its row starts.
  const Status more = parser.feed(p, 1);
  EXPECT_REFUSED(more, ErrorCode::kCsvTooManyImages, "200000");
  EXPECT_EQ(describe(more), "the CSV file holds more than 200000 images, the most allowed");
}

// --- The real data ---

TEST(Csv, RoundTripOfTheRealTestImages) {
  REQUIRE_REAL_FILES();
  Dataset full;
  ASSERT_TRUE(load_idx_dir(FMNIST_DATA_DIR, &full));
  ASSERT_EQ(full.side, 28);
  // Written as Kaggle writes them (header, LF, a last newline), fed in odd-sized chunks.
  std::string text = header() + "\n";
  for (Index n = 0; n < full.test_count(); ++n) {
    text += std::to_string(full.test_labels[static_cast<size_t>(n)]);
    const uint8_t* image = full.test_image(n);
    for (int c = 0; c < kPixels; ++c) text += "," + std::to_string(image[c]);
    text += "\n";
  }
  LabelledImages got;
  ASSERT_TRUE(parse(text, &got, 65537, text.size()));
  EXPECT_EQ(got.labels, full.test_labels);
  EXPECT_TRUE(got.pixels == full.test_images);
}

}  // namespace
}  // namespace fm
