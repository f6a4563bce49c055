// The page's session, natively: window.fmnist's commands checked before anything reaches the
// engine (no data yet, bad settings, sizes, indices, files), each refusal worded in English and
// Korean; what an accepted command sends (the `train` command's settings text, which the form then
// holds so that the page's link reproduces the run); the bundle checks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "app/i18n/strings.h"
#include "app/session/session.h"
#include "core/bundle.h"

namespace fm {
namespace {

// A small bundle: 300 training and 50 test images, image i filled with grey level i % 256.
std::vector<uint8_t> tiny_bundle(int side) {
  Dataset d;
  d.side = side;
  d.class_names = default_class_names();
  const auto fill = [&](int count, std::vector<uint8_t>* images, std::vector<uint8_t>* labels) {
    for (int i = 0; i < count; ++i) {
      labels->push_back(static_cast<uint8_t>(i % kNumClasses));
      images->insert(images->end(), static_cast<size_t>(d.pixels()), static_cast<uint8_t>(i % 256));
    }
  };
  fill(300, &d.train_images, &d.train_labels);
  fill(50, &d.test_images, &d.test_labels);
  return write_bundle(d);
}

// The session with its worker replaced by a recorder of the commands it is sent.
struct Page {
  std::vector<std::string> sent;    // command texts
  std::vector<int> bundles_asked;   // Host::request_bundle
  Session session{EngineClient::Host{[] {}, [this](const Message& m) { sent.push_back(m.text); }, [] {}},
                  Session::Host{[this](int side) { bundles_asked.push_back(side); }, nullptr, nullptr,
                                nullptr, nullptr, nullptr}};
  bool sent_type(const std::string& type) const {
    for (const std::string& t : sent) {
      if (t.rfind(type, 0) == 0) return true;
    }
    return false;
  }
};

std::string in(Language lang, const Status& st) { return describe(st, lang); }

struct Korean {
  Korean() { set_language(Language::kKorean); }
  ~Korean() { set_language(Language::kEnglish); }
};

TEST(Session, CommandsBeforeTheDataIsInAreRefused) {
  Page page;
  for (const Status& st : {page.session.train_from_api(""), page.session.load_test_image(0),
                           page.session.start_training(TrainConfig{})}) {
    ASSERT_FALSE(st);
    EXPECT_EQ(in(Language::kEnglish, st), "The data set is not loaded yet.");
  }
  Korean ko;
  EXPECT_EQ(in(Language::kKorean, page.session.train_from_api("")), "데이터 세트가 아직 로드되지 않았습니다.");
  EXPECT_FALSE(page.sent_type("train"));
}

TEST(Session, ABundleOfTheWrongSizeIsRefusedAndTheFirstOneIsFatal) {
  Page page;
  const Status st = page.session.load_bundle(tiny_bundle(28), 14);
  ASSERT_FALSE(st);
  EXPECT_EQ(page.session.messages.fatal, tr(st)) << "without the 14×14 data the page cannot run";
  EXPECT_EQ(page.session.data(), nullptr);
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(14), 14));
  EXPECT_TRUE(page.session.messages.fatal.empty());
  ASSERT_NE(page.session.data(), nullptr);
  EXPECT_EQ(page.session.data()->train_count(), 300);
}

TEST(Session, TrainFromTheApiChecksEveryArgumentBeforeSendingAnything) {
  Page page;
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(14), 14));
  const Status lr = page.session.train_from_api("lr=2000");
  ASSERT_FALSE(lr);
  EXPECT_EQ(in(Language::kEnglish, lr), "lr must be a number above 0, at most 1000 (not 2000)");
  const Status batch = page.session.train_from_api("batch=301");
  ASSERT_FALSE(batch);
  EXPECT_EQ(in(Language::kEnglish, batch), "batch must be a whole number from 1 to 300")
      << "the batch is bounded by this data's training set";
  {
    Korean ko;
    const Status seed = page.session.train_from_api("seed=-1");
    ASSERT_FALSE(seed);
    EXPECT_EQ(in(Language::kKorean, seed), "seed 값은 0부터 9007199254740991까지의 정수여야 합니다 (받은 값: -1)");
  }
  EXPECT_FALSE(page.sent_type("train")) << "a refused call sends nothing";
  EXPECT_FALSE(page.session.running());
}

TEST(Session, AnAcceptedTrainIsSentAndTheFormFollowsItSoTheLinkReproducesIt) {
  Page page;
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(14), 14));
  ASSERT_TRUE(page.session.train_from_api("model=mlp&hidden=16&opt=adam&epochs=2&seed=9007199254740991"));
  EXPECT_TRUE(page.session.running()) << "running as soon as train() returns";
  ASSERT_TRUE(page.sent_type("train"));
  std::string train;
  for (const std::string& t : page.sent) {
    if (t.rfind("train", 0) == 0) train = t;
  }
  EXPECT_NE(train.find("seed=9007199254740991"), std::string::npos) << train;
  EXPECT_NE(train.find("hidden=16"), std::string::npos) << train;
  EXPECT_EQ(page.session.form.seed, (1ULL << 53) - 1);
  const std::string link = page.session.form.text(Language::kEnglish);
  EXPECT_NE(link.find("model=mlp&hidden=16&opt=adam"), std::string::npos) << link;
  EXPECT_NE(link.find("seed=9007199254740991"), std::string::npos) << link;
  // While the run is busy its input size is fixed.
  const Status side = page.session.set_input_size(28);
  ASSERT_FALSE(side);
  EXPECT_EQ(in(Language::kEnglish, side), "the input size cannot change during a run: pause and reset first");
  EXPECT_TRUE(page.bundles_asked.empty());
}

