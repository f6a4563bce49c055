// The URL hash ↔ the Training form and the language: parse_settings checks a settings string,
// App::apply_settings applies it (with a notice for what was ignored), App::sync_hash keeps the
// address bar's hash equal to the current settings so the URL can be shared.
#include "app/url_settings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "app/app.h"
#include "app/ui_util.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#endif

namespace fm {
namespace {

#ifdef __EMSCRIPTEN__
// replaceState: no new history entry per keystroke, and no hashchange event back to us.
EM_JS(void, js_replace_hash, (const char* hash), {
  const h = "#" + UTF8ToString(hash);
  if (location.hash !== h) history.replaceState(history.state, "", h);
});
// Returned strings are malloc'd here and freed by the caller.
EM_JS(char*, js_navigator_language, (), {
  const tag = (navigator.languages && navigator.languages[0]) || navigator.language || "en";
  const s = String(tag).slice(0, 64);
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  if (p) stringToUTF8(s, p, n);
  return p;
});
EM_JS(char*, js_location_hash, (), {
  const s = String(location.hash || "").slice(0, 2000);
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  if (p) stringToUTF8(s, p, n);
  return p;
});

std::string take_js_string(char* s) {
  std::string out = s != nullptr ? s : "";
  std::free(s);
  return out;
}
#else
void js_replace_hash(const char*) {}
#endif

constexpr int kMaxWidth = 1024;  // the Training panel's limit
constexpr int kMaxBatch = 4096;

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string url_decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else if (s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// A whole number in [lo, hi], written plainly (digits only, optional leading '-').
bool parse_whole(const std::string& v, long long lo, long long hi, long long* out) {
  if (v.empty() || v.size() > 18) return false;
  size_t i = v[0] == '-' ? 1 : 0;
  if (i == v.size()) return false;
  for (size_t k = i; k < v.size(); ++k) {
    if (v[k] < '0' || v[k] > '9') return false;
  }
  const long long x = std::strtoll(v.c_str(), nullptr, 10);
  if (x < lo || x > hi) return false;
  *out = x;
  return true;
}

bool parse_number(const std::string& v, double* out) {
  if (v.empty() || v.size() > 32) return false;
  for (char c : v) {
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+')) return false;
  }
  char* end = nullptr;
  const double x = std::strtod(v.c_str(), &end);
  if (end == nullptr || *end != '\0' || !std::isfinite(x)) return false;
  *out = x;
  return true;
}

std::string whole_reason(long long lo, long long hi) {
  char buf[160];
  std::snprintf(buf, sizeof(buf), tr(Str::kFmtReasonWhole), lo, hi);
  return buf;
}

}  // namespace

SettingsPatch parse_settings(const std::string& text, float max_lr) {
  SettingsPatch p;
  size_t start = (!text.empty() && (text[0] == '#' || text[0] == '?')) ? 1 : 0;
  while (start < text.size()) {
    size_t end = text.find('&', start);
    if (end == std::string::npos) end = text.size();
    const std::string item = text.substr(start, end - start);
    start = end + 1;
    if (item.empty()) continue;
    const size_t eq = item.find('=');
    const std::string key = url_decode(item.substr(0, eq));
    const std::string value = eq == std::string::npos ? "" : url_decode(item.substr(eq + 1));
    std::string reason;
    long long n = 0;
    double x = 0;
    if (key == "model") {
      if (value == "softmax" || value == "mlp") {
        p.has_model = true;
        p.model = value == "mlp" ? 1 : 0;
      } else {
        reason = tr(Str::kReasonModel);
      }
    } else if (key == "hidden") {
      std::vector<int> widths;
      size_t s = 0;
      bool ok = !value.empty();
      while (ok && s <= value.size()) {
        size_t e = value.find(',', s);
        if (e == std::string::npos) e = value.size();
        ok = parse_whole(value.substr(s, e - s), 1, kMaxWidth, &n);
        if (ok) widths.push_back(static_cast<int>(n));
        s = e + 1;
      }
      if (ok && !widths.empty() && widths.size() <= 2) {
        p.has_hidden = true;
        p.hidden = widths;
      } else {
        reason = tr(Str::kReasonHidden);
      }
    } else if (key == "opt" || key == "optimizer") {
      if (value == "sgd" || value == "rmsprop" || value == "adam") {
        p.has_opt = true;
        p.optimizer = value == "sgd" ? 0 : (value == "rmsprop" ? 1 : 2);
      } else {
        reason = tr(Str::kReasonOptimizer);
      }
    } else if (key == "lr") {
      if (parse_number(value, &x) && x > 0 && x <= max_lr) {
        p.has_lr = true;
        p.lr = static_cast<float>(x);
      } else {
        char buf[120];
        std::snprintf(buf, sizeof(buf), tr(Str::kFmtReasonLr), static_cast<double>(max_lr));
        reason = buf;
      }
    } else if (key == "batch") {
      if (parse_whole(value, 1, kMaxBatch, &n)) {
        p.has_batch = true;
        p.batch = static_cast<int>(n);
      } else {
        reason = whole_reason(1, kMaxBatch);
      }
    } else if (key == "epochs") {
      if (parse_whole(value, 1, kMaxEpochs, &n)) {
        p.has_epochs = true;
        p.epochs = static_cast<int>(n);
      } else {
        reason = whole_reason(1, kMaxEpochs);
      }
    } else if (key == "seed") {
      if (parse_whole(value, 0, 2147483647LL, &n)) {
        p.has_seed = true;
        p.seed = static_cast<int>(n);
      } else {
        reason = whole_reason(0, 2147483647LL);
      }
    } else if (key == "side") {
      if (value == "14" || value == "28") {
        p.has_side = true;
        p.side = value == "28" ? 28 : 14;
      } else {
        reason = tr(Str::kReasonSide);
      }
    } else if (key == "lang") {
      if (parse_language(value.c_str(), &p.lang)) {
        p.has_lang = true;
      } else {
        reason = tr(Str::kReasonLang);
      }
    } else {
      reason = tr(Str::kReasonUnknownKey);
    }
    if (!reason.empty()) {
      // Shown in the overlay: keep what the user typed short.
      std::string shown = key + "=" + value;
      if (shown.size() > 40) shown = shown.substr(0, 37) + "...";
      p.rejected.push_back(shown + " (" + reason + ")");
    }
  }
  return p;
}

int App::apply_settings(const std::string& text, SettingsOrigin origin) {
  // The language first, so the notice below is written in the language the link asks for.
  const SettingsPatch first = parse_settings(text, kMaxLearningRate);
  if (first.has_lang) set_language(first.lang);
  const SettingsPatch p = parse_settings(text, kMaxLearningRate);
  int applied = p.has_lang ? 1 : 0;
  const bool busy = trainer_.busy();  // the run's model is fixed; the form is for the next run
  if (p.has_model) form_.model = p.model, ++applied;
  if (p.has_hidden) {
    form_.layers = static_cast<int>(p.hidden.size());
    for (size_t i = 0; i < p.hidden.size(); ++i) form_.width[i] = p.hidden[i];
    ++applied;
  }
  if (p.has_opt) form_.optimizer = p.optimizer, ++applied;
  if (p.has_lr) form_.lr = p.lr, ++applied;
  if (p.has_batch) form_.batch = p.batch, ++applied;
  if (p.has_epochs) form_.epochs = p.epochs, ++applied;
  if (p.has_seed) form_.seed = p.seed, ++applied;
  if (p.has_side && !busy) {
    select_side(p.side);  // 28 starts its download; the form switches when it arrives
    ++applied;
  }
  if (origin != SettingsOrigin::kDefaults) {
    if (p.rejected.empty()) {
      if (origin == SettingsOrigin::kHash) settings_notice_.clear();
    } else {
      std::string list;
      for (const std::string& r : p.rejected) list += (list.empty() ? "" : "; ") + r;
      char buf[1200];
      std::snprintf(buf, sizeof(buf), tr(Str::kFmtNoticeIgnored), list.c_str());
      settings_notice_ = buf;
    }
  }
  if (origin == SettingsOrigin::kHash) hash_synced_ = true;  // from now on the hash follows the form
  return applied;
}

std::string App::settings_string() const {
  static const char* const kOpt[] = {"sgd", "rmsprop", "adam"};
  char buf[256];
  std::string s = form_.model == 1 ? "model=mlp" : "model=softmax";
  if (form_.model == 1) {
    std::snprintf(buf, sizeof(buf), "&hidden=%d", form_.width[0]);
    s += buf;
    if (form_.layers == 2) {
      std::snprintf(buf, sizeof(buf), ",%d", form_.width[1]);
      s += buf;
    }
  }
  std::snprintf(buf, sizeof(buf), "&opt=%s&lr=%g&batch=%d&epochs=%d&seed=%d&side=%d&lang=%s",
                kOpt[std::clamp(form_.optimizer, 0, 2)], static_cast<double>(form_.lr), form_.batch,
                form_.epochs, form_.seed, form_.side, language_code());
  return s + buf;
}

std::string App::browser_default_settings() {
#ifdef __EMSCRIPTEN__
  const std::string tag = take_js_string(js_navigator_language());
#else
  const char* env = std::getenv("LANG");
  const std::string tag = env != nullptr ? env : "en";
#endif
  return language_for_tag(tag.c_str()) == Language::kKorean ? "lang=ko" : "lang=en";
}

std::string App::location_hash() {
#ifdef __EMSCRIPTEN__
  return take_js_string(js_location_hash());
#else
  return "";
#endif
}

void App::sync_hash() {
  if (!hash_synced_) return;  // the page has not applied the incoming hash yet
  std::string s = settings_string();
  if (s == hash_) return;
  hash_ = std::move(s);
  js_replace_hash(hash_.c_str());
}

void App::draw_settings_notice() {
  if (fatal_.empty()) dismissable_notice("###settings_notice", Notice::kWarning, &settings_notice_);
}

}  // namespace fm
