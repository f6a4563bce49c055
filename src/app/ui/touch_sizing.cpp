#include "app/ui/touch_sizing.h"

#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "imgui_internal.h"  // the active id: a press on a window's empty space is its MoveId

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

void drag_to_scroll() {
  if (!g_compact || !ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const bool on_void = g.ActiveId == 0 || (g.ActiveIdWindow != nullptr && g.ActiveId == g.ActiveIdWindow->MoveId);
  if (!on_void || !ImGui::IsMouseDragging(ImGuiMouseButton_Left, 6.0f)) return;
  const float dy = ImGui::GetIO().MouseDelta.y;
  if (dy != 0.0f) ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - dy, 0.0f, ImGui::GetScrollMaxY()));
}

float min_button_width() { return g_compact ? kMinTarget : 0.0f; }

float menu_item_spacing_y() {
  return g_compact ? std::ceil(kMinTarget - ImGui::GetFontSize()) : ImGui::GetStyle().ItemSpacing.y;
}

}  // namespace fm
