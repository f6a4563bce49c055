// The bridge between the page's C++ and its JavaScript, all in web_bridge.cpp: the functions the
// App calls into the page (declared here), and the extern "C" functions window.fmnist, the loader
// and the engine's worker call (exported there).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/protocol.h"

namespace fm {

class App;

// Makes `app` the target of the exported functions and tells the page the overlay is running.
void web_api_attach(App* app);
// Asks the page to download and hand over the bundle for `side` (7, 14 or 28).
void request_bundle(int side);
// Shows a fatal start-up error in the page's error box (the overlay cannot run).
void report_fatal(const char* message);

// The engine's worker: start a fresh one (new Worker('worker.js') + its init message), post a
// command to it, terminate it. Its events come back through fm_app_engine_event.
void engine_start_worker();
void engine_post(const Message& command);
void engine_terminate();

// The frame loop: paused while nothing changes (no animation-frame callbacks at all), resumed
// by anything that asks for a frame. Input wakes it through fm_app_wake (web/loader.js listens).
void pause_main_loop();
void resume_main_loop();

// The page: document.hidden, the address bar's hash, the browser's language.
bool document_hidden();
bool touch_first_screen();  // no hover and a coarse pointer: a phone or tablet
void replace_hash(const std::string& hash);  // no history entry, no hashchange back
std::string location_hash();
std::string navigator_language();

// web/storage.js: settings text and model file kept across reloads.
// storage_save: 0 saved, 1 the model is too large (the old one is dropped), 2 no storage.
int storage_save(const std::vector<uint8_t>* model, const std::string& settings);
std::string storage_load_settings();
std::vector<uint8_t> storage_load_model();
// The epochs a page before version 4 model files kept beside the model
// ("epoch,train_loss,train_acc,val_loss,val_acc;…"): read once to migrate it into the file.
std::string storage_load_history();
void storage_forget_model();
// My sketches as a sketch-set text (issue 14 §1): 0 saved, 1 storage full (the old copy kept),
// 2 no storage.
int storage_save_sketches(const std::string& text);
std::string storage_load_sketches();
void open_sketches_dialog();  // the My sketches Import chooser (web/storage.js)
void download_file(const std::vector<uint8_t>& bytes, const char* name);
void open_import_dialog();
void open_user_data_dialog();
void open_image_dialog();  // web/image.js: the image file chooser  // web/user_data.js: the Data file chooser
double heap_bytes();
void compare_finished();  // a resolution comparison ended: window.fmnist's promises resolve
// web/a11y.js: the DOM controls' new description (App::a11y_json), a sentence for the live region.
void a11y_update(const std::string& json);
void a11y_announce(const char* kind, const std::string& text);

}  // namespace fm
