// Model/optimizer/hyper-parameter flags → TrainConfig, shared by train and bench.
#include "tools/train_flags.h"

#include <cstdlib>

#include "core/dataset.h"
#include "messages/messages.h"

namespace fm {

std::vector<FlagSpec> train_flag_specs() {
  return {{"model", true,
           "softmax (default), mlp:WIDTH[,WIDTH…] (e.g. mlp:100), cnn (the book's CNN, 28×28) or "
           "cnn-small"},
          {"optimizer", true, "rmsprop (default), adam or sgd"},
          {"lr", true, "learning rate (default 0.001)"},
          {"batch", true, "minibatch size (default 32)"},
          {"epochs", true, "epochs (default 5)"},
          {"seed", true,
           "seed for initial weights, split and shuffles: a whole number 0…2^53−1 "
           "(9007199254740991); default 42"},
          {"side", true, "input size: 14 (default), 28, or 7 (4×4 mean pooling)"},
          {"early-stopping", true,
           "stop after N epochs without a lower validation loss and keep the best epoch's weights "
           "(default 0: off)"},
          {"augment", false,
           "augment the training images: random shift, scale, rotation and a sketch-like look "
           "(seeded; off by default and for the lesson)"}};
}

Status parse_model(const std::string& text, TrainConfig* config) {
  ModelKind kind = ModelKind::kSoftmax;
  if (text != "mlp" && parse_model_kind(text, &kind)) {  // softmax, cnn, cnn-small
    config->model = kind;
    config->hidden.clear();
    return Status::Ok();
  }
  std::string widths;
  if (text.rfind("mlp:", 0) == 0) {
    config->hidden_activation = Activation::kRelu;
    widths = text.substr(4);
  } else if (text.rfind("mlp-sigmoid:", 0) == 0) {
    config->hidden_activation = Activation::kSigmoid;
    widths = text.substr(12);
  } else {
    return text_error("unknown model '" + text + "' (use softmax, mlp:100[,50], cnn or cnn-small)");
  }
  std::vector<int> hidden;
  size_t pos = 0;
  while (pos <= widths.size()) {
    const size_t comma = widths.find(',', pos);
    const std::string item = widths.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    char* end = nullptr;
    const long v = std::strtol(item.c_str(), &end, 10);
    if (item.empty() || *end != '\0' || v < 1 || v > kMaxHiddenWidth) {
      return text_error("hidden layer width must be between 1 and " + std::to_string(kMaxHiddenWidth) +
                           " (got '" + item + "' in --model " + text + ")");
    }
    hidden.push_back(static_cast<int>(v));
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  if (hidden.size() > static_cast<size_t>(kMaxHiddenLayers)) {
    return text_error("at most " + std::to_string(kMaxHiddenLayers) + " hidden layers");
  }
  config->model = ModelKind::kMlp;
  config->hidden = hidden;
  return Status::Ok();
}

std::string model_name(const TrainConfig& config) {
  if (config.model != ModelKind::kMlp) return model_kind_name(config.model);
  std::string name = config.hidden_activation == Activation::kSigmoid ? "mlp-sigmoid:" : "mlp:";
  for (size_t i = 0; i < config.hidden.size(); ++i) {
    name += (i ? "," : "") + std::to_string(config.hidden[i]);
  }
  return name;
}

Status read_train_flags(const Args& args, TrainConfig* config, int* side) {
  Status s = parse_model(args.get("model", "softmax"), config);
  if (!s) return s;
  const std::string opt = args.get("optimizer", "rmsprop");
  if (!parse_optimizer(opt, &config->optimizer.kind)) {
    return text_error("unknown optimizer '" + opt + "' (use rmsprop, adam or sgd)");
  }
  double lr = 0;
  if (!(s = args.get_double("lr", 1e-3, &lr))) return s;
  if (!(lr > 0)) return text_error("--lr must be a positive number (got '" + args.get("lr", "") + "')");
  config->optimizer.lr = static_cast<float>(lr);
  long long batch = 0, epochs = 0, seed = 0, side_value = 0, patience = 0;
  if (!(s = args.get_int("batch", 32, 1, 1000000, &batch))) return s;
  if (!(s = args.get_int("epochs", 5, 1, kMaxEpochs, &epochs))) return s;
  if (!(s = args.get_int("seed", 42, 0, 9007199254740991LL, &seed))) return s;
  if (!(s = args.get_int("side", 14, 0, 1000, &side_value))) return s;
  if (!is_input_side(static_cast<int>(side_value))) return text_error("--side must be 7, 14 or 28");
  if (!(s = args.get_int("early-stopping", 0, 0, kMaxEpochs, &patience))) return s;
  config->early_stopping = static_cast<int>(patience);
  config->augment = args.has("augment");
  config->batch = static_cast<int>(batch);
  config->epochs = static_cast<int>(epochs);
  config->seed = static_cast<uint64_t>(seed);
  *side = static_cast<int>(side_value);
  return check_model_side(*config, *side);  // before any data is read
}

}  // namespace fm
