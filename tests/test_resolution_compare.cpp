// "Compare resolutions" natively: a Session whose worker is a real Engine, bundles handed over when
// the session asks for them; the comparison trains at the other sizes, then the one in use, and
// fills a row per size (accuracy, parameters, seconds per epoch, the sketch's guess); refusals
// (the book's CNN, a busy run), a failed download and a cancel end it with a reason.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/i18n/strings.h"
#include "app/session/resolution_compare.h"
#include "app/session/session.h"
#include "core/bundle.h"
#include "core/rng.h"
#include "engine/engine.h"

namespace fm {
namespace {

// A learnable toy set at `side`: class c lights pixels p ≡ c (mod 10).
std::vector<uint8_t> toy_bundle(int side) {
  Dataset d;
  d.side = side;
  d.class_names = default_class_names();
  Rng rng(5);
  const auto fill = [&](int count, std::vector<uint8_t>* images, std::vector<uint8_t>* labels) {
    for (int i = 0; i < count; ++i) {
      const uint8_t label = static_cast<uint8_t>(rng.below(kNumClasses));
      labels->push_back(label);
      for (int p = 0; p < d.pixels(); ++p) {
        images->push_back(static_cast<uint8_t>(p % kNumClasses == label ? 150 + rng.below(106) : rng.below(110)));
      }
    }
  };
  fill(400, &d.train_images, &d.train_labels);
  fill(100, &d.test_images, &d.test_labels);
  return write_bundle(d, 8);
}

// The page: its session, a real Engine as the worker, and the downloads it asks for (answered by
// serve(), or failed).
struct Page {
  double t = 0;
  std::unique_ptr<Engine> engine;
  std::vector<Message> pending;
  std::vector<int> asked;
  Session session{EngineClient::Host{[this] {
                                       engine = std::make_unique<Engine>([this] { return t += 0.01; });
                                       pending.push_back(Message{"ready simd=0", {}});
                                     },
                                     [this](const Message& m) {
                                       if (engine) engine->handle(m);
                                       collect();
                                     },
                                     [this] { engine.reset(); }},
                  Session::Host{[this](int side) { asked.push_back(side); }, nullptr, nullptr, nullptr,
                                nullptr, nullptr}};
  ResolutionCompare compare;
  bool fail_downloads = false;

