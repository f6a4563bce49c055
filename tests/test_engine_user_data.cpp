// The engine's user_data_* commands, as the page sends them: a user's CSV files in chunks of any
// size become the data set of both input sizes (with its class names), replacing the one in use;
// a refused row drops only the data set on its way in.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/bundle.h"
#include "core/rng.h"
#include "engine/engine.h"

namespace fm {
namespace {

// `count` rows of Kaggle's CSV form: label i % 10, pixel p = (p + 7·i) % 256.
std::string csv(int count) {
  std::string s = "label";
  for (int p = 1; p <= 784; ++p) s += ",pixel" + std::to_string(p);
  s += "\r\n";
  for (int i = 0; i < count; ++i) {
    s += std::to_string(i % 10);
    for (int p = 0; p < 784; ++p) s += "," + std::to_string((p + 7 * i) % 256);
    s += "\r\n";
  }
  return s;
}

std::vector<uint8_t> bytes(const std::string& s) { return std::vector<uint8_t>(s.begin(), s.end()); }

struct Harness {
  double t = 0;
  Engine engine{[this] { return t += 0.01; }};
  std::vector<Message> send(const std::string& text, std::vector<uint8_t> payload = {}) {
    engine.handle(Message{text, std::move(payload)});
    return engine.take_events();
  }
  // Sends `text` in chunks of `chunk` bytes; every chunk must be answered by progress.
  void feed(const std::string& text, size_t chunk) {
    for (size_t at = 0; at < text.size(); at += chunk) {
      const std::vector<Message> e = send("user_data_chunk", bytes(text.substr(at, chunk)));
      ASSERT_EQ(e.size(), 1u);
      ASSERT_EQ(message_type(e[0]), "user_data_progress") << e[0].text;
    }
  }
};

TEST(EngineUserData, ChunksBecomeEverySizeWithTheNames) {
  Harness h;
  const std::string train = csv(50), test = csv(20);
  ASSERT_EQ(message_type(h.send("user_data_begin part=train&bytes=" + std::to_string(train.size()))[0]),
            "user_data_progress");
  h.feed(train, 997);  // rows and CRLFs straddle chunks
  const Message p = h.send("user_data_begin part=test&bytes=" + std::to_string(test.size()))[0];
  EXPECT_EQ(message_fields(p).get("part"), "test");
  h.feed(test, 4096);
  ASSERT_EQ(message_type(h.send("user_data_names", bytes("a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"))[0]), "user_data_progress");
  const std::vector<Message> done = h.send("user_data_end");
  ASSERT_EQ(done.size(), 3u);  // 28×28, 7×7, then 14×14 with done=1
  for (const Message& m : done) {
    ASSERT_EQ(message_type(m), "user_data") << m.text;
    const FieldReader f = message_fields(m);
    EXPECT_EQ(f.get("train"), "50");
    EXPECT_EQ(f.get("test"), "20");
    EXPECT_EQ(f.get_list("names").at(9), "j");
    Dataset d;
    ASSERT_TRUE(parse_bundle(m.payload.data(), m.payload.size(), &d));
    EXPECT_EQ(std::to_string(d.side), f.get("side"));
    EXPECT_EQ(d.train_labels[13], 3);
  }
  EXPECT_EQ(message_fields(done[0]).get("side"), "28");
  EXPECT_EQ(message_fields(done[1]).get("side"), "7");
  EXPECT_EQ(message_fields(done[1]).get("done"), "0");
  EXPECT_EQ(message_fields(done[2]).get("done"), "1");
  ASSERT_NE(h.engine.data(7), nullptr);
  EXPECT_EQ(h.engine.data(7)->train_count(), 50);
  ASSERT_NE(h.engine.data(28), nullptr);
  EXPECT_EQ(h.engine.data(28)->train_image(2)[5], (5 + 14) % 256);
  EXPECT_EQ(h.engine.data(14)->class_names[0], "a");
  // A fresh worker gets the bundle back with the names.
  Harness g;
  const std::vector<Message> loaded = g.send("load_data side=14&names=a,b,c,d,e,f,g,h,i,j", done[2].payload);
  ASSERT_EQ(message_type(loaded.at(0)), "data_loaded") << loaded[0].text;
  EXPECT_EQ(g.engine.data(14)->class_names[9], "j");
  // A run on it trains (the trainer's model carries the names).
  h.send("train model=softmax&epochs=1&side=14&batch=8");
  while (h.engine.has_work()) h.engine.run_slice();
  EXPECT_TRUE(h.engine.trainer().has_model());
}

// IDX files as the original data set's: big-endian magic and counts, then the bytes.
std::vector<uint8_t> idx_file(bool images, int count) {
  std::vector<uint8_t> b = {0, 0, 8, static_cast<uint8_t>(images ? 3 : 1)};
  const auto be32 = [&b](uint32_t v) {
    for (int k = 3; k >= 0; --k) b.push_back(static_cast<uint8_t>(v >> (8 * k)));
  };
  be32(static_cast<uint32_t>(count));
  if (images) be32(28), be32(28);
  for (int i = 0; i < count; ++i) {
    if (!images) b.push_back(static_cast<uint8_t>((i * 3) % 10));
    for (int p = 0; images && p < 784; ++p) b.push_back(static_cast<uint8_t>((p + i) % 256));
  }
  return b;
}

TEST(EngineUserData, AnIdxPairAndACsvTestFile) {
  Harness h;
  ASSERT_EQ(message_type(h.send("user_data_begin part=train&format=idx")[0]), "user_data_progress");
  ASSERT_EQ(message_type(h.send("user_data_idx kind=images", idx_file(true, 40))[0]), "user_data_progress");
  ASSERT_EQ(message_type(h.send("user_data_idx kind=labels", idx_file(false, 40))[0]), "user_data_progress");
  h.send("user_data_begin part=test");
  h.feed(csv(10), 333);
  const std::vector<Message> done = h.send("user_data_end");
  ASSERT_EQ(done.size(), 3u) << done[0].text;
  EXPECT_EQ(message_fields(done[0]).get("train"), "40");
  EXPECT_EQ(message_fields(done[0]).get("test"), "10");
  EXPECT_EQ(h.engine.data(28)->train_labels[5], 5);
  // Counts that differ: refused at the end with both counts; the data in use stays.
  h.send("user_data_begin part=train&format=idx");
  h.send("user_data_idx kind=images", idx_file(true, 40));
  h.send("user_data_idx kind=labels", idx_file(false, 39));
  const std::vector<Message> e = h.send("user_data_end");
  ASSERT_EQ(message_type(e.at(0)), "error");
  EXPECT_EQ(message_fields(e[0]).get("reason"), "status");
  EXPECT_EQ(h.engine.data(28)->train_count(), 40);
  EXPECT_EQ(message_fields(h.send("user_data_begin part=train&format=png").at(0)).get("reason"), "bad_field");
}

TEST(EngineUserData, ARefusedRowKeepsTheDataInUse) {
  Harness h;
  const std::string good = csv(30);
  h.send("user_data_begin part=train");
  h.feed(good, 1 << 20);
  h.send("user_data_end");
  ASSERT_NE(h.engine.data(14), nullptr);
  h.send("train model=softmax&epochs=1&side=14&batch=8");
  while (h.engine.has_work()) h.engine.run_slice();
  ASSERT_TRUE(h.engine.trainer().has_model());

  std::string bad = csv(5);
  bad.replace(bad.find("\r\n3,") + 2, 1, "12");  // row 5 (the 4th image) has label 12
  h.send("user_data_begin part=train");
  const std::vector<Message> e = h.send("user_data_chunk", bytes(bad));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(message_type(e[0]), "error");
  Status why;
  ASSERT_TRUE(read_status(message_fields(e[0]), &why));
  EXPECT_EQ(why.code, ErrorCode::kCsvLabel);
  EXPECT_EQ(message_fields(h.send("user_data_end").at(0)).get("reason"), "no_user_data");
  EXPECT_EQ(h.engine.data(14)->train_count(), 30);
  EXPECT_TRUE(h.engine.trainer().has_model());
  // Bad names: refused, the data set on its way in is dropped.
  h.send("user_data_begin part=train");
  h.feed(good, 1 << 20);
  EXPECT_EQ(message_type(h.send("user_data_names", bytes("only\ntwo\n")).at(0)), "error");
  EXPECT_EQ(message_fields(h.send("user_data_chunk", bytes("1")).at(0)).get("reason"), "no_user_data");
  EXPECT_EQ(message_fields(h.send("user_data_begin part=other").at(0)).get("reason"), "bad_field");
  EXPECT_TRUE(h.engine.trainer().has_model());
}

}  // namespace
}  // namespace fm
