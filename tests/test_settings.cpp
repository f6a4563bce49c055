// Settings table tests: every row round-trips at its limits, refusals name the key, value and
// rule, seeds 0…2^53−1, unknown keys, precedence of partial texts, the TrainConfig mapping, and
// the k=v codec (percent-encoding, lists, exact numbers) the table and the protocol share.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "engine/fields.h"
#include "engine/presets.h"
#include "core/dataset.h"
#include "engine/settings.h"

namespace fm {
namespace {

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof(a)) == 0; }

// format → parse → format: the value survives and the text is stable.
void expect_round_trip(const Settings& s) {
  const std::string text = format_settings(s);
  Settings back;
  back.hidden = {7};  // not the default, so a missing row would show
  back.lr = 0.5f;
  const SettingsParse p = parse_settings(text, &back);
  EXPECT_TRUE(p.ok()) << text;
  EXPECT_EQ(back, s) << text;
  EXPECT_EQ(format_settings(back), text);
  EXPECT_TRUE(check_settings(s).empty()) << text;
}

TEST(Settings, DefaultsAreTheLessonsAndRoundTrip) {
  const Settings s;
  EXPECT_EQ(format_settings(s),
            "model=softmax&hidden=100&opt=rmsprop&lr=0.001&batch=32&epochs=5&seed=42&side=14&"
            "early_stopping=0&augment=0&pace=full");
  expect_round_trip(s);
  const TrainConfig c = to_train_config(s);
  const TrainConfig lesson;
  EXPECT_EQ(c.model, lesson.model);
  EXPECT_TRUE(c.hidden.empty());
  EXPECT_EQ(c.optimizer.kind, lesson.optimizer.kind);
  EXPECT_TRUE(same_bits(c.optimizer.lr, lesson.optimizer.lr));
  EXPECT_EQ(c.batch, lesson.batch);
  EXPECT_EQ(c.epochs, lesson.epochs);
  EXPECT_EQ(c.seed, lesson.seed);
  EXPECT_EQ(c.early_stopping, 0);
}

TEST(Settings, EveryRowRoundTripsAtItsLimits) {
  Settings lo;
  lo.model = ModelKind::kMlp;
  lo.hidden = {1};
  lo.opt = OptimizerKind::kSgd;
  lo.lr = std::numeric_limits<float>::denorm_min();  // the smallest positive float
  lo.batch = 1;
  lo.epochs = 1;
  lo.seed = 0;
  lo.side = 14;
  lo.early_stopping = 0;
  expect_round_trip(lo);

  Settings hi;
  hi.model = ModelKind::kMlp;
  hi.hidden = {1024, 1024};
  hi.opt = OptimizerKind::kAdam;
  hi.lr = 1000.0f;
  hi.batch = 4096;
  hi.epochs = 1000;
  hi.seed = 9007199254740991ull;  // 2^53 − 1
  hi.side = 28;
  hi.early_stopping = 1000;
  hi.augment = true;
  hi.pace = Pace::kWatch;
  expect_round_trip(hi);
  EXPECT_EQ(format_settings(hi),
            "model=mlp&hidden=1024,1024&opt=adam&lr=1000&batch=4096&epochs=1000&"
            "seed=9007199254740991&side=28&early_stopping=1000&augment=1&pace=watch");
  // pace is full or watch; it is the engine's, not the core's: the config is the same.
  for (const char* bad : {"pace=slow", "pace=Watch", "pace=", "pace=1"}) {
    Settings t;
    EXPECT_FALSE(parse_settings(bad, &t).ok()) << bad;
    EXPECT_EQ(t.pace, Pace::kFull);
  }
  Settings watch;
  ASSERT_TRUE(parse_settings("pace=watch", &watch).ok());
  EXPECT_EQ(watch.pace, Pace::kWatch);
  const TrainConfig a = to_train_config(watch), b = to_train_config(Settings{});
  EXPECT_EQ(settings_from_config(a, 14), settings_from_config(b, 14));
  // augment is 0 or 1, the protocol's booleans.
  for (const char* bad : {"augment=true", "augment=2", "augment="}) {
    Settings t;
    EXPECT_FALSE(parse_settings(bad, &t).ok()) << bad;
    EXPECT_FALSE(t.augment);
  }
}

