// `fmnist train`: trains on the 80/20 split with Keras-like per-epoch lines, then reports the
// test accuracy; --save writes the model file, --json one line for scripts.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/model_file.h"
#include "core/trainer.h"
#include "tools/commands.h"
#include "tools/io/io.h"
#include "tools/train_flags.h"

namespace fm {
namespace {

using Clock = std::chrono::steady_clock;

void draw_progress(const Trainer& t, double seconds) {
  const Index total = t.batches_per_epoch(), done = t.batch_in_epoch();
  const int width = 30, filled = total ? static_cast<int>(width * done / total) : 0;
  const BatchRecord last = t.batch_history().empty() ? BatchRecord{} : t.batch_history().back();
  std::printf("\r%5lld/%lld [%s%s] %4.1fs - loss: %.4f - accuracy: %.4f", static_cast<long long>(done),
              static_cast<long long>(total), std::string(filled, '=').c_str(),
              std::string(width - filled, '.').c_str(), seconds, last.loss, last.acc);
  std::fflush(stdout);
}

}  // namespace

int cmd_train(int argc, char** argv) {
  std::vector<FlagSpec> specs = train_flag_specs();
  specs.insert(specs.end(), {kBundleFlag, kIdxFlag, kCsvFlag, kTestCsvFlag, kNamesFlag,
                             {"save", true, "write the trained model to FILE"}, kJsonFlag});
  Args args("train", specs);
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("train", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("[--model softmax|mlp:100[,50]|cnn|cnn-small] [--optimizer rmsprop|adam|sgd] "
                                 "[--lr X] [--batch N] [--epochs N] [--seed N] [--side 14|28|7] [--early-stopping N] "
                                 "[--augment] [--save FILE] "
                                 "[--bundle FILE | --idx DIR | --csv FILE [--test-csv FILE]] [--names FILE] [--json]",
                                 "Trains on 48,000 images, validates on 12,000 (seeded 80/20 split of the\n"
                                 "60,000) and evaluates the test set. Defaults are the lesson's: softmax,\n"
                                 "RMSprop 0.001, batch 32, 5 epochs, seed 42, 14×14. With --early-stopping N\n"
                                 "the run stops after N epochs without a lower validation loss and the\n"
                                 "validation and test figures are those of the best epoch's weights.\n"
                                 "With --csv (your own 28×28 images, Kaggle's CSV form, at most 200,000, labels\n"
                                 "0–9; pooled to 14×14 unless --side 28 or 7) the same seeded 80/20 split applies; the\n"
                                 "test set is --test-csv, and without it there is none.").c_str());
    return 0;
  }
  if (!args.positional().empty()) return fail("train", "unexpected argument '" + args.positional()[0] + "'", 2);
  TrainConfig config;
  int side = 14;
  if (!(s = read_train_flags(args, &config, &side))) return fail("train", s, 2);
  if (!(s = check_data_flags(args))) return fail("train", s, 2);
  Dataset data;
  if (!(s = load_data(args, side, &data))) return fail("train", s);

  Trainer trainer;
  if (!(s = trainer.start(data, config))) return fail("train", s, 2);
  const bool tty = isatty(fileno(stdout));
  std::printf("training %s with %s (lr %g, batch %d) on %lld images %d×%d%s, validating on %lld, seed %llu\n",
              model_name(config).c_str(), optimizer_name(config.optimizer.kind), config.optimizer.lr,
              config.batch, static_cast<long long>(trainer.split().train.size()), side, side,
              config.augment ? " (augmented)" : "", static_cast<long long>(trainer.split().val.size()),
              static_cast<unsigned long long>(config.seed));

  double compute_s = 0, epoch_s = 0;
  size_t printed = 0;
  Clock::time_point last_draw = Clock::now();
  while (trainer.busy()) {
    const bool training = trainer.phase() == Phase::kTraining;
    const Clock::time_point t0 = Clock::now();
    trainer.step();
    const double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    epoch_s += dt;
    if (training) compute_s += dt;
    if (tty && training && Clock::now() - last_draw > std::chrono::milliseconds(100)) {
      draw_progress(trainer, epoch_s);
      last_draw = Clock::now();
    }
    while (printed < trainer.history().size()) {
      const EpochRecord& e = trainer.history()[printed++];
      std::printf("%sEpoch %d/%d - %.2fs - loss: %.4f - accuracy: %.4f - val_loss: %.4f - val_accuracy: %.4f\n",
                  tty ? "\r\033[K" : "", e.epoch, config.epochs, epoch_s, e.train_loss, e.train_acc, e.val_loss,
                  e.val_acc);
      std::fflush(stdout);  // an epoch line as it happens, also into a pipe (make check-reference-cnn)
      epoch_s = 0;
    }
  }
  if (trainer.phase() == Phase::kDiverged) {
    if (tty) std::printf("\n");
    return fail("train", trainer.divergence());
  }
  const std::vector<EpochRecord>& history = trainer.history();
  // The weights the run ends with: the last epoch's, or the best one's under early stopping.
  const double val_acc = history.empty() ? NAN : trainer.val_acc();
  if (config.early_stopping > 0) {
    std::printf("early stopping (patience %d): %s after epoch %d; best epoch %d (val_loss %.4f, "
                "val_accuracy %.4f), its weights kept\n",
                config.early_stopping, trainer.stopped_early() ? "stopped" : "ran to the end", trainer.epoch(),
                trainer.best_epoch(), trainer.val_loss(), trainer.val_acc());
  }
  if (data.test_count() == 0) {
    std::printf("test accuracy: none (no test set; give one with --test-csv FILE)\n");
  } else {
    std::printf("test accuracy: %.4f (loss %.4f)\n", trainer.test_acc(), trainer.test_loss());
  }

  if (args.has("save")) {
    SavedModel model{trainer.network().arch(), side, config, static_cast<float>(val_acc),
                     trainer.network().params(), data.class_names, history,
                     trainer.curve(kMaxSavedCurve)};  // as the page's export (engine.cpp)
    if (!(s = write_file(args.get("save", ""), save_model(model)))) return fail("train", s);
    std::printf("saved %s\n", args.get("save", "").c_str());
  }
  if (args.has("json")) {
    std::string json = "{\"history\": [";
    for (size_t i = 0; i < history.size(); ++i) {
      const EpochRecord& e = history[i];
      json += std::string(i ? ", " : "") + "{\"epoch\": " + std::to_string(e.epoch) +
              ", \"train_loss\": " + json_number(e.train_loss) + ", \"train_acc\": " + json_number(e.train_acc) +
              ", \"val_loss\": " + json_number(e.val_loss) + ", \"val_acc\": " + json_number(e.val_acc) + "}";
    }
    json += "], \"val_acc\": " + json_number(val_acc) + ", \"test_acc\": " + json_number(trainer.test_acc()) +
            ", \"epochs_run\": " + std::to_string(trainer.epoch()) +
            ", \"best_epoch\": " + std::to_string(trainer.best_epoch()) +
            ", \"stopped_early\": " + (trainer.stopped_early() ? "true" : "false") +
            ", \"seconds_per_epoch\": " + json_number(compute_s / std::max(1, trainer.epoch())) +
            ", \"side\": " + std::to_string(side) +
            ", \"params\": " + std::to_string(trainer.network().params().size()) + "}";
    std::printf("%s\n", json.c_str());
  }
  return 0;
}

}  // namespace fm
