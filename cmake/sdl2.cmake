# sdl2.cmake: builds SDL 2.26.5 for the web (Emscripten only) as the static library `sdl2_web`,
# from a fixed list of its sources in SDL2_SOURCE_DIR, configured by SDL's stock SDL_config_emscripten.h.

if(NOT EMSCRIPTEN)
  return() # native builds use the system's SDL2 (see imgui.cmake)
endif()

if(NOT EXISTS "${SDL2_SOURCE_DIR}/include/SDL.h")
  message(FATAL_ERROR "SDL2_SOURCE_DIR (${SDL2_SOURCE_DIR}) does not contain include/SDL.h")
endif()

# Paths relative to ${SDL2_SOURCE_DIR}/src: what an SDL_Init + GLES window + event loop app links
# against, in Release and Debug. SDL APIs left out (file system paths, locale, URLs, power, BMP/WAV
# loading, iconv, Vulkan, shapes) give a link error if used: add their files here.
set(SDL2_WEB_SOURCES
  # core
  SDL.c SDL_assert.c SDL_dataqueue.c SDL_error.c SDL_guid.c SDL_hints.c SDL_list.c SDL_log.c SDL_utils.c
  atomic/SDL_atomic.c atomic/SDL_spinlock.c
  cpuinfo/SDL_cpuinfo.c
  file/SDL_rwops.c
  loadso/dlopen/SDL_sysloadso.c
  # stdlib
  stdlib/SDL_crc16.c stdlib/SDL_getenv.c stdlib/SDL_malloc.c stdlib/SDL_qsort.c stdlib/SDL_stdlib.c
  stdlib/SDL_string.c
  # threads (disabled without -pthread: the generic backend provides the stubs) and timers
  thread/SDL_thread.c thread/generic/SDL_syscond.c thread/generic/SDL_sysmutex.c
  thread/generic/SDL_syssem.c thread/generic/SDL_systhread.c thread/generic/SDL_systls.c
  timer/SDL_timer.c timer/unix/SDL_systimer.c
  # events
  events/SDL_displayevents.c events/SDL_events.c events/SDL_gesture.c events/SDL_keyboard.c
  events/SDL_mouse.c events/SDL_quit.c events/SDL_touch.c events/SDL_windowevents.c
  # video
  video/SDL_RLEaccel.c video/SDL_blit.c video/SDL_blit_0.c video/SDL_blit_1.c video/SDL_blit_A.c
  video/SDL_blit_N.c video/SDL_blit_auto.c video/SDL_blit_copy.c video/SDL_blit_slow.c
  video/SDL_clipboard.c video/SDL_egl.c video/SDL_fillrect.c video/SDL_pixels.c video/SDL_rect.c
  video/SDL_stretch.c video/SDL_surface.c video/SDL_video.c video/SDL_yuv.c video/yuv2rgb/yuv_rgb.c
  video/emscripten/SDL_emscriptenevents.c video/emscripten/SDL_emscriptenframebuffer.c
  video/emscripten/SDL_emscriptenmouse.c video/emscripten/SDL_emscriptenopengles.c
  video/emscripten/SDL_emscriptenvideo.c
  # 2D renderer: SDL_video.c references it (only optimised builds drop that reference)
  render/SDL_render.c render/SDL_yuv_sw.c
  render/opengles2/SDL_render_gles2.c render/opengles2/SDL_shaders_gles2.c
  # audio: SDL_Init references it; the config enables the emscripten, dummy and disk drivers
  audio/SDL_audio.c audio/SDL_audiocvt.c audio/SDL_audiotypecvt.c audio/SDL_mixer.c
  audio/emscripten/SDL_emscriptenaudio.c audio/dummy/SDL_dummyaudio.c audio/disk/SDL_diskaudio.c
  # input devices (haptics are disabled by the config)
  joystick/SDL_gamecontroller.c joystick/SDL_joystick.c joystick/controller_type.c
  joystick/emscripten/SDL_sysjoystick.c
  sensor/SDL_sensor.c sensor/dummy/SDL_dummysensor.c
)
list(TRANSFORM SDL2_WEB_SOURCES PREPEND "${SDL2_SOURCE_DIR}/src/")

add_library(sdl2_web STATIC ${SDL2_WEB_SOURCES})
target_include_directories(sdl2_web SYSTEM PUBLIC "${SDL2_SOURCE_DIR}/include")
target_compile_options(sdl2_web PRIVATE -w -Os)  # size over speed: the core keeps -O3