  Page() {
    session.expect_bundle(14);
    EXPECT_TRUE(session.load_bundle(toy_bundle(14), 14));
    session.engine().start();
    deliver();
  }
  void collect() {
    if (!engine) return;
    for (Message& m : engine->take_events()) pending.push_back(std::move(m));
  }
  void deliver() {
    std::vector<Message> now;
    now.swap(pending);
    for (const Message& m : now) {
      session.on_engine_event(m);
      compare.tick(session);
    }
  }
  // What the page's loop does until the comparison is over: downloads, engine slices, events.
  void run(int max_steps = 200000) {
    for (int i = 0; i < max_steps && compare.running(); ++i) {
      for (int side : asked) {
        if (fail_downloads) {
          session.bundle_failed(side, "HTTP 404");
        } else {
          ASSERT_TRUE(session.load_bundle(toy_bundle(side), side));
        }
      }
      asked.clear();
      compare.tick(session);
      if (engine && engine->has_work()) engine->run_slice();
      collect();
      deliver();
    }
  }
};

Settings softmax(int epochs) {
  Settings s;
  s.epochs = epochs;
  s.seed = 3;
  s.lr = 0.01f;  // a few steps of 320 images learn the toy set
  return s;
}

TEST(ResolutionCompare, TrainsAtEachSizeAndEndsWithTheSizeInUse) {
  Page page;
  ASSERT_TRUE(page.compare.start(page.session, softmax(2)));
  page.run();
  ASSERT_EQ(page.compare.state(), ResolutionCompare::State::kDone) << page.compare.error();
  EXPECT_EQ((std::vector<int>{}), page.asked);
  const std::array<long long, 3> params = {7 * 7 * 10 + 10, 14 * 14 * 10 + 10, 28 * 28 * 10 + 10};
  for (size_t i = 0; i < 3; ++i) {
    const CompareRow& r = page.compare.rows()[i];
    SCOPED_TRACE(r.side);
    EXPECT_EQ(r.side, kInputSides[i]);
    ASSERT_TRUE(r.done);
    EXPECT_EQ(r.params, params[i]);
    EXPECT_EQ(r.epochs, 2);
    EXPECT_GT(r.val_acc, 0.5f) << "the toy set is learnable at every size";
    EXPECT_TRUE(std::isfinite(r.test_acc));
    EXPECT_TRUE(r.seconds_per_epoch >= 0);
    EXPECT_EQ(r.network.arch().inputs, r.side * r.side);
  }
  EXPECT_DOUBLE_EQ(page.compare.progress(page.session), 1.0);
  // The size in use ran last: its model is the page's, with the same seed and settings.
  EXPECT_EQ(page.session.side(), 14);
  EXPECT_EQ(page.session.run().side(), 14);
  EXPECT_EQ(page.session.run().settings().seed, 3u);
  EXPECT_EQ(page.session.run().params(), params[1]);
  // The same seed and data give the same 14×14 model as a plain run.
  EXPECT_EQ(page.session.run().val_acc(), page.compare.rows()[1].val_acc);

  // The sketch through each model: nothing drawn, no guess; a drawing, one per size.
  page.compare.update_sketch(page.session.canvas, true);
  for (const CompareRow& r : page.compare.rows()) EXPECT_EQ(r.top, -1);
  page.session.canvas.begin_stroke(60, 60);
  page.session.canvas.stroke_to(200, 60);
  page.session.canvas.stroke_to(200, 220);
  page.session.canvas.end_stroke();
  page.compare.update_sketch(page.session.canvas, true);
  for (const CompareRow& r : page.compare.rows()) {
    ASSERT_EQ(r.input.size(), static_cast<size_t>(r.side * r.side));
    EXPECT_GE(r.top, 0);
    EXPECT_GT(r.probs[static_cast<size_t>(r.top)], 0.0f);
  }
}

TEST(ResolutionCompare, RefusesTheBookCnnABusyRunAndEndsOnAFailedDownload) {
  Page page;
  Settings cnn = softmax(1);
  cnn.model = ModelKind::kCnn;
  const Status st = page.compare.start(page.session, cnn);
  ASSERT_FALSE(st);
  EXPECT_EQ(describe(st), "the book's CNN reads 28\xC3\x97" "28 only: compare resolutions with the small CNN");
  EXPECT_EQ(page.compare.state(), ResolutionCompare::State::kIdle);

  ASSERT_TRUE(page.session.start_training(to_train_config(softmax(50))));
  const Status busy = page.compare.start(page.session, softmax(1));
  ASSERT_FALSE(busy);
  EXPECT_EQ(describe(busy), "a run is in progress: wait for it, or reset it, before comparing resolutions");
  page.session.reset();
  page.deliver();

  page.fail_downloads = true;
  ASSERT_TRUE(page.compare.start(page.session, softmax(1)));
  page.run();
  EXPECT_EQ(page.compare.state(), ResolutionCompare::State::kFailed);
  EXPECT_EQ(page.compare.error(), "The 7\xC3\x97" "7 data could not be loaded: HTTP 404");
  EXPECT_FALSE(page.compare.rows()[0].done);
}

TEST(ResolutionCompare, ResetDuringARunCancelsItAndTheButtonsCancelResetsTheRun) {
  Page page;
  ASSERT_TRUE(page.compare.start(page.session, softmax(3)));
  // Until the 7×7 run has started, then a reset from the page.
  for (int i = 0; i < 1000 && !page.session.run().has_model(); ++i) {
    for (int side : page.asked) ASSERT_TRUE(page.session.load_bundle(toy_bundle(side), side));
    page.asked.clear();
    page.compare.tick(page.session);
    page.collect();
    page.deliver();
  }
  ASSERT_TRUE(page.session.run().has_model());
  EXPECT_EQ(page.compare.current_side(), 7);
  page.session.reset();
  page.deliver();
  page.compare.tick(page.session);
  EXPECT_EQ(page.compare.state(), ResolutionCompare::State::kCancelled);

  ASSERT_TRUE(page.compare.start(page.session, softmax(3)));
  for (int i = 0; i < 1000 && !page.session.run().has_model(); ++i) {
    page.compare.tick(page.session);
    page.collect();
    page.deliver();
  }
  ASSERT_TRUE(page.session.run().has_model());
  page.compare.cancel(page.session);
  page.deliver();
  EXPECT_EQ(page.compare.state(), ResolutionCompare::State::kCancelled);
  EXPECT_FALSE(page.session.run().has_model()) << "the run in progress is dropped";
}

}  // namespace
}  // namespace fm
