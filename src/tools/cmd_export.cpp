// `fmnist export MODEL --format safetensors --out FILE`: a model (either format) written as
// safetensors (core/safetensors.h: Keras' tensor names and layouts) or as fmnist's own model file.
#include <cstdio>

#include "core/safetensors.h"
#include "tools/commands.h"
#include "tools/io/io.h"

namespace fm {

int cmd_export(int argc, char** argv) {
  Args args("export", {{"format", true, "safetensors (default) or fmnist (the own model file)"},
                       {"out", true, "the file to write"}});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("export", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("MODEL_FILE [--format safetensors|fmnist] --out FILE",
                                 "Writes a model (an fmnist model file or a safetensors file it exported)\n"
                                 "as safetensors: float32 tensors named and shaped as Keras names them\n"
                                 "(dense/kernel [in, out], conv2d/kernel [k, k, in, out], …), the\n"
                                 "architecture, input size and class names in __metadata__.").c_str());
    return 0;
  }
  if (args.positional().size() != 1) return fail("export", "expected one model file (fmnist export MODEL_FILE --out FILE)", 2);
  const std::string format = args.get("format", "safetensors");
  if (format != "safetensors" && format != "fmnist") {
    return fail("export", "--format must be safetensors or fmnist, not '" + format + "'", 2);
  }
  if (!args.has("out")) return fail("export", "--out FILE is required", 2);
  SavedModel model;
  if (!(s = load_model_file(args.positional()[0], &model))) return fail("export", s);
  const std::vector<uint8_t> bytes = format == "safetensors" ? save_safetensors(model) : save_model(model);
  if (!(s = write_file(args.get("out", ""), bytes))) return fail("export", s);
  std::printf("wrote %s (%s, %s, %zu bytes)\n", args.get("out", "").c_str(), format.c_str(),
              model_kind_name(model.config.model), bytes.size());
  return 0;
}

}  // namespace fm