// The models have the core's one spelling (model_kind_name), in ModelKind's order.
TEST(Settings, ModelsAreTheCoresKinds) {
  const SettingRow* row = find_setting("model");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->choices.size(), static_cast<size_t>(kModelKinds));
  for (int i = 0; i < kModelKinds; ++i) {
    EXPECT_STREQ(row->choices[static_cast<size_t>(i)], model_kind_name(static_cast<ModelKind>(i)));
  }
  Settings s;
  ASSERT_TRUE(parse_settings("model=cnn&side=28&early_stopping=2&opt=adam&epochs=20", &s).ok());
  EXPECT_EQ(s.model, ModelKind::kCnn);
  EXPECT_EQ(s.early_stopping, 2);
  const TrainConfig c = to_train_config(s);
  EXPECT_EQ(c.model, ModelKind::kCnn);
  EXPECT_EQ(c.early_stopping, 2);
  EXPECT_TRUE(c.hidden.empty());
  EXPECT_EQ(settings_from_config(c, 28), s);
  Settings watching = s;
  watching.pace = Pace::kWatch;
  EXPECT_EQ(settings_from_config(c, 28, watching), watching);  // pace is the base's
  expect_round_trip(s);
  ASSERT_TRUE(parse_settings("model=cnn-small", &s).ok());
  EXPECT_EQ(s.model, ModelKind::kCnnSmall);
  expect_round_trip(s);
}

TEST(Settings, LearningRatesRoundTripBitwiseInTheirShortestForm) {
  // Floats across the range, including ones whose shortest decimal needs 9 digits.
  const float samples[] = {1e-3f,           0.1f,          0.3f,       1.0f / 3.0f,
                           3e-7f,           123.456f,      999.99994f, 7e-45f,
                           1.17549435e-38f, 0.0009999999f, 2.5e-4f,    16777217.0f / 65536.0f};
  const SettingRow& lr = *find_setting("lr");
  for (const float x : samples) {
    SettingValue v;
    v.number = x;
    const std::string text = format_setting(lr, v);
    SettingValue back;
    ASSERT_TRUE(parse_setting(lr, text, &back)) << text;
    EXPECT_TRUE(same_bits(back.number, x)) << text;
    // Shortest: one digit fewer does not give the same float.
    EXPECT_LE(text.size(), 15u);
  }
  SettingValue v;
  v.number = 0.001f;
  EXPECT_EQ(format_setting(lr, v), "0.001");
  v.number = 1.0f / 3.0f;
  EXPECT_EQ(format_setting(lr, v), "0.33333334");
  // A stride through every exponent: all round-trip.
  for (float x = 1e-44f; x < 1000.0f; x *= 1.37f) {
    v.number = x;
    SettingValue back;
    ASSERT_TRUE(parse_setting(lr, format_setting(lr, v), &back));
    ASSERT_TRUE(same_bits(back.number, x)) << format_setting(lr, v);
  }
}

