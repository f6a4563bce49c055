// The page's engine client and its RunView, natively: an EngineClient whose Host is a real Engine
// (the worker's messages, without the worker), so the view is checked against the Trainer it
// mirrors; plus the worker's death and restart, the settings checks the page makes before
// sending, and the page's BundleView against parse_bundle.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "app/data/bundle_view.h"
#include "app/engine_client/engine_client.h"
#include "core/bundle.h"
#include "core/rng.h"
#include "engine/engine.h"
#include "engine/settings.h"
#include "toy_dataset.h"

namespace fm {
namespace {

const std::vector<uint8_t>& bundle() {
  static const std::vector<uint8_t> bytes = write_bundle(toy_dataset(600, 200, 5), 8);
  return bytes;
}

// A page with its engine: the Host starts a fresh Engine (a worker), posts to it, terminates it.
// Events wait in a queue like a worker's postMessage until deliver() hands them to the client.
struct Page {
  double t = 0;
  std::unique_ptr<Engine> engine;
  std::vector<Message> sent;
  int starts = 0;
  EngineClient client{EngineClient::Host{
      [this] {
        ++starts;
        engine = std::make_unique<Engine>([this] { return t += 0.01; });
        pending.push_back(Message{"ready simd=0", {}});
      },
      [this](const Message& m) {
        sent.push_back(m);
        if (engine) engine->handle(m);
        collect();
      },
      [this] { engine.reset(); }}};
  std::vector<Message> pending;

  void collect() {
    if (!engine) return;
    for (Message& m : engine->take_events()) pending.push_back(std::move(m));
  }
  void deliver() {
    std::vector<Message> now;
    now.swap(pending);
    for (const Message& m : now) client.on_event(m);
  }
  // Runs slices and hands over events until `done` says so (or the engine has no work).
  template <typename Pred>
  void run_until(Pred done, int max_slices = 100000) {
    for (int i = 0; i < max_slices && !done(); ++i) {
      if (engine && engine->has_work()) engine->run_slice();
      collect();
      deliver();
      if (engine && !engine->has_work() && pending.empty() && !done()) break;
    }
  }
};

TEST(EngineClient, ARunsEventsBuildAViewThatMatchesTheEngine) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  page.deliver();
  EXPECT_EQ(page.client.worker(), EngineClient::Worker::kReady);
  EXPECT_TRUE(page.client.data_loaded(14));

  Settings s;
  s.epochs = 2;
  page.client.train(s);
  EXPECT_TRUE(page.client.running()) << "running from the moment train() is sent";
  EXPECT_FALSE(page.client.view().has_model()) << "nothing until `started` arrives";
  page.run_until([&] { return page.client.view().phase() == Phase::kDone; });

  const RunView& v = page.client.view();
  const Trainer& t = page.engine->trainer();
  ASSERT_EQ(v.phase(), Phase::kDone);
  EXPECT_FALSE(page.client.running());
  ASSERT_EQ(v.history().size(), t.history().size());
  for (size_t i = 0; i < t.history().size(); ++i) {
    EXPECT_EQ(v.history()[i].epoch, t.history()[i].epoch);
    EXPECT_EQ(v.history()[i].val_acc, t.history()[i].val_acc);
    EXPECT_EQ(v.history()[i].train_loss, t.history()[i].train_loss);
  }
  EXPECT_EQ(v.test_acc(), t.test_acc());
  EXPECT_EQ(v.samples_seen(), t.samples_seen());
  EXPECT_EQ(v.val_confusion().counts, t.val_confusion().counts);
  EXPECT_EQ(v.val_predictions(), t.val_predictions());
  EXPECT_EQ(v.val_indices(), t.split().val);
  ASSERT_EQ(v.val_hardest().size(), t.val_hardest().items().size());
  for (size_t i = 0; i < v.val_hardest().size(); ++i) {
    EXPECT_EQ(v.val_hardest()[i].index, t.val_hardest().items()[i].index);
  }
  ASSERT_TRUE(v.has_weights());
  ASSERT_EQ(v.network().params().size(), t.network().params().size());
  EXPECT_EQ(std::memcmp(v.network().params().data(), t.network().params().data(),
                        sizeof(float) * static_cast<size_t>(t.network().params().size())),
            0)
      << "the view's weights are the engine's, bit for bit";
  EXPECT_FALSE(v.curve().empty());
  EXPECT_EQ(v.settings(), s);
  EXPECT_GT(v.train_compute_s(), 0);
}

// A stroke on the canvas lowers the engine's share once, its end restores it once; a new
// worker starts at full share.
TEST(EngineClient, DrawingLowersTheEnginesShareAndItsEndRestoresIt) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  page.deliver();
  const auto configs = [&] {
    int n = 0;
    for (const Message& m : page.sent) n += message_type(m) == "config";
    return n;
  };
  const int before = configs();
  page.client.yield_to_drawing(true);
  page.client.yield_to_drawing(true);  // the same state: nothing sent
  EXPECT_EQ(configs(), before + 1);
  EXPECT_EQ(page.engine->share(), EngineClient::kDrawingShare);
  page.client.yield_to_drawing(false);
  EXPECT_EQ(configs(), before + 2);
  EXPECT_EQ(page.engine->share(), 1);
  page.client.yield_to_drawing(true);
  page.client.worker_died("abort", "test");
  page.client.start();
  page.deliver();
  EXPECT_EQ(page.engine->share(), 1);
  page.client.yield_to_drawing(true);  // the new worker is told again
  EXPECT_EQ(page.engine->share(), EngineClient::kDrawingShare);
}

