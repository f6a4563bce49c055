// The engine's only Emscripten file: the functions web/worker.js calls (a command with its payload,
// one slice of work) and the one EM_JS that posts each event to the page as it happens.
#include <emscripten.h>

#include <cstdlib>
#include <vector>

#include "engine/engine.h"

namespace {

// {text, payload}: the payload is copied out of the heap once and transferred (not copied) to the
// page; text-only events carry payload null.
EM_JS(void, js_post_event, (const char* text, int text_bytes, const uint8_t* payload, int size), {
  const buffer = size > 0 ? HEAPU8.slice(payload, payload + size).buffer : null;
  postMessage(({text : UTF8ToString(text, text_bytes), payload : buffer}), buffer ? [buffer] : []);
});

fm::Engine& engine() {
  static fm::Engine instance([] { return emscripten_get_now(); },
                             [](fm::Message&& m) {
                               js_post_event(m.text.c_str(), static_cast<int>(m.text.size()),
                                             m.payload.data(), static_cast<int>(m.payload.size()));
                             });
  return instance;
}

std::vector<uint8_t> g_payload;  // the next command's payload, written in place by worker.js

}  // namespace

extern "C" {

// Room for the next command's payload: worker.js copies the bytes here, then calls
// engine_command(). Null for size 0.
EMSCRIPTEN_KEEPALIVE uint8_t* engine_payload(int size) {
  std::vector<uint8_t>().swap(g_payload);
  if (size <= 0) return nullptr;
  g_payload.resize(static_cast<size_t>(size));
  return g_payload.data();
}

// One command (protocol.h), with the payload prepared by engine_payload() if any. Its events are
// posted before this returns.
EMSCRIPTEN_KEEPALIVE void engine_command(const char* text) {
  const fm::Message m{text != nullptr ? text : "", std::move(g_payload)};
  std::vector<uint8_t>().swap(g_payload);
  engine().handle(m);
}

// One slice (the engine's slice_ms of work); 1 while work remains.
EMSCRIPTEN_KEEPALIVE int engine_run_slice() { return engine().run_slice() ? 1 : 0; }

// How long worker.js may sleep before the next slice (Watch pace holds steps back); 0: at once.
EMSCRIPTEN_KEEPALIVE double engine_wait_ms() { return engine().wait_ms(); }

// Test hook (the page's fmnist._crashEngine()): dies the way an out-of-memory abort does.
EMSCRIPTEN_KEEPALIVE void engine_crash() { std::abort(); }

}  // extern "C"
