// The page's side of the neighbours requests and the map (ExplainData, issue 13 §2, §3): one
// request in flight, a newer input waiting in place of an older one, a repeated key not asked
// again, stale answers ignored, a refusal freeing the way, and a new run clearing the map.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/engine_client/explain_data.h"

namespace fm {
namespace {

Message answer(long long id, int epoch, const std::string& indices = "5,6") {
  return Message{"neighbours id=" + std::to_string(id) + "&epoch=" + std::to_string(epoch) + "&set=train&space=hidden&indices=" +
                     indices + "&labels=1,2&distances=0.5,1.5&x=1.25&y=-2&ms=3.5",
                 {}};
}

TEST(ExplainData, OneRequestInFlightTheNewestInputWaiting) {
  ExplainData d;
  Message m;
  const std::vector<float> a(4, 0.1f), b(4, 0.2f), c(4, 0.3f);
  ASSERT_TRUE(d.ask("a", a, &m));
  EXPECT_EQ(m.text, "neighbours id=1");
  EXPECT_EQ(bytes_to_floats(m.payload), a);
  EXPECT_FALSE(d.ask("a", a, &m));  // the same input: not again
  EXPECT_FALSE(d.ask("b", b, &m));  // waits
  EXPECT_FALSE(d.ask("c", c, &m));  // replaces b
  EXPECT_FALSE(d.take_waiting(&m));  // still in flight
  d.apply(answer(1, 2));
  ASSERT_TRUE(d.take_waiting(&m));
  EXPECT_EQ(m.text, "neighbours id=2");
  EXPECT_EQ(bytes_to_floats(m.payload), c);
  EXPECT_FALSE(d.take_waiting(&m));
  const NeighboursData& n = d.neighbours();
  ASSERT_EQ(n.items.size(), 2u);
  EXPECT_EQ(n.items[1].index, 6);
  EXPECT_EQ(n.items[1].label, 2);
  EXPECT_FLOAT_EQ(n.items[1].distance, 1.5f);
  EXPECT_FLOAT_EQ(n.x, 1.25f);
  EXPECT_FLOAT_EQ(n.y, -2.0f);
  EXPECT_DOUBLE_EQ(n.ms, 3.5);
  // An older answer arriving late changes nothing.
  d.apply(answer(2, 2, "7,8"));
  d.apply(answer(1, 2, "9,9"));
  EXPECT_EQ(d.neighbours().items[0].index, 7);
  // A refusal frees the way for the next input.
  ASSERT_TRUE(d.ask("d", a, &m));
  d.refused();
  ASSERT_TRUE(d.ask("e", b, &m));
}

TEST(ExplainData, TheMapAndTheDrawingsDotFromTheSameWeightsClearedByANewRun) {
  ExplainData d;
  const std::vector<float> rows = {0.5f, 1.0f, 3.0f, -1.0f, 2.0f, 7.0f};
  d.apply(Message{"map epoch=2&count=2&space=hidden&dim=100&neighbour_space=hidden&neighbour_set=train&compute_ms=12&wall_ms=30",
                  float_bytes(rows.data(), rows.size())});
  EXPECT_EQ(d.map().epoch, 2);
  EXPECT_EQ(d.map().count(), 2u);
  EXPECT_EQ(d.map().rows, rows);
  EXPECT_EQ(d.map().neighbour_set, "train");
  EXPECT_FALSE(d.sketch_on_map());
  d.apply(answer(1, 1));  // an answer of the previous epoch's index: no dot on this map
  EXPECT_FALSE(d.sketch_on_map());
  d.apply(answer(2, 2));
  EXPECT_TRUE(d.sketch_on_map());
  const uint64_t v = d.map().version;
  d.apply(Message{"started model=mlp", {}});
  EXPECT_EQ(d.map().epoch, -1);
  EXPECT_GT(d.map().version, v);
  EXPECT_TRUE(d.neighbours().items.empty());
}

}  // namespace
}  // namespace fm
