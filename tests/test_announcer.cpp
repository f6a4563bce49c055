// The live region's sentences (src/app/a11y/announcer.h): what a listener hears as the facts
// change, once each, in English and Korean.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/a11y/announcer.h"
#include "app/i18n/strings.h"

namespace fm {
namespace {

struct Korean {
  Korean() { set_language(Language::kKorean); }
  ~Korean() { set_language(Language::kEnglish); }
};

std::vector<std::string> texts(const std::vector<Announcement>& a) {
  std::vector<std::string> out;
  for (const Announcement& x : a) out.push_back(std::string(announce_kind_name(x.kind)) + ": " + x.text);
  return out;
}

A11yFacts ready() {
  A11yFacts f;
  f.ready = true;
  return f;
}

TEST(Announcer, FirstReadingIsNotNews) {
  Announcer a;
  EXPECT_TRUE(a.update(ready()).empty());  // already ready when first seen: nothing to say
  EXPECT_TRUE(a.update(ready()).empty());
}

TEST(Announcer, ReadyOnceWhenTheDataArrives) {
  Announcer a;
  a.update(A11yFacts{});
  EXPECT_EQ(texts(a.update(ready())),
            std::vector<std::string>{"ready: Ready: the data is loaded. Press Train to train a model."});
  EXPECT_TRUE(a.update(ready()).empty());
}

TEST(Announcer, ARunFromStartToEnd) {
  Announcer a;
  A11yFacts f = ready();
  a.update(f);
  f.run = 1;
  f.training = true;
  f.model = "the softmax model";
  f.epochs = 2;
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"run: Training started: the softmax model, 2 epoch(s)."});
  f.epochs_done = 1;
  f.val_acc = 0.8123;
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"epoch: Epoch 1 of 2: validation accuracy 81.2%."});
  EXPECT_TRUE(a.update(f).empty());  // the same epoch again: nothing
  f.paused = true;
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"run: Training paused."});
  f.paused = false;
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"run: Training resumed."});
  f.training = false;
  f.epochs_done = 2;
  f.val_acc = 0.83;
  f.test_acc = 0.8177;
  f.run_over = true;
  // The end says the last epoch's figures: no separate epoch sentence.
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{
      "end: Training finished after 2 epoch(s): validation accuracy 83.0%, test accuracy 81.8%."});
  EXPECT_TRUE(a.update(f).empty());
}

TEST(Announcer, DivergenceIsSaidOnceAndNotAgainAsAnError) {
  Announcer a;
  A11yFacts f = ready();
  f.run = 1;
  f.training = true;
  a.update(f);
  f.training = false;
  f.diverged = true;
  f.divergence = "the loss became NaN";
  f.error = "Training diverged: the loss became NaN";
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"problem: Training diverged: the loss became NaN"});
  f.error = "The data set is not loaded yet.";
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"problem: Error: The data set is not loaded yet."});
}

TEST(Announcer, PredictionFollowsTheDrawingNotTheWeights) {
  Announcer a;
  A11yFacts f = ready();
  f.run = 1;
  f.input_key = "a";
  f.top_name = "Shirt";
  f.top_prob = 0.5;
  a.update(f);
  f.top_prob = 0.6;  // the weights moved, the drawing did not
  EXPECT_TRUE(a.update(f).empty());
  f.input_key = "b";
  f.top_name = "Trouser";
  f.top_prob = 0.914;
  EXPECT_EQ(texts(a.update(f)), std::vector<std::string>{"prediction: The drawing reads as Trouser, 91%."});
  f.input_key = "";  // cleared: no prediction
  f.top_name.clear();
  EXPECT_TRUE(a.update(f).empty());
}

TEST(Announcer, LessonResultsOncePerStep) {
  Announcer a;
  A11yFacts f = ready();
  a.update(f);
  f.lesson[2] = "Mean accuracy: 0.8289 (2.0 s)";
  EXPECT_EQ(texts(a.update(f)),
            std::vector<std::string>{"lesson: Lesson 2. Logistic regression, cross-validated: Mean accuracy: 0.8289 (2.0 s)"});
  EXPECT_TRUE(a.update(f).empty());
}

TEST(Announcer, KoreanWording) {
  Korean ko;
  Announcer a;
  A11yFacts f = ready();
  a.update(f);
  f.run = 2;
  f.epochs_done = 5;
  f.epochs = 5;
  f.val_acc = 0.8309;
  f.test_acc = 0.8177;
  f.run_over = true;
  EXPECT_EQ(texts(a.update(f)),
            std::vector<std::string>{"end: 훈련 끝, 5 에포크: 검증 정확도 83.1%, 테스트 정확도 81.8%."});
}

}  // namespace
}  // namespace fm
