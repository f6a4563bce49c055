// Engine tests, driven only through protocol messages as the page sends them: a full run and its
// events, determinism against Trainer::fit and the CLI's loop for any slicing (with a pause in the
// middle), pause acknowledgement, set_lr timing, +1 epoch, divergence and continue, import/export,
// the lesson's cross-validation, and refused commands that change nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/linear_sgd.h"
#include "core/model_file.h"
#include "core/safetensors.h"
#include "core/rng.h"
#include "core/trainer.h"
#include "engine/engine.h"
#include "engine/settings.h"
#include "toy_dataset.h"

namespace fm {
namespace {

// 600 training images (480 train / 120 val), 200 test, as the gunzipped bundle the page sends.
const std::vector<uint8_t>& bundle() {
  static const std::vector<uint8_t> bytes = write_bundle(toy_dataset(600, 200, 5), 8);
  return bytes;
}

// The data as the engine sees it (the bundle parsed), for reference runs.
const Dataset& bundle_data() {
  static Dataset d;
  static bool parsed = false;
  if (!parsed) parsed = static_cast<bool>(parse_bundle(bundle().data(), bundle().size(), &d));
  return d;
}

// A clock that advances by `tick` ms at every reading.
struct FakeClock {
  double t = 0, tick = 0.01;
};

Message command(const std::string& text, std::vector<uint8_t> payload = {}) {
  return Message{text, std::move(payload)};
}

struct Harness {
  FakeClock clock;
  Engine engine;
  std::vector<Message> events;  // everything emitted so far

  explicit Harness(double tick = 0.01)
      : clock{0, tick}, engine([this] { return clock.t += clock.tick; }) {}

  // Sends a command; returns the events it produced.
  std::vector<Message> send(const std::string& text, std::vector<uint8_t> payload = {}) {
    engine.handle(command(text, std::move(payload)));
    return collect();
  }
  std::vector<Message> collect() {
    std::vector<Message> fresh = engine.take_events();
    events.insert(events.end(), fresh.begin(), fresh.end());
    return fresh;
  }
  // Runs slices while the engine has work (bounded); returns the number of slices.
  long long run(long long max_slices = 10000000) {
    long long slices = 0;
    for (; slices < max_slices && engine.has_work(); ++slices) engine.run_slice();
    collect();
    return slices;
  }
  void load() {
    const std::vector<Message> e = send("load_data side=14", bundle());
    ASSERT_EQ(e.size(), 1u);
    ASSERT_EQ(message_type(e[0]), "data_loaded") << e[0].text;
  }
  std::vector<const Message*> of_type(std::string_view type) const {
    std::vector<const Message*> out;
    for (const Message& m : events) {
      if (message_type(m) == type) out.push_back(&m);
    }
    return out;
  }
  const Message* last(std::string_view type) const {
    const std::vector<const Message*> all = of_type(type);
    return all.empty() ? nullptr : all.back();
  }
};

bool same_bits(const Vector& a, const Vector& b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), sizeof(Scalar) * static_cast<size_t>(a.size())) == 0;
}

Vector payload_floats(const Message& m) {
  const std::vector<float> f = bytes_to_floats(m.payload);
  Vector v(static_cast<Index>(f.size()));
  if (!f.empty()) std::memcpy(v.data(), f.data(), f.size() * sizeof(float));
  return v;
}

long long whole(const Message& m, const char* key) {
  long long v = -1;
  EXPECT_TRUE(message_fields(m).get_whole(key, -1000000000LL, 1000000000000LL, &v))
      << key << " in " << m.text;
  return v;
}

float number(const Message& m, const char* key) {
  float v = NAN;
  EXPECT_TRUE(message_fields(m).get_float(key, &v)) << key << " in " << m.text;
  return v;
}

// The run a settings text asks for, done the CLI's way (start, then step() until not busy) with
// the CLI's TrainConfig (default eval_chunk): the reference for bitwise comparisons.
Vector cli_weights(const std::string& settings_text, Trainer* out = nullptr) {
  Settings s;
  EXPECT_TRUE(parse_settings(settings_text, &s).ok());
  Trainer t;
  EXPECT_TRUE(static_cast<bool>(t.start(bundle_data(), to_train_config(s))));
  while (t.busy()) t.step();
  const Vector w = t.network().params();
  if (out) *out = t;
  return w;
}

const char* const kSoftmax = "model=softmax&opt=rmsprop&lr=0.001&batch=32&epochs=3&seed=7&side=14";
const char* const kMlp =
    "model=mlp&hidden=24,12&opt=adam&lr=0.002&batch=20&epochs=2&seed=11&side=14";
// Adam (optimizer state that must carry over) and dropout-free MLP, five epochs.
const char* const kMlp5 =
    "model=mlp&hidden=24,12&opt=adam&lr=0.002&batch=20&epochs=5&seed=11&side=14";

// A settings text with its epochs replaced.
std::string with_epochs(const std::string& text, int epochs) {
  const size_t at = text.find("epochs=");
  const size_t end = text.find('&', at);
  return text.substr(0, at) + "epochs=" + std::to_string(epochs) + text.substr(end);
}

