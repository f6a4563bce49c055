// Tests of sketch_file.cpp: the sketch format is read exactly (defaults, escapes, whitespace), and
// every refusal names what is wrong and where, in English and Korean.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/sketch_file.h"
#include "messages/messages.h"

namespace fm {
namespace {

Status parse(const std::string& text, SketchFile* out) {
  return parse_sketch_file(reinterpret_cast<const uint8_t*>(text.data()), text.size(), out);
}

// The refusal's English sentence ("" when accepted).
std::string refusal(const std::string& text) {
  SketchFile f;
  const Status s = parse(text, &f);
  return s ? "" : describe(s);
}

TEST(SketchFile, ReadsTheFormatWithItsDefaults) {
  SketchFile f;
  ASSERT_TRUE(parse(R"({"class": 3, "name": "dress-02", "strokes": [
      {"erase": false, "points": [[0.1, 0.2], [0.3, 0.4]]},
      {"points": [[1, 0]], "erase": true, "width": 0.25},
      {"width": 1e-1, "points": [[0, 1.0E0]]}]})", &f));
  EXPECT_EQ(f.label, 3);
  EXPECT_EQ(f.name, "dress-02");
  ASSERT_EQ(f.strokes.size(), 3u);
  EXPECT_FALSE(f.strokes[0].erase);
  EXPECT_FLOAT_EQ(f.strokes[0].width, kDefaultBrushFraction);
  ASSERT_EQ(f.strokes[0].points.size(), 2u);
  EXPECT_FLOAT_EQ(f.strokes[0].points[1].x, 0.3f);
  EXPECT_FLOAT_EQ(f.strokes[0].points[1].y, 0.4f);
  EXPECT_TRUE(f.strokes[1].erase);
  EXPECT_FLOAT_EQ(f.strokes[1].width, 0.25f);
  EXPECT_FLOAT_EQ(f.strokes[1].points[0].x, 1.0f);
  EXPECT_FALSE(f.strokes[2].erase);
  EXPECT_FLOAT_EQ(f.strokes[2].width, 0.1f);
  EXPECT_FLOAT_EQ(f.strokes[2].points[0].y, 1.0f);
  // Minimal, compact, name absent; a byte-order mark and CRLF line ends are fine.
  ASSERT_TRUE(parse("\xEF\xBB\xBF{\"strokes\":[{\"points\":[[0.5,0.5]]}],\r\n\"class\":0}\r\n", &f));
  EXPECT_EQ(f.label, 0);
  EXPECT_EQ(f.name, "");
  // Escapes in the name, and UTF-8.
  ASSERT_TRUE(parse(R"({"class": 9, "name": "\"boot\" \u00e9\ud83d\ude00 부츠", "strokes": [{"points": [[0, 0]]}]})", &f));
  EXPECT_EQ(f.name, "\"boot\" \xC3\xA9\xF0\x9F\x98\x80 \xEB\xB6\x80\xEC\xB8\xA0");
}

TEST(SketchFile, RefusesEachBadFileWithWhereAndWhat) {
  EXPECT_EQ(refusal(""), "the sketch file is empty");
  EXPECT_EQ(refusal("  \n"), "the sketch file is empty");
  EXPECT_NE(refusal("[1, 2]").find("not a sketch file"), std::string::npos);
  EXPECT_EQ(refusal("{\"class\": 3,\n \"strokes\" []}"), "the sketch file is not valid JSON at line 2, column 12");
  EXPECT_EQ(refusal(R"({"class": 3, "strokes": [{"points": [[0, 0]]}]} extra)"),
            "the sketch file is not valid JSON at line 1, column 49");
  EXPECT_EQ(refusal("{\"class\": 3, \"strokes\": [{\"points\": [[0, 0]]}"),
            "the sketch file is not valid JSON at line 1, column 46");
  EXPECT_EQ(refusal(R"({"class": 3})"), "the sketch file has no \"strokes\"");
  EXPECT_EQ(refusal(R"({"strokes": [{"points": [[0, 0]]}]})"), "the sketch file has no \"class\"");
  EXPECT_EQ(refusal(R"({"class": 10, "strokes": [{"points": [[0, 0]]}]})"),
            "the sketch's class must be a whole number from 0 to 9");
  EXPECT_EQ(refusal(R"({"class": 2.5, "strokes": [{"points": [[0, 0]]}]})"),
            "the sketch's class must be a whole number from 0 to 9");
  EXPECT_EQ(refusal(R"({"class": "3", "strokes": [{"points": [[0, 0]]}]})"),
            "the sketch's class must be a whole number from 0 to 9");
  EXPECT_EQ(refusal(R"({"class": 1, "class": 2, "strokes": [{"points": [[0, 0]]}]})"),
            "the sketch file gives the key \"class\" twice");
  EXPECT_NE(refusal(R"({"class": 1, "colour": 2})").find("unknown key \"colour\""), std::string::npos);
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": []})"), "the sketch's strokes must be a list of at least one stroke");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0]]}, 5]})"),
            "stroke 2 of the sketch is not an object with \"points\"");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"erase": true}]})"), "stroke 1 of the sketch has no points");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": []}]})"), "stroke 1 of the sketch has no points");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0], [0.5]]}]})"),
            "stroke 1, point 2 of the sketch is not a pair of numbers [x, y]");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0], [0.5, 0.5, 0.5]]}]})"),
            "stroke 1, point 2 of the sketch is not a pair of numbers [x, y]");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0]]}, {"points": [[0.5, 1.5]]}]})"),
            "stroke 2, point 1 of the sketch is [0.5, 1.5]: x and y must be between 0 and 1");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[-0.1, 0]]}]})"),
            "stroke 1, point 1 of the sketch is [-0.1, 0]: x and y must be between 0 and 1");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[NaN, 0]]}]})"),
            "stroke 1, point 1 of the sketch is not a pair of numbers [x, y]");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[1e999, 0]]}]})"),
            "stroke 1, point 1 of the sketch is [inf, 0]: x and y must be between 0 and 1");
  EXPECT_EQ(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0]], "erase": 1}]})"),
            "stroke 1 of the sketch: erase must be true or false");
  EXPECT_NE(refusal(R"({"class": 1, "strokes": [{"points": [[0, 0]], "width": 0}]})").find("stroke 1 of the sketch: width"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"class": 1, "name": 7, "strokes": [{"points": [[0, 0]]}]})").find("name must be text"),
            std::string::npos);
  // JSON's own rules: no leading zeros, plus signs, bare dots, single quotes, raw control bytes.
  for (const char* bad : {"{\"class\": 01}", "{\"class\": +1}", "{\"class\": .5}", "{'class': 1}",
                          "{\"class\": 1, \"name\": \"a\tb\"}", "{\"class\": 1, \"name\": \"\\ud800\"}",
                          "{\"class\": 1, \"name\": \"\xC3\"}"}) {
    EXPECT_FALSE(refusal(bad).empty()) << bad;
  }
  // Too large, before reading anything.
  const std::string big(kMaxSketchFileBytes + 1, ' ');
  EXPECT_NE(refusal(big).find("at most"), std::string::npos);
}

