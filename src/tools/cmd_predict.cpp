// `fmnist predict MODEL IMAGE.pgm`: the page's canvas path on a file — a light background is
// detected from the border and inverted, then the core's sketch preprocessing, then the model.
#include <cstdio>

#include "core/dataset.h"
#include "core/json.h"
#include "core/metrics.h"
#include "core/model_file.h"
#include "core/sketch.h"
#include "tools/commands.h"
#include "tools/io/io.h"
#include "tools/io/pgm.h"

namespace fm {

int cmd_predict(int argc, char** argv) {
  Args args("predict", {{"as-is", false,
                         "the image is already the model's input (side×side, light on dark): no "
                         "inversion, cropping or scaling"},
                        kJsonFlag});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("predict", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("MODEL_FILE IMAGE.pgm [--as-is] [--json]",
                                 "Classifies a binary PGM image of any size: dark-on-light images are\n"
                                 "inverted, then cropped, scaled and centred like Fashion-MNIST.").c_str());
    return 0;
  }
  if (args.positional().size() != 2) return fail("predict", "expected MODEL_FILE IMAGE.pgm", 2);
  SavedModel model;
  if (!(s = load_model_file(args.positional()[0], &model))) return fail("predict", s);
  std::vector<uint8_t> bytes;
  const std::string& image_path = args.positional()[1];
  if (!read_file(image_path, &bytes)) return fail("predict", "cannot read image " + image_path);
  GrayImage image;
  if (!(s = parse_pgm(bytes, &image))) return fail("predict", image_path + ": " + describe(s));
  SketchInput input;
  if (args.has("as-is")) {
    if (image.width != model.side || image.height != model.side) {
      return fail("predict", image_path + " is " + std::to_string(image.width) + "×" + std::to_string(image.height) +
                                 " but --as-is needs the model's " + std::to_string(model.side) + "×" +
                                 std::to_string(model.side));
    }
    for (uint8_t p : image.pixels) input.pixels.push_back(static_cast<float>(p) / 255.0f);  // as training reads them
  } else {
    if (has_light_background(image.pixels.data(), image.width, image.height)) {
      for (uint8_t& p : image.pixels) p = static_cast<uint8_t>(255 - p);
    }
    input = preprocess_sketch(image.pixels.data(), image.width, image.height, model.side);
    if (input.empty) return fail("predict", image_path + " is empty (nothing drawn): nothing to classify");
  }
  Network net(model.arch, 1);
  net.params() = model.params;
  float probs[kNumClasses];
  net.predict(input.pixels.data(), probs);
  const int top = argmax(probs, kNumClasses);
  const ClassNames& names = model.class_names;  // the classes it was trained on
  std::printf("prediction: %s (%.1f%%)\n", names[top].c_str(), 100.0 * probs[top]);
  for (int c = 0; c < kNumClasses; ++c) std::printf("  %-12s %6.2f%%\n", names[c].c_str(), 100.0 * probs[c]);
  if (args.has("json")) {
    std::string json = "{\"top\": " + std::to_string(top) + ", \"probs\": [";
    for (int c = 0; c < kNumClasses; ++c) json += (c ? ", " : "") + json_number(probs[c]);
    json += "], \"names\": [";
    for (int c = 0; c < kNumClasses; ++c) json += (c ? ", " : "") + json_quote(names[static_cast<size_t>(c)]);
    std::printf("%s]}\n", json.c_str());
  }
  return 0;
}

}  // namespace fm
