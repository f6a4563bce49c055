// A model as a safetensors file (https://huggingface.co/docs/safetensors): the format PyTorch,
// Keras 3 and Hugging Face tools read. Layout (the spec's):
//   u64 little-endian  N, the header's byte length
//   N bytes            the header: a JSON object, padded with spaces so that 8 + N is a multiple of 8
//   the data           every tensor's bytes, contiguous, in the header's order
// The header maps each tensor's name to {"dtype": "F32", "shape": [...], "data_offsets": [begin,
// end]} (offsets into the data), and "__metadata__" to string values.
//
// Tensors are named and laid out as Keras names and lays out its weights (row-major float32):
//   conv2d/kernel [k, k, C_in, C_out], conv2d/bias [C_out], then conv2d_1/…, in layer order;
//   dense/kernel [in, out], dense/bias [out], then dense_1/…; the output layer is the last dense.
// A Dense layer after a convolution reads the H·W·C values channels fastest (Keras' Flatten).
// These are the bytes of Network's parameters as they are (network.h): no transposition.
//
// __metadata__ (every value a string; the structured ones JSON-encoded):
//   "format": "fmnist", "format_version": "1",
//   "model": "softmax" | "mlp" | "cnn" | "cnn-small",
//   "input_side": "14" | "28"  (inputs: side×side pixels, row-major, each pixel/255, 0 = background),
//   "layers": [{"class_name": "Conv2D", "filters": 16, "kernel_size": 3, "padding": "same",
//              "activation": "relu"}, {"class_name": "MaxPooling2D", "pool_size": 2},
//              {"class_name": "Dropout", "rate": 0.4}, {"class_name": "Dense", "units": 64,
//              "activation": "relu"}, …, {"class_name": "Dense", "units": 10, "activation": "softmax"}]
//   "class_names": ["T-shirt/top", …] (ten),
//   "training": {"optimizer": "adam", "learning_rate": 0.001, "batch_size": 32, "epochs": 5,
//                "seed": 42, "early_stopping": 0, "val_acc": 0.8668 or null}
//   "epochs_trained": "3"  (the epochs behind the weights: the history's length),
//   "history": {"loss": [0.71, 0.52, 0.49], "accuracy": […], "val_loss": […], "val_accuracy": […]}
//              (Keras' History.history: one value per epoch, epoch 1 first; both optional:
//              earlier exports carry neither and load with an empty history)
//   "batch_curve": {"epoch": [0.02, …, 3], "loss": […], "accuracy": […]}  (the plots' per-batch
//              running means, at most 512 points, x in epochs; optional)
// Other metadata keys are ignored on import.
#pragma once

#include <cstdint>
#include <vector>

#include "model_file.h"

namespace fm {

constexpr uint32_t kSafetensorsFormatVersion = 1;
constexpr uint64_t kMaxSafetensorsHeader = 1 << 20;  // ours is a few KB; the spec allows 100 MB

std::vector<uint8_t> save_safetensors(const SavedModel& model);

// Refuses (with the reason, `out` untouched): a file shorter than its header, a header over
// kMaxSafetensorsHeader or not a JSON object, a foreign file (no fmnist __metadata__), metadata
// that does not describe a model this build trains, a missing or unknown tensor, a dtype other
// than F32, a shape other than the architecture's, data_offsets out of range, overlapping or
// leaving gaps (the data must be exactly the tensors), non-finite weights, and anything the model
// file's loader refuses (the training fields, the class names).
Status load_safetensors(const uint8_t* bytes, size_t size, SavedModel* out);

// Either format, told by its first bytes: "FMNM" is the model file, anything else is read as
// safetensors.
Status load_any_model(const uint8_t* bytes, size_t size, SavedModel* out);

}  // namespace fm
