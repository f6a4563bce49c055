// The Korean UI font. ImGui's built-in font (ProggyClean) covers Latin-1 only; Hangul comes from
// a subset of NanumGothic made at build time (scripts/make_font.py) from the same string tables
// (and message catalogue) these ranges are built from, merged into the default font so English
// looks as before.
#include "app/ui/fonts.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "app/i18n/strings.h"
#include "imgui_impl_opengl3.h"

namespace fm {
namespace {

constexpr float kHangulPx = 14.0f;  // next to ProggyClean's 13 px: Hangul needs a pixel more

// Decodes UTF-8 into code points (invalid bytes are skipped).
void collect(const char* s, std::set<unsigned>* out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s);
  while (*p != 0) {
    unsigned c = *p, len = 0;
    if (c < 0x80) len = 1;
    else if ((c & 0xE0) == 0xC0) len = 2, c &= 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, c &= 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, c &= 0x07;
    else { ++p; continue; }
    unsigned k = 1;
    for (; k < len && (p[k] & 0xC0) == 0x80; ++k) c = (c << 6) | (p[k] & 0x3F);
    if (k < len) { ++p; continue; }
    p += len;
    if (c > 0xFF && c <= 0xFFFF) out->insert(c);  // ImWchar is 16-bit in this build
  }
}

bool looks_like_truetype(const uint8_t* b, size_t n) {
  if (n < 12) return false;
  return (b[0] == 0 && b[1] == 1 && b[2] == 0 && b[3] == 0) || std::memcmp(b, "true", 4) == 0 ||
         std::memcmp(b, "OTTO", 4) == 0;
}

// The bottom of a glyph's ink on screen (its rectangle's rows with any pixel at least half
// covered), NAN when it has none or the atlas kept no pixels.
float ink_bottom(const ImFontAtlas& atlas, const ImFont& font, ImWchar c) {
  const ImFontGlyph* g = font.FindGlyphNoFallback(c);
  if (g == nullptr || atlas.TexPixelsAlpha8 == nullptr || atlas.TexWidth <= 0) return NAN;
  const int x0 = static_cast<int>(g->U0 * atlas.TexWidth), x1 = static_cast<int>(std::ceil(g->U1 * atlas.TexWidth));
  const int y0 = static_cast<int>(g->V0 * atlas.TexHeight), y1 = static_cast<int>(std::ceil(g->V1 * atlas.TexHeight));
  for (int y = y1 - 1; y >= y0; --y) {
    for (int x = x0; x < x1; ++x) {
      if (atlas.TexPixelsAlpha8[y * atlas.TexWidth + x] >= 128) {
        // Atlas rows to screen pixels (no vertical oversampling: one row each).
        return g->Y0 + (y + 1 - y0) * (g->Y1 - g->Y0) / std::max(1, y1 - y0);
      }
    }
  }
  return NAN;
}

}  // namespace

void apply_line_height(bool korean) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->Fonts.empty() || atlas->Fonts[0]->ConfigData == nullptr) return;
  ImFont* font = atlas->Fonts[0];
  // ImFont::RenderText scales glyphs by size / FontSize and ImGui draws at FontSize: the glyphs
  // stay as baked, only the line (and frames around it) grows.
  // At a scale (set_font_scale) the atlas's pixels are device pixels: one CSS px is 1/13 of its size.
  font->FontSize = font->ConfigData->SizePixels * (korean ? 14.0f / 13.0f : 1.0f);
  font->FontSize = std::round(font->FontSize * 8.0f) / 8.0f;  // 14, not 14.000001, at a whole scale
}

float ink_drop_below_digit(ImWchar c) {
  const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  if (atlas->Fonts.empty()) return NAN;
  // Atlas pixels to CSS px (the atlas may be rasterised for a high-DPI screen).
  return (ink_bottom(*atlas, *atlas->Fonts[0], c) - ink_bottom(*atlas, *atlas->Fonts[0], '8')) *
         ImGui::GetIO().FontGlobalScale;
}

