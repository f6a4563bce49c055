# web.cmake: the page. The core twice (WebAssembly SIMD and scalar), the app (src/app) linked
# against each as fmnist.js/.wasm and fmnist-nosimd.js/.wasm, plus a copy of web/, all in FMNIST_WEB_DIR.
# Included by CMakeLists.txt under emcmake only, after sdl2.cmake (sdl2_web) and imgui.cmake (imgui).

set(FMNIST_WEB_DIR "${CMAKE_BINARY_DIR}/web" CACHE PATH "Folder receiving the page (index.html, .js, .wasm)")
# Emscripten's JS optimizer (run at -O2 and above) needs acorn, which Debian keeps here.
set(FMNIST_NODE_PATH "/usr/share/nodejs" CACHE PATH "NODE_PATH for emcc's link step (acorn)")

add_core(fmnist_core_simd -msimd128)
add_core(fmnist_core_scalar)

file(GLOB_RECURSE APP_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/app/*.cpp")
list(APPEND APP_SOURCES ${MESSAGE_SOURCES})  # the page says the core's errors in its language
# The settings table, its presets and the protocol (src/engine, not the engine itself): the page
# checks train() and links against the same table, and speaks the same messages.
list(APPEND APP_SOURCES "${CMAKE_SOURCE_DIR}/src/engine/settings.cpp" "${CMAKE_SOURCE_DIR}/src/engine/fields.cpp"
     "${CMAKE_SOURCE_DIR}/src/engine/presets.cpp" "${CMAKE_SOURCE_DIR}/src/engine/protocol.cpp")
file(GLOB WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")

# web/ → FMNIST_WEB_DIR on every build (copy_if_different: cheap when nothing changed).
add_custom_target(fmnist_web_files ALL
  COMMAND ${CMAKE_COMMAND} -E make_directory "${FMNIST_WEB_DIR}"
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WEB_FILES} "${FMNIST_WEB_DIR}"
  COMMENT "Copying web/ to ${FMNIST_WEB_DIR}"
  VERBATIM)

# Size over speed for everything but the core: the app, ImGui and SDL compile with -Os and the link
# (wasm-opt) runs at -Os; the core's objects were already optimised at -O3 with SIMD (add_core), and
# `make bench` after the -Os link measured wasm within 1.13-1.41x of native. emmalloc is smaller than
# dlmalloc; training never allocates.
set(FMNIST_WEB_LINK_OPTIONS
  -Os
  "SHELL:-s MIN_WEBGL_VERSION=2" "SHELL:-s MAX_WEBGL_VERSION=2"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1" "SHELL:-s INITIAL_MEMORY=64MB"
  "SHELL:-s DISABLE_EXCEPTION_CATCHING=1"
  "SHELL:-s ENVIRONMENT=web"
  "SHELL:-s NO_FILESYSTEM=1"
  "SHELL:-s DYNAMIC_EXECUTION=0"
  "SHELL:-s MALLOC=emmalloc"
  "SHELL:-s GL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0"
  "SHELL:-s GL_TRACK_ERRORS=0"
  "SHELL:-s INCOMING_MODULE_JS_API=canvas,print,printErr,locateFile,instantiateWasm,onAbort"
  "SHELL:-s EXPORTED_FUNCTIONS=_main,_malloc,_free"
  "SHELL:-s EXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8")

# add_page(name core [flags...]): one build of the page from the same src/app sources.
function(add_page name core)
  add_executable(${name} ${APP_SOURCES})
  target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}/src")
  target_link_libraries(${name} PRIVATE ${core} imgui)
  target_compile_options(${name} PRIVATE -Os ${ARGN})
  target_link_options(${name} PRIVATE ${FMNIST_WEB_LINK_OPTIONS} ${ARGN})
  set_target_properties(${name} PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${FMNIST_WEB_DIR}"
    RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=${FMNIST_NODE_PATH}")
  fmnist_warnings(${name})
  add_dependencies(${name} fmnist_web_files)
endfunction()

add_page(fmnist fmnist_core_simd -msimd128)
add_page(fmnist-nosimd fmnist_core_scalar)

# The training engine for the page's Web Worker (src/engine + the core, no SDL/ImGui), twice like
# the page: engine.js/.wasm on the SIMD core, engine-nosimd.js/.wasm on the scalar one; web/worker.js
# loads one of them. All -O3: this build is the training speed, not the page's download size.
set(FMNIST_ENGINE_EXPORTS
  _malloc _free _engine_payload _engine_command _engine_run_slice _engine_wait_ms _engine_crash)
string(REPLACE ";" "," FMNIST_ENGINE_EXPORTS "${FMNIST_ENGINE_EXPORTS}")
set(FMNIST_ENGINE_LINK_OPTIONS
  -O3
  "SHELL:-s ENVIRONMENT=worker"
  "SHELL:-s MODULARIZE=1" "SHELL:-s EXPORT_NAME=createEngine"
  "SHELL:-s ALLOW_MEMORY_GROWTH=1"
  "SHELL:-s DISABLE_EXCEPTION_CATCHING=1"
  "SHELL:-s NO_FILESYSTEM=1"
  "SHELL:-s DYNAMIC_EXECUTION=0"
  "SHELL:-s INCOMING_MODULE_JS_API=onAbort,instantiateWasm,locateFile,print,printErr"
  "SHELL:-s EXPORTED_FUNCTIONS=${FMNIST_ENGINE_EXPORTS}"
  "SHELL:-s EXPORTED_RUNTIME_METHODS=HEAPU8,stringToUTF8,lengthBytesUTF8")

# add_engine(name core [flags...])
function(add_engine name core)
  add_executable(${name} ${ENGINE_SOURCES} "${CMAKE_SOURCE_DIR}/src/engine/worker_main.cpp")
  target_include_directories(${name} PRIVATE "${CMAKE_SOURCE_DIR}/src")
  target_link_libraries(${name} PRIVATE ${core})
  target_compile_options(${name} PRIVATE -O3 ${ARGN})
  target_link_options(${name} PRIVATE ${FMNIST_ENGINE_LINK_OPTIONS} ${ARGN})
  set_target_properties(${name} PROPERTIES
    SUFFIX ".js"
    RUNTIME_OUTPUT_DIRECTORY "${FMNIST_WEB_DIR}"
    RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=${FMNIST_NODE_PATH}")
  fmnist_warnings(${name})
  add_dependencies(${name} fmnist_web_files)
endfunction()

add_engine(engine fmnist_core_simd -msimd128)
add_engine(engine-nosimd fmnist_core_scalar)
