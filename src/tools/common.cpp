// Shared by the subcommands: data loading from --bundle / --idx (--csv: user_data.cpp), errors,
// JSON numbers.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/class_names.h"
#include "core/downsample.h"
#include "tools/commands.h"
#include "tools/io/io.h"

namespace fm {

const FlagSpec kBundleFlag{"bundle", true, "data bundle file (default assets/fashion-mnist-<side>.bin or $FMNIST_BUNDLE)"};
const FlagSpec kIdxFlag{"idx", true, "folder with the four original Fashion-MNIST .gz files instead of a bundle"};
const FlagSpec kJsonFlag{"json", false, "after the human output, print one line of JSON for scripts"};

namespace {
Status load_builtin_data(const Args& args, int side, Dataset* out) {
  if (args.has("idx")) {
    Dataset full;
    Status s = load_idx_dir(args.get("idx", ""), &full);
    if (!s) return s;
    return downsample(full, side == 0 ? 14 : side, out);
  }
  std::string path = args.get("bundle", "");
  if (path.empty()) {
    const char* env = std::getenv("FMNIST_BUNDLE");
    path = (env && *env) ? env : "assets/fashion-mnist-" + std::to_string(side == 0 ? 14 : side) + ".bin";
  }
  Dataset data;
  Status s = load_bundle_file(path, &data);
  if (!s) return s;
  if (side != 0 && data.side != side) {
    return text_error(path + " holds " + std::to_string(data.side) + "×" + std::to_string(data.side) +
                         " images but --side is " + std::to_string(side));
  }
  *out = std::move(data);
  return Status::Ok();
}
}  // namespace

Status load_data(const Args& args, int side, Dataset* out) {
  Status s = check_data_flags(args);
  if (!s) return s;
  if (args.has("csv")) return load_csv_data(args, side, out);  // names its classes itself
  ClassNames names;
  bool named = false;
  if (!(s = read_names_flag(args, &names, &named))) return s;
  if (!(s = load_builtin_data(args, side, out))) return s;
  if (named) out->class_names = names;
  return Status::Ok();
}

int fail(const std::string& command, const std::string& message, int code) {
  std::fprintf(stderr, "fmnist %s: %s\n", command.c_str(), message.c_str());
  return code;
}

int fail(const std::string& command, const Status& status, int code) {
  return fail(command, describe(status), code);
}

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.9g", v);
  return buf;
}

}  // namespace fm