// 7×7 (issue 14 §3), like 28×28: downloaded on request; when it arrives the panels switch, the
// engine gets it, a run trains on it and a kept 7×7 model file needs it; a failed download names it.
TEST(Session, SevenBySevenIsFetchedOnRequestAndTrainsAtItsSize) {
  Page page;
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(14), 14));
  ASSERT_TRUE(page.session.set_input_size(7));
  EXPECT_EQ(page.bundles_asked, std::vector<int>{7});
  EXPECT_EQ(page.session.side(), 14) << "the panels switch when it arrives";
  EXPECT_TRUE(page.session.bundle(7).loading);
  EXPECT_FALSE(page.session.bundle(28).loading);
  page.session.bundle_failed(7, "HTTP 404");
  EXPECT_EQ(page.session.messages.error, "The 7\xC3\x97" "7 data could not be loaded: HTTP 404");
  EXPECT_EQ(page.session.form.side, 14);
  ASSERT_TRUE(page.session.set_input_size(7));  // a retry asks again
  EXPECT_EQ(page.bundles_asked, (std::vector<int>{7, 7}));
  EXPECT_FALSE(page.session.load_bundle(tiny_bundle(14), 7)) << "a bundle of the wrong size";
  ASSERT_TRUE(page.session.set_input_size(7));
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(7), 7));
  EXPECT_EQ(page.session.side(), 7);
  ASSERT_NE(page.session.data(), nullptr);
  EXPECT_EQ(page.session.data()->side(), 7);
  EXPECT_EQ(page.session.bundle(14).data.side(), 14) << "14×14 stays where it was";
  ASSERT_TRUE(page.session.train_from_api("model=mlp&hidden=16"));
  EXPECT_TRUE(page.sent_type("load_data side=7")) << "the worker gets every bundle in";
  ASSERT_FALSE(page.sent.empty());
  EXPECT_EQ(page.sent.back().rfind("train ", 0), 0u) << page.sent.back();
  EXPECT_NE(page.sent.back().find("side=7"), std::string::npos) << page.sent.back();
  EXPECT_NE(page.session.form.text(Language::kEnglish).find("side=7"), std::string::npos);
  Korean ko;
  page.session.bundle_failed(28, "HTTP 500");
  EXPECT_EQ(page.session.messages.error, "28\xC3\x97" "28 데이터를 불러오지 못했습니다: HTTP 500");
}

TEST(Session, InputSizeTestImagesAndModelFilesAreChecked) {
  Page page;
  ASSERT_TRUE(page.session.load_bundle(tiny_bundle(14), 14));
  EXPECT_EQ(in(Language::kEnglish, page.session.set_input_size(15)), "the input size must be 7, 14 or 28");
  ASSERT_TRUE(page.session.set_input_size(28));
  EXPECT_EQ(page.bundles_asked, std::vector<int>{28}) << "28×28 is downloaded on request";
  EXPECT_EQ(page.session.side(), 14) << "the panels switch when it arrives";

  for (int bad : {-1, 50}) {
    const Status st = page.session.load_test_image(bad);
    ASSERT_FALSE(st);
    EXPECT_EQ(in(Language::kEnglish, st), "the test image index must be a whole number from 0 to 49");
  }
  ASSERT_TRUE(page.session.load_test_image(7));
  EXPECT_EQ(page.session.canvas.source_tag(), 7);
  EXPECT_EQ(page.session.test_label(7), 7);
  EXPECT_EQ(page.session.test_label(50), -1);

  EXPECT_EQ(in(Language::kEnglish, page.session.export_model()), "There is no model to export: train one first.");
  EXPECT_EQ(in(Language::kEnglish, page.session.import_model(nullptr, 0)),
            "The model file was refused, the current model is kept: the file is empty");
  const std::vector<uint8_t> junk(100, 0x41);
  const Status st = page.session.import_model(junk.data(), junk.size());
  ASSERT_FALSE(st);
  EXPECT_EQ(in(Language::kEnglish, st).rfind("The model file was refused, the current model is kept: ", 0), 0u);
  EXPECT_FALSE(page.sent_type("import"));
  EXPECT_EQ(in(Language::kEnglish, page.session.continue_after_divergence(0)),
            "There is no diverged run to continue.");
  Korean ko;
  EXPECT_EQ(in(Language::kKorean, page.session.set_input_size(15)), "입력 크기는 7, 14 또는 28이어야 합니다");
  EXPECT_EQ(in(Language::kKorean, page.session.continue_after_divergence(0)),
            "이어서 학습할 발산한 실행이 없습니다.");
}

}  // namespace
}  // namespace fm
