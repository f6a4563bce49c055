// A user's own data set arriving at the engine (protocol.h's user_data_* commands): the training
// part and an optional test part, each a CSV file parsed chunk by chunk as it comes (core/csv.h:
// the text is never held whole) or an IDX pair (core/idx.h: the gunzipped image and label files,
// whole), and optional class names; then the 28×28 and 14×14 Datasets the engine trains on.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/class_names.h"
#include "core/csv.h"
#include "core/dataset.h"
#include "core/idx.h"

namespace fm {

class UserDataLoader {
 public:
  // A new part: "train" (starts a new data set: earlier parts are dropped) or "test" (after the
  // training part), a CSV file (`bytes`: its size for the fraction, 0 if unknown) or, with
  // `idx`, an IDX pair sent by idx(). False: unknown part, or test before train.
  bool begin(std::string_view part, uint64_t bytes, bool idx);
  // The next chunk of the current CSV file. A refusal stops this data set for good (status()).
  const Status& feed(const uint8_t* bytes, size_t size);
  // A whole IDX file of the current part: `images` true for the image file, else the labels.
  const Status& idx(bool images, const uint8_t* bytes, size_t size);
  // The class-names file (class_names.h); without one, the digits.
  Status names(const uint8_t* bytes, size_t size);
  // The end: every part finished, checked and made Datasets (28×28 and pooled 14×14). On a
  // refusal nothing is returned and the loader is empty again.
  Status finish(Dataset* full, Dataset* small);
  void clear();

  bool active() const { return current_ >= 0; }
  std::string_view part() const { return current_ == 1 ? "test" : "train"; }
  const CsvParser* current() const { return active() ? parts_[current_].csv.get() : nullptr; }
  const Status& status() const { return status_; }

 private:
  struct Part {
    std::unique_ptr<CsvParser> csv;  // a CSV file, or else an IDX pair:
    IdxImages images;
    std::vector<uint8_t> labels;
    bool has_images = false, has_labels = false;
  };
  Status finish_part(int i, LabelledImages* out);

  Part parts_[2];
  int current_ = -1;  // 0 train, 1 test; -1 nothing begun
  bool has_names_ = false;
  ClassNames names_{};
  Status status_;
};

}  // namespace fm
