// The "Compare resolutions" part of the Training panel: the button, the progress of the three
// runs, then a table (accuracy, parameters, seconds per epoch, the sketch as each model sees it
// and its guess) and a small chart of accuracy by input size. The comparison itself is
// session/resolution_compare.h; this only draws it.
#pragma once

#include <array>
#include <cstdint>
#include <utility>

#include "imgui.h"
#include "app/ui/gl_texture.h"

namespace fm {

class ConfirmReplace;
class JsonWriter;
class ResolutionCompare;
class Session;

class ComparePanel {
 public:
  void draw(Session& session, ResolutionCompare& compare, ConfirmReplace& confirm);
  // state().compare: the comparison's state, progress and rows, and the button's rectangle.
  void json(const Session& session, const ResolutionCompare& compare, JsonWriter& j) const;

 private:
  void draw_table(const ResolutionCompare& compare);
  void draw_chart(const ResolutionCompare& compare);

  std::array<Texture, 3> previews_;  // the sketch at 7×7, 14×14, 28×28
  uint64_t previews_for_ = ~0ull;
  std::pair<ImVec2, ImVec2> button_{};
  // The panel scrolls to the comparison once when it starts and once when it ends (it sits under
  // the run's progress, often below the fold).
  uint64_t scrolled_for_ = 0;
};

}  // namespace fm