TEST(Engine, FullSoftmaxRunReportsEveryEvent) {
  Harness h;
  h.load();
  const std::vector<Message> started = h.send(std::string("train ") + kSoftmax);
  ASSERT_GE(started.size(), 3u);
  EXPECT_EQ(message_type(started[0]), "started");
  EXPECT_EQ(message_type(started[1]), "weights");
  EXPECT_EQ(message_type(started[2]), "progress");
  const FieldReader f = message_fields(started[0]);
  Settings echoed;
  EXPECT_TRUE(parse_settings(f, &echoed).errors.size() == 6u);  // train,val,test,bpe,params,names
  EXPECT_EQ(format_settings(echoed),
            std::string("model=softmax&hidden=100&") + (kSoftmax + 14) + "&early_stopping=0&augment=0&pace=full");
  EXPECT_EQ(whole(started[0], "train"), 480);
  EXPECT_EQ(whole(started[0], "val"), 120);
  EXPECT_EQ(whole(started[0], "test"), 200);
  EXPECT_EQ(whole(started[0], "batches_per_epoch"), 15);
  EXPECT_EQ(whole(started[0], "params"), 1970);
  EXPECT_EQ(bytes_to_int32(started[0].payload).size(), 120u);
  EXPECT_EQ(h.engine.trainer().split().val, bytes_to_int32(started[0].payload));

  h.run();
  EXPECT_EQ(h.of_type("epoch").size(), 3u);
  EXPECT_EQ(h.of_type("confusion").size(), 3u);
  EXPECT_EQ(h.of_type("hardest").size(), 3u);
  EXPECT_EQ(h.of_type("val_predictions").size(), 3u);
  EXPECT_EQ(h.of_type("done").size(), 1u);
  EXPECT_TRUE(h.of_type("error").empty());

  const Message& done = *h.last("done");
  const Trainer& t = h.engine.trainer();
  EXPECT_EQ(t.phase(), Phase::kDone);
  EXPECT_EQ(number(done, "test_acc"), t.test_acc());
  EXPECT_GT(t.test_acc(), 0.8f);
  EXPECT_EQ(whole(done, "samples_seen"), 3 * 480);
  for (size_t i = 0; i < 3; ++i) {
    const Message& e = *h.of_type("epoch")[i];
    EXPECT_EQ(whole(e, "epoch"), static_cast<long long>(i + 1));
    EXPECT_EQ(number(e, "val_acc"), t.history()[i].val_acc);
    EXPECT_EQ(number(e, "train_loss"), t.history()[i].train_loss);
    EXPECT_EQ(whole(e, "samples_seen"), static_cast<long long>(480 * (i + 1)));
  }
  // The last validation pass's results, exactly.
  const std::vector<std::string> counts = message_fields(*h.last("confusion")).get_list("counts");
  ASSERT_EQ(counts.size(), 100u);
  for (size_t k = 0; k < 100; ++k)
    EXPECT_EQ(counts[k], std::to_string(t.val_confusion().counts[k]));
  EXPECT_EQ(h.last("val_predictions")->payload, t.val_predictions());
  const FieldReader hard = message_fields(*h.last("hardest"));
  ASSERT_EQ(hard.get_list("indices").size(), t.val_hardest().items().size());
  if (!t.val_hardest().items().empty()) {
    EXPECT_EQ(hard.get_list("indices")[0], std::to_string(t.val_hardest().items()[0].index));
  }
  // Weights: the final ones were sent at the last epoch's end.
  EXPECT_TRUE(same_bits(payload_floats(*h.last("weights")), t.network().params()));
  EXPECT_EQ(whole(*h.last("weights"), "params"), 1970);
  // Progress: the curve points of every minibatch reach the page at most 64 per event, in order,
  // ending with the run's last minibatch.
  std::vector<float> xs;
  for (const Message* p : h.of_type("progress")) {
    const std::vector<float> triples = bytes_to_floats(p->payload);
    ASSERT_EQ(triples.size() % 3, 0u);
    ASSERT_LE(triples.size(), 3u * 64);
    for (size_t i = 0; i < triples.size(); i += 3) xs.push_back(triples[i]);
  }
  ASSERT_FALSE(xs.empty());
  for (size_t i = 1; i < xs.size(); ++i) EXPECT_LT(xs[i - 1], xs[i]);
  EXPECT_FLOAT_EQ(xs.back(), 3.0f);
  EXPECT_EQ(message_fields(*h.last("progress")).get("phase"), "done");
}

// The same settings through the engine at any slicing give the CLI's weights bit for bit.
// Returns the number of slices the engine took.
long long expect_same_weights_as_cli(const char* settings, double tick, double slice_ms,
                                     long long pause_after_slices) {
  Trainer fitted;
  const Vector reference = cli_weights(settings, &fitted);
  {  // Trainer::fit is the CLI's loop too.
    Settings s;
    parse_settings(settings, &s);
    Trainer t;
    EXPECT_TRUE(static_cast<bool>(t.start(bundle_data(), to_train_config(s))));
    t.fit();
    EXPECT_TRUE(same_bits(t.network().params(), reference));
  }
  Harness h(tick);
  h.load();
  h.send("config slice_ms=" + format_double(slice_ms));
  h.send(std::string("train ") + settings);
  long long slices = 0;
  for (; slices < pause_after_slices && h.engine.has_work(); ++slices) h.engine.run_slice();
  if (pause_after_slices > 0) {
    h.collect();
    const std::vector<Message> ack = h.send("pause");
    EXPECT_EQ(message_type(ack.back()), "paused");
    const long long at = whole(ack.back(), "samples_seen");
    EXPECT_EQ(at, h.engine.trainer().samples_seen());
    EXPECT_FALSE(h.engine.run_slice());
    EXPECT_EQ(h.engine.trainer().samples_seen(), at);
    h.send("resume");
  }
  slices += h.run();
  EXPECT_EQ(h.engine.trainer().phase(), Phase::kDone) << settings;
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), reference))
      << settings << " tick " << tick << " slice_ms " << slice_ms;
  EXPECT_TRUE(same_bits(payload_floats(*h.last("weights")), reference));
  EXPECT_EQ(h.engine.trainer().history().size(), fitted.history().size());
  for (size_t i = 0; i < fitted.history().size(); ++i) {
    EXPECT_EQ(h.engine.trainer().history()[i].train_loss, fitted.history()[i].train_loss);
    EXPECT_EQ(h.engine.trainer().history()[i].val_acc, fitted.history()[i].val_acc);
  }
  return slices;
}

TEST(Engine, DeterministicAtOneStepPerSlice) {
  // Each clock reading advances 1 ms, the slice is 0.001 ms: exactly one step per slice.
  Harness probe(1.0);
  probe.load();
  probe.send("config slice_ms=0.001");
  probe.send(std::string("train ") + kSoftmax);
  const long long before = probe.engine.trainer().samples_seen();
  probe.engine.run_slice();
  EXPECT_EQ(probe.engine.trainer().samples_seen() - before, 32);
  // 3 epochs × (15 minibatches + 1 validation chunk) + 1 test chunk.
  EXPECT_EQ(expect_same_weights_as_cli(kSoftmax, 1.0, 0.001, 0), 3 * 16 + 1);
  EXPECT_GT(expect_same_weights_as_cli(kMlp, 1.0, 0.001, 0), 2 * 24);
}

TEST(Engine, DeterministicAtAFewMsPerSlice) {
  const long long softmax = expect_same_weights_as_cli(kSoftmax, 0.7, 3, 0);
  EXPECT_GT(softmax, 5);
  EXPECT_LT(softmax, 3 * 16 + 1);
  const long long mlp = expect_same_weights_as_cli(kMlp, 0.3, 2, 0);
  EXPECT_GT(mlp, 5);
  EXPECT_LT(mlp, 2 * 25 + 1);
}

TEST(Engine, DeterministicAtLongSlices) {
  EXPECT_EQ(expect_same_weights_as_cli(kSoftmax, 0.0001, 1000, 0), 1);  // the whole run
  EXPECT_EQ(expect_same_weights_as_cli(kMlp, 0.0001, 1000, 0), 1);
}

TEST(Engine, DeterministicWithAPauseAndResumeInTheMiddle) {
  expect_same_weights_as_cli(kSoftmax, 1.0, 0.001, 23);  // mid-epoch 2
  expect_same_weights_as_cli(kSoftmax, 0.5, 2, 7);
  expect_same_weights_as_cli(kMlp, 1.0, 0.001, 30);
}

