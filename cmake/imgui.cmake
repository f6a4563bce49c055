# imgui.cmake: builds Dear ImGui 1.86 from IMGUI_DIR as the static library `imgui`, with its SDL2 and
# OpenGL3 backends on WebGL2 (GLES 3.0) and `sdl2_web`. Included under emcmake only.

if(NOT EXISTS "${IMGUI_DIR}/imgui.h")
  message(FATAL_ERROR "IMGUI_DIR (${IMGUI_DIR}) does not contain imgui.h")
endif()

add_library(imgui STATIC
  "${IMGUI_DIR}/imgui.cpp"
  "${IMGUI_DIR}/imgui_draw.cpp"
  "${IMGUI_DIR}/imgui_tables.cpp"
  "${IMGUI_DIR}/imgui_widgets.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_sdl.cpp"
  "${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
)
target_include_directories(imgui SYSTEM PUBLIC "${IMGUI_DIR}" "${IMGUI_DIR}/backends")
# UI and platform code: size matters more than speed here (the training core keeps -O3).
target_compile_options(imgui PRIVATE -w -Os)

# Without this define ImGui 1.86's OpenGL3 backend picks GLES2/WebGL1 under Emscripten.
target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
# ImGui's test-engine hooks: each labelled widget reports its label and rectangle, which the page
# checks for clipped text (src/app/ui/clip_tracker.cpp defines the hooks).
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
target_link_libraries(imgui PUBLIC sdl2_web)
target_link_options(imgui INTERFACE "-sMIN_WEBGL_VERSION=2" "-sMAX_WEBGL_VERSION=2")
