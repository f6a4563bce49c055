// libFuzzer target: the safetensors importer (and load_any_model's choice of format). An accepted
// model must have a consistent shape and survive its own export: exported again and read back, it
// is the same model.
#include <cstddef>
#include <cstdint>

#include "core/safetensors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fm::SavedModel model;
  if (!fm::load_any_model(data, size, &model).ok) return 0;
  if (model.params.size() != model.arch.param_count()) __builtin_trap();
  const std::vector<uint8_t> again = fm::save_safetensors(model);
  fm::SavedModel back;
  if (!fm::load_safetensors(again.data(), again.size(), &back).ok) __builtin_trap();
  if (fm::save_model(back) != fm::save_model(model)) __builtin_trap();
  return 0;
}
