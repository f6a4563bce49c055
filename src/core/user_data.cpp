// A user's data set: the parts checked once more (callers may build them by hand), then moved in.
#include "core/user_data.h"

#include <utility>

namespace fm {

namespace {

Status check_part(const LabelledImages& part, bool test) {
  if (part.count() > kMaxImages) {
    return Status::Error(test ? ErrorCode::kTestImagesTooMany : ErrorCode::kTrainImagesTooMany,
                         {param(part.count()), param(kMaxImages)});
  }
  if (part.pixels.size() != static_cast<size_t>(part.count()) * kFullSide * kFullSide) {
    return Status::Error(test ? ErrorCode::kTestPixelCount : ErrorCode::kTrainPixelCount,
                         {param(part.pixels.size())});
  }
  return check_labels(part.labels, test ? ErrorCode::kTestLabelRange : ErrorCode::kTrainLabelRange);
}

}  // namespace

Status make_user_dataset(LabelledImages train, LabelledImages test, const ClassNames* names,
                         Dataset* out) {
  if (train.count() == 0) return Status::Error(ErrorCode::kTrainingSetEmpty);
  Status s = check_part(train, false);
  if (!s) return s;
  if (!(s = check_part(test, true))) return s;
  Dataset d;
  d.side = kFullSide;
  d.train_images = std::move(train.pixels);
  d.train_labels = std::move(train.labels);
  d.test_images = std::move(test.pixels);
  d.test_labels = std::move(test.labels);
  d.class_names = names ? *names : digit_class_names();
  *out = std::move(d);
  return Status::Ok();
}

}  // namespace fm