TEST(EngineClient, PauseIsTrueOnlyOnceTheEngineAcknowledges) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  page.deliver();
  page.client.config(0.05);  // a few steps per slice (the fake clock ticks 0.01 ms a reading)
  Settings s;
  s.epochs = 3;
  page.client.train(s);
  page.run_until([&] { return page.client.view().samples_seen() > 100; });
  ASSERT_TRUE(page.client.view().busy());
  page.client.pause();
  EXPECT_FALSE(page.client.paused()) << "not before the ack";
  page.deliver();
  ASSERT_TRUE(page.client.paused());
  const long long at = page.client.view().samples_seen();
  EXPECT_EQ(at, page.engine->trainer().samples_seen());
  page.run_until([] { return false; }, 50);
  EXPECT_EQ(page.client.view().samples_seen(), at) << "stays still while paused";
  page.client.resume();
  page.run_until([&] { return page.client.view().phase() == Phase::kDone; });
  EXPECT_EQ(page.client.view().phase(), Phase::kDone);
}

TEST(EngineClient, AWorkerThatDiesKeepsTheWeightsAndTrainStartsAFreshOne) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  Settings s;
  s.epochs = 3;
  page.client.train(s);
  page.run_until([&] { return page.client.view().history().size() >= 1; });
  ASSERT_TRUE(page.client.view().has_weights());
  const uint64_t version = page.client.view().weights_version();
  page.client.on_event(Message{"fatal kind=abort&message=Aborted()", {}});
  EXPECT_EQ(page.client.worker(), EngineClient::Worker::kDead);
  EXPECT_EQ(page.client.fatal_kind(), "abort");
  EXPECT_EQ(page.client.fatal_message(), "Aborted()");
  EXPECT_FALSE(page.engine) << "terminated";
  EXPECT_FALSE(page.client.running());
  EXPECT_TRUE(page.client.view().has_weights()) << "the last weights keep predicting";
  EXPECT_EQ(page.client.view().weights_version(), version);

  page.sent.clear();
  s.epochs = 1;
  const uint64_t before = page.client.view().run_id();
  page.client.train(s);
  EXPECT_EQ(page.starts, 2);
  ASSERT_GE(page.sent.size(), 2u);
  EXPECT_EQ(message_type(page.sent[0]), "load_data") << "the kept bytes, again";
  EXPECT_EQ(page.sent[0].payload, bundle());
  page.run_until([&] {
    return page.client.view().run_id() != before && page.client.view().phase() == Phase::kDone;
  });
  EXPECT_EQ(page.client.view().phase(), Phase::kDone);
  EXPECT_EQ(page.client.view().history().size(), 1u);
}

TEST(EngineClient, RefusedTrainClearsRunningAndTheReasonComesBack) {
  Page page;
  page.client.start();  // no data
  page.deliver();
  page.client.train(Settings{});
  EXPECT_TRUE(page.client.running());
  page.deliver();
  EXPECT_FALSE(page.client.running());
  EXPECT_FALSE(page.client.view().has_model());
}

