// The fmnist subcommands and what they share: loading the data from --bundle or --idx.
#pragma once

#include <string>

#include "core/dataset.h"
#include "messages/messages.h"
#include "tools/args.h"

namespace fm {

int cmd_bundle(int argc, char** argv);
int cmd_train(int argc, char** argv);
int cmd_cv(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_predict(int argc, char** argv);
int cmd_bench(int argc, char** argv);

// Flags every data-reading subcommand takes.
extern const FlagSpec kBundleFlag, kIdxFlag, kJsonFlag;

// --bundle FILE, else --idx DIR (original IDX files, downsampled to `side`), else
// $FMNIST_BUNDLE, else assets/fashion-mnist-<side>.bin. The bundle's side must equal `side`
// unless side is 0 (take whatever the bundle holds).
Status load_data(const Args& args, int side, Dataset* out);

struct SavedModel;
// Reads and validates a model file; the message names the file.
Status load_model_file(const std::string& path, SavedModel* model);

// Prints "fmnist <command>: <message>" on stderr and returns the exit code 1 or 2.
int fail(const std::string& command, const std::string& message, int code = 1);
// The same with the status's English sentence (messages/messages.h).
int fail(const std::string& command, const Status& status, int code = 1);

// Shortest round-trip formatting for JSON numbers (NaN/inf → null).
std::string json_number(double v);

}  // namespace fm