TEST(Settings, SeedsAreWholeNumbersUpTo2Pow53Minus1) {
  Settings s;
  EXPECT_TRUE(parse_settings("seed=9007199254740991", &s).ok());
  EXPECT_EQ(s.seed, 9007199254740991ull);
  EXPECT_TRUE(parse_settings("seed=0", &s).ok());
  EXPECT_EQ(s.seed, 0u);
  EXPECT_TRUE(parse_settings("seed=3000000000", &s).ok());  // beyond today's form's 2^31 − 1
  EXPECT_EQ(s.seed, 3000000000u);

  for (const char* bad : {"seed=9007199254740992", "seed=-1", "seed=1e3", "seed=1.0", "seed=+5",
                          "seed= 5", "seed=", "seed=99999999999999999999999", "seed=-0"}) {
    Settings t;
    const SettingsParse p = parse_settings(bad, &t);
    ASSERT_EQ(p.errors.size(), 1u) << bad;
    EXPECT_EQ(p.errors[0].key, "seed") << bad;
    EXPECT_EQ(p.errors[0].rule, SettingRule::kWhole) << bad;
    ASSERT_NE(p.errors[0].row, nullptr);
    EXPECT_EQ(p.errors[0].row->hi, 9007199254740991.0);
    EXPECT_EQ(t.seed, 42u) << bad;  // unchanged
  }
  // A seed set in code beyond the table's range is reported, not silently clamped.
  Settings big;
  big.seed = 9007199254740992ull;
  const std::vector<SettingError> errors = check_settings(big);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].key, "seed");
}

TEST(Settings, RefusalsNameTheKeyTheValueAndTheRule) {
  struct Case {
    const char* text;
    const char* key;
    const char* value;
    SettingRule rule;
  };
  const Case cases[] = {
      {"model=resnet", "model", "resnet", SettingRule::kChoice},
      {"model=CNN", "model", "CNN", SettingRule::kChoice},
      {"model=cnn_small", "model", "cnn_small", SettingRule::kChoice},
      {"model=Softmax", "model", "Softmax", SettingRule::kChoice},
      {"hidden=0", "hidden", "0", SettingRule::kWholeList},
      {"hidden=1025", "hidden", "1025", SettingRule::kWholeList},
      {"hidden=100,50,20", "hidden", "100,50,20", SettingRule::kWholeList},
      {"hidden=100,", "hidden", "100,", SettingRule::kWholeList},
      {"hidden=", "hidden", "", SettingRule::kWholeList},
      {"opt=nadam", "opt", "nadam", SettingRule::kChoice},
      {"lr=0", "lr", "0", SettingRule::kNumber},
      {"lr=-0.1", "lr", "-0.1", SettingRule::kNumber},
      {"lr=1000.001", "lr", "1000.001", SettingRule::kNumber},
      {"lr=1e-60", "lr", "1e-60", SettingRule::kNumber},  // rounds to float 0
      {"lr=nan", "lr", "nan", SettingRule::kNumber},
      {"lr=inf", "lr", "inf", SettingRule::kNumber},
      {"lr=0x10", "lr", "0x10", SettingRule::kNumber},
      {"batch=0", "batch", "0", SettingRule::kWhole},
      {"batch=4097", "batch", "4097", SettingRule::kWhole},
      {"batch=32.5", "batch", "32.5", SettingRule::kWhole},
      {"epochs=0", "epochs", "0", SettingRule::kWhole},
      {"epochs=1001", "epochs", "1001", SettingRule::kWhole},
      {"side=20", "side", "20", SettingRule::kChoice},
      {"side=014", "side", "014", SettingRule::kChoice},
      {"side=07", "side", "07", SettingRule::kChoice},
      {"side=8", "side", "8", SettingRule::kChoice},
      {"early_stopping=-1", "early_stopping", "-1", SettingRule::kWhole},
      {"early_stopping=1001", "early_stopping", "1001", SettingRule::kWhole},
      {"early_stopping=2.5", "early_stopping", "2.5", SettingRule::kWhole},
  };
  for (const Case& c : cases) {
    Settings s;
    const Settings before = s;
    const SettingsParse p = parse_settings(c.text, &s);
    ASSERT_EQ(p.errors.size(), 1u) << c.text;
    EXPECT_EQ(p.errors[0].key, c.key) << c.text;
    EXPECT_EQ(p.errors[0].value, c.value) << c.text;
    EXPECT_EQ(p.errors[0].rule, c.rule) << c.text;
    ASSERT_NE(p.errors[0].row, nullptr) << c.text;
    EXPECT_STREQ(p.errors[0].row->name, c.key);
    EXPECT_TRUE(p.applied.empty());
    EXPECT_EQ(s, before) << c.text;
  }
}

