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
  // Draws the panel with `chosen` outlined (the cell the Samples panel lists); returns the cell
  // clicked this frame (truth -1: none).
  Cell draw(const Session& session, Cell chosen);
  // The map's 10×10 cells on screen this frame (zero: not shown), for state().ui.
  const std::pair<ImVec2, ImVec2>& cells_rect() const { return cells_; }
  void begin_frame() { cells_ = {}; counts_hidden_ = 0; outlined_ = {}; }
  int counts_hidden() const { return counts_hidden_; }  // non-zero counts too wide for their cell
  Cell outlined() const { return outlined_; }  // the chosen cell drawn outlined this frame (-1: none)

 private:
  std::pair<ImVec2, ImVec2> cells_{};
  int counts_hidden_ = 0;
  Cell outlined_{};
};

}  // namespace fm
