// libFuzzer target: the model-file loader; an accepted model must have a consistent shape.
#include <cstddef>
#include <cstdint>

#include "core/model_file.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fm::SavedModel model;
  if (fm::load_model(data, size, &model).ok && model.params.size() != model.arch.param_count()) {
    __builtin_trap();
  }
  return 0;
}
