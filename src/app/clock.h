// Wall-clock milliseconds for frame timing (steady; performance.now() under Emscripten).
// Lives in app/: the core never reads clocks.
#pragma once

#include <chrono>

namespace fm {

inline double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

}  // namespace fm
