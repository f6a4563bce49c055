#include "app/ui/reduced_motion.h"

#include <emscripten.h>

#include "imgui.h"

namespace fm {
namespace {

EM_JS(int, js_reduced_motion, (), {
  return window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches ? 1 : 0;
});

bool g_reduced = false;

}  // namespace

bool reduced_motion() { return g_reduced; }

void follow_reduced_motion() {
  g_reduced = js_reduced_motion() != 0;
  ImGui::GetIO().ConfigInputTextCursorBlink = !g_reduced;
}

}  // namespace fm
