// The Training panel: the form (model, optimizer, hyper-parameters, input size), Train / Pause /
// Resume / +1 epoch / Reset, Export / Import, and the run's progress with its training rate.
#pragma once

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "imgui_internal.h"  // ImRect
#include "imgui.h"

#include "app/pacing/frame_pacer.h"
#include "app/ui/number_field.h"

namespace fm {

class ConfirmReplace;
class JsonWriter;
class Session;

class TrainingPanel {
 public:
  // The rate follows the run (called on every engine event and frame, drawn or not).
  void update_rate(const Session& session, double now_ms);
  double samples_per_s() const { return rate_.samples_per_s(); }
  // The Export as safetensors button where it was last drawn (state().ui.export_safetensors).
  const std::pair<ImVec2, ImVec2>& safetensors_rect() const { return safetensors_rect_; }
  // The Your data (CSV)… button where it was last drawn (state().ui.user_data).
  const std::pair<ImVec2, ImVec2>& user_data_rect() const { return user_data_rect_; }
  struct Options {
    bool compact;       // the layout has no room for the data counts in the menu bar: they go here
    bool key_hints;     // a keyboard is in use (not a touch screen): say the shortcuts
    bool* lesson_open;  // the Lesson window's flag: the panel offers the lesson
  };
  // Commands that replace a trained model go through `confirm`.
  void draw(Session& session, Options look, ConfirmReplace& confirm);
  // The Model and Input size choices, as the form's menus make them (also the page's DOM
  // controls, a11y_layer.cpp): the book's CNN switches to 28×28, other sizes to the small CNN,
  // and a trained model of the other size is dropped only after `confirm` asked.
  static void choose_model(Session& session, ConfirmReplace& confirm, int model);
  static void choose_side(Session& session, ConfirmReplace& confirm, int side);
  void begin_frame();  // forgets last frame's field rectangles and tooltip
  // state().ui.training: the form fields' screen rectangles (model, optimizer, lr, batch, epochs,
  // seed, side; those drawn this frame), the tooltip shown over one of them (null: none), the
  // buttons' rectangles, the keyboard hint and each number field's refusal, the
  // model menu's entries while it is open (model_items), the Augment box and the Best for
  // sketches button (augment, preset).
  void json(JsonWriter& j) const;

  // The form's fields, in their order on screen.
  enum class Field : uint8_t { kModel, kOptimizer, kLr, kBatch, kEpochs, kSeed, kSide, kPace, kCount };

 private:
  using Rect = std::pair<ImVec2, ImVec2>;
  void field_drawn(Field field);              // records the last item's rectangle
  void fixed_for_run_tip(bool busy, const char* tip = nullptr);  // the field's tooltip

  Rect train_{}, pause_{}, plus_epoch_{}, reset_{}, import_{}, lesson_{};
  bool key_hints_ = false;  // the keyboard hint was drawn in the last frame
  NumberField lr_field_, batch_field_, epochs_field_, seed_field_, width_fields_[2];
  RateMeter rate_;
  std::pair<ImVec2, ImVec2> safetensors_rect_{}, user_data_rect_{};
  uint64_t rate_generation_ = 0;
  std::array<std::pair<ImVec2, ImVec2>, static_cast<size_t>(Field::kCount)> fields_{};
  std::array<bool, static_cast<size_t>(Field::kCount)> field_shown_{};
  const char* tooltip_ = nullptr;
  ImRect augment_rect_, preset_rect_;
  std::vector<ImRect> model_items_;  // the model menu's entries, while it is open
};

}  // namespace fm
