// A user's own data set arriving at the engine in chunks (protocol.h's user_data_* commands): the
// training CSV, an optional test CSV and class names, parsed as they come (core/csv.h: the text is
// never held whole), then made the 28×28 and 14×14 Datasets the engine trains on.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/class_names.h"
#include "core/csv.h"
#include "core/dataset.h"

namespace fm {

class UserDataLoader {
 public:
  // A new file: part "train" (starts a new data set: earlier parts are dropped) or "test" (after
  // the training file). `bytes`: the file's size, for the fraction (0 if unknown). False: unknown
  // part, or test before train.
  bool begin(std::string_view part, uint64_t bytes);
  // The next chunk of the current file. A refusal stops this data set for good (status()).
  const Status& feed(const uint8_t* bytes, size_t size);
  // The class-names file (class_names.h); without one, the digits.
  Status names(const uint8_t* bytes, size_t size);
  // The end: every part finished, checked and made Datasets (28×28 and pooled 14×14). On a
  // refusal nothing is returned and the loader is empty again.
  Status finish(Dataset* full, Dataset* small);
  void clear();

  bool active() const { return train_ != nullptr; }
  std::string_view part() const { return test_ ? "test" : "train"; }
  const CsvParser* current() const { return test_ ? test_.get() : train_.get(); }
  const Status& status() const { return status_; }

 private:
  std::unique_ptr<CsvParser> train_, test_;
  LabelledImages train_images_;  // the training file's images once the test file begins
  bool train_finished_ = false;
  bool has_names_ = false;
  ClassNames names_{};
  Status status_;
};

}  // namespace fm
