#include "app/ui/touch_sizing.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"

namespace fm {
namespace {
bool g_compact = false;
}  // namespace

void size_controls(bool compact) {
  g_compact = compact;
  ImGuiStyle& style = ImGui::GetStyle();
  if (!compact) {
    style.FramePadding = ImVec2(4, 3);  // ImGui's own
    style.ItemSpacing = ImVec2(7, 5);   // App::init's
    style.ScrollbarSize = 14;
    return;
  }
  // The frame's height is the line's plus twice this (13 px in English, 14 in Korean).
  style.FramePadding = ImVec2(6, std::ceil((kMinTarget - ImGui::GetFontSize()) / 2));
  style.ItemSpacing = ImVec2(7, 6);
  style.ScrollbarSize = 20;  // the panel scrolls on a phone: a bar a thumb can hold
}

float min_button_width() { return g_compact ? kMinTarget : 0.0f; }

float menu_item_spacing_y() {
  return g_compact ? std::ceil(kMinTarget - ImGui::GetFontSize()) : ImGui::GetStyle().ItemSpacing.y;
}

}  // namespace fm
