// The training settings' one table: each row's name, limits, parse and format. The page's form,
// URL hash, saved settings and JS API and the engine's `train` command all go through it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/train_config.h"
#include "engine/fields.h"

namespace fm {

// How fast the engine runs a run: kFull as fast as it can; kWatch spreads the run's minibatches
// over about kWatchRunMs so a person sees the curves and the confusion matrix move. Never which
// steps run, only when: the weights are the same at either pace.
enum class Pace : uint8_t { kFull = 0, kWatch = 1 };
constexpr double kWatchRunMs = 10000;

// A run's settings as a person chooses them. Defaults are the lesson's; `hidden` keeps its value
// while the model is softmax, so switching to mlp (or a link) finds the width chosen before.
struct Settings {
  ModelKind model = ModelKind::kSoftmax;
  std::vector<int> hidden = {100};  // used when model is mlp
  OptimizerKind opt = OptimizerKind::kRmsprop;
  float lr = 1e-3f;
  int batch = 32;
  int epochs = 5;
  uint64_t seed = 42;
  int side = 14;
  int early_stopping = 0;  // patience in epochs on the validation loss; 0: off
  bool augment = false;    // augment the training images (core/augment.h); off for the lesson
  Pace pace = Pace::kFull;  // not the core's: the engine's speed (scripts and benchmarks: full)

  bool operator==(const Settings& o) const;  // lr compared bitwise
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// What a row's value must be; a refusal names the rule broken.
enum class SettingRule : uint8_t {
  kChoice,      // one of the row's choices, e.g. "softmax"
  kWhole,       // a whole number lo…hi in plain digits (no sign, exponent, fraction or spaces)
  kNumber,      // a number with lo < x ≤ hi, in decimal or exponent form (e.g. 0.001, 1e-3)
  kWholeList,   // 1…max_items whole numbers lo…hi, comma separated (e.g. 100,50)
  kUnknownKey,  // refusals only: no row has this name
};
const char* setting_rule_name(SettingRule rule);  // "choice", "whole", …, "unknown_key"

// Whose the row is: the engine's train rows, or the page's own (a language, say). A page keeps
// its UI-only rows in its own table of the same type and passes it as `extra` below.
enum class SettingScope : uint8_t { kTrain, kUi };

// One parsed value, in the row's rule's member.
struct SettingValue {
  int choice = 0;         // kChoice: index into the row's choices
  long long whole = 0;    // kWhole
  float number = 0;       // kNumber
  std::vector<int> list;  // kWholeList
};

struct SettingRow {
  const char* name;   // the key in links, saved settings, the API and train commands
  const char* alias;  // an older key still read (nullptr: none); never written
  SettingScope scope;
  SettingRule rule;
  double lo, hi;  // kWhole, kWholeList: inclusive; kNumber: lo exclusive, hi inclusive
  int max_items;  // kWholeList: 1…max_items items
  std::vector<const char*> choices;  // kChoice, in the order of the enum they stand for
  // The binding to Settings (nullptr for UI-only rows, whose values the caller keeps).
  SettingValue (*get)(const Settings&);
  void (*set)(Settings*, const SettingValue&);
};

// The train rows, in link order: model, hidden, opt, lr, batch, epochs, seed, side,
// early_stopping, augment (0|1), pace (full|watch). model's choices are the core's model_kind_name()s.
const std::vector<SettingRow>& settings_table();
const SettingRow* find_setting(std::string_view key,
                               const std::vector<SettingRow>* extra = nullptr);  // name or alias

// One value: parse checks the row's rule and limits; format writes the canonical text, which
// parses back to the same value (lr: the shortest decimal that gives the same float bits).
bool parse_setting(const SettingRow& row, std::string_view text, SettingValue* out);
std::string format_setting(const SettingRow& row, const SettingValue& value);

// A refused key=value: which key, the value as given and the rule it broke (the row gives the
// limits and choices to show). No prose: the page words it in its language.
struct SettingError {
  SettingRule rule = SettingRule::kUnknownKey;
  const SettingRow* row = nullptr;  // nullptr for kUnknownKey
  std::string key, value;           // decoded, each cut to 64 bytes
};

struct SettingsParse {
  std::vector<const SettingRow*> applied;  // rows given and accepted, in text order
  std::vector<SettingError> errors;        // refusals, in text order
  // Accepted values of `extra` (UI-only) rows, which Settings does not hold.
  std::vector<std::pair<const SettingRow*, SettingValue>> extra_values;
  bool ok() const { return errors.empty(); }
};

// Reads "k=v&k=v" (a leading '#' or '?' is skipped) into `settings`: rows given and valid
// overwrite their field, the rest stay as they were, so applying defaults, then saved
// settings, then a link's hash gives the last one precedence. Unknown keys and bad values are
// reported and change nothing. A repeated key: the last one wins.
SettingsParse parse_settings(std::string_view text, Settings* settings,
                             const std::vector<SettingRow>* extra = nullptr);
SettingsParse parse_settings(const FieldReader& fields, Settings* settings,
                             const std::vector<SettingRow>* extra = nullptr);
// Every train row, in table order: "model=softmax&hidden=100&opt=rmsprop&lr=0.001&batch=32&
// epochs=5&seed=42&side=14&early_stopping=0&augment=0&pace=full". parse_settings of it gives back `settings` exactly.
std::string format_settings(const Settings& settings);
// The rows whose values break the table (each formatted and parsed back): empty when valid.
std::vector<SettingError> check_settings(const Settings& settings);

// Settings → the core's TrainConfig (side and pace are not in it: side picks the data set, pace
// is the engine's); rows the table
// has no say on (activation, momentum, val_fraction, eval_chunk, …) keep TrainConfig's defaults.
TrainConfig to_train_config(const Settings& settings);
// And back, e.g. from an imported model file. A softmax config keeps `base`'s hidden widths, and
// pace is `base`'s.
// Values outside the table's limits (a CLI model with 3 layers) are copied as they are:
// check_settings() says so.
Settings settings_from_config(const TrainConfig& config, int side, const Settings& base = {});

}  // namespace fm
