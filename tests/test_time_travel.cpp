// Time travel (issue 14 §2), natively: the page's snapshot store (budget, dropping the oldest but
// never the one viewed, lookup at or before a point), the engine's kept weights events and its
// validation pass of a snapshot sent back (the same results as the run's own pass, the run's
// weights untouched), and the session's view of them with its refusals in English and Korean, and
// when the engine dies before a snapshot's pass is done.
#include <gtest/gtest.h>

#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/engine_client/snapshot_store.h"
#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "core/bundle.h"
#include "core/rng.h"
#include "core/trainer.h"
#include "engine/engine.h"
#include "toy_dataset.h"

namespace fm {
namespace {

Snapshot snap(long long pos, size_t floats = 100) {
  Snapshot s;
  s.pos = pos;
  s.epoch = static_cast<int>(pos / 240);
  s.batch = pos % 240;
  s.params.assign(floats, static_cast<float>(pos));
  return s;
}

std::vector<long long> positions(const SnapshotStore& st) {
  std::vector<long long> out;
  for (const Snapshot& s : st.all()) out.push_back(s.pos);
  return out;
}

TEST(SnapshotStore, LookupIsTheLatestKeptAtOrBeforeAPoint) {
  SnapshotStore st;
  for (long long p : {480LL, 0LL, 10LL, 240LL, 50LL}) st.add(snap(p));  // any order: kept sorted
  EXPECT_EQ(positions(st), (std::vector<long long>{0, 10, 50, 240, 480}));
  EXPECT_EQ(st.at_or_before(-1), nullptr) << "before the first: none";
  EXPECT_EQ(st.at_or_before(0)->pos, 0);
  EXPECT_EQ(st.at_or_before(9)->pos, 0);
  EXPECT_EQ(st.at_or_before(10)->pos, 10);
  EXPECT_EQ(st.at_or_before(239)->pos, 50);
  EXPECT_EQ(st.at_or_before(1000000)->pos, 480);
  EXPECT_EQ(st.find(49), nullptr);
  EXPECT_EQ(st.find(50)->params[0], 50.0f);
  st.add(snap(50, 200));  // the same point again replaces it
  EXPECT_EQ(st.size(), 5u);
  EXPECT_EQ(st.bytes(), (4 * 100 + 200) * sizeof(float));
  st.drop_after(50);  // a diverged run went back to there
  EXPECT_EQ(positions(st), (std::vector<long long>{0, 10, 50}));
  st.clear();
  EXPECT_EQ(st.size(), 0u);
  EXPECT_EQ(st.bytes(), 0u);
  EXPECT_EQ(st.at_or_before(100), nullptr);
}

TEST(SnapshotStore, TheBudgetDropsTheOldestFirstButNeverTheOneViewed) {
  SnapshotStore st(3 * 100 * sizeof(float));  // room for three
  for (long long p : {0LL, 10LL, 50LL}) st.add(snap(p));
  EXPECT_EQ(st.dropped(), 0);
  st.add(snap(240));
  EXPECT_EQ(positions(st), (std::vector<long long>{10, 50, 240}));
  EXPECT_EQ(st.dropped(), 1);
  EXPECT_LE(st.bytes(), st.budget());
  EXPECT_EQ(st.at_or_before(5), nullptr) << "a point before the oldest kept finds nothing";
  st.add(snap(480), /*protect_pos=*/10);  // the user is viewing batch 10
  EXPECT_EQ(positions(st), (std::vector<long long>{10, 240, 480}));
  EXPECT_EQ(st.dropped(), 2);
  // A validation pass's results count too: the snapshot's predictions push the oldest out.
  Snapshot results;
  results.predictions.assign(100, 1);
  st.set_evaluation(480, results);
  EXPECT_TRUE(st.find(480)->evaluated);
  EXPECT_EQ(positions(st), (std::vector<long long>{240, 480}));
  EXPECT_EQ(st.dropped(), 3);
  EXPECT_EQ(st.bytes(), 2 * 100 * sizeof(float) + 100);
  // One larger than the whole budget is not kept at all.
  st.add(snap(720, 301));
  EXPECT_EQ(st.find(720), nullptr);
  EXPECT_EQ(st.dropped(), 4);
  EXPECT_EQ(positions(st), (std::vector<long long>{240, 480}));
}

TEST(SnapshotStore, TheDefaultBudgetIs64MBAndHoldsABookCnnRunOf40Epochs) {
  SnapshotStore st;
  EXPECT_EQ(st.budget(), size_t(64) << 20);
  const size_t book_cnn = 333526;  // parameters: 1.33 MB a snapshot
  for (long long e = 0; e <= 40; ++e) st.add(snap(e * 1500, book_cnn));
  EXPECT_EQ(st.dropped(), 0);
  EXPECT_EQ(st.size(), 41u);
  for (long long e = 41; e < 60; ++e) st.add(snap(e * 1500, book_cnn));
  EXPECT_GT(st.dropped(), 0);
  EXPECT_LE(st.bytes(), st.budget());
  EXPECT_EQ(st.all().back().pos, 59 * 1500) << "the newest is always kept";
}

// --- the engine and the session, with a real Engine as the worker ---

const std::vector<uint8_t>& bundle() {
  static const std::vector<uint8_t> bytes = write_bundle(toy_dataset(600, 200, 5), 8);
  return bytes;
}

// 480 training images in batches of 2: 240 a epoch, so batches 10, 50 and 200 are inside the first.
const char* const kRun = "model=softmax&opt=rmsprop&lr=0.001&batch=2&epochs=3&seed=7&side=14";

long long field(const Message& m, const char* key) {
  long long v = -1;
  EXPECT_TRUE(message_fields(m).get_whole(key, -1, 1LL << 40, &v)) << key << " in " << m.text;
  return v;
}

struct EngineRun {
  double t = 0;
  Engine engine{[this] { return t += 0.01; }};
  std::vector<Message> events;
  void send(const std::string& text, std::vector<uint8_t> payload = {}) {
    engine.handle(Message{text, std::move(payload)});
    collect();
  }
  void collect() {
    for (Message& m : engine.take_events()) events.push_back(std::move(m));
  }
  std::vector<const Message*> of_type(std::string_view type) const {
    std::vector<const Message*> out;
    for (const Message& m : events) {
      if (message_type(m) == type) out.push_back(&m);
    }
    return out;
  }
};

TEST(TimeTravelEngine, KeepsTheStartThreeFirstEpochBatchesAndEveryEpochEnd) {
  EngineRun r;
  r.send("load_data side=14", bundle());
  r.send(std::string("train ") + kRun);
  while (r.engine.has_work()) r.engine.run_slice();
  r.collect();
  std::vector<std::pair<long long, long long>> kept;
  const Message* last_kept = nullptr;
  for (const Message* m : r.of_type("weights")) {
    if (message_fields(*m).get("keep") != "1") continue;
    kept.emplace_back(field(*m, "epoch"), field(*m, "batch"));
    last_kept = m;
  }
  EXPECT_EQ(kept, (std::vector<std::pair<long long, long long>>{
                      {0, 0}, {0, 10}, {0, 50}, {0, 200}, {1, 0}, {2, 0}, {3, 0}}));
  ASSERT_NE(last_kept, nullptr);
  const std::vector<float> w = bytes_to_floats(last_kept->payload);
  const Vector& final_w = r.engine.trainer().network().params();
  ASSERT_EQ(w.size(), static_cast<size_t>(final_w.size()));
  EXPECT_EQ(std::memcmp(w.data(), final_w.data(), w.size() * sizeof(float)), 0) << "the last epoch's end";
}

TEST(TimeTravelEngine, ASnapshotsPassMatchesTheRunsOwnAndLeavesTheRunAlone) {
  Trainer reference;  // the same run without any snapshot pass
  Dataset data;
  Settings settings;
  ASSERT_TRUE(parse_settings(kRun, &settings).ok());
  ASSERT_TRUE(parse_bundle(bundle().data(), bundle().size(), &data));
  ASSERT_TRUE(reference.start(data, to_train_config(settings)));
  while (reference.busy()) reference.step();
  EngineRun r;
  r.send("load_data side=14", bundle());
  r.send("eval_weights id=1", std::vector<uint8_t>(1970 * 4));
  ASSERT_FALSE(r.events.empty());
  EXPECT_EQ(r.events.back().text, "error command=eval_weights&reason=no_model");
  r.send(std::string("train ") + kRun);
  r.send("eval_weights id=1", std::vector<uint8_t>(12));
  EXPECT_EQ(r.events.back().text, "error command=eval_weights&reason=bad_field&field=payload&value=12");
  // Run into epoch 2, then send back epoch 1's kept weights.
  const auto epoch1 = [&]() -> const Message* {
    for (const Message* m : r.of_type("weights")) {
      if (message_fields(*m).get("keep") == "1" && field(*m, "epoch") == 1) return m;
    }
    return nullptr;
  };
  while (r.engine.has_work() && (epoch1() == nullptr || r.engine.trainer().batch_in_epoch() < 20)) {
    r.engine.run_slice();
    r.collect();
  }
  ASSERT_NE(epoch1(), nullptr);
  const std::vector<uint8_t> w1 = epoch1()->payload;
  r.send("eval_weights id=6", w1);
  while (r.engine.has_work()) r.engine.run_slice();
  r.collect();
  const std::vector<const Message*> evals = r.of_type("weights_eval");
  ASSERT_EQ(evals.size(), 1u);
  const Message& e = *evals[0];
  EXPECT_EQ(field(e, "id"), 6);
  EXPECT_EQ(message_fields(e).get("counts"), message_fields(*r.of_type("confusion")[0]).get("counts"))
      << "epoch 1's confusion matrix, as the run's own validation pass gave it";
  EXPECT_EQ(e.payload, r.of_type("val_predictions")[0]->payload);
  EXPECT_EQ(message_fields(e).get("indices"), message_fields(*r.of_type("hardest")[0]).get("indices"));
  EXPECT_EQ(message_fields(e).get("val_acc"), message_fields(*r.of_type("epoch")[0]).get("val_acc"));
  const Vector& got = r.engine.trainer().network().params();
  ASSERT_EQ(got.size(), reference.network().params().size());
  EXPECT_EQ(std::memcmp(got.data(), reference.network().params().data(), sizeof(float) * static_cast<size_t>(got.size())), 0)
      << "a snapshot's pass never changes the run's weights";
}

// The page: its session with a real Engine as the worker, and the model file it downloads.
struct Page {
  double t = 0;
  std::unique_ptr<Engine> engine;
  std::vector<Message> pending;
  std::vector<uint8_t> downloaded;
  Session session{EngineClient::Host{[this] {
                                       engine = std::make_unique<Engine>([this] { return t += 0.01; });
                                       pending.push_back(Message{"ready simd=0", {}});
                                     },
                                     [this](const Message& m) {
                                       if (engine) engine->handle(m);
                                       collect();
                                     },
                                     [this] { engine.reset(); }},
                  Session::Host{nullptr, nullptr,
                                [this](const std::vector<uint8_t>& f, const std::string&) { downloaded = f; },
                                nullptr, nullptr, nullptr}};
  Page() {
    session.expect_bundle(14);
    EXPECT_TRUE(session.load_bundle(std::vector<uint8_t>(bundle()), 14));
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
    for (const Message& m : now) session.on_engine_event(m);
  }
  template <typename Pred>
  void run_until(Pred done, int max_slices = 1000000) {
    for (int i = 0; i < max_slices && !done(); ++i) {
      if (engine && engine->has_work()) engine->run_slice();
      collect();
      deliver();
    }
  }
  const RunView& run() const { return session.run(); }
};

// A refusal's sentence is made in the language of the moment it is refused.
Status in_korean(const std::function<Status()>& call) {
  set_language(Language::kKorean);
  const Status st = call();
  set_language(Language::kEnglish);
  return st;
}

TEST(TimeTravelSession, ViewsAnEarlierModelWhileTheRunGoesOnAndReturnsToNow) {
  Page page;
  const Status none = page.session.view_at(1, -1);
  ASSERT_FALSE(none);
  EXPECT_EQ(tr(none), "No snapshot to show yet: train a model first.");
  EXPECT_EQ(tr(in_korean([&] { return page.session.view_at(1, -1); })),
            "보여 줄 스냅숏이 아직 없습니다: 먼저 모델을 훈련하세요.");
  page.session.engine().config(0.05);  // a few steps a slice: the run is caught in epoch 3
  ASSERT_TRUE(page.session.train_from_api("model=softmax&opt=rmsprop&lr=0.001&batch=2&epochs=20&seed=7"));
  page.run_until([&] { return page.run().epoch() >= 2; });
  ASSERT_EQ(page.run().phase(), Phase::kTraining);
  const RunView& run = page.run();
  EXPECT_EQ(run.snapshots().size(), 6u) << "start, batches 10, 50, 200, epochs 1 and 2";

  // The end of epoch 1: its validation results came with it, nothing to compute.
  ASSERT_TRUE(page.session.view_at(1, -1));
  ASSERT_TRUE(run.viewing());
  EXPECT_EQ(page.session.view_point(*run.viewed()), (std::pair<int, long long>{1, 240}));
  EXPECT_TRUE(run.shown_evaluated());
  const ConfusionMatrix epoch1 = run.shown_confusion();
  EXPECT_EQ(epoch1.total(), 120);
  EXPECT_EQ(static_cast<float>(epoch1.accuracy()), run.history()[0].val_acc);
  ASSERT_EQ(run.shown_network().params().size(), run.network().params().size());

  // 70 batches into epoch 1: the latest kept at or before is batch 50, computed by the engine.
  const long long samples = run.samples_seen();
  ASSERT_TRUE(page.session.view_at(1, 70));
  EXPECT_EQ(page.session.view_point(*run.viewed()), (std::pair<int, long long>{1, 50}));
  EXPECT_FALSE(run.shown_evaluated()) << "asked of the engine";
  EXPECT_EQ(run.shown_confusion().total(), 0);
  page.run_until([&] { return run.shown_evaluated(); });
  ASSERT_TRUE(run.shown_evaluated());
  EXPECT_EQ(run.shown_confusion().total(), 120);
  EXPECT_EQ(run.shown_predictions().size(), 120u);
  EXPECT_NE(run.shown_confusion().counts, run.val_confusion().counts) << "not the live matrix";
  page.run_until([&] { return run.samples_seen() > samples + 100; });
  EXPECT_GT(run.samples_seen(), samples + 100) << "training went on meanwhile";
  EXPECT_EQ(page.session.view_point(*run.viewed()), (std::pair<int, long long>{1, 50}))
      << "the view stays where it was";
  const float w0 = run.shown_network().params()[0];
  EXPECT_EQ(w0, run.snapshots().find(run.pos_of(0, 50))->params[0]);

  // Epoch 0 is the untrained model; a point past now is the latest kept.
  ASSERT_TRUE(page.session.view_at(0, -1));
  EXPECT_EQ(page.session.view_point(*run.viewed()), (std::pair<int, long long>{0, 0}));
  ASSERT_TRUE(page.session.view_at(99, 5));
  EXPECT_EQ(run.viewed()->pos, run.snapshots().all().back().pos);

  page.session.view_live();
  EXPECT_FALSE(run.viewing());
  EXPECT_EQ(run.shown_confusion().counts, run.val_confusion().counts);
  EXPECT_EQ(&run.shown_network(), &run.network());

  EXPECT_FALSE(page.session.view_at(-1, -1));
  EXPECT_EQ(tr(page.session.view_at(-1, -1)),
            "viewAt takes {epoch, batch} (whole numbers from 0, batch optional) or 'live'.");

  // Reset: no history left.
  ASSERT_TRUE(page.session.view_at(1, -1));
  page.session.reset();
  page.deliver();
  EXPECT_FALSE(run.viewing());
  EXPECT_EQ(run.snapshots().size(), 0u);
  EXPECT_FALSE(page.session.view_at(1, -1));
}

// The engine dies while it computes a snapshot's matrix: the view stops waiting and says why,
// in the user's language; Train after the crash (a fresh engine, a new run) ends the view.
TEST(TimeTravelSession, AnEngineThatDiesWhileASnapshotIsComputedIsNotWaitedFor) {
  Page page;
  page.session.engine().config(0.05);
  ASSERT_TRUE(page.session.train_from_api("model=softmax&opt=rmsprop&lr=0.001&batch=2&epochs=20&seed=7"));
  page.run_until([&] { return page.run().epoch() >= 1; });
  const RunView& run = page.run();
  ASSERT_EQ(run.phase(), Phase::kTraining);
  ASSERT_TRUE(page.session.view_at(1, 60));  // batch 50 of the first epoch: the engine computes it
  ASSERT_EQ(run.eval_pending(), run.viewed()->pos);
  EXPECT_FALSE(run.shown_eval_lost()) << "computing";
  page.session.on_engine_event(Message{"fatal kind=abort&message=Aborted()", {}});
  ASSERT_FALSE(page.engine) << "terminated";
  EXPECT_EQ(run.eval_pending(), -1);
  EXPECT_FALSE(run.shown_evaluated());
  EXPECT_TRUE(run.shown_eval_lost()) << "no answer will come";
  EXPECT_EQ(std::string(tr(Str::kViewEngineStopped)),
            "The training engine stopped before this snapshot's confusion matrix was computed (epoch ends keep theirs).");
  set_language(Language::kKorean);
  EXPECT_EQ(std::string(tr(Str::kViewEngineStopped)),
            "이 스냅숏의 혼동 행렬을 계산하기 전에 훈련 엔진이 멈췄습니다 (에포크 끝의 스냅숏에는 있습니다).");
  set_language(Language::kEnglish);
  // Another unevaluated snapshot while no engine runs: nothing to ask, said at once.
  ASSERT_TRUE(page.session.view_at(1, 20));
  EXPECT_EQ(page.session.view_point(*run.viewed()), (std::pair<int, long long>{1, 10}));
  EXPECT_TRUE(run.shown_eval_lost());
  // An epoch's end keeps the matrix that came with it.
  ASSERT_TRUE(page.session.view_at(1, -1));
  EXPECT_TRUE(run.shown_evaluated());
  EXPECT_FALSE(run.shown_eval_lost());
  // Train: a fresh engine and a new run; the old run's view goes with it.
  ASSERT_TRUE(page.session.view_at(1, 20));
  ASSERT_TRUE(page.session.train_from_api("model=softmax&batch=32&epochs=1&seed=3"));
  EXPECT_EQ(page.session.engine().workers_started(), 2);
  page.run_until([&] { return run.phase() == Phase::kDone; });
  EXPECT_FALSE(run.viewing());
  EXPECT_FALSE(run.shown_eval_lost());
  EXPECT_EQ(run.eval_pending(), -1);
}

TEST(TimeTravelSession, AModelFromAFileHasNoHistoryAndSaysSo) {
  Page page;
  ASSERT_TRUE(page.session.train_from_api("epochs=1&batch=32&seed=3"));
  page.run_until([&] { return page.run().phase() == Phase::kDone; });
  ASSERT_TRUE(page.session.export_model());
  page.run_until([&] { return !page.downloaded.empty(); });
  ASSERT_FALSE(page.downloaded.empty());
  const std::vector<uint8_t> file = page.downloaded;
  ASSERT_TRUE(page.session.import_model(file.data(), file.size()));
  page.run_until([&] { return page.run().imported() && page.run().phase() == Phase::kDone; });
  ASSERT_TRUE(page.run().imported());
  EXPECT_EQ(page.run().snapshots().size(), 0u);
  const Status st = page.session.view_at(1, -1);
  ASSERT_FALSE(st);
  EXPECT_EQ(tr(st), "A model loaded from a file has no history to go back to: train more epochs here first.");
  EXPECT_EQ(tr(in_korean([&] { return page.session.view_at(1, -1); })),
            "파일에서 불러온 모델에는 되돌아갈 기록이 없습니다: 먼저 여기서 에포크를 더 훈련하세요.");
  // Training on from the file: its new epochs are kept.
  page.session.plus_epoch();
  page.run_until([&] { return page.run().phase() == Phase::kDone && page.run().epoch() == 2; });
  ASSERT_EQ(page.run().snapshots().size(), 1u);
  EXPECT_EQ(page.session.view_point(page.run().snapshots().all()[0]), (std::pair<int, long long>{2, 15}));
  const Status before = page.session.view_at(1, -1);
  ASSERT_FALSE(before);
  EXPECT_EQ(tr(before),
            "No snapshot kept at or before that point: the earliest kept is epoch 2, batch 15.");
}

}  // namespace
}  // namespace fm
