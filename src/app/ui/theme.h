// The ImGui colours: ImGui's dark style with the roles of palette.h (contrast ≥ 4.5:1, measured by
// tests/test_contrast.cpp).
#pragma once

#include "imgui.h"

#include "app/ui/palette.h"

namespace fm {

inline ImVec4 to_vec4(const palette::Color& c) { return ImVec4(c.r, c.g, c.b, c.a); }
constexpr ImU32 to_u32(const palette::Color& c) {
  return IM_COL32(static_cast<int>(c.r * 255.0f + 0.5f), static_cast<int>(c.g * 255.0f + 0.5f),
                  static_cast<int>(c.b * 255.0f + 0.5f), static_cast<int>(c.a * 255.0f + 0.5f));
}
void apply_theme();  // once, after ImGui::CreateContext

}  // namespace fm