TEST(EngineClient, CrossValidationProgressReachesTheView) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  page.client.cv(14);
  page.run_until([&] { return page.client.view().cv().done; });
  const CvView& cv = page.client.view().cv();
  ASSERT_TRUE(cv.done);
  EXPECT_EQ(cv.side, 14);
  EXPECT_EQ(cv.scores.size(), 5u);
  EXPECT_TRUE(std::isfinite(cv.mean));
}

TEST(RunView, DivergenceTrimsTheCurveAndContinueClearsIt) {
  Page page;
  page.client.set_bundle(14, &bundle());
  page.client.start();
  Settings s;
  s.lr = 100;  // softmax, RMSprop: diverges within the first epoch
  s.epochs = 20;
  s.seed = 1;
  page.client.train(s);
  page.run_until([&] {
    return page.client.view().phase() == Phase::kDiverged || page.client.view().phase() == Phase::kDone;
  });
  const RunView& v = page.client.view();
  ASSERT_EQ(v.phase(), Phase::kDiverged);
  EXPECT_FALSE(v.divergence().ok);
  EXPECT_LT(v.suggested_lr(), 100.0f);
  for (const CurvePoint& p : v.curve()) {
    EXPECT_LE(p.x, static_cast<float>(v.epoch()));
    EXPECT_TRUE(std::isfinite(p.loss));
  }
  page.client.continue_run(1e-3f);
  page.deliver();
  EXPECT_TRUE(v.divergence().ok);
  EXPECT_EQ(v.lr(), 1e-3f);
}

TEST(RunView, LateEventsOfADroppedRunChangeNothing) {
  RunView v;
  EXPECT_FALSE(v.apply(Message{"progress phase=training&paused=0&epoch=1&samples_seen=5", {}}));
  EXPECT_FALSE(v.has_model());
  EXPECT_EQ(v.samples_seen(), 0);
}

TEST(SettingsForThePage, AnyValueTheApiAcceptsGoesToTheLinkAndBackExactly) {
  Settings s;
  ASSERT_TRUE(parse_settings("seed=3000000000&lr=0.002&model=mlp&hidden=64,32", &s).ok());
  const std::string link = format_settings(s);
  Settings back;
  ASSERT_TRUE(parse_settings(link, &back).ok());
  EXPECT_EQ(back, s);
  EXPECT_EQ(back.seed, 3000000000ull);
  Settings max;
  ASSERT_TRUE(parse_settings("seed=9007199254740991", &max).ok());
  EXPECT_FALSE(parse_settings("seed=9007199254740992", &max).ok());
  // What web/api.js writes for values of the wrong type: refused, nothing changes.
  Settings bad;
  const SettingsParse p = parse_settings("lr=(string)fast&batch=2.5&hidden=(string)x", &bad);
  EXPECT_EQ(p.errors.size(), 3u);
  EXPECT_EQ(bad, Settings{});
}

TEST(BundleView, ImagesAndLabelsMatchTheParsedBundle) {
  for (int bits : {8, 4}) {
    const Dataset src = toy_dataset(50, 20, 9, 28);
    const std::vector<uint8_t> bytes = write_bundle(src, bits);
    Dataset parsed;
    ASSERT_TRUE(parse_bundle(bytes.data(), bytes.size(), &parsed).ok);
    BundleView view;
    ASSERT_TRUE(view.load(bytes).ok);
    EXPECT_EQ(view.side(), 28);
    ASSERT_EQ(view.train_count(), parsed.train_count());
    ASSERT_EQ(view.test_count(), parsed.test_count());
    for (Index i = 0; i < view.train_count(); ++i) {
      EXPECT_EQ(view.train_label(i), parsed.train_labels[static_cast<size_t>(i)]);
      const std::vector<uint8_t> img = view.train_image(i);
      EXPECT_EQ(std::memcmp(img.data(), parsed.train_image(i), img.size()), 0);
    }
    for (Index i = 0; i < view.test_count(); ++i) {
      EXPECT_EQ(view.test_label(i), parsed.test_labels[static_cast<size_t>(i)]);
      const std::vector<uint8_t> img = view.test_image(i);
      EXPECT_EQ(std::memcmp(img.data(), parsed.test_image(i), img.size()), 0);
    }
  }
  BundleView refused;
  std::vector<uint8_t> broken = bundle();
  broken[400] ^= 1;  // a label byte
  EXPECT_FALSE(refused.load(broken).ok) << "the CRC is checked";
  EXPECT_FALSE(refused.loaded());
}

}  // namespace
}  // namespace fm