TEST(SketchFile, EveryRefusalHasAKoreanSentence) {
  SketchFile f;
  const Status s = parse(R"({"class": 1, "strokes": [{"points": [[0, 2]]}]})", &f);
  ASSERT_FALSE(s);
  const std::string ko = describe(s, Language::kKorean);
  EXPECT_NE(ko.find("스케치"), std::string::npos) << ko;
  EXPECT_NE(ko.find("[0, 2]"), std::string::npos) << ko;
  EXPECT_EQ(ko.find('{'), std::string::npos) << ko;  // every placeholder filled
}

TEST(SketchFile, LeavesTheOutputAloneOnError) {
  SketchFile f;
  f.label = 7;
  f.name = "kept";
  EXPECT_FALSE(parse(R"({"class": 1, "strokes": [{"points": [[0, 2]]}]})", &f));
  EXPECT_EQ(f.label, 7);
  EXPECT_EQ(f.name, "kept");
  EXPECT_TRUE(f.strokes.empty());
}

// A set of sketches ("My sketches" export, issue 14 §1): written, read back the same; a foreign or
// broken file refused with what and where (the sketch's number), nothing kept from it.
Status parse_set(const std::string& text, std::vector<SketchFile>* out) {
  return parse_sketch_set(reinterpret_cast<const uint8_t*>(text.data()), text.size(), out);
}