std::vector<ImWchar> ui_glyph_ranges() {
  std::set<unsigned> cps;
  for (Language lang : {Language::kEnglish, Language::kKorean}) {
    for (int i = 0; i < static_cast<int>(Str::kCount); ++i) collect(tr_in(lang, static_cast<Str>(i)), &cps);
    // The core's errors, said by the message catalogue.
    for (int i = 1; i < static_cast<int>(ErrorCode::kCount); ++i) {
      collect(message_template(static_cast<ErrorCode>(i), lang), &cps);
    }
  }
  cps.insert(0xFFFD);  // what ImGui draws for a missing glyph, if the font has it
  std::vector<ImWchar> ranges;
  for (auto it = cps.begin(); it != cps.end();) {
    const unsigned lo = *it;
    unsigned hi = lo;
    for (++it; it != cps.end() && *it == hi + 1; ++it) hi = *it;
    ranges.push_back(static_cast<ImWchar>(lo));
    ranges.push_back(static_cast<ImWchar>(hi));
  }
  ranges.push_back(0);
  return ranges;
}

namespace {

// The default font at the font's scale, with the Korean font merged when it is in; a new texture.
bool build_atlas(UiFont* font) {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  ImFontConfig base;
  base.SizePixels = 13.0f * font->scale;  // ProggyClean's size: at whole scales, its pixels ×scale
  atlas->AddFontDefault(&base);
  bool merged = false;
  if (!font->ttf.empty()) {
    ImFontConfig cfg;
    cfg.MergeMode = true;
    cfg.FontDataOwnedByAtlas = true;  // the atlas frees this copy (IM_FREE) when it is cleared
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    // ProggyClean is drawn 1 px low (AddFontDefault's GlyphOffset): so is Hangul, whose syllables
    // then end on the digits' baseline ("187,161개"; at -1 they sat 2 px higher).
    cfg.GlyphOffset = ImVec2(0.0f, 1.0f * font->scale);
    void* copy = IM_ALLOC(font->ttf.size());
    std::memcpy(copy, font->ttf.data(), font->ttf.size());
    atlas->AddFontFromMemoryTTF(copy, static_cast<int>(font->ttf.size()), kHangulPx * font->scale, &cfg,
                                font->ranges.data());
    merged = true;
  }
  bool ok = atlas->Build();
  if (!ok && merged) {
    atlas->Clear();  // frees the copy too
    atlas->AddFontDefault(&base);
    atlas->Build();
  }
  ImGui::GetIO().FontGlobalScale = 1.0f / font->scale;
  // Build() set the font's size back to ProggyClean's: the Korean line height again now, not at
  // the next drawn frame (state() read in between said 13).
  apply_line_height(language() == Language::kKorean);
  // The renderer's texture was made from the old atlas.
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return ok && merged;
}

}  // namespace

bool load_ui_font(const uint8_t* bytes, size_t size, UiFont* font) {
  if (font->loaded || bytes == nullptr || !looks_like_truetype(bytes, size) || size > (64u << 20)) {
    return false;
  }
  if (font->ranges.empty()) font->ranges = ui_glyph_ranges();
  font->glyphs = 0;
  for (size_t i = 0; i + 1 < font->ranges.size(); i += 2) font->glyphs += font->ranges[i + 1] - font->ranges[i] + 1;
  font->ttf.assign(bytes, bytes + size);
  const bool ok = build_atlas(font);
  if (!ok) font->ttf.clear();
  font->loaded = ok;
  font->bytes = ok ? size : 0;
  return ok;
}

bool set_font_scale(float scale, UiFont* font) {
  scale = std::clamp(std::isfinite(scale) ? scale : 1.0f, 1.0f, 4.0f);
  if (std::fabs(scale - font->scale) < 0.01f) return false;
  font->scale = scale;
  build_atlas(font);
  return true;
}

}  // namespace fm
