// fmnist: the native command-line front end of the training core (bundle, train, cv, eval,
// predict, export, bench, sketches). Each subcommand has --help; bad flags give one line and a non-zero exit.
#include <cstdio>
#include <cstring>
#include <string>

#include "tools/commands.h"

namespace {

struct Command {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

const Command kCommands[] = {
    {"bundle", fm::cmd_bundle, "build the compact data bundle the page loads from the IDX files"},
    {"train", fm::cmd_train, "train a softmax or MLP network (the lesson's Dense(10, softmax) by default)"},
    {"cv", fm::cmd_cv, "the lesson's SGD logistic regression with 5-fold cross-validation"},
    {"eval", fm::cmd_eval, "evaluate a saved model on the test set"},
    {"predict", fm::cmd_predict, "classify a PGM image (any size) with a saved model"},
    {"export", fm::cmd_export, "write a saved model as safetensors (Keras' tensor names) or as fmnist's own file"},
    {"bench", fm::cmd_bench, "time training epochs of the benchmark cases natively"},
    {"sketches", fm::cmd_sketches, "classify sketch files (strokes, JSON) with a saved model: top-1/top-2 per class"},
};

void print_usage(FILE* out) {
  std::fprintf(out, "usage: fmnist <command> [flags]   (fmnist <command> --help for its flags)\n\n");
  for (const Command& c : kCommands) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    print_usage(stderr);
    return 2;
  }
  const std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    print_usage(stdout);
    return 0;
  }
  for (const Command& c : kCommands) {
    if (name == c.name) return c.run(argc, argv);
  }
  std::fprintf(stderr, "fmnist: unknown command '%s' (try fmnist --help)\n", name.c_str());
  return 2;
}
