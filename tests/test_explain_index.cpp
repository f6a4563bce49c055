// The engine's explanation index (issue 13 §2, §3) through the protocol: a map event after each
// epoch (one labelled point per validation image, turned to the previous epoch's), and
// neighbours answers: a training image is its own nearest neighbour by pixels (softmax), an
// MLP's neighbours of validation images mostly share their class, a CNN's come from the
// validation set; before any epoch the answer says there is no index. Training's weights are
// the same with the index built between slices (it works on a copy).
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/projection.h"
#include "core/rng.h"
#include "engine/engine.h"
#include "toy_dataset.h"

namespace fm {
namespace {

struct IndexRun {
  double t = 0;
  Engine engine{[this] { return t += 0.01; }};
  std::vector<Message> events;
  Dataset data;

  IndexRun() {
    const std::vector<uint8_t> bytes = write_bundle(toy_dataset(1000, 50, 5), 8);
    EXPECT_TRUE(static_cast<bool>(parse_bundle(bytes.data(), bytes.size(), &data)));
    send("load_data side=14", bytes);
    send("config explain=1");
  }
  void send(const std::string& text, std::vector<uint8_t> payload = {}) {
    engine.handle(Message{text, std::move(payload)});
    for (Message& m : engine.take_events()) events.push_back(std::move(m));
  }
  void finish() {
    while (engine.has_work()) engine.run_slice();
    for (Message& m : engine.take_events()) events.push_back(std::move(m));
  }
  std::vector<const Message*> of(std::string_view type) const {
    std::vector<const Message*> out;
    for (const Message& m : events) {
      if (message_type(m) == type) out.push_back(&m);
    }
    return out;
  }
  // The neighbours answer for training image `index`'s pixels.
  FieldReader ask(int index) {
    std::vector<float> x(static_cast<size_t>(data.pixels()));
    for (size_t p = 0; p < x.size(); ++p) x[p] = data.train_image(index)[p] / 255.0f;
    send("neighbours id=" + std::to_string(index), float_bytes(x.data(), x.size()));
    return message_fields(*of("neighbours").back());
  }
};

std::vector<int> ints(const FieldReader& f, const char* key) {
  std::vector<int> out;
  for (const std::string& s : f.get_list(key)) out.push_back(std::stoi(s));
  return out;
}

TEST(ExplainIndex, SoftmaxMapsEachEpochAndFindsATrainingImageItself) {
  IndexRun r;
  r.send("neighbours id=1", float_bytes(std::vector<float>(196, 0.0f).data(), 196));
  EXPECT_EQ(message_fields(*r.of("neighbours").back()).get("epoch"), "-1");
  r.send("train model=softmax&opt=adam&lr=0.01&batch=32&epochs=2&seed=3&side=14");
  r.finish();
  const std::vector<const Message*> maps = r.of("map");
  ASSERT_EQ(maps.size(), 2u);
  std::vector<int32_t> val = bytes_to_int32(r.of("started")[0]->payload);
  for (size_t e = 0; e < maps.size(); ++e) {
    const FieldReader f = message_fields(*maps[e]);
    EXPECT_EQ(f.get("epoch"), std::to_string(e + 1));
    EXPECT_EQ(f.get("space"), "logits");
    EXPECT_EQ(f.get("neighbour_space"), "pixels");
    EXPECT_EQ(f.get("neighbour_set"), "train");
    const std::vector<float> rows = bytes_to_floats(maps[e]->payload);
    ASSERT_EQ(rows.size(), 3 * val.size());
    EXPECT_EQ(f.get("count"), std::to_string(val.size()));
    for (size_t i = 0; i < val.size(); ++i) EXPECT_EQ(rows[3 * i + 2], r.data.train_labels[static_cast<size_t>(val[i])]);
  }
  // Epoch 2's map is turned to epoch 1's: no axis flipped (their points correlate positively).
  const std::vector<float> a = bytes_to_floats(maps[0]->payload), b = bytes_to_floats(maps[1]->payload);
  double dot_x = 0, dot_y = 0;
  for (size_t i = 0; i < val.size(); ++i) {
    dot_x += double(a[3 * i]) * b[3 * i];
    dot_y += double(a[3 * i + 1]) * b[3 * i + 1];
  }
  EXPECT_GT(dot_x, 0);
  EXPECT_GT(dot_y, 0);
  // A training (not validation) image's own pixels: itself, at distance 0.
  const std::vector<int32_t> train = [&] {
    std::vector<bool> is_val(1000, false);
    for (int32_t v : val) is_val[static_cast<size_t>(v)] = true;
    std::vector<int32_t> t;
    for (int32_t i = 0; i < 1000; ++i) if (!is_val[static_cast<size_t>(i)]) t.push_back(i);
    return t;
  }();
  const FieldReader f = r.ask(train[5]);
  EXPECT_EQ(f.get("epoch"), "2");
  EXPECT_EQ(f.get("set"), "train");
  const std::vector<int> idx = ints(f, "indices");
  ASSERT_EQ(idx.size(), 8u);
  EXPECT_EQ(idx[0], train[5]);
  EXPECT_EQ(std::stof(f.get_list("distances")[0]), 0.0f);
}

TEST(ExplainIndex, MlpNeighboursShareTheClassAndTheMapSeparatesIt) {
  IndexRun r;
  r.send("train model=mlp&hidden=32&opt=adam&lr=0.005&batch=32&epochs=3&seed=3&side=14");
  r.finish();
  ASSERT_EQ(r.of("map").size(), 3u);
  const Message map = *r.of("map").back();  // a copy: ask() grows the event list
  EXPECT_EQ(message_fields(map).get("space"), "hidden");
  EXPECT_EQ(message_fields(map).get("dim"), "32");
  const std::vector<int32_t> val = bytes_to_int32(r.of("started")[0]->payload);
  int same = 0, total = 0;
  for (size_t i = 0; i < 20; ++i) {
    const FieldReader f = r.ask(val[i]);
    EXPECT_EQ(f.get("set"), "train");
    for (int label : ints(f, "labels")) same += label == r.data.train_labels[static_cast<size_t>(val[i])], ++total;
  }
  EXPECT_GT(same, total * 8 / 10) << same << " of " << total;
  // The validation image's own dot: the query's point is where the map put it.
  const std::vector<float> rows = bytes_to_floats(map.payload);
  const FieldReader f = r.ask(val[0]);
  float x = 0, y = 0;
  ASSERT_TRUE(f.get_float("x", &x) && f.get_float("y", &y));
  EXPECT_NEAR(x, rows[0], 1e-3f * (1 + std::fabs(rows[0])));
  EXPECT_NEAR(y, rows[1], 1e-3f * (1 + std::fabs(rows[1])));
  std::vector<float> xy;
  std::vector<uint8_t> labels;
  for (size_t i = 0; i < rows.size(); i += 3) {
    xy.insert(xy.end(), {rows[i], rows[i + 1]});
    labels.push_back(static_cast<uint8_t>(rows[i + 2]));
  }
  EXPECT_GT(mean_silhouette(xy.data(), labels.data(), labels.size()), 0.2);
}

TEST(ExplainIndex, CnnNeighboursComeFromTheValidationSet) {
  IndexRun r;
  r.send("train model=cnn-small&opt=adam&lr=0.005&batch=32&epochs=1&seed=3&side=14");
  r.finish();
  ASSERT_EQ(r.of("map").size(), 1u);
  EXPECT_EQ(message_fields(*r.of("map")[0]).get("neighbour_set"), "val");
  const std::vector<int32_t> val = bytes_to_int32(r.of("started")[0]->payload);
  const FieldReader f = r.ask(val[3]);
  EXPECT_EQ(f.get("set"), "val");
  EXPECT_EQ(ints(f, "indices")[0], val[3]);  // itself, at distance 0
  r.send("reset");
  r.ask(val[3]);
  EXPECT_EQ(message_fields(*r.of("neighbours").back()).get("epoch"), "-1");
}

}  // namespace
}  // namespace fm
