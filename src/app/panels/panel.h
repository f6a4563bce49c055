// The six panels the layout places (the Lesson window floats apart): their stable ids (ImGui
// window ids and state().ui.panels keys) and titles in the current language.
#pragma once

#include <cstdint>

namespace fm {

enum class Panel : uint8_t { kTraining, kPlots, kSamples, kConfusion, kWeights, kCanvas, kNone };
constexpr int kPanelCount = static_cast<int>(Panel::kNone);

const char* panel_id(Panel panel);     // "training", "plots", …
const char* panel_title(Panel panel);  // "Training", "Live plots", … (tr())

}  // namespace fm
