// The page's settings form, natively: the Training form ↔ the settings table's text (a link,
// saved settings), window.fmnist.train()'s arguments, the last check before a run, the form
// fields' limits, and every refusal worded in English and Korean.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "app/i18n/refusals.h"
#include "app/i18n/strings.h"
#include "app/settings/settings_form.h"
#include "engine/presets.h"
#include "engine/protocol.h"

namespace fm {
namespace {

constexpr uint64_t kMaxSeed = (1ULL << 53) - 1;  // 9007199254740991

// Each test sets the language it words refusals in; the tables are global.
struct InLanguage {
  explicit InLanguage(Language lang) { set_language(lang); }
  ~InLanguage() { set_language(Language::kEnglish); }
};

TEST(SettingsForm, DefaultFormIsTheLessonsSettings) {
  // The lesson's settings, at the Watch pace: the Train button on a first visit lets the learner
  // see the run (the settings table's default, full speed, is the API's and the benchmarks').
  const TrainForm form;
  Settings lesson;
  lesson.pace = Pace::kWatch;
  EXPECT_EQ(form.settings(), lesson);
  EXPECT_EQ(form.text(Language::kEnglish), format_settings(lesson) + "&lang=en");
  TrainForm full;
  full.set(Settings{});
  EXPECT_EQ(full.pace, Pace::kFull);
}

TEST(SettingsForm, ALinkSetsEveryFieldAndTheLanguageAndRoundTrips) {
  const std::string link =
      "#model=mlp&hidden=64,32&opt=adam&lr=0.01&batch=64&epochs=3&seed=9007199254740991&side=28"
      "&early_stopping=2&lang=ko";
  const TrainForm before;
  const FormUpdate u = read_settings_text(before, link);
  EXPECT_TRUE(u.errors.empty());
  ASSERT_TRUE(u.language.has_value());
  EXPECT_EQ(*u.language, Language::kKorean);
  EXPECT_TRUE(u.side_given());
  EXPECT_EQ(u.settings.model, ModelKind::kMlp);
  EXPECT_EQ(u.settings.hidden, (std::vector<int>{64, 32}));
  EXPECT_EQ(u.settings.opt, OptimizerKind::kAdam);
  EXPECT_EQ(u.settings.lr, 0.01f);
  EXPECT_EQ(u.settings.batch, 64);
  EXPECT_EQ(u.settings.epochs, 3);
  EXPECT_EQ(u.settings.seed, kMaxSeed) << "the largest seed the API accepts fits the form";
  EXPECT_EQ(u.settings.side, 28);

  TrainForm form;
  form.set(u.settings);
  EXPECT_EQ(form.side, 14) << "set() leaves the side to the caller (it may download data)";
  form.side = 28;
  EXPECT_EQ(form.seed, kMaxSeed);
  // The form's link reads back to the same form (early_stopping is not a form field).
  const FormUpdate back = read_settings_text(TrainForm{}, form.text(Language::kKorean));
  EXPECT_TRUE(back.errors.empty());
  TrainForm again;
  again.set(back.settings);
  again.side = back.settings.side;
  EXPECT_EQ(again.settings(), form.settings());
  EXPECT_EQ(again.text(Language::kKorean), form.text(Language::kKorean));
}

TEST(SettingsForm, RefusedValuesChangeNothingAndAreWordedInBothLanguages) {
  TrainForm form;
  form.batch = 50;
  const FormUpdate u = read_settings_text(form, "lr=abc&batch=0&colour=red&epochs=7");
  EXPECT_EQ(u.settings.batch, 50) << "a refused value keeps the form's";
  EXPECT_EQ(u.settings.epochs, 7) << "the valid rows still apply";
  ASSERT_EQ(u.errors.size(), 3u);
  {
    InLanguage en(Language::kEnglish);
    EXPECT_EQ(describe_setting_errors(u.errors),
              "lr=abc (a number above 0, at most 1000); batch=0 (a whole number from 1 to 4096); "
              "colour=red (unknown setting)");
    EXPECT_EQ(ignored_settings_notice(u.errors).rfind("Some settings in the link were ignored: lr=abc", 0), 0u);
  }
  {
    InLanguage ko(Language::kKorean);
    EXPECT_EQ(describe_setting_errors(u.errors),
              "lr=abc (0보다 크고 1000 이하인 수); batch=0 (1부터 4096까지의 정수); colour=red (알 수 없는 설정)");
    EXPECT_EQ(ignored_settings_notice(u.errors).rfind("링크의 설정 중 일부를 무시했습니다: ", 0), 0u);
  }
}

TEST(SettingsForm, ApiArgumentsAreCheckedByTheTableAndWordedAsAnApiCall) {
  Settings s;
  {
    InLanguage en(Language::kEnglish);
    const Status st = settings_from_api("seed=9007199254740992", 14, &s);
    ASSERT_FALSE(st);
    EXPECT_EQ(describe(st, Language::kEnglish),
              "seed must be a whole number from 0 to 9007199254740991 (not 9007199254740992)");
    const Status hidden = settings_from_api("model=mlp&hidden=0", 14, &s);
    ASSERT_FALSE(hidden);
    EXPECT_EQ(describe(hidden, Language::kEnglish),
              "hidden must be 1 or 2 widths from 1 to 1024, e.g. 100 or 100,50 (not 0)");
  }
  {
    InLanguage ko(Language::kKorean);
    const Status st = settings_from_api("opt=sgdd", 14, &s);
    ASSERT_FALSE(st);
    EXPECT_EQ(describe(st, Language::kKorean), "opt 값은 sgd, rmsprop, adam여야 합니다 (받은 값: sgdd)");
  }
  // Rows not given take the lesson's defaults, the side the panels' one; a softmax run keeps no
  // hidden widths of its own.
  ASSERT_TRUE(settings_from_api("", 28, &s));
  Settings expected;
  expected.side = 28;
  EXPECT_EQ(s, expected);
  ASSERT_TRUE(settings_from_api("model=softmax&hidden=7&seed=9007199254740991", 14, &s));
  EXPECT_EQ(s.hidden, (std::vector<int>{100}));
  EXPECT_EQ(s.seed, kMaxSeed);
  // A value the API accepts goes into a link and back exactly.
  TrainForm form;
  form.set(s);
  EXPECT_EQ(read_settings_text(TrainForm{}, form.text(Language::kEnglish)).settings.seed, kMaxSeed);
}

// train({preset}) and the Best for sketches button read the presets table: the preset's every
// row (side included), rows given with it over it, an unknown name refused with the names known.
TEST(SettingsForm, PresetsComeFromThePresetsTable) {
  Settings table;
  ASSERT_TRUE(apply_preset("sketch", &table));
  Settings s;
  ASSERT_TRUE(settings_from_api("preset=sketch", 28, &s));
  EXPECT_EQ(s, table);
  EXPECT_EQ(s.model, ModelKind::kCnnSmall);
  EXPECT_TRUE(s.augment);
  ASSERT_TRUE(settings_from_api("epochs=2&preset=sketch&seed=7", 28, &s));
  Settings over = table;
  over.epochs = 2;
  over.seed = 7;
  EXPECT_EQ(s, over);
  {
    InLanguage en(Language::kEnglish);
    const Status st = settings_from_api("preset=drawing", 14, &s);
    ASSERT_FALSE(st);
    EXPECT_EQ(describe(st, Language::kEnglish), "preset must be sketch (not drawing)");
  }
  // The form: the preset over it, side included, and back out as the same settings.
  TrainForm form;
  form.side = 28;
  ASSERT_TRUE(form.apply_preset("sketch"));
  EXPECT_EQ(form.settings(), table);
  EXPECT_EQ(read_settings_text(TrainForm{}, form.text(Language::kEnglish)).settings, table);
  TrainForm kept = form;
  EXPECT_FALSE(form.apply_preset("nope"));
  EXPECT_EQ(form.settings(), kept.settings());
  // Every model kind round-trips through the form's menu index.
  for (int k = 0; k < kModelKinds; ++k) {
    Settings m;
    m.model = static_cast<ModelKind>(k);
    TrainForm f;
    f.set(m);
    EXPECT_EQ(f.settings().model, m.model);
  }
}

TEST(SettingsForm, TheLastCheckBeforeARunBoundsTheBatchByTheTrainingSet) {
  Settings s;
  s.batch = 700;
  EXPECT_TRUE(check_run_settings(s, 700));
  InLanguage en(Language::kEnglish);
  const Status st = check_run_settings(s, 600);
  ASSERT_FALSE(st);
  EXPECT_EQ(describe(st, Language::kEnglish), "batch must be a whole number from 1 to 600");
  s.batch = 32;
  s.hidden = {1, 2, 3};  // three layers: a CLI model, not one the table accepts
  s.model = ModelKind::kMlp;
  EXPECT_FALSE(check_run_settings(s, 600));
}

// A number field's refusal (ui/number_field.cpp) words the row's own limits.
TEST(SettingsForm, FieldRefusalsSayTheTablesLimits) {
  InLanguage en(Language::kEnglish);
  SettingError e;
  e.row = find_setting("epochs");
  e.rule = e.row->rule;
  EXPECT_EQ(setting_reason(e), "a whole number from 1 to " + std::to_string(static_cast<long long>(e.row->hi)));
  e.row = find_setting("lr");
  e.rule = e.row->rule;
  char lr_reason[80];
  std::snprintf(lr_reason, sizeof(lr_reason), "a number above 0, at most %g", e.row->hi);
  EXPECT_EQ(setting_reason(e), lr_reason);
  EXPECT_FALSE(lr_acceptable(0));
  EXPECT_FALSE(lr_acceptable(-1e-3));
  EXPECT_FALSE(lr_acceptable(std::nan("")));
  EXPECT_FALSE(lr_acceptable(find_setting("lr")->hi * 2));
  EXPECT_TRUE(lr_acceptable(1e-3));
  EXPECT_TRUE(lr_acceptable(find_setting("lr")->hi));
}

TEST(SettingsForm, EngineRefusalsAreWordedInBothLanguages) {
  const std::string settings_refusal = "error command=train&reason=settings&keys=batch,foo&values=0,1";
  const std::string no_data = "error command=train&reason=no_data";
  const std::string other = "error command=cv&reason=busy";
  {
    InLanguage en(Language::kEnglish);
    EXPECT_EQ(engine_refusal_text(message_fields(Message{settings_refusal, {}})),
              "batch=0 (a whole number from 1 to 4096); foo=1 (unknown setting)");
    EXPECT_EQ(engine_refusal_text(message_fields(Message{no_data, {}})), "The data set is not loaded yet.");
    EXPECT_NE(engine_refusal_text(message_fields(Message{other, {}})).find("cv"), std::string::npos);
  }
  {
    InLanguage ko(Language::kKorean);
    EXPECT_EQ(engine_refusal_text(message_fields(Message{settings_refusal, {}})),
              "batch=0 (1부터 4096까지의 정수); foo=1 (알 수 없는 설정)");
    EXPECT_EQ(engine_refusal_text(message_fields(Message{no_data, {}})), "데이터 세트가 아직 로드되지 않았습니다.");
  }
}

}  // namespace
}  // namespace fm