// A CNN with dropout-free layers and early stopping through the protocol: the CLI's bits at any
// slicing (the engine evaluates in chunks of 25, the CLI in 2000: the weights do not care).
TEST(Engine, CnnSmallWithEarlyStoppingGivesTheCliWeights) {
  const char* const cnn =
      "model=cnn-small&opt=adam&lr=0.003&batch=32&epochs=4&seed=5&side=14&early_stopping=1";
  expect_same_weights_as_cli(cnn, 0.5, 2, 0);
  expect_same_weights_as_cli(cnn, 1.0, 0.001, 17);  // paused mid-epoch 2
}

// Augmentation through the protocol (augment=1): the CLI's bits too. The epoch events tell the
// best epoch so far and, on the last one, that patience ran out; done repeats both with the
// validation figures of the weights the run ends with.
TEST(Engine, AugmentedCnnSmallGivesTheCliWeightsAndEpochEventsTellTheBestEpoch) {
  const char* const augmented =
      "model=cnn-small&opt=adam&lr=0.003&batch=32&epochs=6&seed=5&side=14&early_stopping=1&augment=1";
  expect_same_weights_as_cli(augmented, 1.0, 2, 0);
  Harness h(1.0);
  h.load();
  h.send(std::string("train ") + augmented);
  h.run();
  const Trainer& t = h.engine.trainer();
  ASSERT_EQ(t.phase(), Phase::kDone);
  const std::vector<const Message*> epochs = h.of_type("epoch");
  ASSERT_EQ(epochs.size(), t.history().size());
  int best = 0;
  float best_loss = 0;
  for (size_t i = 0; i < epochs.size(); ++i) {
    const EpochRecord& e = t.history()[i];
    if (best == 0 || e.val_loss < best_loss) best = e.epoch, best_loss = e.val_loss;
    EXPECT_EQ(whole(*epochs[i], "best_epoch"), best) << epochs[i]->text;
    EXPECT_EQ(whole(*epochs[i], "stopped_early"), i + 1 == epochs.size() && t.stopped_early() ? 1 : 0);
  }
  EXPECT_EQ(best, t.best_epoch());
  const Message& done = *h.last("done");
  EXPECT_EQ(whole(done, "best_epoch"), t.best_epoch());
  EXPECT_EQ(whole(done, "stopped_early"), t.stopped_early() ? 1 : 0);
  double val_acc = 0;
  ASSERT_TRUE(parse_number(message_fields(done).get("val_acc"), &val_acc));
  EXPECT_EQ(static_cast<float>(val_acc), t.val_acc());
  EXPECT_EQ(static_cast<float>(val_acc), t.history()[static_cast<size_t>(best - 1)].val_acc);
}

// A conv net's evaluation step is sized by its multiply-adds, so one fits in a slice.
TEST(Engine, ConvEvaluationChunksFollowTheirCost) {
  TrainConfig book;
  book.model = ModelKind::kCnn;
  TrainConfig small;
  small.model = ModelKind::kCnnSmall;
  EXPECT_EQ(eval_chunk_for(book, 28), 6);
  EXPECT_EQ(eval_chunk_for(small, 14), 91);
  EXPECT_EQ(eval_chunk_for(small, 28), 22);
  EXPECT_EQ(eval_chunk_for(TrainConfig{}, 14), 203);  // Dense models as before: 400,000 / 1,970 weights
}

TEST(Engine, PauseAcknowledgesTheFinalSampleCountWhichThenStaysStill) {
  Harness h(1.0);
  h.load();
  h.send("config slice_ms=2.5");
  h.send(std::string("train ") + kSoftmax);
  for (int i = 0; i < 5; ++i) h.engine.run_slice();
  h.collect();
  const std::vector<Message> ack = h.send("pause");
  ASSERT_EQ(message_type(ack.back()), "paused");
  EXPECT_EQ(message_fields(ack.back()).get("reason"), "user");
  const long long at = whole(ack.back(), "samples_seen");
  EXPECT_GT(at, 0);
  const Vector w = h.engine.trainer().network().params();
  for (int i = 0; i < 100; ++i) EXPECT_FALSE(h.engine.run_slice());
  EXPECT_FALSE(h.engine.has_work());
  EXPECT_EQ(h.engine.trainer().samples_seen(), at);
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), w));
  EXPECT_TRUE(h.collect().empty());  // nothing happens while paused
  // The progress event before the ack says paused with the same count.
  const Message& p = ack[ack.size() - 2];
  EXPECT_EQ(message_type(p), "progress");
  EXPECT_EQ(whole(p, "paused"), 1);
  EXPECT_EQ(whole(p, "samples_seen"), at);
  // A second pause acknowledges again, with the same count.
  EXPECT_EQ(whole(h.send("pause").back(), "samples_seen"), at);
  const std::vector<Message> resumed = h.send("resume");
  ASSERT_EQ(message_type(resumed.back()), "resumed");
  EXPECT_TRUE(h.engine.run_slice());
  EXPECT_GT(h.engine.trainer().samples_seen(), at);
}

TEST(Engine, SetLrAppliesFromTheNextMinibatch) {
  // Reference: the trainer, the new rate set after exactly 9 minibatches.
  Settings s;
  ASSERT_TRUE(parse_settings(kSoftmax, &s).ok());
  Trainer t;
  ASSERT_TRUE(static_cast<bool>(t.start(bundle_data(), to_train_config(s))));
  while (t.samples_seen() < 9 * 32) t.step();
  ASSERT_TRUE(static_cast<bool>(t.set_lr(0.0125f)));
  while (t.busy()) t.step();

  Harness h(1.0);
  h.load();
  h.send("config slice_ms=0.001");
  h.send(std::string("train ") + kSoftmax);
  for (int i = 0; i < 9; ++i) h.engine.run_slice();
  const std::vector<Message> ack = h.send("set_lr lr=0.0125");
  ASSERT_EQ(ack.size(), 1u);
  EXPECT_EQ(message_type(ack[0]), "lr_set");
  EXPECT_EQ(whole(ack[0], "samples_seen"), 9 * 32);
  EXPECT_EQ(number(ack[0], "lr"), 0.0125f);
  h.run();
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), t.network().params()));
  EXPECT_EQ(number(*h.last("progress"), "lr"), 0.0125f);
  // One minibatch later is a different run: the timing matters.
  Harness late(1.0);
  late.load();
  late.send("config slice_ms=0.001");
  late.send(std::string("train ") + kSoftmax);
  for (int i = 0; i < 10; ++i) late.engine.run_slice();
  late.send("set_lr lr=0.0125");
  late.run();
  EXPECT_FALSE(same_bits(late.engine.trainer().network().params(), t.network().params()));
}

