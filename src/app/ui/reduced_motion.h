// prefers-reduced-motion (issue 16 §3): when the reader asked for less motion, the live plots move
// once per epoch instead of with every batch, and the text caret does not blink.
#pragma once

namespace fm {

// The browser's setting, read at most once per frame (it can change while the page is open).
bool reduced_motion();
// At the start of a frame: ImGui's caret follows the setting.
void follow_reduced_motion();

}  // namespace fm
