// The page's reactions to the engine's events, beyond the RunView they update: refusals worded
// in the current language, exported model files (downloaded or kept in the browser), imports and
// restores answered, and the worker's death.
#include <cstdio>

#include "app/app.h"
#include "app/strings.h"
#include "app/url_settings.h"
#include "app/web_bridge.h"

namespace fm {

std::string App::refusal_text(const FieldReader& f) const {
  const std::string reason = f.get("reason");
  if (reason == "status") {
    Status st;
    if (read_status(f, &st)) return tr(st);
  }
  if (reason == "settings") {
    std::vector<SettingError> errors;
    const auto keys = f.get_list("keys"), values = f.get_list("values");
    for (size_t i = 0; i < keys.size(); ++i) {
      SettingError e;
      e.key = keys[i];
      e.value = i < values.size() ? values[i] : "";
      e.row = find_setting(e.key);
      e.rule = e.row != nullptr ? e.row->rule : SettingRule::kUnknownKey;
      errors.push_back(e);
    }
    return describe_setting_errors(errors);
  }
  if (reason == "no_data") return tr(Str::kErrNoData);
  if (reason == "no_model") return tr(Str::kErrNoModel);
  char buf[300];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtEngineRefused), f.get("command").c_str(),
                reason.c_str());
  return buf;
}

void App::after_event(const Message& m) {
  const std::string_view type = message_type(m);
  const FieldReader f = message_fields(m);
  if (type == "fatal") {
    char buf[700];
    std::snprintf(buf, sizeof(buf), tr(Str::kFmtEngineStopped), engine_.fatal_kind().c_str(),
                  engine_.fatal_message().c_str());
    error_ = buf;
    if (restore_sent_) restore_sent_ = false;
    import_sent_ = false;
    export_purposes_.clear();
    return;
  }
  if (type == "error") {
    const std::string command = f.get("command");
    const std::string text = refusal_text(f);
    if (command == "import" && restore_sent_) {
      restore_sent_ = false;
      forget_saved_model();
      error_ = std::string(tr(Str::kErrRestore)) + text;
    } else if (command == "import") {
      import_sent_ = false;
      error_ = std::string(tr(Str::kErrImportPrefix)) + text;
    } else {
      if (command == "export" && !export_purposes_.empty()) {
        export_purposes_.erase(export_purposes_.begin());
      }
      error_ = text;
    }
    return;
  }
  if (type == "imported") {
    const bool restored = restore_sent_;
    restore_sent_ = import_sent_ = false;
    clear_run_state();
    if (restored) {
      restore_run_ = run().run_id();  // the form keeps the saved (or URL-hash) settings
      storage_status_ = "saved";
    } else {
      form_from_config(run().config(), run().side());
    }
    if (side_ != run().side()) {
      side_ = run().side();
      view_.page = 0;
    }
    form_.side = side_;
    return;
  }
  if (type == "started" || type == "reset") {
    items_key_.clear();
    return;
  }
  if (type == "exported") {
    int purpose = 0;
    if (!export_purposes_.empty()) {
      purpose = export_purposes_.front();
      export_purposes_.erase(export_purposes_.begin());
    }
    if (purpose == 1) {
      save_to_storage(m.payload);
    } else {
      char name[80];
      const int side = run().side();
      std::snprintf(name, sizeof(name), "fmnist-%s-%dx%d.fmnist", f.get("model", "model").c_str(),
                    side, side);
      download_file(m.payload, name);
    }
  }
}

}  // namespace fm
