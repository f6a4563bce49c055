// Asks before a command from the page replaces a trained model (Train, Reset, another input
// size, Import, the lesson's runs): a small modal to keep the model, discard it and go on, or
// export it first and go on. Only the page's buttons and keys ask; window.fmnist acts silently.
#pragma once

#include <cstdint>
#include <functional>
#include <utility>

#include "imgui.h"

namespace fm {

class JsonWriter;
class Session;

enum class Replace : uint8_t { kTrain, kReset, kSide, kImport, kLesson };

class ConfirmReplace {
 public:
  // A model that took training (or came from a file) would be lost.
  static bool worth_asking(const Session& session);
  // Runs `then` now when nothing would be lost, else once the user chose discard or export.
  void ask(const Session& session, Replace why, std::function<void()> then);
  void draw(Session& session);     // the modal, once a frame
  // The page's DOM copy of the modal (a11y_layer.cpp): whether it is up, why, and a choice made
  // there (1 keep, 2 export first, 3 discard), applied at the next draw as a click would be.
  bool open() const { return shown_ || open_request_; }
  Replace why() const { return why_; }
  void choose(int choice) { chosen_ = choice >= 1 && choice <= 3 ? choice : 0; }
  void json(JsonWriter& j) const;  // state().ui.confirm

 private:
  using Rect = std::pair<ImVec2, ImVec2>;
  std::function<void()> then_;
  Replace why_ = Replace::kTrain;
  bool open_request_ = false, shown_ = false;
  int chosen_ = 0;  // choose()'s, not yet applied
  Rect keep_{}, discard_{}, export_{};
};

}  // namespace fm
