// The page's "My sketches" (src/app/session/corrections.h): a sketch sent for a correction joins
// the set and leaves it again when the engine refuses; the engine's events become the last fix
// and the fine-tuned mark; a refused import changes nothing; a new model clears the mark.
#include <gtest/gtest.h>

#include <string>

#include "app/session/corrections.h"
#include "engine/protocol.h"

namespace fm {
namespace {

SketchFile sketch(int label) {
  SketchFile f;
  f.label = label;
  Stroke s;
  s.width = 0.08f;
  s.points = {{0.2f, 0.2f}, {0.8f, 0.8f}};
  f.strokes = {s};
  return f;
}

bool event(Corrections& c, const std::string& text) {
  const Message m{text, {}};
  return c.on_event(message_type(m), message_fields(m));
}

TEST(Corrections, RefusedCorrectionTakesItsSketchBackAcceptedOneIsTheLastFix) {
  Corrections c;
  c.sent(sketch(1));
  EXPECT_TRUE(c.running());
  EXPECT_EQ(c.sketches().size(), 1u);
  EXPECT_FALSE(event(c, "error command=correct&reason=training"));  // the Session words it
  EXPECT_TRUE(c.sketches().empty());
  EXPECT_FALSE(c.running());

  c.sent(sketch(1));
  EXPECT_TRUE(event(c, "correct_progress fraction=0.5&steps_done=100&steps=200"));
  EXPECT_FLOAT_EQ(c.fraction(), 0.5f);
  EXPECT_EQ(c.steps_done(), 100);
  EXPECT_TRUE(event(c, "corrected before=6&after=1&before_p=0.6&after_p=0.9&val_before=0.84&"
                       "val_after=0.835&steps=200&corrections=1&compute_s=1.5"));
  EXPECT_FALSE(c.running());
  ASSERT_TRUE(c.has_fix());
  EXPECT_EQ(c.last_fix().label, 1);
  EXPECT_EQ(c.last_fix().before, 6);
  EXPECT_EQ(c.last_fix().after, 1);
  EXPECT_FLOAT_EQ(c.last_fix().val_after, 0.835f);
  EXPECT_EQ(c.applied(), 1);
  EXPECT_TRUE(c.can_undo());
  // A later refusal of another command leaves the kept sketch alone.
  EXPECT_FALSE(event(c, "error command=correct&reason=correcting"));
  EXPECT_EQ(c.sketches().size(), 1u);
  EXPECT_TRUE(event(c, "correction_undone corrections=0&val_acc=0.84"));
  EXPECT_EQ(c.applied(), 0);
  EXPECT_FALSE(c.can_undo());
  c.model_replaced(2);  // an imported file that says it was corrected twice
  EXPECT_EQ(c.applied(), 2);
  EXPECT_FALSE(c.has_fix());
}

TEST(Corrections, ImportAppendsOrChangesNothingRestoreReplaces) {
  Corrections c;
  c.sent(sketch(3));
  event(c, "corrected before=1&after=3&corrections=1");
  const std::string text = c.to_json();
  const uint64_t v = c.version();
  const std::string bad = R"({"format": "fmnist-sketches", "sketches": [{"class": 3}]})";
  EXPECT_FALSE(c.import_json(reinterpret_cast<const uint8_t*>(bad.data()), bad.size()));
  EXPECT_EQ(c.version(), v);
  EXPECT_EQ(c.sketches().size(), 1u);
  ASSERT_TRUE(c.import_json(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
  EXPECT_EQ(c.sketches().size(), 2u);
  EXPECT_GT(c.version(), v);
  EXPECT_TRUE(c.remove(0));
  EXPECT_FALSE(c.remove(5));
  EXPECT_EQ(c.sketches().size(), 1u);
  ASSERT_TRUE(c.restore_json(write_sketch_set({sketch(7), sketch(8), sketch(9)})));
  ASSERT_EQ(c.sketches().size(), 3u);
  EXPECT_EQ(c.sketches()[2].label, 9);
  c.clear();
  EXPECT_TRUE(c.sketches().empty());
}

}  // namespace
}  // namespace fm