// The input sizes are the core's (kInputSides): 7×7 beside 14×14 and 28×28, each round-tripping.
TEST(Settings, InputSizesAreTheCoresSides) {
  const SettingRow* row = find_setting("side");
  ASSERT_NE(row, nullptr);
  ASSERT_EQ(row->choices.size(), std::size(kInputSides));
  for (size_t i = 0; i < std::size(kInputSides); ++i) {
    EXPECT_EQ(row->choices[i], std::to_string(kInputSides[i]));
    Settings s;
    s.side = kInputSides[i];
    EXPECT_TRUE(check_settings(s).empty()) << s.side;
    expect_round_trip(s);
  }
  Settings s;
  ASSERT_TRUE(parse_settings("side=7&model=mlp&hidden=100&opt=adam", &s).ok());
  EXPECT_EQ(s.side, 7);
  EXPECT_NE(format_settings(s).find("&side=7&"), std::string::npos) << format_settings(s);
  s.side = 9;
  ASSERT_EQ(check_settings(s).size(), 1u) << "a side the table has no choice for";
}

TEST(Settings, UnknownKeysAreReportedAndTheRestApplied) {
  Settings s;
  const SettingsParse p =
      parse_settings("#model=mlp&colour=blue&hidden=200,30&lang=ko&lr=0.01", &s);
  ASSERT_EQ(p.errors.size(), 2u);
  EXPECT_EQ(p.errors[0].rule, SettingRule::kUnknownKey);
  EXPECT_EQ(p.errors[0].key, "colour");
  EXPECT_EQ(p.errors[0].value, "blue");
  EXPECT_EQ(p.errors[0].row, nullptr);
  EXPECT_EQ(p.errors[1].key, "lang");  // a UI-only key: unknown to the train rows
  EXPECT_EQ(s.model, ModelKind::kMlp);
  EXPECT_EQ(s.hidden, (std::vector<int>{200, 30}));
  EXPECT_TRUE(same_bits(s.lr, 0.01f));
  EXPECT_EQ(p.applied.size(), 3u);
  EXPECT_STREQ(setting_rule_name(SettingRule::kUnknownKey), "unknown_key");
}

TEST(Settings, PartialTextsOverwriteOnlyTheirRowsSoTheLastOneWins) {
  Settings s;
  ASSERT_TRUE(parse_settings("epochs=7&seed=1", &s).ok());          // saved settings
  ASSERT_TRUE(parse_settings("?seed=2&seed=3&opt=adam", &s).ok());  // a link: last seed wins
  EXPECT_EQ(s.epochs, 7);
  EXPECT_EQ(s.seed, 3u);
  EXPECT_EQ(s.opt, OptimizerKind::kAdam);
  EXPECT_EQ(s.batch, 32);
  Settings alias;
  ASSERT_TRUE(parse_settings("optimizer=sgd", &alias).ok());  // today's links' older key
  EXPECT_EQ(alias.opt, OptimizerKind::kSgd);
  EXPECT_EQ(format_settings(alias).find("optimizer"), std::string::npos);
}

TEST(Settings, PercentEncodedValuesAreDecoded) {
  Settings s;
  ASSERT_TRUE(parse_settings("lr=1e%2D3&model=ml%70", &s).ok());
  EXPECT_TRUE(same_bits(s.lr, 1e-3f));
  EXPECT_EQ(s.model, ModelKind::kMlp);
  const SettingsParse p = parse_settings("model=%ZZ", &s);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].value, "%ZZ");
}

TEST(Settings, LongRefusedValuesAreCut) {
  Settings s;
  const SettingsParse p = parse_settings("model=" + std::string(500, 'x'), &s);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].value.size(), 64u);
}

