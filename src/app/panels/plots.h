// The Live plots panel: loss and accuracy against epochs (per batch and per epoch, train and
// validation) and the test accuracy once evaluated. Draws from the run alone: no state.
#pragma once

namespace fm {

class Session;

void draw_plots_panel(const Session& session);

}  // namespace fm
