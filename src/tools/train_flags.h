// Flags shared by `fmnist train` and `fmnist bench`: model, optimizer and hyper-parameters
// parsed into a TrainConfig, each checked with a clear message.
#pragma once

#include <string>
#include <vector>

#include "core/train_config.h"
#include "tools/args.h"

namespace fm {

std::vector<FlagSpec> train_flag_specs();
// "softmax", "cnn", "cnn-small" or "mlp:100[,50…]" (width list); relu hidden layers, or
// "mlp-sigmoid:…".
Status parse_model(const std::string& text, TrainConfig* config);
std::string model_name(const TrainConfig& config);
// Reads --model --optimizer --lr --batch --epochs --seed --side --early-stopping --augment into config /
// side, and whether the model takes that side (cnn needs 28), before any data is read.
Status read_train_flags(const Args& args, TrainConfig* config, int* side);

}  // namespace fm
