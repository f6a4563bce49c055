// The Confusion panel: the last validation pass as a heat map with counts and per-class accuracy.
#pragma once

#include <utility>

#include "imgui.h"

namespace fm {

class Session;

class ConfusionPanel {
 public:
  struct Cell {
    int truth = -1, predicted = -1;
  };
  // Draws the panel; returns the cell clicked this frame (truth -1: none).
  Cell draw(const Session& session);
  // The map's 10×10 cells on screen this frame (zero: not shown), for state().ui.
  const std::pair<ImVec2, ImVec2>& cells_rect() const { return cells_; }
  void begin_frame() { cells_ = {}; }

 private:
  std::pair<ImVec2, ImVec2> cells_{};
};

}  // namespace fm
