// UserDataLoader: one CsvParser per file, the training file finished when the test file begins.
#include "engine/user_data_loader.h"

#include <utility>

#include "core/downsample.h"
#include "core/user_data.h"

namespace fm {

void UserDataLoader::clear() {
  train_.reset();
  test_.reset();
  train_images_ = LabelledImages();
  train_finished_ = false;
  has_names_ = false;
  status_ = Status::Ok();
}

bool UserDataLoader::begin(std::string_view part, uint64_t bytes) {
  if (part == "train") {
    clear();
    train_ = std::make_unique<CsvParser>(bytes);
    return true;
  }
  if (part != "test" || !train_ || test_ || !status_) return false;
  status_ = train_->finish(&train_images_);
  train_finished_ = true;
  test_ = std::make_unique<CsvParser>(bytes);
  return true;
}

const Status& UserDataLoader::feed(const uint8_t* bytes, size_t size) {
  if (!status_) return status_;
  CsvParser* p = test_ ? test_.get() : train_.get();
  if (p == nullptr) return status_;
  const Status& s = p->feed(bytes, size);
  if (!s) status_ = s;
  return status_;
}

Status UserDataLoader::names(const uint8_t* bytes, size_t size) {
  ClassNames parsed;
  const Status s = parse_class_names(bytes, size, &parsed);
  if (!s) return s;
  names_ = std::move(parsed);
  has_names_ = true;
  return s;
}

Status UserDataLoader::finish(Dataset* full, Dataset* small) {
  Status s = status_;
  LabelledImages train, test;
  if (s && !train_finished_) s = train_ ? train_->finish(&train_images_) : Status::Error(ErrorCode::kTrainingSetEmpty);
  if (s) train = std::move(train_images_);
  if (s && test_) s = test_->finish(&test);
  Dataset f, sm;
  if (s) s = make_user_dataset(std::move(train), std::move(test), has_names_ ? &names_ : nullptr, &f);
  if (s) s = downsample(f, kFullSide / 2, &sm);
  clear();
  if (!s) return s;
  *full = std::move(f);
  *small = std::move(sm);
  return s;
}

}  // namespace fm
