// Tests of the message catalogue (src/messages): every core error code has an English and a Korean
// sentence with the same placeholders, the parameters land where they should, and a Status with
// its reason ({why}) reads as one sentence in either language.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/status.h"
#include "engine/protocol.h"
#include "messages/messages.h"

namespace fm {
namespace {

// The placeholders of a template ("{0}", "{why}", …) and anything else in braces, as written.
std::multiset<std::string> placeholders(const std::string& text) {
  std::multiset<std::string> out;
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    out.insert(close == std::string::npos ? text.substr(open) : text.substr(open, close - open + 1));
  }
  return out;
}

std::set<std::string> distinct(const std::multiset<std::string>& m) { return {m.begin(), m.end()}; }

bool has_hangul(const std::string& text) {
  // U+AC00..U+D7A3 in UTF-8 start with a byte 0xEA..0xED.
  for (unsigned char c : text) {
    if (c >= 0xEA && c <= 0xED) return true;
  }
  return false;
}

std::vector<ErrorCode> all_codes() {
  std::vector<ErrorCode> codes;
  for (int i = 1; i < static_cast<int>(ErrorCode::kCount); ++i) codes.push_back(static_cast<ErrorCode>(i));
  return codes;
}

TEST(Messages, EveryCodeHasEnglishAndKoreanWithTheSamePlaceholders) {
  ASSERT_GT(all_codes().size(), 50u);
  for (ErrorCode code : all_codes()) {
    SCOPED_TRACE(error_code_name(code));
    const std::string en = message_template(code, Language::kEnglish);
    const std::string ko = message_template(code, Language::kKorean);
    ASSERT_FALSE(en.empty());
    ASSERT_FALSE(ko.empty());
    // Exactly {0} … {n−1}, each at least once, plus {why} where the sentence has a reason.
    std::set<std::string> expected;
    for (int i = 0; i < error_parameter_count(code); ++i) expected.insert("{" + std::to_string(i) + "}");
    std::set<std::string> en_set = distinct(placeholders(en));
    const bool has_why = en_set.erase("{why}") > 0;
    EXPECT_EQ(en_set, expected) << en;
    if (has_why) expected.insert("{why}");
    EXPECT_EQ(distinct(placeholders(ko)), expected) << ko;
    if (code != ErrorCode::kText) {
      EXPECT_TRUE(has_hangul(ko)) << "the Korean row is not Korean: " << ko;
      EXPECT_NE(en, ko);
    }
  }
}

// The codes with a reason: a divergence (kWhy…) and a model file's bad layer list (kArch…).
TEST(Messages, OnlyDivergenceBadLayersNamesHistoryAndSketchSetItemHaveAReason) {
  for (ErrorCode code : all_codes()) {
    const bool why = std::string(message_template(code, Language::kEnglish)).find("{why}") !=
                     std::string::npos;
    EXPECT_EQ(why, code == ErrorCode::kDiverged || code == ErrorCode::kModelLayers ||
                       code == ErrorCode::kModelClassNames || code == ErrorCode::kModelHistory ||
                       code == ErrorCode::kSketchSetItem)
        << error_code_name(code);
  }
}

TEST(Messages, CodeNamesRoundTrip) {
  std::set<std::string> names;
  for (ErrorCode code : all_codes()) {
    const std::string name = error_code_name(code);
    EXPECT_TRUE(names.insert(name).second) << name;
    ErrorCode back = ErrorCode::kNone;
    ASSERT_TRUE(error_code_from_name(name, &back)) << name;
    EXPECT_EQ(back, code);
  }
  ErrorCode unused = ErrorCode::kNone;
  EXPECT_FALSE(error_code_from_name("None", &unused));
  EXPECT_FALSE(error_code_from_name("NoSuchCode", &unused));
  EXPECT_EQ(std::string(error_code_name(ErrorCode::kModelTruncated)), "ModelTruncated");
}

TEST(Messages, ParametersFillTheSentence) {
  const Status batch = Status::Error(ErrorCode::kBatchSize, {param(480), param(0)});
  EXPECT_EQ(describe(batch), "batch size must be between 1 and 480 (got 0)");
  EXPECT_EQ(describe(batch, Language::kKorean), "배치 크기는 1에서 480 사이여야 합니다 (받은 값: 0)");
  // A parameter may appear twice, and in another order in Korean.
  const Status fits = Status::Error(ErrorCode::kModelInputSize, {param(28), param(14)});
  EXPECT_EQ(describe(fits), "model expects 28×28 inputs but the data is 14×14");
  EXPECT_EQ(describe(fits, Language::kKorean), "이 모델의 입력은 28×28인데 데이터는 14×14입니다");
  const Status idx = Status::Error(ErrorCode::kIdxHeaderAbsurd, {param(5), param(0), param(28)});
  EXPECT_EQ(describe(idx), "IDX header is absurd: 5 images of 0×28");
  EXPECT_EQ(describe(idx, Language::kKorean), "IDX 헤더가 비정상입니다: 0×28 이미지 5개");
  EXPECT_EQ(describe(Status::Ok()), "");
  EXPECT_EQ(describe(Status::Ok(), Language::kKorean), "");
}

TEST(Messages, TheReasonIsSaidInTheSameLanguage) {
  Status s = Status::Error(ErrorCode::kDiverged, {param(1), param(37), param(1e-3)});
  s.because(ErrorCode::kWhyLoss, {param(1.0 / 0.0)});
  EXPECT_EQ(describe(s),
            "training diverged at epoch 1, batch 37 (loss inf): try a smaller learning rate, e.g. 0.001");
  EXPECT_EQ(describe(s, Language::kKorean),
            "훈련이 에포크 1, 배치 37에서 발산했습니다 (손실 inf): 더 작은 학습률을 써 보세요 (예: 0.001)");
}

TEST(Messages, NumbersAsTheSentencesShowThem) {
  EXPECT_EQ(param(48000), "48000");
  EXPECT_EQ(param(static_cast<unsigned long long>(1) << 40), "1099511627776");
  EXPECT_EQ(param(1e-3), "0.001");
  EXPECT_EQ(param(static_cast<double>(1e-3f)), "0.001");
  EXPECT_EQ(param(10.0 * 2.302585092994046), "23.0259");
  EXPECT_EQ(param(-0.5f), "-0.5");
}

TEST(Messages, AFrontEndsOwnSentenceComesBackAsIs) {
  const Status s = text_error("--side must be 14 or 28");
  EXPECT_FALSE(s);
  EXPECT_EQ(s.code, ErrorCode::kText);
  EXPECT_EQ(describe(s), "--side must be 14 or 28");
  EXPECT_EQ(describe(s, Language::kKorean), "--side must be 14 or 28");
}

// The engine (a Web Worker) sends codes, not sentences: the page says them in its own language.
TEST(Messages, AStatusCrossesTheEngineProtocolAsACode) {
  Status s = Status::Error(ErrorCode::kDiverged, {param(2), param(5), param(1e-4)});
  s.because(ErrorCode::kWhyLossAbove, {param(31.5), param(23.0259), param(50)});
  FieldWriter w;
  write_status(w, s);
  EXPECT_EQ(w.text().rfind("status=Diverged&status_params=2,5,0.0001&status_why=WhyLossAbove", 0), 0u)
      << w.text();
  Status back;
  ASSERT_TRUE(read_status(FieldReader(w.text()), &back));
  EXPECT_EQ(describe(back), describe(s));
  EXPECT_EQ(describe(back, Language::kKorean), describe(s, Language::kKorean));

  // A parameter holding the list separator and spaces survives; so does a front end's sentence.
  const Status text = text_error("a, b & c");
  FieldWriter tw;
  write_status(tw, text);
  ASSERT_TRUE(read_status(FieldReader(tw.text()), &back));
  EXPECT_EQ(describe(back), "a, b & c");

  EXPECT_FALSE(read_status(FieldReader("status=NoSuchCode"), &back));
  EXPECT_FALSE(read_status(FieldReader("status=BatchSize&status_params=480"), &back));  // one short
}

}  // namespace
}  // namespace fm
