// Small ImGui helpers shared by the panels: thousands separators, a hover help marker,
// right-aligned text, the class colours and the notice box.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "imgui.h"

#include "app/ui/theme.h"

namespace fm {

std::string format_count(long long n);  // 48000 → "48,000"
void help_marker(const char* text);     // "(?)" with a tooltip
// A tooltip wrapped to at most 28 em and the screen's width (phones).
void wrapped_tooltip(const char* text);
// The last item's tooltip: after the pointer rested on it for a moment (kTooltipDelay s), beside
// it (right, else left, never over the controls below it), wrapped. `disabled`: also when the item
// is disabled (why it is). True when it is shown this frame.
// Beside means right of the item's window (its panel: a row of buttons stays visible), else left
// of it, else above the item (a phone's full-width panel).
constexpr double kTooltipDelay = 0.5;
bool item_tooltip(const char* text, bool disabled = false);
// The last tooltip item_tooltip showed, on screen (min, max), for state(); empty in the frame
// ImGui hides a new tooltip to size it.
std::pair<ImVec2, ImVec2> last_item_tooltip_rect();
// The last input was a finger (set each frame by the App): no tooltips then (a tap leaves none),
// from item_tooltip, wrapped_tooltip or help_marker.
void set_touch_input(bool touch);
bool touch_input();
void text_right_aligned(const char* text);
// Text wrapped to the available width at spaces only: ImGui's own wrapping also breaks after
// '.' and ',', which splits numbers ("60,|000", "0.|83").
void text_wrapped_at_spaces(const char* text);
// `text` shortened with "..." to fit `max_width` pixels (no clip rectangle: clip rectangles
// split ImGui's draw calls, and a software renderer pays for each one).
// A text that had to be shortened is recorded for this frame (clipped_texts()).
std::string fit_text(const char* text, float max_width);
// Draws `text` at `pos` within `max_width`: at the font's size when it fits, else smaller (down
// to 60 %: the tooltip has the whole name), and only then shortened by fit_text. Returns the width drawn.
float draw_fitted(ImDrawList* dl, ImVec2 pos, ImU32 color, const char* text, float max_width);
// The texts shortened since begin_clip_tracking() (the frame's start): state().ui.clipped, which
// a browser test walks at three sizes and two languages.
// ImGui's own widgets are tracked too (clip_tracker.cpp): a label wider than its button, an item
// past its window's edge. record_clipped adds one (at most 50 a frame).
void begin_clip_tracking();
void enable_widget_clip_tracking();  // once, after ImGui::CreateContext (clip_tracker.cpp)
void record_clipped(const std::string& text);
// At the end of a panel's contents: records the panel when something in it (plain text too, which
// reports to no hook) reached past its right edge.
void check_window_width(const char* what);
const std::vector<std::string>& clipped_texts();
// After a frame widget whose text ImGui clips inside it (a slider's value, a combo's preview):
// records `text` when it does not fit the last item's frame (`reserved`: pixels of the frame not
// for the text, e.g. a combo's arrow).
void check_frame_text(const char* text, float reserved = 0.0f);
ImU32 class_color(int label);           // a distinct colour per class (plots, bars)
// A box over the panels: kError is red at the bottom centre (errors, the divergence notice),
// kWarning amber at the top centre (ignored link settings). Begin()s the window `id` and returns
// the width its text should wrap at. Close with end_notice().
enum class Notice { kError, kWarning };
float begin_notice(const char* id, Notice kind = Notice::kError);
void end_notice();
// A notice showing `*text` with a Dismiss button that clears it; nothing when `*text` is empty.
void dismissable_notice(const char* id, Notice kind, std::string* text);

constexpr ImU32 kGood = to_u32(palette::kGood);
constexpr ImU32 kBad = to_u32(palette::kBad);
inline ImVec4 to_vec4(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace fm