TEST(Engine, PlusEpochAfterDoneTrainsTheNextEpochAndKeepsTheHistory) {
  const std::string two = "model=softmax&epochs=2&seed=3&side=14";
  const Vector three_epochs = cli_weights("model=softmax&epochs=3&seed=3&side=14");
  Harness h;
  h.load();
  h.send("train " + two);
  h.run();
  ASSERT_EQ(h.engine.trainer().phase(), Phase::kDone);
  const std::vector<EpochRecord> before = h.engine.trainer().history();
  const std::vector<Message> ack = h.send("plus_epoch");
  ASSERT_FALSE(ack.empty());
  EXPECT_EQ(message_type(ack[0]), "resumed");
  EXPECT_EQ(whole(ack[0], "epochs"), 3);
  h.run();
  const Trainer& t = h.engine.trainer();
  ASSERT_EQ(t.phase(), Phase::kDone);
  ASSERT_EQ(t.history().size(), 3u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(t.history()[i].epoch, before[i].epoch);
    EXPECT_EQ(t.history()[i].train_loss, before[i].train_loss);
    EXPECT_EQ(t.history()[i].val_acc, before[i].val_acc);
  }
  EXPECT_EQ(whole(*h.last("epoch"), "epoch"), 3);
  EXPECT_EQ(h.of_type("done").size(), 2u);
  // Epoch 3 after a finished 2-epoch run is epoch 3 of a 3-epoch run, bit for bit.
  EXPECT_TRUE(same_bits(t.network().params(), three_epochs));
}

TEST(Engine, PlusEpochWhileRunningPausesAtTheEndOfTheCurrentEpoch) {
  Harness h(1.0);
  h.load();
  h.send("config slice_ms=0.001");
  h.send("train model=softmax&epochs=5&seed=3&side=14");
  for (int i = 0; i < 4; ++i) h.engine.run_slice();  // in epoch 1
  h.send("plus_epoch");
  h.run();
  const Message* paused = h.last("paused");
  ASSERT_NE(paused, nullptr);
  EXPECT_EQ(message_fields(*paused).get("reason"), "epoch");
  EXPECT_EQ(whole(*paused, "samples_seen"), 480);
  EXPECT_EQ(whole(*paused, "epoch"), 1);
  EXPECT_EQ(h.engine.trainer().history().size(), 1u);
  EXPECT_TRUE(h.engine.paused());
  // Paused at the start of epoch 2: +1 epoch again runs epoch 2 only.
  h.send("plus_epoch");
  h.run();
  EXPECT_EQ(h.engine.trainer().history().size(), 2u);
  EXPECT_EQ(whole(*h.last("paused"), "samples_seen"), 960);
}

// "Continue for k more epochs": 3 epochs, done, then plus_epoch count=2 is a 5-epoch run bit for
// bit (the model, its optimizer state and its shuffles go on), with epochs 1–3 as they were; the
// same through a pause on the way, and +2 asked for mid-run beyond the run's end.
TEST(Engine, ThreeEpochsContinuedByTwoEqualFiveEpochs) {
  Trainer five;
  const Vector reference = cli_weights(kMlp5, &five);
  Harness h(0.3);
  h.load();
  h.send("config slice_ms=2");
  h.send("train " + with_epochs(kMlp5, 3));
  h.run();
  ASSERT_EQ(h.engine.trainer().phase(), Phase::kDone);
  const std::vector<EpochRecord> first = h.engine.trainer().history();
  const std::vector<Message> ack = h.send("plus_epoch count=2");
  ASSERT_FALSE(ack.empty());
  EXPECT_EQ(message_type(ack[0]), "resumed");
  EXPECT_EQ(whole(ack[0], "epochs"), 5);
  for (int i = 0; i < 7; ++i) h.engine.run_slice();
  h.send("pause");
  h.send("resume");
  h.run();
  const Trainer& t = h.engine.trainer();
  ASSERT_EQ(t.phase(), Phase::kDone);
  EXPECT_TRUE(same_bits(t.network().params(), reference));
  ASSERT_EQ(t.history().size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(t.history()[i].train_loss, five.history()[i].train_loss) << i;
    EXPECT_EQ(t.history()[i].val_loss, five.history()[i].val_loss) << i;
  }
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(t.history()[i].val_acc, first[i].val_acc) << i;
  EXPECT_EQ(t.test_acc(), five.test_acc());
  EXPECT_EQ(h.of_type("done").size(), 2u);

  // Mid-run, in epoch 2 of 3: +3 epochs means "to the end of epoch 4": the run ends at 3, is
  // tested, grows to 4 and ends there (no pause at a run's end).
  Harness m(1.0);
  m.load();
  m.send("config slice_ms=0.001");
  m.send("train " + with_epochs(kMlp5, 3));
  for (int i = 0; i < 30; ++i) m.engine.run_slice();  // 24 minibatches + validation per epoch
  ASSERT_EQ(m.engine.trainer().epoch(), 1);
  m.collect();
  EXPECT_EQ(whole(m.send("plus_epoch count=3")[0], "epochs"), 4);
  m.run();
  ASSERT_EQ(m.engine.trainer().phase(), Phase::kDone);
  EXPECT_EQ(m.engine.trainer().epoch(), 4);
  EXPECT_TRUE(same_bits(m.engine.trainer().network().params(), cli_weights(with_epochs(kMlp5, 4))));
  // Mid-run within the run: +2 in epoch 2 of 5 pauses at the end of epoch 3.
  Harness p(1.0);
  p.load();
  p.send("config slice_ms=0.001");
  p.send("train " + std::string(kMlp5));
  for (int i = 0; i < 30; ++i) p.engine.run_slice();
  p.send("plus_epoch count=2");
  p.run();
  EXPECT_EQ(message_fields(*p.last("paused")).get("reason"), "epoch");
  EXPECT_EQ(p.engine.trainer().epoch(), 3);
  p.send("resume");
  p.run();
  EXPECT_TRUE(same_bits(p.engine.trainer().network().params(), reference));
  // Beyond the limit, or a bad count: refused, nothing changes.
  for (const char* bad : {"plus_epoch count=996", "plus_epoch count=0", "plus_epoch count=x"}) {
    const std::vector<Message> e = h.send(bad);
    ASSERT_EQ(e.size(), 1u) << bad;
    EXPECT_EQ(message_type(e[0]), "error") << bad;
    EXPECT_EQ(h.engine.trainer().phase(), Phase::kDone);
  }
  EXPECT_EQ(message_fields(h.events.back()).get("reason"), "bad_field");
}

