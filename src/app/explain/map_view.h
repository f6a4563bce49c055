// "Nearest images" and "the map" (issue 13 §2, §3), the Samples panel's Map mode: the drawing's
// 8 nearest images in the model's representation (a click loads one onto the canvas), and the
// validation set's 2-D map from the engine (one dot a image coloured by class, drawn into a
// texture: 12,000 dots would overflow ImGui's 16-bit indices), with the drawing as a highlighted
// dot; hovering a dot shows its image, a click loads it. The engine computes all of it from one
// weights snapshot per epoch (src/engine/explain_index.h); this only asks and draws.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "imgui.h"
#include "app/ui/gl_texture.h"

namespace fm {

class JsonWriter;
class Session;

class MapView {
 public:
  // Draws into the current window; true when an image was clicked (it is on the canvas now).
  // input, input_key: the canvas's model input (empty: nothing drawn) and its key.
  bool draw(Session& session, const std::vector<float>& input, const std::string& input_key);
  // state().explain's neighbours, map, sketch_point (and the query's time, ms).
  static void json_explain(const Session& session, JsonWriter& j);
  // state().ui.samples.map: the square's rectangle and its data → screen mapping, the hovered
  // dot, the neighbour cells' rectangles.
  void json(JsonWriter& j) const;

 private:
  bool draw_neighbours(Session& s, bool has_input);
  bool draw_map(Session& s, ImVec2 avail);
  void fit(const std::vector<float>& rows);  // the map's centre and extent

  using Rect = std::pair<ImVec2, ImVec2>;
  Texture thumbs_, dots_, hover_tex_;
  std::string thumbs_key_;
  unsigned long long dots_version_ = ~0ull;
  int dots_size_ = 0;
  int hover_row_ = -1;                 // the file row shown in hover_tex_
  float cx_ = 0, cy_ = 0, extent_ = 1;  // map units: centre, half the side shown
  Rect square_{};
  float scale_ = 1;                     // screen px per map unit
  int hovered_ = -1;                    // the hovered dot (validation position), −1: none
  std::vector<Rect> cells_;
};

}  // namespace fm
