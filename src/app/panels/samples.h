// The Samples panel: a page of data-set images (one texture atlas) with class names, a class
// filter, train/validation/test browsing, predictions coloured right or wrong, the hardest
// validation mistakes, and a confusion cell's images.
#pragma once

#include <utility>

#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "app/explain/map_view.h"
#include "app/ui/gl_texture.h"

namespace fm {

class JsonWriter;
class Session;

enum class SplitKind : uint8_t { kTrain = 0, kVal = 1, kTest = 2 };
enum class SampleMode : uint8_t { kBrowse = 0, kHardest = 1, kCell = 2, kMap = 3 };

class SamplesPanel {
 public:
  // Draws the panel; true when an image was clicked (it is now on the canvas: show the canvas).
  // input, input_key: the drawing's model input and its key (CanvasPanel), for the Map mode.
  bool draw(Session& session, const std::vector<float>& input, const std::string& input_key);
  // A confusion cell's validation images (a click on the map).
  void show_cell(int truth, int predicted);
  // The confusion cell whose images are listed (truth -1: none), highlighted in the map.
  std::pair<int, int> chosen_cell() const { return mode_ == SampleMode::kCell ? std::pair{truth_, predicted_} : std::pair{-1, -1}; }
  void json(JsonWriter& j) const;  // state().ui.samples
  // Follows the session: another data set shows from its first page, a reset goes back to
  // browsing. Every frame, drawn or not.
  void follow_session(const Session& session);

 private:
  struct Item {
    int32_t index = 0;  // into the train images (train/val) or the test images
    int32_t val_pos = -1;  // a validation image's place in the validation set (-1: not one)
    bool test = false;
    int8_t predicted = -1;  // -1: no prediction
    float confidence = 0;
  };
  void rebuild_items(Session& session);
  void update_page(Session& session, int page_size, int cols);

  SplitKind split_ = SplitKind::kTrain;
  int klass_ = -1;  // class filter, -1 = all
  SampleMode mode_ = SampleMode::kBrowse;
  int truth_ = 0, predicted_ = 0;  // the confusion cell shown in kCell mode
  int page_ = 0;
  int side_seen_ = 0;
  uint64_t resets_seen_ = 0;
  std::vector<Item> items_;  // the whole filtered list (predictions only on the page)
  std::string items_key_;
  std::vector<Item> page_items_;
  std::string page_key_, pred_key_;
  double page_pred_time_ = 0;
  Texture atlas_;
  int atlas_cols_ = 1;
  // For state(): the radio button shown chosen (-1: neither, a confusion cell's images), Back's
  // rectangle, the hovered image's tooltip title.
  int radio_ = 0;
  std::pair<ImVec2, ImVec2> back_{};
  std::string tip_;
  std::pair<ImVec2, ImVec2> map_radio_{};
  MapView map_;  // the Map mode: the drawing's nearest images and the validation set's map
};

}  // namespace fm
