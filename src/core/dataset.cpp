// The Dataset's shared pieces: the class names and the label range check.
#include "core/dataset.h"

namespace fm {

const std::array<std::string, kNumClasses>& default_class_names() {
  static const std::array<std::string, kNumClasses> names = {
      "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
  return names;
}

Status check_labels(const std::vector<uint8_t>& labels, ErrorCode out_of_range) {
  for (size_t i = 0; i < labels.size(); ++i) {
    if (labels[i] >= kNumClasses) return Status::Error(out_of_range, {param(labels[i]), param(i)});
  }
  return Status::Ok();
}

}  // namespace fm