TEST(Settings, UiOnlyRowsComeFromTheCallersOwnTable) {
  const std::vector<SettingRow> ui = {{"lang",
                                       nullptr,
                                       SettingScope::kUi,
                                       SettingRule::kChoice,
                                       0,
                                       0,
                                       0,
                                       {"en", "ko"},
                                       nullptr,
                                       nullptr}};
  Settings s;
  SettingsParse p = parse_settings("lang=ko&batch=64", &s, &ui);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p.extra_values.size(), 1u);
  EXPECT_STREQ(p.extra_values[0].first->name, "lang");
  EXPECT_EQ(p.extra_values[0].second.choice, 1);
  EXPECT_EQ(format_setting(ui[0], p.extra_values[0].second), "ko");
  EXPECT_EQ(s.batch, 64);
  p = parse_settings("lang=fr", &s, &ui);
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].row, &ui[0]);
  EXPECT_EQ(p.errors[0].rule, SettingRule::kChoice);
}

TEST(Settings, ConfigMappingBothWays) {
  Settings s;
  s.model = ModelKind::kMlp;
  s.hidden = {300, 40};
  s.opt = OptimizerKind::kAdam;
  s.lr = 0.0123f;
  s.batch = 100;
  s.epochs = 9;
  s.seed = 9007199254740991ull;
  s.side = 28;
  s.early_stopping = 3;
  s.augment = true;
  const TrainConfig c = to_train_config(s);
  EXPECT_EQ(c.model, ModelKind::kMlp);
  EXPECT_EQ(c.hidden, (std::vector<int>{300, 40}));
  EXPECT_EQ(c.hidden_activation, Activation::kRelu);
  EXPECT_EQ(c.optimizer.kind, OptimizerKind::kAdam);
  EXPECT_TRUE(same_bits(c.optimizer.lr, 0.0123f));
  EXPECT_EQ(c.batch, 100);
  EXPECT_EQ(c.epochs, 9);
  EXPECT_EQ(c.seed, 9007199254740991ull);
  EXPECT_EQ(c.early_stopping, 3);
  EXPECT_TRUE(c.augment);
  EXPECT_FALSE(to_train_config(Settings{}).augment);  // off by default: the lesson's
  EXPECT_EQ(settings_from_config(c, 28), s);
  Settings watching = s;
  watching.pace = Pace::kWatch;
  EXPECT_EQ(settings_from_config(c, 28, watching), watching);  // pace is the base's

  // A softmax config keeps the base's widths for a later switch to mlp.
  Settings base;
  base.hidden = {64};
  const Settings soft = settings_from_config(TrainConfig{}, 14, base);
  EXPECT_EQ(soft.model, ModelKind::kSoftmax);
  EXPECT_EQ(soft.hidden, (std::vector<int>{64}));
  EXPECT_TRUE(to_train_config(soft).hidden.empty());

  // A CLI model beyond the page's limits is copied and reported by check_settings.
  TrainConfig wide;
  wide.model = ModelKind::kMlp;
  wide.hidden = {2048, 10, 10};
  const std::vector<SettingError> errors = check_settings(settings_from_config(wide, 14));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].key, "hidden");
  EXPECT_EQ(errors[0].value, "2048,10,10");
}

// Every preset gives every train row, valid, in the table's canonical form; "sketch" is the
// recommended model for drawing (augmented, 14×14).
TEST(Presets, EachGivesEveryRowValidAndCanonical) {
  ASSERT_FALSE(presets_table().empty());
  for (const Preset& p : presets_table()) {
    SCOPED_TRACE(p.name);
    Settings s;
    s.hidden = {7};  // anything the preset leaves alone would stay
    const SettingsParse parse = parse_settings(p.settings, &s);
    EXPECT_TRUE(parse.ok());
    EXPECT_EQ(parse.applied.size(), settings_table().size());
    EXPECT_EQ(format_settings(s), p.settings);
    EXPECT_TRUE(check_settings(s).empty());
    Settings applied;
    EXPECT_TRUE(apply_preset(p.name, &applied));
    EXPECT_EQ(applied, s);
  }
  Settings sketch;
  ASSERT_TRUE(apply_preset("sketch", &sketch));
  EXPECT_TRUE(sketch.augment);
  EXPECT_EQ(sketch.side, 14);
  Settings kept;
  kept.lr = 0.5f;
  EXPECT_FALSE(apply_preset("nope", &kept));
  EXPECT_EQ(find_preset("nope"), nullptr);
  EXPECT_EQ(kept.lr, 0.5f);
}

