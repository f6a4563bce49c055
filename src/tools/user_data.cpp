// A user's own data for `fmnist train`, `cv` and `eval`: --csv (and --test-csv) files streamed
// through the core's CSV parser, --names for the classes, pooled to --side as the bundle is.
#include <cstdio>
#include <string>
#include <utility>

#include "core/downsample.h"
#include "core/user_data.h"
#include "tools/commands.h"
#include "tools/io/csv_file.h"

namespace fm {

const FlagSpec kCsvFlag{"csv", true,
                        "train on the images of a CSV file (label,pixel1,…,pixel784, Kaggle's form; "
                        ".csv.gz too) instead of Fashion-MNIST"};
const FlagSpec kTestCsvFlag{"test-csv", true, "with --csv: the test images, a CSV file (without it: no test set)"};
const FlagSpec kNamesFlag{"names", true,
                          "class names: a text file of ten lines, class 0 first (default: the digits 0–9 "
                          "with --csv, Fashion-MNIST's names otherwise)"};

namespace {

Status read_csv_part(const std::string& path, LabelledImages* out) {
  double seconds = 0;
  Status s = read_csv_file(path, out, &seconds);
  if (!s) return s;
  std::printf("read %s: %lld images 28×28 in %.2f s\n", path.c_str(), static_cast<long long>(out->count()),
              seconds);
  return Status::Ok();
}

void print_classes(const Dataset& data) {
  if (data.class_names == digit_class_names()) {
    std::printf("classes: 0–9 (no --names file)\n");
    return;
  }
  std::printf("classes:%s\n", class_names_line(data.class_names).c_str());
}

}  // namespace

std::string class_names_line(const ClassNames& names) {
  std::string line;
  for (size_t c = 0; c < names.size(); ++c) line += (c ? ", " : " ") + std::to_string(c) + " " + names[c];
  return line;
}

Status check_data_flags(const Args& args) {
  for (const char* other : {"bundle", "idx"}) {
    if (args.has("csv") && args.has(other)) {
      return text_error(std::string("--csv and --") + other + " exclude each other: one source of images");
    }
  }
  if (args.has("test-csv") && !args.has("csv")) {
    return text_error("--test-csv needs --csv (the training images)");
  }
  return Status::Ok();
}

Status read_names_flag(const Args& args, ClassNames* names, bool* given) {
  *given = args.has("names");
  if (!*given) return Status::Ok();
  return read_class_names_file(args.get("names", ""), names);
}

Status load_csv_data(const Args& args, int side, Dataset* out) {
  ClassNames names;
  bool named = false;
  Status s = read_names_flag(args, &names, &named);
  if (!s) return s;
  LabelledImages train, test;
  if (!(s = read_csv_part(args.get("csv", ""), &train))) return s;
  if (args.has("test-csv") && !(s = read_csv_part(args.get("test-csv", ""), &test))) return s;
  Dataset full;
  if (!(s = make_user_dataset(std::move(train), std::move(test), named ? &names : nullptr, &full))) return s;
  if (!(s = downsample(full, side == 0 ? kFullSide / 2 : side, out))) return s;
  print_classes(*out);
  return Status::Ok();
}

Status load_csv_test_set(const Args& args, int side, Dataset* out) {
  LabelledImages images;
  Status s = read_csv_part(args.get("csv", ""), &images);
  if (!s) return s;
  // The CSV is the test set. Trainer::adopt() validates on a training set before it tests, so
  // the images stand in for that too (7.5 MB per 10,000; the evaluation reads only the test
  // figures).
  LabelledImages copy = images;
  Dataset full;
  if (!(s = make_user_dataset(std::move(copy), std::move(images), nullptr, &full))) return s;
  return downsample(full, side, out);
}

}  // namespace fm
