// Line charts drawn with ImDrawList: frame, grid, ticks with labels, axis titles, a legend and
// clipped polylines. ImGui's PlotLines has no axes; this is the small replacement.
#pragma once

#include <limits>
#include <vector>

#include "imgui.h"

namespace fm {

struct PlotSeries {
  const char* label = "";
  ImU32 color = 0xFFFFFFFF;
  std::vector<ImVec2> points;  // (x, y), x ascending; non-finite y are skipped
  float thickness = 1.5f;
  bool markers = false;        // a dot at each point (per-epoch series)
};

struct PlotSpec {
  const char* title = "";
  const char* x_label = "";
  const char* y_label = "";
  float x_min = 0, x_max = 1;
  float y_min = 0, y_max = 1;
  const char* y_format = "%.2f";
  // An optional horizontal reference line (e.g. test accuracy); NaN to hide.
  float ref_y = std::numeric_limits<float>::quiet_NaN();
  const char* ref_label = "";
  ImU32 ref_color = 0xFFFFFFFF;
  // An optional vertical line at x (time travel: the model being viewed); NaN to hide.
  float marker_x = std::numeric_limits<float>::quiet_NaN();
  ImU32 marker_color = 0xFFFFFFFF;
  bool legend_top = true;  // top-right corner, else bottom-right (rising curves)
  // Points above y_max or not finite (a diverged run's loss) get a marker at the top edge, and
  // the largest of them its value: the blow-up stays visible on an axis that keeps the rest.
  bool mark_clipped = false;
};

// Lays out a chart of `size` at the cursor; empty series draw only the axes.
void line_chart(const char* id, const PlotSpec& spec, const std::vector<PlotSeries>& series,
                ImVec2 size);

// A "nice" step (1, 2 or 5 × 10^k) giving about `target` ticks over `range`.
double nice_step(double range, int target);

}  // namespace fm
