// The settings table's rows and the generic parse/format each rule shares.
#include "engine/settings.h"

#include <cstring>

#include "core/dataset.h"

namespace fm {
namespace {

constexpr long long kMaxSeed = 9007199254740991LL;  // 2^53 − 1: every seed is exact as a JS number
constexpr double kMaxLr = 1000.0;
constexpr int kMaxWidth = 1024;  // the page's limits (the core allows more: kMaxHiddenWidth)
constexpr int kMaxLayers = 2;
constexpr int kMaxBatch = 4096;
constexpr size_t kShownBytes = 64;  // of a refused key or value

SettingValue choice(int index) {
  SettingValue v;
  v.choice = index;
  return v;
}

SettingValue whole(long long x) {
  SettingValue v;
  v.whole = x;
  return v;
}

std::vector<SettingRow> make_table() {
  using S = Settings;
  using V = SettingValue;
  std::vector<SettingRow> t;
  t.push_back({"model",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kChoice,
               0,
               0,
               0,
               {model_kind_name(ModelKind::kSoftmax), model_kind_name(ModelKind::kMlp),
                model_kind_name(ModelKind::kCnn), model_kind_name(ModelKind::kCnnSmall)},
               [](const S& s) { return choice(static_cast<int>(s.model)); },
               [](S* s, const V& v) { s->model = static_cast<ModelKind>(v.choice); }});
  t.push_back({"hidden",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kWholeList,
               1,
               kMaxWidth,
               kMaxLayers,
               {},
               [](const S& s) {
                 V v;
                 v.list = s.hidden;
                 return v;
               },
               [](S* s, const V& v) { s->hidden = v.list; }});
  t.push_back({"opt",
               "optimizer",
               SettingScope::kTrain,
               SettingRule::kChoice,
               0,
               0,
               0,
               {"sgd", "rmsprop", "adam"},  // OptimizerKind's order
               [](const S& s) { return choice(static_cast<int>(s.opt)); },
               [](S* s, const V& v) { s->opt = static_cast<OptimizerKind>(v.choice); }});
  t.push_back({"lr",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kNumber,
               0,
               kMaxLr,
               0,
               {},
               [](const S& s) {
                 V v;
                 v.number = s.lr;
                 return v;
               },
               [](S* s, const V& v) { s->lr = v.number; }});
  t.push_back({"batch",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kWhole,
               1,
               kMaxBatch,
               0,
               {},
               [](const S& s) { return whole(s.batch); },
               [](S* s, const V& v) { s->batch = static_cast<int>(v.whole); }});
  t.push_back({"epochs",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kWhole,
               1,
               kMaxEpochs,
               0,
               {},
               [](const S& s) { return whole(s.epochs); },
               [](S* s, const V& v) { s->epochs = static_cast<int>(v.whole); }});
  t.push_back({"seed",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kWhole,
               0,
               static_cast<double>(kMaxSeed),
               0,
               {},
               [](const S& s) {
                 // A seed beyond the table's range reads as −1, which the table refuses.
                 return whole(s.seed > static_cast<uint64_t>(kMaxSeed)
                                  ? -1
                                  : static_cast<long long>(s.seed));
               },
               [](S* s, const V& v) { s->seed = static_cast<uint64_t>(v.whole); }});
  t.push_back({"side",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kChoice,
               0,
               0,
               0,
               {"7", "14", "28"},  // kInputSides, in its order
               [](const S& s) { return choice(input_side_index(s.side)); },
               [](S* s, const V& v) { s->side = kInputSides[v.choice]; }});
  t.push_back({"early_stopping",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kWhole,
               0,
               kMaxEpochs,
               0,
               {},
               [](const S& s) { return whole(s.early_stopping); },
               [](S* s, const V& v) { s->early_stopping = static_cast<int>(v.whole); }});
  t.push_back({"augment",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kChoice,
               0,
               0,
               0,
               {"0", "1"},  // the protocol's booleans
               [](const S& s) { return choice(s.augment ? 1 : 0); },
               [](S* s, const V& v) { s->augment = v.choice == 1; }});
  t.push_back({"pace",
               nullptr,
               SettingScope::kTrain,
               SettingRule::kChoice,
               0,
               0,
               0,
               {"full", "watch"},  // Pace's order
               [](const S& s) { return choice(static_cast<int>(s.pace)); },
               [](S* s, const V& v) { s->pace = static_cast<Pace>(v.choice); }});
  return t;
}

std::string shown(const std::string& s) {
  return s.size() > kShownBytes ? s.substr(0, kShownBytes) : s;
}

bool whole_in(const SettingRow& row, std::string_view text, long long* out) {
  return parse_whole(text, static_cast<long long>(row.lo), static_cast<long long>(row.hi), out) &&
         (text.empty() || text[0] != '-' || *out < 0);  // "-0" is not plain digits
}

}  // namespace

bool Settings::operator==(const Settings& o) const {
  return model == o.model && hidden == o.hidden && opt == o.opt &&
         std::memcmp(&lr, &o.lr, sizeof(lr)) == 0 && batch == o.batch && epochs == o.epochs &&
         seed == o.seed && side == o.side && early_stopping == o.early_stopping &&
         augment == o.augment && pace == o.pace;
}

const char* setting_rule_name(SettingRule rule) {
  switch (rule) {
    case SettingRule::kChoice:
      return "choice";
    case SettingRule::kWhole:
      return "whole";
    case SettingRule::kNumber:
      return "number";
    case SettingRule::kWholeList:
      return "whole_list";
    case SettingRule::kUnknownKey:
      return "unknown_key";
  }
  return "unknown";
}

const std::vector<SettingRow>& settings_table() {
  static const std::vector<SettingRow> table = make_table();
  return table;
}

const SettingRow* find_setting(std::string_view key, const std::vector<SettingRow>* extra) {
  for (const std::vector<SettingRow>* t : {&settings_table(), extra}) {
    if (!t) continue;
    for (const SettingRow& row : *t) {
      if (key == row.name || (row.alias && key == row.alias)) return &row;
    }
  }
  return nullptr;
}

bool parse_setting(const SettingRow& row, std::string_view text, SettingValue* out) {
  SettingValue v;
  switch (row.rule) {
    case SettingRule::kChoice:
      for (size_t i = 0; i < row.choices.size(); ++i) {
        if (text == row.choices[i]) {
          v.choice = static_cast<int>(i);
          *out = v;
          return true;
        }
      }
      return false;
    case SettingRule::kWhole:
      if (!whole_in(row, text, &v.whole)) return false;
      *out = v;
      return true;
    case SettingRule::kNumber: {
      double x = 0;
      if (!parse_number(text, &x) || !(x > row.lo && x <= row.hi)) return false;
      v.number = static_cast<float>(x);  // as parse_float: nearest double, then float
      if (!(v.number > static_cast<float>(row.lo))) return false;  // e.g. 1e-50 rounds to 0
      *out = v;
      return true;
    }
    case SettingRule::kWholeList: {
      while (true) {
        const size_t comma = text.find(',');
        long long x = 0;
        if (!whole_in(row, text.substr(0, comma), &x)) return false;
        v.list.push_back(static_cast<int>(x));
        if (static_cast<int>(v.list.size()) > row.max_items) return false;
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
      }
      *out = v;
      return true;
    }
    case SettingRule::kUnknownKey:
      return false;
  }
  return false;
}

std::string format_setting(const SettingRow& row, const SettingValue& value) {
  switch (row.rule) {
    case SettingRule::kChoice:
      return value.choice >= 0 && value.choice < static_cast<int>(row.choices.size())
                 ? row.choices[static_cast<size_t>(value.choice)]
                 : std::to_string(value.choice);  // refused when read back
    case SettingRule::kWhole:
      return std::to_string(value.whole);
    case SettingRule::kNumber:
      return format_float(value.number);
    case SettingRule::kWholeList: {
      std::string s;
      for (size_t i = 0; i < value.list.size(); ++i)
        s += (i ? "," : "") + std::to_string(value.list[i]);
      return s;
    }
    case SettingRule::kUnknownKey:
      break;
  }
  return "";
}

SettingsParse parse_settings(std::string_view text, Settings* settings,
                             const std::vector<SettingRow>* extra) {
  return parse_settings(FieldReader(text), settings, extra);
}

SettingsParse parse_settings(const FieldReader& fields, Settings* settings,
                             const std::vector<SettingRow>* extra) {
  SettingsParse result;
  for (const FieldReader::Item& item : fields.items()) {
    const std::string value = percent_decode(item.raw);
    const SettingRow* row = find_setting(item.key, extra);
    SettingValue v;
    if (!row) {
      result.errors.push_back({SettingRule::kUnknownKey, nullptr, shown(item.key), shown(value)});
    } else if (!parse_setting(*row, value, &v)) {
      result.errors.push_back({row->rule, row, shown(item.key), shown(value)});
    } else if (row->set) {
      row->set(settings, v);
      result.applied.push_back(row);
    } else {
      result.extra_values.emplace_back(row, std::move(v));
      result.applied.push_back(row);
    }
  }
  return result;
}

std::string format_settings(const Settings& settings) {
  FieldWriter w;
  for (const SettingRow& row : settings_table()) {
    // Choices and numbers need no escaping; hidden's commas are the list's own.
    w.add_raw(row.name, format_setting(row, row.get(settings)));
  }
  return w.text();
}

std::vector<SettingError> check_settings(const Settings& settings) {
  std::vector<SettingError> errors;
  for (const SettingRow& row : settings_table()) {
    const std::string text = format_setting(row, row.get(settings));
    SettingValue v;
    if (!parse_setting(row, text, &v)) errors.push_back({row.rule, &row, row.name, shown(text)});
  }
  return errors;
}

TrainConfig to_train_config(const Settings& settings) {
  TrainConfig c;
  c.model = settings.model;
  if (settings.model == ModelKind::kMlp) c.hidden = settings.hidden;
  c.hidden_activation = Activation::kRelu;
  c.optimizer.kind = settings.opt;
  c.optimizer.lr = settings.lr;
  c.batch = settings.batch;
  c.epochs = settings.epochs;
  c.seed = settings.seed;
  c.early_stopping = settings.early_stopping;
  c.augment = settings.augment;
  return c;
}

Settings settings_from_config(const TrainConfig& config, int side, const Settings& base) {
  Settings s = base;
  s.model = config.model;
  if (config.model == ModelKind::kMlp) s.hidden = config.hidden;
  s.opt = config.optimizer.kind;
  s.lr = config.optimizer.lr;
  s.batch = config.batch;
  s.epochs = config.epochs;
  s.seed = config.seed;
  s.side = side;
  s.early_stopping = config.early_stopping;
  s.augment = config.augment;
  return s;
}

}  // namespace fm
