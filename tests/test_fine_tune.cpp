// FineTune tests (a correction, issue 14 §1): refusals change nothing, the same seed gives the same
// weights, undo's copy is the model from before; on real data a misread sketch is read right after
// its correction, so is the same sketch redrawn smaller elsewhere, for at most a point of
// validation accuracy.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <dirent.h>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/fine_tune.h"
#include "core/sketch_file.h"
#include "core/strokes.h"
#include "test_support.h"
#include "toy_dataset.h"

namespace fm {
namespace {

void train_to_done(Trainer* t, const Dataset& d, TrainConfig c) {
  ASSERT_TRUE(t->start(d, c));
  t->fit();
  ASSERT_EQ(t->phase(), Phase::kDone);
}

int predict(Network& net, const std::vector<float>& input) {
  const Eigen::Map<const Matrix> x(input.data(), static_cast<Index>(input.size()), 1);
  net.forward(x);
  Index best = 0;
  for (Index c = 1; c < net.probs().rows(); ++c) {
    if (net.probs()(c, 0) > net.probs()(best, 0)) best = c;
  }
  return static_cast<int>(best);
}

TEST(FineTune, RefusesBadLabelsAndSizesChangingNothing) {
  const Dataset d = toy_dataset(600, 120, 1, 14, kStrongInk);
  TrainConfig c;
  c.epochs = 1;
  Trainer t;
  train_to_done(&t, d, c);
  const Vector before = t.network().params();
  FineTune f;
  EXPECT_EQ(f.start(&t, std::vector<float>(196, 0.5f), {10}).code, ErrorCode::kCorrectionLabel);
  EXPECT_EQ(f.start(&t, std::vector<float>(195, 0.5f), {1}).code, ErrorCode::kCorrectionSketches);
  EXPECT_EQ(f.start(&t, {}, {}).code, ErrorCode::kCorrectionSketches);
  EXPECT_EQ(f.start(&t, std::vector<float>(196, 2.0f), {1}).code, ErrorCode::kCorrectionSketches);
  Trainer idle;
  EXPECT_EQ(f.start(&idle, std::vector<float>(196, 0.5f), {1}).code, ErrorCode::kCorrectionNoModel);
  EXPECT_FALSE(f.busy());
  EXPECT_EQ(t.network().params(), before);
}

TEST(FineTune, SameSeedSameWeightsAndUndoCopyIsTheModelBefore) {
  const Dataset d = toy_dataset(600, 120, 2, 14, kStrongInk);
  TrainConfig c;
  c.epochs = 1;
  std::vector<float> sketch(196, 0.0f);
  for (int p = 3; p < 196; p += 10) sketch[static_cast<size_t>(p)] = 1.0f;  // class 3's pattern
  Vector first;
  for (int run = 0; run < 2; ++run) {
    Trainer t;
    train_to_done(&t, d, c);
    const Vector before = t.network().params();
    const float val = t.val_acc();
    FineTune f;
    FineTuneConfig fc;
    fc.steps = 20;
    ASSERT_TRUE(f.start(&t, sketch, {7}, fc));  // teach it the pattern of 3 is a 7
    int steps = 0;
    while (f.busy()) {
      f.step();
      ++steps;
      EXPECT_LE(f.progress(), 1.0f);
    }
    EXPECT_EQ(f.phase(), FineTune::Phase::kDone);
    EXPECT_EQ(f.steps_done(), 20);
    EXPECT_GT(steps, 20);  // and the two validation passes
    EXPECT_EQ(f.before(), 3);
    EXPECT_EQ(f.params_before(), before);
    EXPECT_NE(t.network().params(), before);
    EXPECT_FLOAT_EQ(t.val_acc(), f.val_after());
    EXPECT_FLOAT_EQ(f.val_before(), val);  // the same weights as the run's last validation pass
    if (run == 0) first = t.network().params();
    if (run == 1) {
      EXPECT_EQ(t.network().params(), first);
    }
  }
}

// The dev half of tests/sketches, beside this file.
std::vector<SketchFile> dev_sketches() {
  std::string dir = __FILE__;
  dir = dir.substr(0, dir.find_last_of('/')) + "/sketches/dev/";
  std::vector<SketchFile> out;
  DIR* d = opendir(dir.c_str());
  if (!d) return out;
  std::vector<std::string> names;
  while (dirent* e = readdir(d)) {
    const std::string n = e->d_name;
    if (n.size() > 5 && n.substr(n.size() - 5) == ".json") names.push_back(n);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  for (const std::string& n : names) {
    std::ifstream in(dir + n, std::ios::binary);
    const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    SketchFile f;
    if (parse_sketch_file(bytes.data(), bytes.size(), &f)) out.push_back(std::move(f));
  }
  return out;
}

// The same strokes at half the size, moved towards a corner.
std::vector<Stroke> redrawn(const std::vector<Stroke>& strokes) {
  std::vector<Stroke> out = strokes;
  for (Stroke& s : out) {
    s.width *= 0.5f;
    for (StrokePoint& p : s.points) {
      p.x = 0.45f + 0.5f * p.x;
      p.y = 0.05f + 0.5f * p.y;
    }
  }
  return out;
}

TEST(FineTune, MisreadSketchIsReadRightAfterItsCorrectionRedrawnToo) {
  REQUIRE_REAL_DATA(data);
  const std::vector<SketchFile> sketches = dev_sketches();
  ASSERT_GE(sketches.size(), 10u);
  for (const ModelKind kind : {ModelKind::kSoftmax, ModelKind::kMlp}) {
    TrainConfig c;
    c.epochs = 1;
    c.model = kind;
    if (kind == ModelKind::kMlp) c.hidden = {100};
    Trainer t;
    train_to_done(&t, *data, c);
    // Every dev sketch this model misreads, each corrected on its own from the trained model. A
    // linear model cannot take every fix (README "Teach it back" lists them): most must take, and
    // most within the cost of one validation point.
    int misread = 0, fixed = 0, redrawn_right = 0, within = 0;
    float worst = 0;
    double ms_sum = 0;
    for (const SketchFile& sketch : sketches) {
      const std::vector<float> input = normalise_strokes(sketch.strokes, 14).input.pixels;
      if (predict(t.tuned_network(), input) == sketch.label) continue;
      Trainer tuned = t;
      FineTune f;
      ASSERT_TRUE(f.start(&tuned, input, {static_cast<uint8_t>(sketch.label)}));
      const auto t0 = std::chrono::steady_clock::now();
      f.fit();
      ms_sum += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      ++misread;
      const float drop = f.val_before() - f.val_after();
      worst = std::max(worst, drop);
      within += drop <= 0.01f;
      const StrokeSteps again = normalise_strokes(redrawn(sketch.strokes), 14);
      const int again_read = predict(tuned.tuned_network(), again.input.pixels);
      if (f.after() == sketch.label) {
        ++fixed;
        redrawn_right += again_read == sketch.label;
      }
      std::printf("%s: %s (class %d) read %d before, %d after, %d redrawn; val %.4f -> %.4f\n",
                  kind == ModelKind::kMlp ? "mlp" : "softmax", sketch.name.c_str(), sketch.label,
                  f.before(), f.after(), again_read, f.val_before(), f.val_after());
      EXPECT_NE(f.before(), sketch.label);
      // Undo: the weights from before read it as before.
      tuned.tuned_network().params() = f.params_before();
      EXPECT_EQ(predict(tuned.tuned_network(), input), f.before());
    }
    ASSERT_GT(misread, 0) << "the model reads every dev sketch right: nothing to correct";
    std::printf("%s: %d misread, %d fixed (%d of them redrawn smaller elsewhere right too), %d within "
                "1 point of validation; worst drop %.2f points; %.0f ms each natively\n",
                kind == ModelKind::kMlp ? "mlp" : "softmax", misread, fixed, redrawn_right, within,
                worst * 100, ms_sum / misread);
    EXPECT_GE(fixed * 4, misread * 3);
    EXPECT_GE(redrawn_right * 10, fixed * 9);
    EXPECT_GE(within * 10, misread * 9);
  }
}

}  // namespace
}  // namespace fm