// Watch spreads the run over about 10 s of the engine's clock (the worker sleeps wait_ms()
// between slices) with progress events about every 100 ms all along; the weights, history and
// test accuracy are Full's bit for bit. set_pace switches in the middle without changing them.
TEST(Engine, WatchPaceSpreadsTheRunOverTenSecondsWithTheSameWeights) {
  const Vector reference = cli_weights(kSoftmax);
  const auto timed_run = [](Harness& h, const std::string& train, int* waits) {
    h.load();
    h.send(train);
    const double start = h.clock.t;
    *waits = 0;
    for (long long i = 0; i < 1000000 && h.engine.has_work(); ++i) {
      const double wait = h.engine.wait_ms();
      EXPECT_GE(wait, 0);
      EXPECT_LE(wait, 100);
      if (wait > 0) {
        h.clock.t += wait;  // the worker's timer
        ++*waits;
      }
      h.engine.run_slice();
    }
    h.collect();
    return h.clock.t - start;
  };
  int full_waits = 0, watch_waits = 0;
  Harness full(0.01);
  const double full_ms = timed_run(full, std::string("train ") + kSoftmax, &full_waits);
  Harness watch(0.01);
  const double watch_ms =
      timed_run(watch, std::string("train ") + kSoftmax + "&pace=watch", &watch_waits);
  EXPECT_EQ(full_waits, 0);
  EXPECT_LT(full_ms, 1000);
  EXPECT_GT(watch_waits, 40);
  EXPECT_GT(watch_ms, 0.95 * kWatchRunMs);
  EXPECT_LT(watch_ms, 1.1 * kWatchRunMs);
  EXPECT_EQ(message_fields(*watch.of_type("started")[0]).get("pace"), "watch");
  // 45 minibatches 222 ms apart: a progress and a weights event after each (Full sends a few).
  EXPECT_GE(watch.of_type("progress").size(), 45u);
  EXPECT_GE(watch.of_type("weights").size(), 45u);
  EXPECT_LT(full.of_type("progress").size(), 20u);
  for (Harness* h : {&full, &watch}) {
    ASSERT_EQ(h->engine.trainer().phase(), Phase::kDone);
    EXPECT_TRUE(same_bits(h->engine.trainer().network().params(), reference));
  }
  EXPECT_EQ(watch.engine.trainer().test_acc(), full.engine.trainer().test_acc());
  // Pause holds a watched run: no step runs, wait_ms() asks for none.
  Harness paused(0.01);
  paused.load();
  paused.send(std::string("train ") + kSoftmax + "&pace=watch");
  for (int i = 0; i < 20; ++i) {
    paused.clock.t += paused.engine.wait_ms();
    paused.engine.run_slice();
  }
  ASSERT_EQ(paused.engine.trainer().phase(), Phase::kTraining);
  paused.send("pause");
  const long long at = paused.engine.trainer().samples_seen();
  EXPECT_GT(at, 0);
  paused.clock.t += 5000;
  EXPECT_FALSE(paused.engine.run_slice());
  EXPECT_EQ(paused.engine.wait_ms(), 0);
  EXPECT_EQ(paused.engine.trainer().samples_seen(), at);
  // Full from the middle on: the rest at full speed, the same weights.
  EXPECT_EQ(message_fields(paused.send("set_pace pace=full").back()).get("pace"), "full");
  paused.send("resume");
  int waits = 0;
  for (long long i = 0; i < 1000000 && paused.engine.has_work(); ++i) {
    waits += paused.engine.wait_ms() > 0;
    paused.engine.run_slice();
  }
  EXPECT_EQ(waits, 0);
  EXPECT_TRUE(same_bits(paused.engine.trainer().network().params(), reference));
  EXPECT_EQ(message_type(paused.send("set_pace pace=slow").back()), "error");
  EXPECT_EQ(paused.engine.pace(), Pace::kFull);
}

// A share below 1 (the page sets it while the user draws): wait_ms() asks for the rest of the
// time after each slice, so the engine computes about that share of the clock; the weights are
// Full's bit for bit, share 1 waits for nothing, and a share out of [0.1, 1] is refused.
TEST(Engine, AShareBelowOneLeavesTheRestOfTheTimeToThePage) {
  const Vector reference = cli_weights(kSoftmax);
  Harness h(0.01);
  h.load();
  EXPECT_EQ(message_fields(h.send("config slice_ms=0.05&share=0.25").back()).get("share"), "0.25");
  h.send(std::string("train ") + kSoftmax);
  double waited = 0;
  const double start = h.clock.t;
  for (long long i = 0; i < 1000000 && h.engine.has_work(); ++i) {
    h.engine.run_slice();
    const double wait = h.engine.wait_ms();
    EXPECT_LE(wait, 100);
    if (h.engine.has_work()) {
      EXPECT_GT(wait, 0);
    }
    h.clock.t += wait;  // the worker's timer
    waited += wait;
  }
  const double total = h.clock.t - start;
  EXPECT_NEAR(waited / total, 0.75, 0.1) << total;
  EXPECT_EQ(h.engine.wait_ms(), 0);  // no work: nothing to wait for
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), reference));
  h.send("config share=1");
  h.send(std::string("train ") + kSoftmax);
  h.engine.run_slice();
  EXPECT_EQ(h.engine.wait_ms(), 0);
  for (const char* bad : {"0.05", "1.5", "x", "0"}) {
    EXPECT_EQ(message_type(h.send(std::string("config share=") + bad).back()), "error") << bad;
  }
  EXPECT_EQ(h.engine.share(), 1);
}

TEST(Engine, DivergesAtLr100AndContinuesWithASmallerRate) {
  Harness h;
  h.load();
  h.send("train model=softmax&opt=rmsprop&lr=100&epochs=20&seed=1&side=14");
  h.run();
  const Message* diverged = h.last("diverged");
  ASSERT_NE(diverged, nullptr);
  EXPECT_EQ(h.engine.trainer().phase(), Phase::kDiverged);
  EXPECT_GE(whole(*diverged, "epoch"), 1);
  EXPECT_GE(whole(*diverged, "batch"), 1);
  EXPECT_LE(whole(*diverged, "batch"), 15);
  EXPECT_EQ(number(*diverged, "lr"), 100.0f);
  EXPECT_EQ(number(*diverged, "suggested_lr"), 1e-3f);
  // The trainer's reason, as a code with parameters: where it stopped agrees with the event's own.
  Status why;
  ASSERT_TRUE(read_status(message_fields(*diverged), &why)) << diverged->text;
  EXPECT_EQ(why.code, ErrorCode::kDiverged);
  EXPECT_NE(why.why, ErrorCode::kNone);
  ASSERT_EQ(why.params.size(), 3u);
  EXPECT_EQ(why.params[0], std::to_string(whole(*diverged, "epoch")));
  EXPECT_EQ(why.params[1], std::to_string(whole(*diverged, "batch")));
  // The weights event after it carries the restored (last good) weights.
  const Message& after = h.events.back();
  EXPECT_EQ(message_type(after), "weights");
  EXPECT_TRUE(same_bits(payload_floats(after), h.engine.trainer().network().params()));
  EXPECT_FALSE(h.engine.has_work());
  // Plus-epoch and eval_test are refused while diverged.
  EXPECT_EQ(message_fields(h.send("plus_epoch").back()).get("reason"), "diverged");

  const std::vector<Message> cont = h.send("continue lr=0.001");
  ASSERT_FALSE(cont.empty());
  EXPECT_EQ(message_type(cont[0]), "continued");
  EXPECT_EQ(number(cont[0], "lr"), 0.001f);
  h.run();
  EXPECT_EQ(h.engine.trainer().phase(), Phase::kDone);
  EXPECT_EQ(h.engine.trainer().history().size(), 20u);
}

