// The Weights panel: the softmax model's 10 class templates (an MLP's first hidden units) as
// blue-red images, refreshed with each weights snapshot.
#pragma once

#include <cstdint>
#include <string>

#include "app/ui/gl_texture.h"

namespace fm {

class Session;

class WeightsPanel {
 public:
  void draw(const Session& session);

 private:
  Texture tex_;
  std::string key_;
  int count_ = 0, cols_ = 1;
  float scale_ = 0;
};

}  // namespace fm
