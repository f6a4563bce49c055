// Every JS↔C++ function of the page in one place: the EM_JS calls from C++ into the page, and the
// extern "C" functions (EMSCRIPTEN_KEEPALIVE) window.fmnist (web/api.js), the loader and the
// engine's worker call. Arguments from JS are checked here; the App does the rest.
#include "app/web_bridge.h"

#include <emscripten.h>
#include <emscripten/heap.h>

#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "app/app.h"
#include "app/i18n/strings.h"
#include "app/ui/ui_util.h"
#include "core/photo.h"

namespace {
fm::App* g_app = nullptr;  // the one App; the exported C functions need a way to reach it


EM_JS(void, js_app_started, (), {
  if (Module.fmnistAppStarted) Module.fmnistAppStarted();
});
EM_JS(void, js_request_bundle, (int side), {
  if (Module.fmnistRequestBundle) Module.fmnistRequestBundle(side);
});
EM_JS(void, js_report_fatal, (const char* message), {
  if (Module.fmnistFatal) Module.fmnistFatal(UTF8ToString(message));
});

// The worker: web/api.js keeps it (window.fmnist._engine) and hands its events to
// fm_app_engine_event; a worker that fails to load reports as a `fatal` event.
EM_JS(void, js_engine_start, (), {
  if (window.fmnist && window.fmnist._engine) window.fmnist._engine.start();
});
EM_JS(void, js_engine_post, (const char* text, int text_bytes, const uint8_t* payload, int size), {
  if (!window.fmnist || !window.fmnist._engine) return;
  const buffer = size > 0 ? HEAPU8.slice(payload, payload + size).buffer : null;
  window.fmnist._engine.post(UTF8ToString(text, text_bytes), buffer);
});
EM_JS(void, js_engine_terminate, (), {
  if (window.fmnist && window.fmnist._engine) window.fmnist._engine.terminate();
});
EM_JS(int, js_document_hidden, (), { return document.hidden ? 1 : 0; });
EM_JS(int, js_touch_first, (), {
  return window.matchMedia && matchMedia("(hover: none) and (pointer: coarse)").matches ? 1 : 0;
});
// After the C++ call returns (it may be inside an engine event): the promises read state().
EM_JS(void, js_compare_finished, (), {
  setTimeout(function() { if (window.fmnist && window.fmnist._compareFinished) window.fmnist._compareFinished(); }, 0);
});

// replaceState: no new history entry per keystroke, and no hashchange event back to us.
EM_JS(void, js_replace_hash, (const char* hash), {
  const h = "#" + UTF8ToString(hash);
  if (location.hash !== h) history.replaceState(history.state, "", h);
});
// Returned strings are malloc'd here and freed by the caller (take_js_string).
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
EM_JS(char*, js_storage_load_settings, (), {
  const s = window.fmnistStorage ? String(window.fmnistStorage.loadSettings() || "").slice(0, 4000) : "";
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  if (p) stringToUTF8(s, p, n);
  return p;
});
EM_JS(int, js_storage_save, (const uint8_t* model, int size, const char* settings), {
  if (!window.fmnistStorage) return 2;
  return window.fmnistStorage.save(model ? HEAPU8.slice(model, model + size) : null, UTF8ToString(settings));
});
// A malloc'd copy of the saved model file (caller frees), or 0.
EM_JS(uint8_t*, js_storage_load_model, (int* size), {
  const b = window.fmnistStorage ? window.fmnistStorage.loadModel() : null;
  if (!b || !b.length) return 0;
  const p = _malloc(b.length);
  if (!p) return 0;
  window.fmnist._copyToHeap(Module, p, b);  // web/api.js: the one place bytes enter the heap
  HEAP32[size >> 2] = b.length;
  return p;
});
EM_JS(char*, js_storage_load_history, (), {
  const s = window.fmnistStorage ? String(window.fmnistStorage.loadHistory() || "").slice(0, 200000) : "";
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  if (p) stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, js_storage_forget_model, (), {
  if (window.fmnistStorage) window.fmnistStorage.forgetModel();
});
EM_JS(void, js_download, (const uint8_t* bytes, int size, const char* name), {
  if (window.fmnistStorage) window.fmnistStorage.download(HEAPU8.slice(bytes, bytes + size), UTF8ToString(name));
});
EM_JS(void, js_open_import, (), {
  if (window.fmnistStorage) window.fmnistStorage.chooseFile();
});
// My sketches (issue 14 §1): kept in localStorage as a sketch-set text, and the Import chooser.
EM_JS(int, js_storage_save_sketches, (const char* text), {
  return window.fmnistStorage ? window.fmnistStorage.saveSketches(UTF8ToString(text)) : 2;
});
EM_JS(char*, js_storage_load_sketches, (), {
  const s = window.fmnistStorage ? String(window.fmnistStorage.loadSketches() || "") : "";
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  if (p) stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, js_open_sketches, (), {
  if (window.fmnistStorage) window.fmnistStorage.chooseSketches();
});
EM_JS(void, js_open_image, (), {
  if (window.fmnistImage) window.fmnistImage.choose();
});
EM_JS(void, js_open_user_data, (), {
  if (window.fmnistUserData) window.fmnistUserData.choose();
});

// The accessible layer (web/a11y.js): controls described, sentences for the live region.
EM_JS(void, js_a11y_update, (const char* json), {
  if (window.fmnistA11y) window.fmnistA11y.update(UTF8ToString(json));
});
EM_JS(void, js_a11y_announce, (const char* kind, const char* text), {
  if (window.fmnistA11y) window.fmnistA11y.announce(UTF8ToString(kind), UTF8ToString(text));
});

std::string take_js_string(char* s) {
  std::string out = s != nullptr ? s : "";
  std::free(s);
  return out;
}

int index_arg(double v) {
  return std::isfinite(v) && v == std::floor(v) && v >= 0 && v < 2147483647.0 ? static_cast<int>(v) : -1;
}

// The Status-to-return-code pattern of the commands below: 1 ok, else 0 with the message in
// state().error.
int report(const fm::Status& st) {
  if (!st && g_app != nullptr) g_app->session().messages.error = tr(st);
  return st.ok ? 1 : 0;
}

}  // namespace

namespace fm {

void web_api_attach(App* app) {
  g_app = app;
  js_app_started();
}
void request_bundle(int side) { js_request_bundle(side); }
void report_fatal(const char* message) { js_report_fatal(message); }

void engine_start_worker() { js_engine_start(); }
void engine_post(const Message& m) {
  js_engine_post(m.text.c_str(), static_cast<int>(m.text.size()), m.payload.data(),
                 static_cast<int>(m.payload.size()));
}
void engine_terminate() { js_engine_terminate(); }

void pause_main_loop() { emscripten_pause_main_loop(); }
void resume_main_loop() { emscripten_resume_main_loop(); }
bool document_hidden() { return js_document_hidden() != 0; }
bool touch_first_screen() { return js_touch_first() != 0; }
void replace_hash(const std::string& hash) { js_replace_hash(hash.c_str()); }
std::string location_hash() { return take_js_string(js_location_hash()); }
std::string navigator_language() { return take_js_string(js_navigator_language()); }

int storage_save(const std::vector<uint8_t>* model, const std::string& settings) {
  return js_storage_save(model != nullptr ? model->data() : nullptr,
                         model != nullptr ? static_cast<int>(model->size()) : 0, settings.c_str());
}
std::string storage_load_settings() { return take_js_string(js_storage_load_settings()); }
std::vector<uint8_t> storage_load_model() {
  int size = 0;
  uint8_t* p = js_storage_load_model(&size);
  if (p == nullptr) return {};
  std::vector<uint8_t> out(p, p + size);
  std::free(p);
  return out;
}
void storage_forget_model() { js_storage_forget_model(); }
std::string storage_load_history() { return take_js_string(js_storage_load_history()); }
int storage_save_sketches(const std::string& text) { return js_storage_save_sketches(text.c_str()); }
std::string storage_load_sketches() { return take_js_string(js_storage_load_sketches()); }
void open_sketches_dialog() { js_open_sketches(); }
void download_file(const std::vector<uint8_t>& bytes, const char* name) {
  js_download(bytes.data(), static_cast<int>(bytes.size()), name);
}
void open_import_dialog() { js_open_import(); }
void open_user_data_dialog() { js_open_user_data(); }
void open_image_dialog() { js_open_image(); }
double heap_bytes() { return static_cast<double>(emscripten_get_heap_size()); }
void compare_finished() { js_compare_finished(); }
void a11y_update(const std::string& json) { js_a11y_update(json.c_str()); }
void a11y_announce(const char* kind, const std::string& text) { js_a11y_announce(kind, text.c_str()); }

}  // namespace fm

extern "C" {

// A bundle's bytes: the page writes them at fm_app_bundle_buffer(side, size) (0 when out of
// memory), then calls fm_app_load_bundle(side), which checks and keeps them (1) or says why not
// in state().error (0). The buffer is moved to the App: one copy of the bytes in the page.
std::vector<uint8_t> g_bundle_buffers[std::size(fm::kInputSides)];  // by input_side_index
static size_t bundle_buffer_slot(int side) {
  return static_cast<size_t>(fm::input_side_index(fm::is_input_side(side) ? side : 14));
}

EMSCRIPTEN_KEEPALIVE uint8_t* fm_app_bundle_buffer(int side, int size) {
  std::vector<uint8_t>& b = g_bundle_buffers[bundle_buffer_slot(side)];
  std::vector<uint8_t>().swap(b);
  if (size <= 0) return nullptr;
  b.resize(static_cast<size_t>(size));
  return b.data();
}

EMSCRIPTEN_KEEPALIVE int fm_app_load_bundle(int side) {
  std::vector<uint8_t> bytes = std::move(g_bundle_buffers[bundle_buffer_slot(side)]);
  if (g_app == nullptr) return 0;
  return g_app->session().load_bundle(std::move(bytes), side).ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void fm_app_bundle_progress(int side, double loaded, double total) {
  if (g_app != nullptr) g_app->session().bundle_progress(side, loaded, total);
}

EMSCRIPTEN_KEEPALIVE void fm_app_bundle_failed(int side, const char* message) {
  if (g_app != nullptr) g_app->session().bundle_failed(side, message != nullptr ? message : "");
}

// One event from the engine's worker (protocol.h), with its payload (copied by the page).
EMSCRIPTEN_KEEPALIVE void fm_app_engine_event(const char* text, const uint8_t* payload, int size) {
  if (g_app == nullptr || text == nullptr) return;
  fm::Message m{text, {}};
  if (payload != nullptr && size > 0) m.payload.assign(payload, payload + size);
  g_app->on_engine_event(m);
}

EMSCRIPTEN_KEEPALIVE const char* fm_app_state_json() {
  return g_app != nullptr ? g_app->state_json().c_str() : "{}";
}

// window.fmnist.train(): its argument as a settings text (web/api.js); checked by the table.
EMSCRIPTEN_KEEPALIVE int fm_app_train(const char* settings) {
  if (g_app == nullptr) return 0;
  return report(g_app->session().train_from_api(settings != nullptr ? settings : ""));
}

// window.fmnist.compareResolutions(): its argument as a settings text over the form's settings.
EMSCRIPTEN_KEEPALIVE int fm_app_compare(const char* settings) {
  if (g_app == nullptr) return 0;
  return report(g_app->compare_resolutions(settings != nullptr ? settings : ""));
}
EMSCRIPTEN_KEEPALIVE void fm_app_compare_cancel() {
  if (g_app != nullptr) g_app->cancel_compare();
}

EMSCRIPTEN_KEEPALIVE void fm_app_pause() {
  if (g_app != nullptr) g_app->session().pause();
}
EMSCRIPTEN_KEEPALIVE void fm_app_resume() {
  if (g_app != nullptr) g_app->session().resume();
}
// +1 epoch's action: the run goes on one more epoch (a finished one continues, the same run).
EMSCRIPTEN_KEEPALIVE int fm_app_plus_epoch() {
  if (g_app == nullptr || g_app->session().data() == nullptr) return 0;
  if (g_app->session().run().phase() == fm::Phase::kDiverged) return 0;
  g_app->session().plus_epoch();
  return 1;
}
EMSCRIPTEN_KEEPALIVE void fm_app_reset() {
  if (g_app != nullptr) g_app->session().reset();
}
EMSCRIPTEN_KEEPALIVE void fm_app_clear_canvas() {
  if (g_app != nullptr) g_app->session().clear_canvas();
}

EMSCRIPTEN_KEEPALIVE int fm_app_load_test_image(double index) {
  return g_app != nullptr ? report(g_app->session().load_test_image(index_arg(index))) : 0;
}

// fmnist.loadImage({split, index}): split 0 train, 1 val, 2 test (−1: a split the API refused).
EMSCRIPTEN_KEEPALIVE int fm_app_load_image(int split, double index) {
  return g_app != nullptr ? report(g_app->session().load_image(split, index_arg(index))) : 0;
}

// fmnist.mapPoints(): the map's rows (x, y, label as float32 triples) where they lie, and how many.
EMSCRIPTEN_KEEPALIVE const float* fm_app_map_rows() {
  return g_app != nullptr ? g_app->session().engine().explain().map().rows.data() : nullptr;
}
EMSCRIPTEN_KEEPALIVE int fm_app_map_count() {
  return g_app != nullptr ? static_cast<int>(g_app->session().engine().explain().map().count()) : 0;
}

EMSCRIPTEN_KEEPALIVE int fm_app_set_input_size(int side) {
  return g_app != nullptr ? report(g_app->session().set_input_size(side)) : 0;
}

EMSCRIPTEN_KEEPALIVE int fm_app_test_label(double index) {
  return g_app != nullptr ? g_app->session().test_label(index_arg(index)) : -1;
}

EMSCRIPTEN_KEEPALIVE void fm_app_set_error(const char* message) {
  if (g_app != nullptr) g_app->session().messages.error = message != nullptr ? message : "";
}

// A user's data set (web/user_data.js): each 1 when sent to the engine, whose answer (a
// user_data_progress, user_data or error event) the page waits for before the next; 0 refused,
// state().error says why.
EMSCRIPTEN_KEEPALIVE int fm_app_user_data_begin(const char* part, double bytes, int idx) {
  return g_app != nullptr ? report(g_app->session().user_data_begin(part != nullptr ? part : "", bytes, idx == 1)) : 0;
}
// One whole gunzipped IDX file of the current part (images 1: the image file, else the labels).
EMSCRIPTEN_KEEPALIVE int fm_app_user_data_idx(int images, const uint8_t* bytes, int size) {
  if (g_app == nullptr || bytes == nullptr || size < 0) return 0;
  return report(g_app->session().user_data_idx(images == 1, std::vector<uint8_t>(bytes, bytes + size)));
}
EMSCRIPTEN_KEEPALIVE int fm_app_user_data_chunk(const uint8_t* bytes, int size) {
  if (g_app == nullptr || bytes == nullptr || size < 0) return 0;
  return report(g_app->session().user_data_chunk(std::vector<uint8_t>(bytes, bytes + size)));
}
EMSCRIPTEN_KEEPALIVE int fm_app_user_data_names(const uint8_t* bytes, int size) {
  if (g_app == nullptr || bytes == nullptr || size < 0) return 0;
  return report(g_app->session().user_data_names(std::vector<uint8_t>(bytes, bytes + size)));
}
EMSCRIPTEN_KEEPALIVE int fm_app_user_data_end() {
  return g_app != nullptr ? report(g_app->session().user_data_end()) : 0;
}
EMSCRIPTEN_KEEPALIVE void fm_app_user_data_cancel() {
  if (g_app != nullptr) g_app->session().user_data_cancel();
}
// The files chosen were not a data set: 1 no CSV among them, 2 too many.
EMSCRIPTEN_KEEPALIVE void fm_app_user_data_error(int kind) {
  if (g_app != nullptr) report(fm::tr_error(kind == 2 ? fm::Str::kErrUserDataTooMany : fm::Str::kErrUserDataNoCsv));
}
// window.fmnist.classifyImage(): the decoded image's RGBA pixels (web/image.js) onto the canvas.
EMSCRIPTEN_KEEPALIVE int fm_app_classify_image(const uint8_t* rgba, int w, int h) {
  if (g_app == nullptr || rgba == nullptr) return 0;
  return report(g_app->session().classify_image(rgba, w, h));
}
// An image web/image.js refused before the app saw it: 1 not an image, 2 too many bytes (a of
// at most b), 3 a side of 0 or too large (a×b).
EMSCRIPTEN_KEEPALIVE void fm_app_image_error(int kind, const char* name, double a, double b) {
  if (g_app == nullptr) return;
  const std::string file = name != nullptr && *name ? name : "?";
  char buf[600];
  if (kind == 2) {
    std::snprintf(buf, sizeof(buf), tr(fm::Str::kFmtErrImageBytes), file.c_str(),
                  fm::format_count(static_cast<long long>(a)).c_str(), fm::format_count(static_cast<long long>(b)).c_str());
  } else if (kind == 3) {
    std::snprintf(buf, sizeof(buf), "%s", tr(fm::Status::Error(fm::ErrorCode::kImageSize,
        {fm::param(static_cast<long long>(a)), fm::param(static_cast<long long>(b)), fm::param(fm::kMaxPhotoSide)})).c_str());
  } else {
    std::snprintf(buf, sizeof(buf), tr(fm::Str::kFmtErrImageNotImage), file.c_str());
  }
  g_app->session().messages.error = std::string(tr(fm::Str::kErrImagePrefix)) + buf;
}

// Whether an ImGui text field has the keyboard (web/paste.js leaves Ctrl/Cmd+V to it then).
EMSCRIPTEN_KEEPALIVE int fm_app_wants_text() {
  return g_app != nullptr && ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput ? 1 : 0;
}

// The accessible layer (web/a11y.js): the controls' description, one pressed or chosen (1 done,
// 0 refused: state().error says why), the keyboard into the panels, and whether a popup (a
// menu, the confirm box) has Escape for itself.
EMSCRIPTEN_KEEPALIVE const char* fm_app_a11y_json() {
  return g_app != nullptr ? g_app->a11y_json().c_str() : "{}";
}
EMSCRIPTEN_KEEPALIVE int fm_app_a11y_action(const char* id, const char* value) {
  if (g_app == nullptr || id == nullptr) return 0;
  return report(g_app->a11y_action(id, value != nullptr ? value : ""));
}
// 1 the keyboard went into the panels, 0 it left them, 2 it left them by Tab.
EMSCRIPTEN_KEEPALIVE void fm_app_nav(int what) {
  if (g_app == nullptr) return;
  g_app->nav(what == 1 ? fm::App::Nav::kEnter : what == 2 ? fm::App::Nav::kTabOut : fm::App::Nav::kLeave);
}
EMSCRIPTEN_KEEPALIVE int fm_app_popup_open() {
  return ImGui::GetCurrentContext() != nullptr && ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId) ? 1 : 0;
}

// window.fmnist.backToFashionMnist().
EMSCRIPTEN_KEEPALIVE int fm_app_back_to_builtin() {
  return g_app != nullptr ? report(g_app->session().back_to_builtin()) : 0;
}

// window.fmnist.exportModel(format): asks the engine for the file (safetensors 1: safetensors,
// else the model file), which the page then downloads.
EMSCRIPTEN_KEEPALIVE int fm_app_export_model(int safetensors) {
  return g_app != nullptr ? report(g_app->session().export_model(safetensors == 1)) : 0;
}

// window.fmnist.importModel() and the Import button's file: 1 sent to the engine (its answer
// arrives as an event), 0 refused here (the reason is in state().error).
// The name of the file the next import_model comes from (the page's file chooser), for the
// Training panel's "Imported from FILE".
EMSCRIPTEN_KEEPALIVE void fm_app_set_import_name(const char* name) {
  if (g_app != nullptr) g_app->session().set_import_name(name != nullptr ? name : "");
}
EMSCRIPTEN_KEEPALIVE int fm_app_import_model(const uint8_t* bytes, int size) {
  if (g_app == nullptr || size < 0) return 0;
  return report(g_app->session().import_model(bytes, static_cast<size_t>(size)));
}

// window.fmnist.correct(label), undoCorrection() and mySketches (issue 14 §1): 1 done or sent
// to the engine, 0 refused (the reason is in state().error).
EMSCRIPTEN_KEEPALIVE int fm_app_correct(int label) {
  return g_app != nullptr ? report(g_app->session().correct(label)) : 0;
}
EMSCRIPTEN_KEEPALIVE int fm_app_undo_correction() {
  return g_app != nullptr ? report(g_app->session().undo_correction()) : 0;
}
EMSCRIPTEN_KEEPALIVE int fm_app_remove_sketch(int index) {
  return g_app != nullptr ? report(g_app->session().remove_sketch(index)) : 0;
}
EMSCRIPTEN_KEEPALIVE void fm_app_clear_sketches() {
  if (g_app != nullptr) g_app->session().clear_sketches();
}
EMSCRIPTEN_KEEPALIVE void fm_app_export_sketches() {
  if (g_app != nullptr) g_app->session().export_sketches();
}
EMSCRIPTEN_KEEPALIVE int fm_app_import_sketches(const uint8_t* bytes, int size) {
  if (g_app == nullptr || size < 0) return 0;
  return report(g_app->session().import_sketches(bytes, static_cast<size_t>(size)));
}
// The set as the Export button writes it (a pointer valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* fm_app_sketches_json() {
  static std::string text;
  text = g_app != nullptr ? g_app->session().corrections.to_json() : "";
  return text.c_str();
}

// window.fmnist.continueTraining(lr): after a divergence, from the last good weights (lr 0: keep).
EMSCRIPTEN_KEEPALIVE int fm_app_continue(double lr) {
  return g_app != nullptr ? report(g_app->session().continue_after_divergence(lr)) : 0;
}

// window.fmnist.viewAt({epoch, batch}): epoch a whole number ≥ 0, batch one too or −1 (absent:
// the epoch's end); anything else is refused with the API's usage. viewAt('live'): view_live.
EMSCRIPTEN_KEEPALIVE int fm_app_view_at(double epoch, double batch) {
  if (g_app == nullptr) return 0;
  const int e = index_arg(epoch);
  const bool end = batch == -1;
  const int b = end ? -1 : index_arg(batch);
  if (e < 0 || (!end && b < 0)) return report(fm::tr_error(fm::Str::kErrViewArgs));
  return report(g_app->session().view_at(e, b));
}
EMSCRIPTEN_KEEPALIVE void fm_app_view_live() {
  if (g_app != nullptr) g_app->session().view_live();
}

// window.fmnist.lesson.run(step): 1..5 one step, 0 all in order.
EMSCRIPTEN_KEEPALIVE int fm_app_lesson_run(int step) {
  return g_app != nullptr ? report(g_app->lesson().run(g_app->session(), step)) : 0;
}

EMSCRIPTEN_KEEPALIVE void fm_app_lesson_cancel() {
  if (g_app != nullptr) g_app->lesson().cancel(g_app->session());
}

// window.fmnist.applySettings(text, origin): 0 defaults, 1 saved in the browser, 2 URL hash.
EMSCRIPTEN_KEEPALIVE int fm_app_apply_settings(const char* text, int origin) {
  if (g_app == nullptr || text == nullptr || origin < 0 || origin > 2) return 0;
  return g_app->apply_settings(text, static_cast<fm::SettingsOrigin>(origin));
}

// The Korean font's bytes (copied; the caller frees its buffer). 1 when ImGui took it.
EMSCRIPTEN_KEEPALIVE int fm_app_load_font(const uint8_t* bytes, int size) {
  if (g_app == nullptr || bytes == nullptr || size <= 0) return 0;
  return g_app->load_font(bytes, static_cast<size_t>(size)) ? 1 : 0;
}

// Test hooks: fmnist._crashEngine() (the engine aborts as on running out of memory) and
// fmnist._config({slice_ms}) (the engine's slice length).
EMSCRIPTEN_KEEPALIVE void fm_app_crash_engine() {
  if (g_app != nullptr) g_app->session().engine().crash();
}
EMSCRIPTEN_KEEPALIVE void fm_app_set_slice_ms(double ms) {
  if (g_app != nullptr && std::isfinite(ms) && ms > 0 && ms <= 1000) g_app->session().engine().config(ms);
}
// Input the page saw (pointer, keys, wheel, touch, resize, focus): the frame loop wakes.
EMSCRIPTEN_KEEPALIVE void fm_app_wake() {
  if (g_app != nullptr) g_app->wake();
}

// fmnist._requestFrames(n): draw n frames (a test that waits for frames on an idle page).
EMSCRIPTEN_KEEPALIVE void fm_app_request_frames(int n) {
  if (g_app != nullptr && n > 0) g_app->request_frames(n < 1000 ? n : 1000);
}

}  // extern "C"
