// The Korean UI font: glyph ranges built from the string tables, and loading the subset font
// (fetched by the page) into ImGui's atlas, merged into the default font.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace fm {

// Every code point above Latin-1 used by any string in any language, as ImGui glyph ranges
// (pairs, zero-terminated). The build's font subset is made from the same strings.
std::vector<ImWchar> ui_glyph_ranges();

struct UiFont {
  std::vector<ImWchar> ranges;  // must outlive the atlas build; kept for the App's lifetime
  bool loaded = false;
  int glyphs = 0;               // code points in `ranges`
  size_t bytes = 0;
  std::vector<uint8_t> ttf;     // the Korean font, kept to rasterise it again at another scale
  float scale = 1.0f;           // device pixels per CSS px the atlas is rasterised for
};

// Merges the TrueType bytes (copied; the atlas owns the copy) into the default font and
// rebuilds the font texture. Call between frames. On failure the atlas keeps the default font.
bool load_ui_font(const uint8_t* bytes, size_t size, UiFont* font);

// High-DPI screens (issue 16 §2): the atlas rasterised at `scale` device pixels per CSS px (the
// canvas's devicePixelRatio, clamped to 1..4) and drawn at 1/scale (io.FontGlobalScale), so text
// is as sharp as the screen. Rebuilds the atlas and its texture only when the scale changed; call
// between ImGui_ImplSDL2_NewFrame and ImGui::NewFrame. True when it rebuilt.
bool set_font_scale(float scale, UiFont* font);

// Korean lines one pixel taller (14 px): Hangul fills ProggyClean's 13 px line, so wrapped lines
// and rows of text touched. Sets the UI font's line height (its glyphs keep their size); call
// before ImGui::NewFrame.
void apply_line_height(bool korean);

// How far below the digit 8's ink the ink of `c` ends, in pixels, read from the atlas's pixels
// (0: on the same baseline; NAN when either glyph or the pixels are missing). state().font.
float ink_drop_below_digit(ImWchar c);

}  // namespace fm
