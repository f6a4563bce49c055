// UserDataLoader: a CsvParser per CSV part, the parsed files of an IDX part, both finished at the end.
#include "engine/user_data_loader.h"

#include <utility>

#include "core/downsample.h"
#include "core/user_data.h"

namespace fm {

void UserDataLoader::clear() {
  parts_[0] = Part();
  parts_[1] = Part();
  current_ = -1;
  has_names_ = false;
  status_ = Status::Ok();
}

bool UserDataLoader::begin(std::string_view part, uint64_t bytes, bool idx) {
  int i = -1;
  if (part == "train") {
    clear();
    i = 0;
  } else if (part == "test" && current_ == 0 && status_) {
    i = 1;
  } else {
    return false;
  }
  current_ = i;
  if (!idx) parts_[i].csv = std::make_unique<CsvParser>(bytes);
  return true;
}

const Status& UserDataLoader::feed(const uint8_t* bytes, size_t size) {
  CsvParser* p = active() ? parts_[current_].csv.get() : nullptr;
  if (!status_ || p == nullptr) return status_;
  const Status& s = p->feed(bytes, size);
  if (!s) status_ = s;
  return status_;
}

const Status& UserDataLoader::idx(bool images, const uint8_t* bytes, size_t size) {
  if (!status_ || !active() || parts_[current_].csv) return status_;
  Part& p = parts_[current_];
  Status s = images ? parse_idx_images(bytes, size, &p.images) : parse_idx_labels(bytes, size, &p.labels);
  if (!s) status_ = s;
  (images ? p.has_images : p.has_labels) = static_cast<bool>(s);
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

Status UserDataLoader::finish_part(int i, LabelledImages* out) {
  Part& p = parts_[i];
  if (p.csv) return p.csv->finish(out);
  // An IDX part without one of its files: as many images as labels fails with both counts.
  return make_labelled_images(std::move(p.images), std::move(p.labels), i == 1, out);
}

Status UserDataLoader::finish(Dataset* full, Dataset* small) {
  Status s = active() ? status_ : Status::Error(ErrorCode::kTrainingSetEmpty);
  LabelledImages train, test;
  if (s) s = finish_part(0, &train);
  if (s && current_ == 1) s = finish_part(1, &test);
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
