// Time travel (issue 14 §2): the scrubber under the Live plots that picks the model the panels
// show (a kept snapshot, or now), and the "Viewing epoch t" banner each panel showing that model
// draws at its top.
#pragma once

#include <string>
#include <utility>

#include "imgui.h"

namespace fm {

class JsonWriter;
class Session;
struct Snapshot;

class TimeTravelBar {
 public:
  // The height draw() takes (0 without a model), reserved under the plots.
  float height(const Session& s) const;
  void draw(Session& s);
  void json(JsonWriter& j) const;  // state().ui.time_travel: the slider's and button's rectangles

 private:
  std::pair<ImVec2, ImVec2> slider_{}, back_{};
  int count_ = 0;  // snapshots on the slider (its last stop, count_, is now)
};

// "epoch 2 (end)", "epoch 1, batch 50", "epoch 0 (untrained)": a snapshot's point.
std::string view_label(const Session& s, const Snapshot& snap);
// state().view, state().snapshots and state().confusion (web/api.js documents them).
void time_travel_state_json(const Session& s, JsonWriter& j);
// While a snapshot is viewed: the banner, in the warning colour (nothing when live).
void draw_viewing_banner(const Session& s);

}  // namespace fm
