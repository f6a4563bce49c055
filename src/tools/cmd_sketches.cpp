// `fmnist sketches --model M DIR...`: every sketch file (*.json) under the folders, normalised from
// its strokes at the model's side as the page does, classified; a per-class table of top-1 and
// top-2 and the totals (--json: one line for scripts). For tuning the sketch preset natively.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "core/model_file.h"
#include "core/network.h"
#include "core/sketch_file.h"
#include "core/strokes.h"
#include "tools/commands.h"
#include "tools/io/io.h"

namespace fm {
namespace {

namespace fs = std::filesystem;

struct Result {
  std::string file;
  int label = 0;
  int first = 0, second = 0;  // the two most probable classes
  float p_first = 0;
};

// The *.json files under each argument (a folder, searched recursively, or a file), sorted.
Status list_sketches(const std::vector<std::string>& args, std::vector<std::string>* out) {
  for (const std::string& arg : args) {
    std::error_code ec;
    if (fs::is_regular_file(arg, ec)) {
      out->push_back(arg);
      continue;
    }
    if (!fs::is_directory(arg, ec)) return text_error("cannot read " + arg + " (no such folder or file)");
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".json") found.push_back(it->path().string());
    }
    if (ec) return text_error("cannot read folder " + arg + ": " + ec.message());
    std::sort(found.begin(), found.end());
    out->insert(out->end(), found.begin(), found.end());
  }
  if (out->empty()) return text_error("no sketch files (*.json) found");
  return Status::Ok();
}

std::string pct(int k, int n) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%5.1f%%", n ? 100.0 * k / n : 0.0);
  return buf;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

int cmd_sketches(int argc, char** argv) {
  Args args("sketches",
            {{"model", true, "the model file to classify with (fmnist train --save, or the page's export)"},
             {"line-width", true, "rendered line width, a fraction of the input side (default 0.06)"},
             {"close-width", true, "gaps up to about this fraction of the side still close an outline (default 0: the line width)"},
             {"no-fill", false, "leave closed outlines unfilled"},
             kJsonFlag});
  Status s = args.parse(argc, argv, 2);
  if (!s) return fail("sketches", s, 2);
  if (args.help()) {
    std::printf("%s", args.usage("--model MODEL_FILE DIR_OR_FILE... [--json]",
                                 "Reads every sketch file (*.json, tests/sketches' format: core/sketch_file.h)\n"
                                 "under the folders, renders each from its strokes at the model's input size\n"
                                 "as the page does (bounding box of the ink, longer side filling the frame,\n"
                                 "centred, fixed line width, closed outlines filled), classifies it and prints\n"
                                 "top-1 and top-2 accuracy per class and in total.").c_str());
    return 0;
  }
  if (!args.has("model")) return fail("sketches", "--model FILE is required", 2);
  if (args.positional().empty()) return fail("sketches", "expected at least one folder of sketch files", 2);
  StrokeStyle style;
  double line = 0, close = 0;
  if (!(s = args.get_double("line-width", style.line_width, &line))) return fail("sketches", s, 2);
  if (!(s = args.get_double("close-width", style.close_width, &close))) return fail("sketches", s, 2);
  if (!(line > 0 && line <= 0.5)) return fail("sketches", "--line-width must be above 0 and at most 0.5", 2);
  if (!(close >= 0 && close <= 0.5)) return fail("sketches", "--close-width must be from 0 to 0.5", 2);
  style.line_width = static_cast<float>(line);
  style.close_width = static_cast<float>(close);
  style.fill = !args.has("no-fill");

  SavedModel model;
  if (!(s = load_model_file(args.get("model", ""), &model))) return fail("sketches", s);
  std::vector<std::string> files;
  if (!(s = list_sketches(args.positional(), &files))) return fail("sketches", s);

  Predictor predictor(model.arch);
  std::vector<Result> results;
  for (const std::string& file : files) {
    std::vector<uint8_t> bytes;
    if (!(s = read_file(file, &bytes))) return fail("sketches", s);
    SketchFile sketch;
    if (!(s = parse_sketch_file(bytes.data(), bytes.size(), &sketch))) {
      return fail("sketches", file + ": " + describe(s));
    }
    const StrokeSteps steps = normalise_strokes(sketch.strokes, model.side, style);
    if (steps.input.empty) return fail("sketches", file + ": nothing left to classify (every stroke erased)");
    float probs[kNumClasses];
    predictor.predict(model.params, steps.input.pixels.data(), probs);
    int order[kNumClasses];
    for (int c = 0; c < kNumClasses; ++c) order[c] = c;
    std::stable_sort(order, order + kNumClasses, [&](int a, int b) { return probs[a] > probs[b]; });
    results.push_back({file, sketch.label, order[0], order[1], probs[order[0]]});
  }

  const auto& names = default_class_names();
  int count[kNumClasses] = {}, top1[kNumClasses] = {}, top2[kNumClasses] = {};
  for (const Result& r : results) {
    ++count[r.label];
    top1[r.label] += r.first == r.label;
    top2[r.label] += r.first == r.label || r.second == r.label;
  }
  int n = 0, t1 = 0, t2 = 0;
  std::printf("%d sketches, model %s (%s, %d×%d)\n\n", static_cast<int>(results.size()),
              args.get("model", "").c_str(), model_kind_name(model.config.model), model.side, model.side);
  std::printf("  %-12s %6s %12s %12s\n", "class", "count", "top-1", "top-2");
  for (int c = 0; c < kNumClasses; ++c) {
    n += count[c], t1 += top1[c], t2 += top2[c];
    if (!count[c]) continue;
    std::printf("  %-12s %6d %5d %s %5d %s\n", names[c].c_str(), count[c], top1[c], pct(top1[c], count[c]).c_str(),
                top2[c], pct(top2[c], count[c]).c_str());
  }
  std::printf("  %-12s %6d %5d %s %5d %s\n", "total", n, t1, pct(t1, n).c_str(), t2, pct(t2, n).c_str());
  bool heading = false;
  for (const Result& r : results) {
    if (r.first == r.label) continue;
    if (!heading) std::printf("\nmisread:\n");
    heading = true;
    std::printf("  %s: %s read as %s (%.0f%%)\n", r.file.c_str(), names[r.label].c_str(), names[r.first].c_str(),
                100.0 * r.p_first);
  }
  if (args.has("json")) {
    std::string json = "{\"count\": " + std::to_string(n) + ", \"top1\": " + json_number(n ? double(t1) / n : NAN) +
                       ", \"top2\": " + json_number(n ? double(t2) / n : NAN) + ", \"classes\": [";
    bool first = true;
    for (int c = 0; c < kNumClasses; ++c) {
      if (!count[c]) continue;
      json += std::string(first ? "" : ", ") + "{\"class\": " + std::to_string(c) + ", \"count\": " +
              std::to_string(count[c]) + ", \"top1\": " + std::to_string(top1[c]) + ", \"top2\": " +
              std::to_string(top2[c]) + "}";
      first = false;
    }
    json += "], \"sketches\": [";
    for (size_t i = 0; i < results.size(); ++i) {
      const Result& r = results[i];
      json += std::string(i ? ", " : "") + "{\"file\": " + json_string(r.file) + ", \"class\": " +
              std::to_string(r.label) + ", \"top\": [" + std::to_string(r.first) + ", " + std::to_string(r.second) +
              "]}";
    }
    std::printf("%s]}\n", json.c_str());
  }
  return 0;
}

}  // namespace fm