// 7×7 data (issue 14 §3) sits beside 14×14: a run at side=7 reads it and gives the CLI's weights;
// a bundle whose side contradicts the command's is refused; cross-validation runs on it too.
TEST(Engine, SevenBySevenDataTrainsBesideFourteen) {
  Harness h;
  h.load();
  const Dataset d7 = toy_dataset(400, 100, 9, 7);
  const std::vector<Message> loaded = h.send("load_data side=7", write_bundle(d7, 8));
  ASSERT_EQ(loaded.size(), 1u);
  ASSERT_EQ(message_type(loaded[0]), "data_loaded") << loaded[0].text;
  EXPECT_EQ(message_fields(loaded[0]).get("side"), "7");
  ASSERT_NE(h.engine.data(7), nullptr);
  ASSERT_NE(h.engine.data(14), nullptr);
  EXPECT_EQ(h.engine.data(28), nullptr);
  const std::vector<Message> wrong = h.send("load_data side=7", bundle());
  ASSERT_EQ(message_type(wrong.at(0)), "error");
  EXPECT_EQ(message_fields(wrong[0]).get("field"), "side");
  EXPECT_EQ(h.engine.data(7)->train_count(), 400) << "the 7×7 data stays";

  const char* const settings = "model=softmax&opt=rmsprop&lr=0.001&batch=32&epochs=2&seed=7&side=7";
  h.send(std::string("train ") + settings);
  h.run();
  ASSERT_EQ(h.engine.trainer().phase(), Phase::kDone);
  const Message* started = h.last("started");
  ASSERT_NE(started, nullptr);
  EXPECT_EQ(message_fields(*started).get("side"), "7");
  EXPECT_EQ(whole(*started, "params"), 7 * 7 * 10 + 10);
  Settings s;
  ASSERT_TRUE(parse_settings(settings, &s).ok());
  Dataset parsed;
  ASSERT_TRUE(parse_bundle(write_bundle(d7, 8).data(), write_bundle(d7, 8).size(), &parsed));
  Trainer cli;
  ASSERT_TRUE(static_cast<bool>(cli.start(parsed, to_train_config(s))));
  while (cli.busy()) cli.step();
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), cli.network().params()));

  h.send("reset");
  h.send("cv side=7&folds=2&seed=3");
  h.run();
  const Message* cv = h.last("cv_done");
  ASSERT_NE(cv, nullptr);
  EXPECT_EQ(message_fields(*cv).get("side"), "7");
}

TEST(Engine, ExportMatchesTheCliSaveAndImportRoundTripsBitwise) {
  Harness h;
  h.load();
  h.send(std::string("train ") + kMlp);
  h.run();
  const std::vector<Message> out = h.send("export");
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(message_type(out[0]), "exported");
  const std::vector<uint8_t> file = out[0].payload;
  EXPECT_EQ(whole(out[0], "bytes"), static_cast<long long>(file.size()));
  EXPECT_EQ(message_fields(out[0]).get("model"), "mlp");

  // `fmnist train --save`: the CLI's SavedModel from its own run of the same settings.
  Trainer cli;
  Settings s;
  parse_settings(kMlp, &s);
  cli_weights(kMlp, &cli);
  const SavedModel cli_model{cli.network().arch(), 14, to_train_config(s),
                             cli.history().back().val_acc, cli.network().params(),
                             default_class_names(), cli.history(), cli.curve(kMaxSavedCurve)};
  EXPECT_EQ(save_model(cli_model), file);

  // Import into a fresh engine: validation and test run again, then export gives the same bytes.
  Harness g;
  g.load();
  const std::vector<Message> imported = g.send("import", file);
  ASSERT_GE(imported.size(), 2u);
  EXPECT_EQ(message_type(imported[0]), "imported");
  EXPECT_EQ(message_fields(imported[0]).get("hidden"), "24,12");
  EXPECT_EQ(number(imported[0], "saved_val_acc"), cli.history().back().val_acc);
  EXPECT_EQ(message_type(imported[1]), "weights");
  EXPECT_TRUE(same_bits(payload_floats(imported[1]), cli.network().params()));
  g.run();
  ASSERT_EQ(g.engine.trainer().phase(), Phase::kDone);
  EXPECT_EQ(g.of_type("confusion").size(), 1u);
  EXPECT_EQ(g.of_type("epoch").size(), 0u);
  EXPECT_EQ(number(*g.last("done"), "test_acc"), cli.test_acc());
  EXPECT_EQ(g.send("export").back().payload, file);
}

// A model file carries its run's history and class names: importing it says them (imported's
// names and history_* lists), +1 epoch trains epoch N+1 (the progress curve's x past N), and the
// next export has N+1 epochs and the same names, also on data whose names differ.
TEST(Engine, ImportedHistoryAndNamesGoOnWithPlusEpoch) {
  Harness h;
  h.load();
  h.send(std::string("train ") + with_epochs(kMlp, 2));
  h.run();
  SavedModel m;
  const std::vector<uint8_t> own = h.send("export").back().payload;
  ASSERT_TRUE(load_model(own.data(), own.size(), &m));
  ASSERT_EQ(m.history.size(), 2u);
  m.class_names = digit_class_names();  // a model of a user's classes, on Fashion-MNIST's data
  for (const std::vector<uint8_t>& file : {save_model(m), save_safetensors(m)}) {
    Harness g;
    g.load();
    const std::vector<Message> imported = g.send("import", file);
    ASSERT_FALSE(imported.empty());
    ASSERT_EQ(message_type(imported[0]), "imported");
    const FieldReader f = message_fields(imported[0]);
    EXPECT_EQ(f.get_list("names"), std::vector<std::string>(digit_class_names().begin(), digit_class_names().end()));
    ASSERT_EQ(f.get_list("history_val_acc").size(), 2u);
    float v = 0;
    ASSERT_TRUE(parse_float(f.get_list("history_val_acc")[1], &v));
    EXPECT_EQ(v, m.history[1].val_acc);
    g.run();
    EXPECT_EQ(g.engine.trainer().epoch(), 2);
    EXPECT_EQ(g.of_type("epoch").size(), 0u);
    // The file's per-batch curve comes in the first progress event, for the plots.
    const std::vector<float> sent = bytes_to_floats(g.of_type("progress").front()->payload);
    ASSERT_EQ(sent.size(), 3 * m.curve.size());
    ASSERT_FALSE(m.curve.empty());
    EXPECT_EQ(sent[sent.size() - 3], 2.0f);
    EXPECT_EQ(sent[1], m.curve[0].loss);
    const size_t progress_before = g.of_type("progress").size();
    g.send("plus_epoch");
    g.run();
    const std::vector<const Message*> epochs = g.of_type("epoch");
    ASSERT_EQ(epochs.size(), 1u);
    EXPECT_EQ(whole(*epochs[0], "epoch"), 3);
    float first_x = 1e9f, last_x = 0;
    const std::vector<const Message*> progress = g.of_type("progress");
    for (size_t k = progress_before; k < progress.size(); ++k) {
      const Message* p = progress[k];
      const std::vector<float> pts = bytes_to_floats(p->payload);
      for (size_t i = 0; i + 2 < pts.size(); i += 3) first_x = std::min(first_x, pts[i]), last_x = std::max(last_x, pts[i]);
    }
    EXPECT_GT(first_x, 2.0f);
    EXPECT_FLOAT_EQ(last_x, 3.0f);
    EXPECT_EQ(whole(*g.last("done"), "epoch"), 3);
    SavedModel again;
    const std::vector<uint8_t> out = g.send("export").back().payload;
    ASSERT_TRUE(load_model(out.data(), out.size(), &again));
    ASSERT_EQ(again.history.size(), 3u);
    EXPECT_EQ(again.history[0].val_loss, m.history[0].val_loss);
    EXPECT_EQ(again.history[1].val_acc, m.history[1].val_acc);
    EXPECT_EQ(again.class_names, digit_class_names());
    EXPECT_EQ(again.config.epochs, 3);
    ASSERT_GT(again.curve.size(), m.curve.size());
    EXPECT_EQ(again.curve[0].loss, m.curve[0].loss);
    EXPECT_EQ(again.curve.back().x, 3.0f);
  }
  // A run trained here takes its data's names again.
  Harness g;
  g.load();
  g.send("import", save_model(m));
  g.run();
  const std::vector<Message> started = g.send(std::string("train ") + kSoftmax);
  EXPECT_EQ(message_fields(started[0]).get_list("names")[0], default_class_names()[0]);
}