std::string set_refusal(const std::string& text, Language language = Language::kEnglish) {
  std::vector<SketchFile> set;
  const Status s = parse_set(text, &set);
  return s ? "" : describe(s, language);
}

TEST(SketchSet, WrittenSetReadsBackTheSame) {
  SketchFile a;
  a.label = 1;
  a.name = "trouser \"mine\"";
  Stroke s;
  s.width = 0.0786f;
  s.points = {{0.25f, 0.5f}, {0.3125f, 0.75f}};
  a.strokes = {s};
  SketchFile b = a;
  b.label = 9;
  b.name.clear();
  b.strokes[0].erase = true;
  const std::string text = write_sketch_set({a, b});
  std::vector<SketchFile> back;
  ASSERT_TRUE(parse_set(text, &back)) << text;
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].label, 1);
  EXPECT_EQ(back[0].name, a.name);
  EXPECT_EQ(back[1].label, 9);
  EXPECT_TRUE(back[1].strokes[0].erase);
  EXPECT_NEAR(back[0].strokes[0].width, 0.0786f, 1e-6f);
  ASSERT_EQ(back[0].strokes[0].points.size(), 2u);
  EXPECT_EQ(back[0].strokes[0].points[1].y, 0.75f);
  std::vector<SketchFile> none;
  ASSERT_TRUE(parse_set(write_sketch_set({}), &none));
  EXPECT_TRUE(none.empty());
}

TEST(SketchSet, RefusesForeignAndBrokenFilesKeepingTheOutput) {
  EXPECT_EQ(set_refusal(""), "the sketch file is empty");
  const std::string not_set = set_refusal("[1, 2]");
  EXPECT_NE(not_set.find("not a sketch set"), std::string::npos) << not_set;
  EXPECT_EQ(set_refusal(R"({"class": 1, "strokes": [{"points": [[0, 0]]}]})"), not_set);  // one sketch
  EXPECT_EQ(set_refusal(R"({"format": "other", "sketches": []})"), not_set);
  EXPECT_EQ(set_refusal(R"({"format": "fmnist-sketches"})"), not_set);
  EXPECT_EQ(set_refusal(R"({"format": "fmnist-sketches", "version": 2, "sketches": []})"), not_set);
  EXPECT_EQ(set_refusal(R"({"format": "fmnist-sketches", "sketches": [{"class": 1, "strokes": [{"points": [[0, 0]]}]}, {"class": 12, "strokes": [{"points": [[0, 0]]}]}]})"),
            "sketch 2: the sketch's class must be a whole number from 0 to 9");
  EXPECT_EQ(set_refusal("{\"format\": \"fmnist-sketches\",\n \"sketches\": [{\"class\": 1 \"strokes\": []}]}"),
            "the sketch file is not valid JSON at line 2, column 27");
  const std::string ko = set_refusal(R"({"format": "fmnist-sketches", "sketches": [{"class": 1, "strokes": [{"points": [[0, 2]]}]}]})",
                                     Language::kKorean);
  EXPECT_NE(ko.find("1번째 스케치"), std::string::npos) << ko;
  EXPECT_EQ(ko.find('{'), std::string::npos) << ko;
  EXPECT_NE(set_refusal(R"({"format": "fmnist-sketches"})", Language::kKorean).find("스케치 묶음"), std::string::npos);
  std::vector<SketchFile> kept(3);
  EXPECT_FALSE(parse_set(R"({"format": "fmnist-sketches", "sketches": [5]})", &kept));
  EXPECT_EQ(kept.size(), 3u);
  std::string many = R"({"format": "fmnist-sketches", "sketches": [)";
  for (size_t i = 0; i <= kMaxSketchSetSize; ++i) many += (i ? "," : "") + std::string(R"({"class": 1, "strokes": [{"points": [[0, 0]]}]})");
  EXPECT_NE(set_refusal(many + "]}").find("too many sketches"), std::string::npos);
}

}  // namespace
}  // namespace fm
