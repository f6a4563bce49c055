// Clipped-text tracking for ImGui's own widgets, through its test-engine hooks
// (IMGUI_ENABLE_TEST_ENGINE, cmake/imgui.cmake): every widget with a label reports it after it is
// laid out, with its rectangle in g.LastItemData. A label wider than its button, or an item that
// runs past its window's edge, is recorded with the texts fit_text shortened (state().ui.clipped).
// Widgets scrolled out of view report nothing (ImGui skips them before the hook).
#include <cstdarg>
#include <cstdio>

#include "app/ui/ui_util.h"
#include "imgui_internal.h"

namespace {

// The label as drawn: up to "##" (ImGui hides the rest).
float visible_label_width(const char* label) {
  if (label == nullptr) return 0.0f;
  const char* end = ImGui::FindRenderedTextEnd(label);
  return end == label ? 0.0f : ImGui::CalcTextSize(label, end).x;
}

}  // namespace

namespace fm {

void enable_widget_clip_tracking() { ImGui::GetCurrentContext()->TestEngineHookItems = true; }

void check_window_width(const char* what) {
  const ImGuiWindow* w = ImGui::GetCurrentWindow();
  if (w->ScrollbarX) return;  // it scrolls sideways: nothing is lost
  const float over = w->DC.CursorMaxPos.x - w->WorkRect.Max.x;
  if (over > 1.0f) {
    char buf[96];
    std::snprintf(buf, sizeof(buf), "%s: content %.0f px wider than the panel", what, over);
    record_clipped(buf);
  }
}

}  // namespace fm

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, const ImRect&, ImGuiID) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
  const ImGuiContext& g = *ctx;
  const ImGuiWindow* window = g.CurrentWindow;
  if (window == nullptr || g.LastItemData.ID != id) return;
  const ImRect& bb = g.LastItemData.Rect;
  const float tw = visible_label_width(label);
  const char* text = label != nullptr ? label : "";
  std::string shown(text, ImGui::FindRenderedTextEnd(text));
  // Past the window's edge: the visible part ends at its clip rectangle (and an item in the
  // padding touches the edge). One pixel of slack for rounding.
  if (bb.Max.x > window->WorkRect.Max.x + 1.0f || bb.Max.x > window->ClipRect.Max.x + 1.0f) {
    fm::record_clipped(std::string(window->Name) + ": " + (shown.empty() ? "(a widget)" : shown) +
                       " runs past the edge");
    return;
  }
  if (tw <= 0.0f) return;
  // A button draws its label inside its frame's padding; a checkbox, radio button or menu item
  // (checkable) and a frame with its label beside it are at least as wide as the label.
  const bool checkable = (flags & (ImGuiItemStatusFlags_Checkable | ImGuiItemStatusFlags_Openable)) != 0;
  const bool framed = !checkable && bb.GetHeight() >= ImGui::GetFrameHeight() - 0.5f;
  const float room = bb.GetWidth() - (framed ? 2.0f * g.Style.FramePadding.x : 0.0f);
  if (tw > room + 0.5f) fm::record_clipped(shown);
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
