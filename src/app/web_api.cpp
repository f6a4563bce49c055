// The extern "C" surface window.fmnist and the loader call (exported with EMSCRIPTEN_KEEPALIVE),
// and the calls from C++ into the page (EM_JS). Natively the page calls become no-ops.
#include "app/web_api.h"

#include <cmath>
#include <cstdint>
#include <string>

#include "app/app.h"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
#else
#define EMSCRIPTEN_KEEPALIVE
#endif

namespace {
fm::App* g_app = nullptr;  // the one App; the exported C functions need a way to reach it

#ifdef __EMSCRIPTEN__
EM_JS(void, js_app_started, (), {
  if (Module.fmnistAppStarted) Module.fmnistAppStarted();
});
EM_JS(void, js_request_bundle, (int side), {
  if (Module.fmnistRequestBundle) Module.fmnistRequestBundle(side);
});
EM_JS(void, js_report_fatal, (const char* message), {
  if (Module.fmnistFatal) Module.fmnistFatal(UTF8ToString(message));
});
#else
void js_app_started() {}
void js_request_bundle(int) {}
void js_report_fatal(const char*) {}
#endif

int index_arg(double v) {
  return std::isfinite(v) && v == std::floor(v) && v >= 0 && v < 2147483647.0 ? static_cast<int>(v) : -1;
}

}  // namespace

namespace fm {

void web_api_attach(App* app) {
  g_app = app;
  js_app_started();
}

void request_bundle(int side) { js_request_bundle(side); }

void report_fatal(const char* message) { js_report_fatal(message); }

}  // namespace fm

extern "C" {

// Parses a gunzipped bundle; returns 1 on success. The message is in state().error.
EMSCRIPTEN_KEEPALIVE int fm_app_load_bundle(const uint8_t* bytes, int size, int side) {
  if (g_app == nullptr || size < 0) return 0;
  return g_app->load_bundle(bytes, static_cast<size_t>(size), side).ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void fm_app_bundle_progress(int side, double loaded, double total) {
  if (g_app != nullptr) g_app->bundle_progress(side, loaded, total);
}

EMSCRIPTEN_KEEPALIVE void fm_app_bundle_failed(int side, const char* message) {
  if (g_app != nullptr) g_app->bundle_failed(side, message != nullptr ? message : "");
}

EMSCRIPTEN_KEEPALIVE const char* fm_app_state_json() {
  return g_app != nullptr ? g_app->state_json().c_str() : "{}";
}

// window.fmnist.train(): mask says which arguments were given (see ApiTrainArgs).
EMSCRIPTEN_KEEPALIVE int fm_app_train(unsigned mask, int model, int hidden_count, double hidden0,
                                      double hidden1, int optimizer, double lr, double batch,
                                      double epochs, double seed) {
  if (g_app == nullptr) return 0;
  fm::ApiTrainArgs a;
  a.mask = mask;
  a.model = model;
  a.hidden_count = hidden_count;
  a.hidden[0] = hidden0;
  a.hidden[1] = hidden1;
  a.optimizer = optimizer;
  a.lr = lr;
  a.batch = batch;
  a.epochs = epochs;
  a.seed = seed;
  const fm::Status st = g_app->train_from_api(a);
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void fm_app_pause() {
  if (g_app != nullptr) g_app->pause();
}

EMSCRIPTEN_KEEPALIVE void fm_app_resume() {
  if (g_app != nullptr) g_app->resume();
}

EMSCRIPTEN_KEEPALIVE void fm_app_reset() {
  if (g_app != nullptr) g_app->reset();
}

EMSCRIPTEN_KEEPALIVE void fm_app_clear_canvas() {
  if (g_app != nullptr) g_app->clear_canvas();
}

EMSCRIPTEN_KEEPALIVE int fm_app_load_test_image(double index) {
  if (g_app == nullptr) return 0;
  const fm::Status st = g_app->load_test_image(index_arg(index));
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int fm_app_set_input_size(int side) {
  if (g_app == nullptr) return 0;
  const fm::Status st = g_app->set_input_size(side);
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int fm_app_test_label(double index) {
  return g_app != nullptr ? g_app->test_label(index_arg(index)) : -1;
}

EMSCRIPTEN_KEEPALIVE void fm_app_set_error(const char* message) {
  if (g_app != nullptr) g_app->set_error(message != nullptr ? message : "");
}

// window.fmnist.exportModel(): downloads the model file; 0 (message in state().error) if none.
EMSCRIPTEN_KEEPALIVE int fm_app_export_model() {
  if (g_app == nullptr) return 0;
  const fm::Status st = g_app->export_model();
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

// window.fmnist.importModel() and the Import button's file: 1 adopted, 0 refused (the current
// model is kept; the reason is in state().error).
EMSCRIPTEN_KEEPALIVE int fm_app_import_model(const uint8_t* bytes, int size) {
  if (g_app == nullptr || size < 0) return 0;
  const fm::Status st = g_app->import_model(bytes, static_cast<size_t>(size));
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

// window.fmnist.continueTraining(lr): after a divergence, from the last good weights (lr 0: keep).
EMSCRIPTEN_KEEPALIVE int fm_app_continue(double lr) {
  if (g_app == nullptr) return 0;
  const fm::Status st = g_app->continue_after_divergence(lr);
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

// window.fmnist.lesson.run(step): 1..5 one step, 0 all in order; 0 returned (state().error) if refused.
EMSCRIPTEN_KEEPALIVE int fm_app_lesson_run(int step) {
  if (g_app == nullptr) return 0;
  const fm::Status st = g_app->lesson_run(step);
  if (!st) g_app->set_error(tr(st));
  return st.ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void fm_app_lesson_cancel() {
  if (g_app != nullptr) g_app->lesson_cancel();
}

// window.fmnist.applySettings(text, origin): "model=mlp&lr=0.001&..." (0 defaults, 1 saved in the
// browser, 2 URL hash; apply lowest first). Returns how many settings were applied.
EMSCRIPTEN_KEEPALIVE int fm_app_apply_settings(const char* text, int origin) {
  if (g_app == nullptr || text == nullptr || origin < 0 || origin > 2) return 0;
  return g_app->apply_settings(text, static_cast<fm::SettingsOrigin>(origin));
}

// The Korean font's bytes (copied; the caller frees its buffer). 1 when ImGui took it.
EMSCRIPTEN_KEEPALIVE int fm_app_load_font(const uint8_t* bytes, int size) {
  if (g_app == nullptr || bytes == nullptr || size <= 0) return 0;
  return g_app->load_font(bytes, static_cast<size_t>(size)) ? 1 : 0;
}

}  // extern "C"