// export format=safetensors gives the core's safetensors of the same model; imported into a fresh
// engine it is the same model (the own export is the same bytes); a bad one is refused with the
// reason and the model in use stays.
TEST(Engine, ExportsAndImportsSafetensors) {
  Harness h;
  h.load();
  h.send(std::string("train ") + kMlp);
  h.run();
  const std::vector<uint8_t> own = h.send("export").back().payload;
  const std::vector<Message> out = h.send("export format=safetensors");
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(message_type(out[0]), "exported");
  EXPECT_EQ(message_fields(out[0]).get("format"), "safetensors");
  const std::vector<uint8_t> st = out[0].payload;
  EXPECT_EQ(whole(out[0], "bytes"), static_cast<long long>(st.size()));
  SavedModel m;
  ASSERT_TRUE(load_model(own.data(), own.size(), &m));
  EXPECT_EQ(st, save_safetensors(m));
  EXPECT_EQ(message_fields(h.send("export format=onnx").back()).get("reason"), "bad_field");

  Harness g;
  g.load();
  const std::vector<Message> imported = g.send("import", st);
  ASSERT_GE(imported.size(), 2u);
  EXPECT_EQ(message_type(imported[0]), "imported");
  g.run();
  EXPECT_EQ(g.send("export").back().payload, own);
  std::vector<uint8_t> bad = st;
  bad.resize(bad.size() - 1);
  const std::vector<Message> refused = g.send("import", bad);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(message_type(refused[0]), "error");
  Status why;
  ASSERT_TRUE(read_status(message_fields(refused[0]), &why));
  EXPECT_EQ(why.code, ErrorCode::kStDataShort);
  EXPECT_EQ(g.send("export").back().payload, own);
}

TEST(Engine, CrossValidationReportsProgressAndTheSameScoresAsTheCore) {
  CrossValidation reference;
  ASSERT_TRUE(static_cast<bool>(reference.start(bundle_data())));
  reference.run();

  Harness h(0.05);
  h.load();
  const std::vector<Message> first = h.send("cv side=14");
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(message_type(first[0]), "cv_progress");
  EXPECT_EQ(whole(first[0], "folds"), 5);
  h.run();
  EXPECT_GE(h.of_type("cv_progress").size(), 5u);  // at least one per finished fold
  const Message* done = h.last("cv_done");
  ASSERT_NE(done, nullptr);
  const FieldReader f = message_fields(*done);
  std::vector<std::string> expected;
  for (double x : reference.fold_scores()) expected.push_back(format_double(x));
  EXPECT_EQ(f.get_list("scores"), expected);
  double mean = 0;
  ASSERT_TRUE(f.get_double("mean", &mean));
  EXPECT_EQ(mean, reference.mean());
  double compute = 0;
  ASSERT_TRUE(f.get_double("compute_s", &compute));
  EXPECT_GT(compute, 0);
  // Folds' scores appear in the progress events as they finish.
  EXPECT_EQ(message_fields(*h.of_type("cv_progress").back()).get_list("scores").size(), 4u);

  // Cancelled half-way: no cv_done, no work left.
  Harness c(0.05);
  c.load();
  c.send("config slice_ms=0.01");
  c.send("cv side=14&folds=3&seed=9");
  c.engine.run_slice();
  EXPECT_EQ(message_type(c.send("cancel_cv").back()), "cv_cancelled");
  EXPECT_FALSE(c.engine.has_work());
  c.run();
  EXPECT_EQ(c.last("cv_done"), nullptr);
}

TEST(Engine, CrossValidationAndARunShareTheSlices) {
  const Vector reference = cli_weights(kSoftmax);
  Harness h(0.05);
  h.load();
  h.send(std::string("train ") + kSoftmax);
  h.send("cv side=14&folds=2");
  h.run();
  EXPECT_NE(h.last("cv_done"), nullptr);
  EXPECT_NE(h.last("done"), nullptr);
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), reference));
}

