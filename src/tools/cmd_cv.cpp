// `fmnist cv`: the lesson's SGD logistic regression (one-vs-rest, scikit-learn's algorithm)
// with stratified 5-fold cross-validation over the 60,000 training images.
#include <chrono>
#include <cstdio>

#include "core/linear_sgd.h"
#include "tools/commands.h"

namespace fm {

int cmd_cv(int argc, char** argv) {
  Args args("cv", {kBundleFlag, kIdxFlag, kCsvFlag, {"side", true, "input size: 14 (default), 28 or 7"},
                   {"folds", true, "number of folds (default 5)"},
                   {"epochs", true, "SGD epochs per classifier (default 5, like max_iter=5)"},
                   {"seed", true, "shuffling seed: a whole number 0…2^53−1 (9007199254740991); default 42"}, kJsonFlag});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("cv", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("[--bundle FILE | --idx DIR | --csv FILE] [--side 14|28|7] [--folds 5] "
                                 "[--epochs 5] [--seed 42] [--json]",
                                 "SGDClassifier(loss='log_loss', max_iter=5) one-vs-rest, L2 alpha 1e-4, the\n"
                                 "'optimal' learning rate; prints each fold's accuracy and the mean.").c_str());
    return 0;
  }
  if (!args.positional().empty()) return fail("cv", "unexpected argument '" + args.positional()[0] + "'", 2);
  long long side = 14, folds = 5, epochs = 5, seed = 42;
  if (!(s = args.get_int("side", 14, 0, 1000, &side)) || !is_input_side(static_cast<int>(side))) {
    return fail("cv", s ? "--side must be 7, 14 or 28" : describe(s), 2);
  }
  if (!(s = args.get_int("folds", 5, 2, 20, &folds))) return fail("cv", s, 2);
  if (!(s = args.get_int("epochs", 5, 1, 1000, &epochs))) return fail("cv", s, 2);
  if (!(s = args.get_int("seed", 42, 0, 9007199254740991LL, &seed))) return fail("cv", s, 2);
  Dataset data;
  if (!(s = load_data(args, static_cast<int>(side), &data))) return fail("cv", s);

  LinearSgdConfig config;
  config.epochs = static_cast<int>(epochs);
  config.seed = static_cast<uint64_t>(seed);
  CrossValidation cv;
  if (!(s = cv.start(data, static_cast<int>(folds), config))) return fail("cv", s, 2);
  std::printf("%lld-fold cross-validation of SGD logistic regression on %lld images %lld×%lld\n", folds,
              static_cast<long long>(data.train_count()), side, side);
  const auto t0 = std::chrono::steady_clock::now();
  size_t printed = 0;
  while (cv.busy()) {
    cv.step();
    for (; printed < cv.fold_scores().size(); ++printed) {
      std::printf("fold %zu: accuracy %.4f\n", printed + 1, cv.fold_scores()[printed]);
      std::fflush(stdout);
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("mean accuracy: %.4f (%.1f s)\n", cv.mean(), seconds);
  if (args.has("json")) {
    std::string json = "{\"folds\": [";
    for (size_t i = 0; i < cv.fold_scores().size(); ++i) json += (i ? ", " : "") + json_number(cv.fold_scores()[i]);
    json += "], \"mean\": " + json_number(cv.mean()) + "}";
    std::printf("%s\n", json.c_str());
  }
  return 0;
}

}  // namespace fm
