// Tests of a user's own data set: the class-names file (core/class_names.h), IDX pairs of any
// N×28×28 (make_labelled_images), and the Dataset built from them (core/user_data.h), pooled to
// 14×14 as the bundle tool does.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/class_names.h"
#include "core/downsample.h"
#include "core/idx.h"
#include "core/user_data.h"
#include "messages/messages.h"

namespace fm {
namespace {

template <class... Params>
void expect_refused(const Status& s, ErrorCode code, const Params&... params) {
  EXPECT_FALSE(s.ok);
  EXPECT_STREQ(error_code_name(s.code), error_code_name(code)) << describe(s);
  EXPECT_EQ(s.params, (std::vector<std::string>{std::string(params)...})) << describe(s);
}
#define EXPECT_REFUSED(...)      \
  do {                           \
    SCOPED_TRACE("");            \
    expect_refused(__VA_ARGS__); \
  } while (0)

Status names_of(const std::string& text, ClassNames* out) {
  return parse_class_names(reinterpret_cast<const uint8_t*>(text.data()), text.size(), out);
}

Status names_of(const std::string& text) {
  ClassNames ignored;
  return names_of(text, &ignored);
}

const char* const kTen[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};

std::string ten_lines(const std::string& eol = "\n", bool last = true) {
  std::string s;
  for (int i = 0; i < 10; ++i) s += kTen[i] + (i < 9 || last ? eol : "");
  return s;
}

// --- The class-names file ---

TEST(ClassNames, ReadsTenLinesInTheirForms) {
  for (const std::string& text :
       {ten_lines(), ten_lines("\n", false), ten_lines("\r\n"), ten_lines("\r\n", false),
        "\xEF\xBB\xBF" + ten_lines(), ten_lines() + "\n  \n\r\n"}) {
    ClassNames names;
    ASSERT_TRUE(names_of(text, &names)) << describe(names_of(text));
    for (int i = 0; i < 10; ++i) EXPECT_EQ(names[static_cast<size_t>(i)], kTen[i]);
  }
}

TEST(ClassNames, TrimsSpacesAndKeepsUtf8) {
  std::string text = "  T-shirt/top \t\r\n\t바지\n";
  for (int i = 2; i < 10; ++i) text += "class " + std::to_string(i) + "\n";
  ClassNames names;
  ASSERT_TRUE(names_of(text, &names)) << describe(names_of(text));
  EXPECT_EQ(names[0], "T-shirt/top");
  EXPECT_EQ(names[1], "\xEB\xB0\x94\xEC\xA7\x80");
  EXPECT_EQ(names[9], "class 9");
  // Exactly 40 bytes is allowed (ten 4-byte characters too).
  std::string longest = std::string(40, 'x') + "\n" + std::string(10 * 1, ' ');
  for (int i = 1; i < 9; ++i) longest += "n\n";
  longest += "\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95"
             "\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95\xF0\x9F\x91\x95\n";
  ASSERT_TRUE(names_of(longest, &names)) << describe(names_of(longest));
  EXPECT_EQ(names[0].size(), 40u);
  EXPECT_EQ(names[9].size(), 40u);
}

TEST(ClassNames, RefusalsNameTheLine) {
  ClassNames kept = digit_class_names();
  kept[0] = "kept";
  ClassNames out = kept;
  EXPECT_REFUSED(names_of(""), ErrorCode::kNamesEmpty);
  EXPECT_REFUSED(names_of("\n\n  \n"), ErrorCode::kNamesEmpty);
  EXPECT_REFUSED(names_of(std::string(5000, 'a')), ErrorCode::kNamesTooLarge, "5000", "4096");
  // Nine and eleven names.
  std::string nine;
  for (int i = 0; i < 9; ++i) nine += kTen[i] + std::string("\n");
  EXPECT_REFUSED(names_of(nine, &out), ErrorCode::kNamesCount, "9");
  EXPECT_REFUSED(names_of(ten_lines() + "ten\n"), ErrorCode::kNamesCount, "11");
  // An empty line before the last name (a whitespace-only one too).
  std::string gap = ten_lines();
  gap.insert(gap.find("three"), "\n");
  EXPECT_REFUSED(names_of(gap), ErrorCode::kNamesEmptyLine, "4");
  std::string blank = ten_lines("\r\n");
  blank.insert(0, " \t\r\n");
  EXPECT_REFUSED(names_of(blank), ErrorCode::kNamesEmptyLine, "1");
  // Over 40 bytes after trimming (41 ASCII; 14 Hangul syllables are 42 bytes).
  std::string too_long = ten_lines();
  too_long.replace(too_long.find("five"), 4, std::string(41, 'f'));
  EXPECT_REFUSED(names_of(too_long), ErrorCode::kNamesTooLong, "6", "41", "40");
  std::string hangul;
  for (int i = 0; i < 14; ++i) hangul += "\xEB\xB0\x94";
  std::string korean = ten_lines();
  korean.replace(korean.find("zero"), 4, hangul);
  EXPECT_REFUSED(names_of(korean), ErrorCode::kNamesTooLong, "1", "42", "40");
  // Invalid UTF-8: a lone continuation byte, a truncated sequence, an overlong '/', a surrogate,
  // Latin-1.
  for (const char* bad : {"\x80", "\xEB\xB0", "\xC0\xAF", "\xED\xA0\x80", "caf\xE9"}) {
    std::string text = ten_lines();
    text.replace(text.find("seven"), 5, bad);
    EXPECT_REFUSED(names_of(text), ErrorCode::kNamesUtf8, "8");
  }
  // Control characters inside a name.
  for (const std::string& bad : {std::string("a\tb"), std::string("a\x00" "b", 3), std::string("\x1B[31m"),
                                 std::string("a\rb")}) {
    std::string text = ten_lines();
    text.replace(text.find("two"), 3, bad);
    EXPECT_REFUSED(names_of(text), ErrorCode::kNamesControl, "3");
  }
  EXPECT_EQ(out, kept);  // left alone
  EXPECT_EQ(describe(names_of(nine)),
            "the class-names file has 9 names, expected 10 (one per line, class 0 first)");
}

TEST(ClassNames, DigitsByDefault) {
  EXPECT_EQ(digit_class_names()[0], "0");
  EXPECT_EQ(digit_class_names()[9], "9");
}

TEST(Utf8, SequenceLengths) {
  auto len = [](const std::string& s) {
    return utf8_sequence_length(reinterpret_cast<const uint8_t*>(s.data()), s.size());
  };
  EXPECT_EQ(len("a"), 1u);
  EXPECT_EQ(len("\xC3\xA9"), 2u);
  EXPECT_EQ(len("\xEB\xB0\x94"), 3u);
  EXPECT_EQ(len("\xF0\x9F\x91\x95"), 4u);
  EXPECT_EQ(len("\xF4\x8F\xBF\xBF"), 4u);  // U+10FFFF
  EXPECT_EQ(len("\xF4\x90\x80\x80"), 0u);  // above it
  EXPECT_EQ(len("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(len("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(len("\xC3"), 0u);
  EXPECT_EQ(len(""), 0u);
}

// --- IDX pairs of any N ---

IdxImages images_28(int count) {
  IdxImages im;
  im.count = count;
  im.rows = im.cols = 28;
  for (int k = 0; k < count * 784; ++k) im.pixels.push_back(static_cast<uint8_t>(k * 11));
  return im;
}

TEST(UserIdx, AnyCountOf28x28Images) {
  for (int count : {1, 3, 17}) {
    std::vector<uint8_t> labels;
    for (int i = 0; i < count; ++i) labels.push_back(static_cast<uint8_t>(i % 10));
    LabelledImages part;
    ASSERT_TRUE(make_labelled_images(images_28(count), labels, false, &part));
    EXPECT_EQ(part.count(), count);
    EXPECT_EQ(part.pixels, images_28(count).pixels);
    EXPECT_EQ(part.labels, labels);
  }
}

TEST(UserIdx, RefusesCountsThatDifferTooManyAndOtherShapes) {
  LabelledImages part;
  part.labels = {5};
  EXPECT_REFUSED(make_labelled_images(images_28(3), {1, 2}, false, &part),
                 ErrorCode::kTrainCountsDisagree, "3", "2");
  EXPECT_REFUSED(make_labelled_images(images_28(2), {1, 2, 3, 4}, true, &part),
                 ErrorCode::kTestCountsDisagree, "2", "4");
  EXPECT_EQ(describe(make_labelled_images(images_28(3), {1, 2}, false, &part)),
            "train images (3) and labels (2) disagree in count");
  // 200,001 images: refused on the counts, before any pixel is looked at.
  IdxImages many;
  many.count = kMaxImages + 1;
  many.rows = many.cols = 28;
  EXPECT_REFUSED(make_labelled_images(many, std::vector<uint8_t>(kMaxImages + 1, 0), false, &part),
                 ErrorCode::kTrainImagesTooMany, "200001", "200000");
  EXPECT_REFUSED(make_labelled_images(many, std::vector<uint8_t>(kMaxImages + 1, 0), true, &part),
                 ErrorCode::kTestImagesTooMany, "200001", "200000");
  IdxImages small = images_28(2);
  small.rows = small.cols = 14;
  EXPECT_REFUSED(make_labelled_images(small, {0, 1}, false, &part), ErrorCode::kTrainImagesShape,
                 "14", "14");
  EXPECT_REFUSED(make_labelled_images(images_28(2), {0, 10}, true, &part),
                 ErrorCode::kTestLabelRange, "10", "1");
  EXPECT_EQ(part.labels, std::vector<uint8_t>{5});  // left alone
}

// --- The Dataset ---

LabelledImages part_of(int count, int seed) {
  LabelledImages p;
  for (int i = 0; i < count; ++i) p.labels.push_back(static_cast<uint8_t>((i + seed) % 10));
  for (int k = 0; k < count * 784; ++k) p.pixels.push_back(static_cast<uint8_t>(k * 7 + seed));
  return p;
}

TEST(UserDataset, TrainTestAndNames) {
  ClassNames names;
  ASSERT_TRUE(names_of(ten_lines(), &names));
  Dataset d;
  ASSERT_TRUE(make_user_dataset(part_of(12, 1), part_of(5, 2), &names, &d));
  EXPECT_EQ(d.side, 28);
  EXPECT_EQ(d.train_count(), 12);
  EXPECT_EQ(d.test_count(), 5);
  EXPECT_EQ(d.train_images, part_of(12, 1).pixels);
  EXPECT_EQ(d.test_labels, part_of(5, 2).labels);
  EXPECT_EQ(d.class_names[3], "three");
  // Pooled to 14×14 as the bundle tool pools: names kept.
  Dataset small;
  ASSERT_TRUE(downsample(d, 14, &small));
  EXPECT_EQ(small.side, 14);
  EXPECT_EQ(small.train_images.size(), 12u * 196);
  const uint8_t* p = d.train_images.data();
  EXPECT_EQ(small.train_images[0], (p[0] + p[1] + p[28] + p[29] + 2) / 4);
  EXPECT_EQ(small.class_names[3], "three");
}

TEST(UserDataset, NoTestSetAndDigitNames) {
  Dataset d;
  ASSERT_TRUE(make_user_dataset(part_of(3, 0), LabelledImages(), nullptr, &d));
  EXPECT_EQ(d.test_count(), 0);
  EXPECT_TRUE(d.test_images.empty());
  EXPECT_EQ(d.class_names, digit_class_names());
}

TEST(UserDataset, Refusals) {
  Dataset d;
  d.side = 14;
  EXPECT_REFUSED(make_user_dataset(LabelledImages(), part_of(2, 0), nullptr, &d),
                 ErrorCode::kTrainingSetEmpty);
  LabelledImages bad = part_of(2, 0);
  bad.pixels.pop_back();
  EXPECT_REFUSED(make_user_dataset(bad, LabelledImages(), nullptr, &d), ErrorCode::kTrainPixelCount,
                 "1567");
  EXPECT_REFUSED(make_user_dataset(part_of(2, 0), bad, nullptr, &d), ErrorCode::kTestPixelCount,
                 "1567");
  LabelledImages label = part_of(2, 0);
  label.labels[1] = 11;
  EXPECT_REFUSED(make_user_dataset(label, LabelledImages(), nullptr, &d), ErrorCode::kTrainLabelRange,
                 "11", "1");
  EXPECT_EQ(d.side, 14);  // left alone
}

}  // namespace
}  // namespace fm