TEST(Fields, PercentEncodingRoundTripsEveryByte) {
  std::string all;
  for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  const std::string encoded = percent_encode(all);
  for (const char c : encoded)
    EXPECT_TRUE(c != '&' && c != '=' && c != ',' && c != ' ' && c != '+');
  EXPECT_EQ(percent_decode(encoded), all);
  EXPECT_EQ(percent_encode("a,b c", true), "a,b%20c");
  EXPECT_EQ(percent_decode("a+b%2"), "a b%2");
}

TEST(Fields, ReaderAndWriterRoundTrip) {
  FieldWriter w;
  w.add("text", "x=1&y=2, z")
      .add("n", -12)
      .add("big", static_cast<uint64_t>(9007199254740991ull))
      .add("f", 0.1f)
      .add("d", 0.1)
      .add("nan", std::numeric_limits<float>::quiet_NaN())
      .add("flag", true)
      .add_list("items", std::vector<std::string>{"a,b", "", "c&d"})
      .add_list("ints", std::vector<int>{1, -2, 3})
      .add_list("floats", std::vector<float>{1.5f, 1.0f / 3.0f});
  const FieldReader r(w.text());
  EXPECT_EQ(r.get("text"), "x=1&y=2, z");
  long long n = 0;
  EXPECT_TRUE(r.get_whole("n", -100, 100, &n));
  EXPECT_EQ(n, -12);
  EXPECT_TRUE(r.get_whole("big", 0, 9007199254740991LL, &n));
  EXPECT_EQ(n, 9007199254740991LL);
  float f = 0;
  EXPECT_TRUE(r.get_float("f", &f));
  EXPECT_TRUE(same_bits(f, 0.1f));
  double d = 0;
  EXPECT_TRUE(r.get_double("d", &d));
  EXPECT_EQ(d, 0.1);
  EXPECT_TRUE(r.get_float("nan", &f));
  EXPECT_TRUE(std::isnan(f));
  EXPECT_EQ(r.get("flag"), "1");
  EXPECT_EQ(r.get_list("items"), (std::vector<std::string>{"a,b", "", "c&d"}));
  EXPECT_EQ(r.get_list("ints"), (std::vector<std::string>{"1", "-2", "3"}));
  EXPECT_EQ(r.get("floats"), "1.5,0.33333334");
  EXPECT_FALSE(r.has("missing"));
  EXPECT_EQ(r.get("missing", "dflt"), "dflt");
  EXPECT_TRUE(r.get_list("missing").empty());
}

TEST(Fields, DoublesRoundTripInTheirShortestForm) {
  for (const double x : {0.1, 1.0 / 3.0, 1e-300, 5e-324, 12345.678, 0.8196, -2.5}) {
    double back = 0;
    const FieldReader r(FieldWriter().add("x", x).text());
    ASSERT_TRUE(r.get_double("x", &back));
    EXPECT_EQ(back, x);
  }
  EXPECT_EQ(format_double(0.8196), "0.8196");
  // Never a '+' (a URL's encoded space) nor a padded exponent; whole numbers in plain digits.
  EXPECT_EQ(format_double(1e21), "1e21");
  EXPECT_EQ(format_double(2.5e-5), "2.5e-5");
  EXPECT_EQ(format_float(1000.0f), "1000");
  EXPECT_EQ(format_float(3e-7f), "3e-7");
  EXPECT_EQ(format_double(48000.0), "48000");
  EXPECT_EQ(format_float(-0.0f), "-0");
}

}  // namespace
}  // namespace fm
