// The bridge between the App and the page's JavaScript: the App registers itself here, and asks
// the page for downloads. The extern "C" functions window.fmnist calls are in web_api.cpp.
#pragma once

namespace fm {

class App;

// Makes `app` the target of the exported functions and tells the page the overlay is running.
void web_api_attach(App* app);
// Asks the page to download and hand over the bundle for `side` (14 or 28).
void request_bundle(int side);
// Shows a fatal start-up error in the page's error box (the overlay cannot run).
void report_fatal(const char* message);

}  // namespace fm
