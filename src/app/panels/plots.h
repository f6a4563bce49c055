// The Live plots panel: loss and accuracy against epochs (per batch and per epoch, train and
// validation) and the test accuracy once evaluated. Draws from the run alone; reports its ranges.
#pragma once

namespace fm {

class JsonWriter;
class Session;

// What the last drawn plots showed, for state().ui.plots: each axis's range and the data's.
struct PlotRanges {
  bool drawn = false;
  float loss_y_max = 0, loss_data_max = 0;  // loss_data_max: the largest finite loss
  int loss_clipped = 0;                     // points above the axis or not finite (marked)
  float acc_y_min = 0, acc_data_min = 1;
  int batch_points = 0, batch_points_drawn = 0;  // the batch curve's, and those drawn
  bool per_epoch = false;                        // reduced motion: the curve moves per epoch
  void json(JsonWriter& j) const;
};

// reserve_h: height kept free under the two plots (time travel's scrubber).
void draw_plots_panel(const Session& session, PlotRanges* ranges, float reserve_h = 0.0f);

}  // namespace fm
