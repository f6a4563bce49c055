// The engine's correct / undo_correction commands (protocol.h, issue 14 §1), through messages as
// the page sends them: refused while a run trains (nothing changes), applied when paused or done
// with progress, a `corrected` event and the new weights; undo gives back the weights from before.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/rng.h"
#include "engine/engine.h"
#include "toy_dataset.h"

namespace fm {
namespace {

struct Harness {
  double t = 0;
  Engine engine{[this] { return t += 0.01; }};
  std::vector<Message> events;

  std::vector<Message> send(const std::string& text, std::vector<uint8_t> payload = {}) {
    engine.handle(Message{text, std::move(payload)});
    std::vector<Message> fresh = engine.take_events();
    events.insert(events.end(), fresh.begin(), fresh.end());
    return fresh;
  }
  void run() {
    for (int i = 0; i < 1000000 && engine.has_work(); ++i) engine.run_slice();
    std::vector<Message> fresh = engine.take_events();
    events.insert(events.end(), fresh.begin(), fresh.end());
  }
  const Message* last(std::string_view type) const {
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
      if (message_type(*it) == type) return &*it;
    }
    return nullptr;
  }
};

// Class 3's pattern, which a model of this data reads as 3.
std::vector<uint8_t> sketch_of_three() {
  std::vector<float> px(196, 0.0f);
  for (int p = 3; p < 196; p += 10) px[static_cast<size_t>(p)] = 1.0f;
  return float_bytes(px.data(), px.size());
}

std::string reason_of(const std::vector<Message>& e) {
  return e.size() == 1 && message_type(e[0]) == "error" ? message_fields(e[0]).get("reason")
                                                         : "(no error)";
}

TEST(EngineCorrection, RefusedWhileTrainingAppliedWhenPausedOrDone) {
  Harness h;
  h.send("load_data side=14", write_bundle(toy_dataset(600, 200, 5), 8));
  EXPECT_EQ(reason_of(h.send("correct labels=7", sketch_of_three())), "no_model");
  h.send("config slice_ms=0.05");  // a few steps a slice: the run is still going after three
  h.send("train model=softmax&epochs=2&batch=32&seed=3&side=14");
  while (h.engine.trainer().batch_in_epoch() < 3) h.engine.run_slice();  // a few minibatches in
  h.send("config slice_ms=15");
  const Vector mid = h.engine.trainer().network().params();
  EXPECT_EQ(reason_of(h.send("correct labels=7", sketch_of_three())), "training");
  EXPECT_EQ(h.engine.trainer().network().params(), mid);  // nothing changed
  h.send("pause");
  EXPECT_EQ(reason_of(h.send("correct labels=12", sketch_of_three())), "status");
  EXPECT_EQ(reason_of(h.send("correct labels=7", std::vector<uint8_t>(8))), "status");
  EXPECT_EQ(reason_of(h.send("undo_correction")), "nothing_to_undo");
  // Paused mid-run: applies, and resume waits for it.
  const std::vector<Message> e = h.send("correct labels=7&steps=30", sketch_of_three());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(message_type(e[0]), "correct_progress");
  EXPECT_TRUE(h.engine.correcting());
  EXPECT_EQ(reason_of(h.send("resume")), "correcting");
  EXPECT_EQ(reason_of(h.send("correct labels=7", sketch_of_three())), "correcting");
  h.run();
  const Message* done = h.last("corrected");
  ASSERT_NE(done, nullptr);
  const FieldReader f = message_fields(*done);
  EXPECT_EQ(f.get("steps"), "30");
  EXPECT_EQ(f.get("corrections"), "1");
  EXPECT_EQ(message_type(h.events.back()), "weights");
  EXPECT_EQ(h.engine.corrections(), 1);
  EXPECT_FALSE(h.engine.trainer().network().params() == mid);
  // Undo: the weights from before, bit for bit.
  h.send("undo_correction");
  EXPECT_EQ(h.engine.trainer().network().params(), mid);
  EXPECT_EQ(h.engine.corrections(), 0);
  EXPECT_NE(h.last("correction_undone"), nullptr);
  EXPECT_EQ(reason_of(h.send("undo_correction")), "nothing_to_undo");
  // The run goes on to its end, then a correction of the finished model applies too.
  h.send("resume");
  h.run();
  EXPECT_EQ(h.engine.trainer().phase(), Phase::kDone);
  h.send("correct labels=3,7&steps=20", [] {
    std::vector<uint8_t> two = sketch_of_three();
    const std::vector<uint8_t> one = sketch_of_three();
    two.insert(two.end(), one.begin(), one.end());
    return two;
  }());
  h.run();
  EXPECT_EQ(h.engine.corrections(), 1);
  EXPECT_FLOAT_EQ(h.engine.trainer().val_acc(),
                  std::stof(message_fields(*h.last("corrected")).get("val_after")));
  // A new run drops what there was to undo.
  h.send("train model=softmax&epochs=1&seed=3&side=14");
  EXPECT_EQ(h.engine.corrections(), 0);
  EXPECT_EQ(reason_of(h.send("undo_correction")), "nothing_to_undo");
}

}  // namespace
}  // namespace fm
