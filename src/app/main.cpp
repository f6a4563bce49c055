// The page's entry point: SDL2 window with a WebGL2 (GLES 3.0) context, Dear ImGui, and the
// frame loop (emscripten_set_main_loop_arg, one thread). A frame is drawn only when the App
// wants one (input, an engine event, an animation): an idle page presents nothing.
#include <SDL.h>

#include <memory>
#include <string>

#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "app/app.h"
#include "app/i18n/strings.h"
#include "app/ui/fonts.h"
#include "app/ui/theme.h"
#include "app/ui/ui_util.h"
#include "app/web_bridge.h"

#include <GLES3/gl3.h>
#include <emscripten.h>

namespace {

struct Runtime {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  fm::App app;
};

void frame(void* arg) {
  auto* rt = static_cast<Runtime*>(arg);
  SDL_Event event;
  while (SDL_PollEvent(&event)) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    rt->app.handle_event(event);
  }
  // Nothing changed: no ImGui frame, no GL calls; the canvas keeps showing the last frame.
  if (!rt->app.wants_frame()) {
    rt->app.idle_frame();
    return;
  }
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  rt->app.touch_pointer().after_new_frame();
  rt->app.follow_pixel_ratio(ImGui::GetIO().DisplayFramebufferScale.x);  // sharp text at DPR 2, 3
  fm::apply_line_height(fm::language() == fm::Language::kKorean);
  ImGui::NewFrame();
  rt->app.frame();
  ImGui::Render();
  const ImGuiIO& io = ImGui::GetIO();
  glViewport(0, 0, static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x),
             static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y));
  // The panels tile the screen without a background of their own (each full-window fill costs
  // a frame's worth of pixels on a software renderer): the clear colour is their background.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(rt->window);
  rt->app.end_frame();
}

int fail(const char* what) {
  const std::string message = std::string(what) + SDL_GetError();
  SDL_Log("%s", message.c_str());
  fm::report_fatal(message.c_str());
  return 1;
}

}  // namespace

int main(int, char**) {
  // SDL listens for keys on the canvas, not on window (issue 15 §1, issue 16): it cancels every
  // Ctrl key it sees, so bound to window no paste event would ever fire on the page.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) return fail(fm::tr(fm::Str::kErrSdlInit));
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  const char* glsl = "#version 300 es";
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

  // The runtime outlives main() in the browser (the loop keeps running after it returns).
  auto* rt = new Runtime();
  rt->window = SDL_CreateWindow(fm::tr(fm::Str::kAppTitle), SDL_WINDOWPOS_UNDEFINED,
                                SDL_WINDOWPOS_UNDEFINED, 1280, 800,
                                SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (rt->window == nullptr) return fail(fm::tr(fm::Str::kErrWindow));
  rt->gl = SDL_GL_CreateContext(rt->window);
  if (rt->gl == nullptr) return fail(fm::tr(fm::Str::kErrGlContext));
  SDL_GL_MakeCurrent(rt->window, rt->gl);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  fm::enable_widget_clip_tracking();
  fm::apply_theme();  // ImGui's dark style, its text pairs at 4.5:1 or more (palette.h)
  ImGui_ImplSDL2_InitForOpenGL(rt->window, rt->gl);
  ImGui_ImplOpenGL3_Init(glsl);
  rt->app.init();
  fm::web_api_attach(&rt->app);

  // fps 0: driven by requestAnimationFrame; simulate_infinite_loop: main does not return.
  emscripten_set_main_loop_arg(frame, rt, 0, 1);
  return 0;
}
