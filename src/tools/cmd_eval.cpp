// `fmnist eval FILE`: loads a model file or a safetensors export (validated) and evaluates it on
// the test set.
#include <cstdio>

#include "core/safetensors.h"
#include "core/trainer.h"
#include "tools/commands.h"
#include "tools/io/io.h"

namespace fm {

Status load_model_file(const std::string& path, SavedModel* model) {
  std::vector<uint8_t> bytes;
  if (!read_file(path, &bytes)) return text_error("cannot read model file " + path);
  Status s = load_any_model(bytes.data(), bytes.size(), model);
  if (!s) return text_error(path + ": " + describe(s));
  return Status::Ok();
}

int cmd_eval(int argc, char** argv) {
  Args args("eval", {kBundleFlag, kIdxFlag,
                     {"csv", true,
                      "evaluate on the images of a CSV file (label,pixel1,…,pixel784; .csv.gz too) "
                      "instead of the Fashion-MNIST test set"},
                     kJsonFlag});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("eval", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("MODEL_FILE [--bundle FILE | --idx DIR | --csv FILE] [--json]",
                                 "Evaluates a model (a file saved by `fmnist train --save` or exported from\n"
                                 "the page, or a safetensors file from `fmnist export` or the page) on the\n"
                                 "10,000 test images of its input size, or on the 28×28 images of a CSV\n"
                                 "file (pooled to the model's size). Prints the model's class names.").c_str());
    return 0;
  }
  if (args.positional().size() != 1) return fail("eval", "expected one model file (fmnist eval MODEL_FILE)", 2);
  SavedModel model;
  if (!(s = check_data_flags(args))) return fail("eval", s, 2);
  if (!(s = load_model_file(args.positional()[0], &model))) return fail("eval", s);
  Dataset data;
  s = args.has("csv") ? load_csv_test_set(args, model.side, &data) : load_data(args, model.side, &data);
  if (!s) return fail("eval", s);
  if (!(s = check_model_fits(model, data.side))) return fail("eval", s);
  Trainer trainer;
  if (!(s = trainer.adopt(data, model.config, model.params))) return fail("eval", s);
  trainer.fit();
  std::printf("classes:%s\n", class_names_line(model.class_names).c_str());
  std::printf("test accuracy: %.4f, test loss: %.4f (%lld images %d×%d)\n", trainer.test_acc(), trainer.test_loss(),
              static_cast<long long>(data.test_count()), data.side, data.side);
  if (args.has("json")) {
    std::printf("{\"test_acc\": %s, \"test_loss\": %s}\n", json_number(trainer.test_acc()).c_str(),
                json_number(trainer.test_loss()).c_str());
  }
  return 0;
}

}  // namespace fm
