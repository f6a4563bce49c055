// Controls a finger can hit: in the compact (phone) layout on a touch screen every button, field,
// tab and menu entry is at least kMinTarget CSS px tall (WCAG 2.5.5's 44 px; issue 16 §2), by the
// frame padding; wider layouts, and a small window used with a mouse, keep ImGui's dense look.
#pragma once

namespace fm {

constexpr float kMinTarget = 44.0f;

// At the start of each frame: `compact` is the compact layout (known from the last frame) on a
// touch screen (touch-first, or the last input was a finger).
void size_controls(bool compact);
// The smallest width of a button in the current layout (kMinTarget when compact, else 0).
float min_button_width();
// In a panel's scrolling region, after its contents: when compact, a finger dragged from a place
// that is no control (a label, the space between) scrolls the region (ImGui 1.86 scrolls only by
// wheel or scrollbar, and a phone's panel is taller than the screen). A control held, e.g. the
// drawing canvas, never scrolls it.
void drag_to_scroll();
// The item spacing that makes a menu entry (text + spacing) kMinTarget tall when compact.
float menu_item_spacing_y();

}  // namespace fm
