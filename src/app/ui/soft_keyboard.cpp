#include "app/ui/soft_keyboard.h"


#include "imgui_internal.h"  // the current item's disabled flag

#include "app/i18n/strings.h"
#include "app/json_writer.h"

namespace fm {
namespace {

const char* label_of(const std::string& setting) {
  if (setting == "lr") return tr(Str::kLabelLearningRate);
  if (setting == "batch") return tr(Str::kLabelBatch);
  if (setting == "epochs") return tr(Str::kLabelEpochs);
  if (setting == "seed") return tr(Str::kLabelSeed);
  if (setting == "hidden") return tr(Str::kLabelHidden);
  return setting.c_str();
}

}  // namespace

SoftKeyboard& soft_keyboard() {
  static SoftKeyboard keyboard;
  return keyboard;
}

void SoftKeyboard::drawn(ImGuiID id, const char* setting, const std::string& text, bool whole) {
  const int frame = ImGui::GetFrameCount();
  // A new frame's first field: last frame's list is over.
  if (!fields_.empty() && fields_.back().frame != frame) fields_.clear();
  Field f;
  f.id = id;
  f.name = setting;
  f.label = label_of(f.name);
  f.min = ImGui::GetItemRectMin();
  f.max = ImGui::GetItemRectMax();
  f.text = text;
  f.whole = whole;
  f.disabled = (ImGui::GetItemFlags() & ImGuiItemFlags_Disabled) != 0;
  f.frame = frame;
  fields_.push_back(std::move(f));
}

std::string SoftKeyboard::fields_json() const {
  std::string out;
  JsonWriter j(&out);
  j.begin_array();
  for (const Field& f : fields_) {
    j.begin_object();
    j.key("id").integer(f.id).key("name").string(f.name.c_str()).key("label").string(f.label.c_str());
    j.key("x").number(f.min.x).key("y").number(f.min.y);
    j.key("w").number(f.max.x - f.min.x).key("h").number(f.max.y - f.min.y);
    j.key("text").string(f.text.c_str()).key("whole").boolean(f.whole).key("disabled").boolean(f.disabled);
    j.end_object();
  }
  j.end_array();
  return out;
}

void SoftKeyboard::begin(ImGuiID id) {
  id_ = id;
  open_ = true;
  focused_ = text_pending_ = commit_pending_ = false;
  text_.clear();
}

void SoftKeyboard::set_text(const char* utf8) {
  if (!open_) return;
  text_ = utf8;
  text_pending_ = true;
}

void SoftKeyboard::commit() {
  if (open_) commit_pending_ = true;
}

}  // namespace fm
