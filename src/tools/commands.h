// The fmnist subcommands and what they share: loading the data from --bundle or --idx.
#pragma once

#include <string>

#include "core/class_names.h"
#include "core/dataset.h"
#include "messages/messages.h"
#include "tools/args.h"

namespace fm {

int cmd_bundle(int argc, char** argv);
int cmd_train(int argc, char** argv);
int cmd_cv(int argc, char** argv);
int cmd_eval(int argc, char** argv);
int cmd_predict(int argc, char** argv);
int cmd_export(int argc, char** argv);
int cmd_bench(int argc, char** argv);
int cmd_sketches(int argc, char** argv);

// Flags every data-reading subcommand takes.
extern const FlagSpec kBundleFlag, kIdxFlag, kJsonFlag;
// A user's own data (user_data.cpp): --csv FILE, --test-csv FILE, --names FILE.
extern const FlagSpec kCsvFlag, kTestCsvFlag, kNamesFlag;

// --csv FILE [--test-csv FILE] (a user's images, pooled to `side`), else --bundle FILE, else
// --idx DIR (original IDX files, downsampled to `side`), else $FMNIST_BUNDLE, else
// assets/fashion-mnist-<side>.bin. The bundle's side must equal `side` unless side is 0 (take
// whatever the bundle holds). --names FILE, if given, names the classes of any of them.
Status load_data(const Args& args, int side, Dataset* out);
// --csv with --bundle or --idx, or --test-csv without --csv: refused before any data is read.
Status check_data_flags(const Args& args);
// The --csv/--test-csv/--names part of load_data (user_data.cpp); prints what it read.
Status load_csv_data(const Args& args, int side, Dataset* out);
// `fmnist eval --csv FILE`: the CSV's images as the test set, pooled to `side`.
Status load_csv_test_set(const Args& args, int side, Dataset* out);
// --names FILE into `names` (`given` false and nothing read without the flag).
Status read_names_flag(const Args& args, ClassNames* names, bool* given);

struct SavedModel;
// Reads and validates a model file, fmnist's own or safetensors; the message names the file.
Status load_model_file(const std::string& path, SavedModel* model);
// " 0 T-shirt/top, 1 Trouser, …": a model's or a data set's class names on one line.
std::string class_names_line(const ClassNames& names);

// Prints "fmnist <command>: <message>" on stderr and returns the exit code 1 or 2.
int fail(const std::string& command, const std::string& message, int code = 1);
// The same with the status's English sentence (messages/messages.h).
int fail(const std::string& command, const Status& status, int code = 1);

// Shortest round-trip formatting for JSON numbers (NaN/inf → null).
std::string json_number(double v);

}  // namespace fm
