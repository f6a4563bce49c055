// The model and the settings kept across reloads, through web/storage.js (localStorage, the
// model file base64-encoded): saved at the end of each epoch and of each run, restored once the
// data is in; state().ready waits for the restore. Natively the storage calls are no-ops.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "app/app.h"
#include "app/json_writer.h"
#include "app/strings.h"
#include "core/model_file.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#include <emscripten/heap.h>
#endif

namespace fm {
namespace {

// The settings fields, in the order js_storage_load_settings() writes them.
constexpr const char* kSettingKeys[] = {"model", "layers", "width0", "width1", "optimizer",
                                        "lr",    "batch",  "epochs", "seed",   "side"};
constexpr int kSettingCount = 10;

#ifdef __EMSCRIPTEN__
// 0 saved, 1 too large for the storage (the old model is dropped), 2 no storage.
EM_JS(int, js_storage_save, (const uint8_t* model, int size, const char* settings), {
  if (!window.fmnistStorage) return 2;
  return window.fmnistStorage.save(model ? HEAPU8.slice(model, model + size) : null, UTF8ToString(settings));
});
EM_JS(int, js_storage_load_settings, (double* out, int n, const char* keys_csv), {
  const s = window.fmnistStorage ? window.fmnistStorage.loadSettings() : null;
  if (!s) return 0;
  const keys = UTF8ToString(keys_csv).split(',');
  for (let i = 0; i < n; ++i) {
    const v = s[keys[i]];
    HEAPF64[(out >> 3) + i] = typeof v === 'number' ? v : NaN;
  }
  return 1;
});
// A malloc'd copy of the saved model file (caller frees), or 0.
EM_JS(uint8_t*, js_storage_load_model, (int* size), {
  const b = window.fmnistStorage ? window.fmnistStorage.loadModel() : null;
  if (!b || !b.length) return 0;
  const p = _malloc(b.length);
  if (!p) return 0;
  HEAPU8.set(b, p);
  HEAP32[size >> 2] = b.length;
  return p;
});
EM_JS(void, js_storage_forget_model, (), {
  if (window.fmnistStorage) window.fmnistStorage.forgetModel();
});
double heap_bytes() { return static_cast<double>(emscripten_get_heap_size()); }
#else
int js_storage_save(const uint8_t*, int, const char*) { return 2; }
int js_storage_load_settings(double*, int, const char*) { return 0; }
uint8_t* js_storage_load_model(int*) { return nullptr; }
void js_storage_forget_model() {}
double heap_bytes() { return 0; }
#endif

// A stored number that must be a whole number in [lo, hi]; anything else keeps the default.
void take_whole(double v, int lo, int hi, int* out) {
  if (std::isfinite(v) && v == std::floor(v) && v >= lo && v <= hi) *out = static_cast<int>(v);
}

}  // namespace

// Settings precedence: URL hash > saved > defaults. This fills form_ from the saved settings;
// whatever applies URL-hash settings must run after it (App::init() calls this first).
void App::load_saved_settings() {
  double v[kSettingCount];
  std::string keys;
  for (const char* k : kSettingKeys) keys += keys.empty() ? k : std::string(",") + k;
  if (!js_storage_load_settings(v, kSettingCount, keys.c_str())) return;
  take_whole(v[0], 0, 1, &form_.model);
  take_whole(v[1], 1, 2, &form_.layers);
  take_whole(v[2], 1, 1024, &form_.width[0]);
  take_whole(v[3], 1, 1024, &form_.width[1]);
  take_whole(v[4], 0, 2, &form_.optimizer);
  if (std::isfinite(v[5]) && v[5] > 0 && v[5] <= kMaxLearningRate) form_.lr = static_cast<float>(v[5]);
  take_whole(v[6], 1, 4096, &form_.batch);
  take_whole(v[7], 1, kMaxEpochs, &form_.epochs);
  take_whole(v[8], 0, 0x7fffffff, &form_.seed);
  if (v[9] == 28) select_side(28);  // downloads the 28×28 bundle; the panels switch when it arrives
}

void App::save_to_storage() {
  if (!trainer_.has_model() || trainer_.data() == nullptr) return;
  SavedModel m;
  m.arch = trainer_.network().arch();
  m.side = trainer_.data()->side;
  m.config = trainer_.config();
  m.val_acc = trainer_.val_acc();
  m.params = trainer_.network().params();
  const std::vector<uint8_t> bytes = save_model(m);
  const int r = js_storage_save(bytes.data(), static_cast<int>(bytes.size()), saved_settings_.c_str());
  const char* before = storage_status_;
  storage_status_ = r == 0 ? "saved" : r == 1 ? "too_large" : "unavailable";
  if (r == 1 && before != storage_status_) error_ = tr(Str::kErrStorageTooLarge);
}

void App::forget_saved_model() {
  js_storage_forget_model();
  storage_status_ = "none";
}

void App::persist_tick() {
  if (restore_pending()) return;
  // Settings: written whenever the form changes (a few hundred bytes).
  char buf[400];
  std::snprintf(buf, sizeof(buf),
                "{\"v\":1,\"model\":%d,\"layers\":%d,\"width0\":%d,\"width1\":%d,\"optimizer\":%d,"
                "\"lr\":%.9g,\"batch\":%d,\"epochs\":%d,\"seed\":%d,\"side\":%d}",
                form_.model, form_.layers, form_.width[0], form_.width[1], form_.optimizer,
                static_cast<double>(form_.lr), form_.batch, form_.epochs, form_.seed, form_.side);
  if (saved_settings_ != buf) {
    saved_settings_ = buf;
    js_storage_save(nullptr, 0, saved_settings_.c_str());
  }
  // The model: at the end of each epoch (train_slice stops there) and of each run. An adopted
  // model (imported) is saved once its evaluation is done; a restored one is already saved.
  if (run_id_ != saved_run_) {
    saved_run_ = run_id_;
    saved_epochs_ = 0;
    saved_done_ = false;
    if (!trainer_.has_model()) forget_saved_model();  // reset(): the model is gone for good
  }
  if (!trainer_.has_model() || run_id_ == restore_run_) return;
  const size_t epochs = trainer_.history().size();
  const bool done = trainer_.phase() == Phase::kDone;
  if (epochs > saved_epochs_ || (done && !saved_done_)) {
    save_to_storage();
    saved_epochs_ = epochs;
    saved_done_ = done;
  }
}

void App::restore_saved_model() {
  if (restore_tried_ && restore_wait_side_ == 0) return;
  if (restore_wait_side_ == 28) {
    const BundleSlot& big = bundles_[1];
    if (!big.data) {
      if (big.requested) return;  // still downloading
      restore_wait_side_ = 0;     // the download failed: give the model up
      error_ = std::string(tr(Str::kErrRestore)) + big.error;
      return;
    }
    restore_wait_side_ = 0;
  }
  restore_tried_ = true;
  int size = 0;
  uint8_t* p = js_storage_load_model(&size);
  if (p == nullptr) return;
  const std::vector<uint8_t> bytes(p, p + size);
  std::free(p);
  SavedModel m;
  Status st = load_model(bytes.data(), bytes.size(), &m);
  if (st && m.side == 28 && !bundles_[1].data) {
    restore_wait_side_ = 28;
    select_side(28);
    return;
  }
  if (st) st = adopt_model(m, true);
  if (!st) {
    forget_saved_model();
    error_ = std::string(tr(Str::kErrRestore)) + tr(st);
  }
}

bool App::restore_pending() const {
  return !restore_tried_ || restore_wait_side_ != 0 || (run_id_ == restore_run_ && trainer_.busy());
}

void App::persistence_json(JsonWriter& j) const {
  j.key("heap_bytes").number(heap_bytes());
  j.key("storage").begin_object();
  j.key("status").string(storage_status_);
  j.key("restored").boolean(run_id_ == restore_run_ && trainer_.has_model());
  j.key("pending").boolean(restore_pending());
  j.end_object();
}

}  // namespace fm