// Each refused command answers one error naming the command and the reason, and changes nothing.
TEST(Engine, RefusedCommandsAnswerAnErrorAndChangeNothing) {
  Harness h(1.0);
  struct Case {
    std::string text;
    std::vector<uint8_t> payload;
    const char* command;
    const char* reason;
  };
  const auto expect_refused = [&h](const Case& c) {
    const long long samples = h.engine.trainer().samples_seen();
    const Phase phase = h.engine.trainer().phase();
    const Vector w =
        h.engine.trainer().has_model() ? h.engine.trainer().network().params() : Vector();
    const bool work = h.engine.has_work();
    const double slice = h.engine.slice_ms();
    const std::vector<Message> e = h.send(c.text, c.payload);
    ASSERT_EQ(e.size(), 1u) << c.text;
    EXPECT_EQ(message_type(e[0]), "error") << c.text;
    const FieldReader f = message_fields(e[0]);
    EXPECT_EQ(f.get("command"), c.command) << c.text;
    EXPECT_EQ(f.get("reason"), c.reason) << c.text << " → " << e[0].text;
    EXPECT_EQ(h.engine.trainer().samples_seen(), samples) << c.text;
    EXPECT_EQ(h.engine.trainer().phase(), phase) << c.text;
    if (h.engine.trainer().has_model()) {
      EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), w)) << c.text;
    }
    EXPECT_EQ(h.engine.has_work(), work) << c.text;
    EXPECT_EQ(h.engine.slice_ms(), slice) << c.text;
  };
  const std::vector<uint8_t> junk = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  // Before any data.
  for (const Case& c : std::vector<Case>{
           {"bogus x=1", {}, "bogus", "unknown_command"},
           {"train side=14", {}, "train", "no_data"},
           {"cv side=14", {}, "cv", "no_data"},
           {"load_data side=14", {}, "load_data", "no_payload"},
           {"load_data side=14", junk, "load_data", "status"},
           {"load_data side=15", bundle(), "load_data", "bad_field"},
           {"load_data side=28", bundle(), "load_data", "bad_field"},  // the bundle is 14×14
           {"plus_epoch", {}, "plus_epoch", "no_model"},
           {"export", {}, "export", "no_model"},
           {"pause", {}, "pause", "not_running"},
           {"resume", {}, "resume", "not_running"},
           {"continue", {}, "continue", "not_diverged"},
           {"eval_test", {}, "eval_test", "not_done"},
           {"set_lr lr=0.01", {}, "set_lr", "no_model"},
           {"import", {}, "import", "no_payload"},
           {"import", junk, "import", "status"},
           {"config slice_ms=0", {}, "config", "bad_field"},
           {"config slice_ms=2000", {}, "config", "bad_field"},
           {"config slice_ms=5&snapshot_ms=-1", {}, "config", "bad_field"},
       }) {
    expect_refused(c);
  }
  EXPECT_EQ(h.engine.data(14), nullptr);
  h.load();
  // With data, during a run.
  h.send("config slice_ms=0.001");
  h.send(std::string("train ") + kSoftmax);
  for (int i = 0; i < 5; ++i) h.engine.run_slice();
  h.collect();
  const std::vector<uint8_t> other_side_model = [] {
    SavedModel m;
    m.side = 28;
    m.arch.inputs = 784;
    m.params = Vector::Zero(m.arch.param_count());
    return save_model(m);
  }();
  for (const Case& c : std::vector<Case>{
           {"train lr=abc&seed=-4&colour=red", {}, "train", "settings"},
           {"train batch=481", {}, "train", "status"},  // more than the 480 training images
           {"train side=28", {}, "train", "no_data"},
           {"set_lr lr=0", {}, "set_lr", "bad_field"},
           {"set_lr lr=1001", {}, "set_lr", "bad_field"},
           {"set_lr", {}, "set_lr", "bad_field"},
           {"continue lr=0.1", {}, "continue", "not_diverged"},
           {"continue lr=x", {}, "continue", "bad_field"},
           {"eval_test", {}, "eval_test", "not_done"},
           {"cv side=20", {}, "cv", "bad_field"},
           {"cv", {}, "cv", "bad_field"},
           {"cv side=14&folds=1", {}, "cv", "bad_field"},
           {"cv side=14&seed=9007199254740992", {}, "cv", "bad_field"},
           {"cv side=28", {}, "cv", "no_data"},
           {"load_data side=14", bundle(), "load_data", "data_in_use"},
           {"import", other_side_model, "import", "no_data"},
       }) {
    expect_refused(c);
  }
  // The settings refusal lists every bad key with its value and rule.
  h.send("train lr=abc&seed=-4&colour=red");
  const FieldReader settings_error = message_fields(*h.last("error"));
  EXPECT_EQ(settings_error.get_list("keys"), (std::vector<std::string>{"lr", "seed", "colour"}));
  EXPECT_EQ(settings_error.get_list("values"), (std::vector<std::string>{"abc", "-4", "red"}));
  EXPECT_EQ(settings_error.get_list("rules"),
            (std::vector<std::string>{"number", "whole", "unknown_key"}));
  // A core refusal is its code and parameters.
  h.send("train batch=481");
  Status refusal;
  ASSERT_TRUE(read_status(message_fields(*h.last("error")), &refusal)) << h.last("error")->text;
  EXPECT_EQ(refusal.code, ErrorCode::kBatchSize);
  EXPECT_EQ(refusal.params, (std::vector<std::string>{"480", "481"}));
  // After all that, the run goes on to the CLI's weights.
  h.run();
  EXPECT_TRUE(same_bits(h.engine.trainer().network().params(), cli_weights(kSoftmax)));
  // Reset drops it; the data stays loaded and can be replaced now that nothing uses it.
  EXPECT_EQ(message_type(h.send("reset").back()), "reset");
  EXPECT_FALSE(h.engine.trainer().has_model());
  EXPECT_EQ(message_type(h.send("load_data side=14", bundle()).back()), "data_loaded");
}

TEST(Engine, ProgressAndWeightsAreThrottledByTheInjectedClock) {
  // 0.01 ms per clock reading: one epoch's ~15 minibatches + validation take well under 100 ms
  // of engine time, so besides the events at phase changes there is no timed progress.
  Harness fast(0.001);
  fast.load();
  fast.send("train model=softmax&epochs=1&seed=2&side=14");
  fast.run();
  const size_t fast_progress = fast.of_type("progress").size();
  const size_t fast_weights = fast.of_type("weights").size();
  // A slow clock (50 ms a reading) has a progress and weights event after nearly every step.
  Harness slow(50.0);
  slow.load();
  slow.send("train model=softmax&epochs=1&seed=2&side=14");
  slow.run();
  EXPECT_GT(slow.of_type("progress").size(), fast_progress + 8);
  EXPECT_GT(slow.of_type("weights").size(), fast_weights + 8);
  // Throttles can be set.
  Harness quiet(50.0);
  quiet.load();
  EXPECT_EQ(message_type(quiet.send("config snapshot_ms=60000&progress_ms=60000").back()),
            "config");
  quiet.send("train model=softmax&epochs=1&seed=2&side=14");
  quiet.run();
  EXPECT_LE(quiet.of_type("weights").size(), fast_weights);
  // The same weights either way.
  EXPECT_TRUE(same_bits(fast.engine.trainer().network().params(),
                        slow.engine.trainer().network().params()));
}

TEST(Engine, ASinkReceivesEventsAsTheyHappen) {
  double t = 0;
  std::vector<std::string> seen;
  Engine e([&t] { return t += 0.01; }, [&seen](Message&& m) { seen.push_back(m.text); });
  e.handle(command("load_data", bundle()));
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].rfind("data_loaded side=14&train=600&test=200", 0), 0u);
  e.handle(command("train epochs=1&side=14"));
  while (e.run_slice()) {
  }
  EXPECT_TRUE(e.take_events().empty());
  EXPECT_EQ(seen.back().rfind("done ", 0), 0u);
}

}  // namespace
}  // namespace fm
