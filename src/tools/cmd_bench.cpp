// `fmnist bench`: native timing of the benchmark cases (the same work the page and TF.js do):
// compute seconds per epoch inside step() (median over epochs), samples/s, validation accuracy.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "core/trainer.h"
#include "tools/commands.h"
#include "tools/train_flags.h"

namespace fm {
namespace {

struct BenchCase {
  const char* name;
  const char* model;
  OptimizerKind optimizer;
  int side;
};

const BenchCase kCases[] = {{"softmax-14", "softmax", OptimizerKind::kRmsprop, 14},
                            {"softmax-28", "softmax", OptimizerKind::kRmsprop, 28},
                            {"mlp100-28", "mlp:100", OptimizerKind::kAdam, 28}};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]));
}

}  // namespace

int cmd_bench(int argc, char** argv) {
  Args args("bench", {kIdxFlag, {"epochs", true, "epochs per case (default 3); the median is reported"},
                      {"case", true, "run only this case (softmax-14, softmax-28, mlp100-28)"}, kJsonFlag});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("bench", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("[--epochs 3] [--case NAME] [--json]",
                                 "Times one epoch of 48,000 samples, batch 32, for each case; reads\n"
                                 "assets/fashion-mnist-<side>.bin (or --idx DIR).").c_str());
    return 0;
  }
  long long epochs = 3;
  if (!(s = args.get_int("epochs", 3, 1, 100, &epochs))) return fail("bench", s, 2);
  const std::string only = args.get("case", "");
  std::string json = "{\"cases\": [";
  int ran = 0;
  std::printf("%-12s %14s %14s %12s %8s\n", "case", "compute s/ep", "wall s/ep", "samples/s", "val_acc");
  for (const BenchCase& c : kCases) {
    if (!only.empty() && only != c.name) continue;
    Dataset data;
    if (!(s = load_data(args, c.side, &data))) return fail("bench", s);
    TrainConfig config;
    parse_model(c.model, &config);
    config.optimizer.kind = c.optimizer;
    config.epochs = static_cast<int>(epochs);
    Trainer trainer;
    if (!(s = trainer.start(data, config))) return fail("bench", s);
    std::vector<double> compute(static_cast<size_t>(epochs), 0.0), wall(static_cast<size_t>(epochs), 0.0);
    while (trainer.busy()) {
      const size_t e = std::min<size_t>(static_cast<size_t>(trainer.epoch()), compute.size() - 1);
      const bool training = trainer.phase() == Phase::kTraining;
      const auto t0 = std::chrono::steady_clock::now();
      trainer.step();
      const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (training) compute[e] += dt;
      if (trainer.phase() != Phase::kTesting) wall[e] += dt;
    }
    const double med = median(compute), med_wall = median(wall);
    const double samples = static_cast<double>(trainer.split().train.size());
    const float val_acc = trainer.history().empty() ? 0.f : trainer.history().back().val_acc;
    std::printf("%-12s %14.4f %14.4f %12.0f %8.4f\n", c.name, med, med_wall, samples / med, val_acc);
    std::fflush(stdout);
    json += std::string(ran++ ? ", " : "") + "{\"case\": \"" + c.name + "\", \"compute_s\": " + json_number(med) +
            ", \"wall_s\": " + json_number(med_wall) + ", \"samples_per_s\": " + json_number(samples / med) +
            ", \"val_acc\": " + json_number(val_acc) + ", \"epochs\": " + std::to_string(epochs) + "}";
  }
  if (ran == 0) return fail("bench", "unknown case '" + only + "'", 2);
  if (args.has("json")) std::printf("%s]}\n", json.c_str());
  return 0;
}

}  // namespace fm
