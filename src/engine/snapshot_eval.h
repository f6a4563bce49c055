// A validation pass over weights the page sends back (a snapshot of the run the page kept for
// time travel, issue 14 §2), one chunk per step() so the engine interleaves it with training.
// It never touches the Trainer: the run's weights and random streams are not affected.
#pragma once

#include <cstdint>
#include <vector>

#include "core/dataset.h"
#include "core/metrics.h"
#include "core/network.h"

namespace fm {

class SnapshotEval {
 public:
  // A pass of `params` (one of `arch`'s parameter vectors) over the training images of `data` at
  // `indices` (the run's validation split, kept by the caller for the pass), `chunk` samples a
  // step, at most `columns` through the network at a time. Replaces a pass under way.
  void start(const Architecture& arch, const float* params, const Dataset& data,
             const std::vector<int32_t>* indices, int chunk, int columns, long long id);
  void cancel() { busy_ = false; data_ = nullptr; }
  bool busy() const { return busy_; }
  void step();

  long long id() const { return id_; }
  const Dataset* data() const { return data_; }
  const ConfusionMatrix& confusion() const { return confusion_; }
  const std::vector<Mistake>& hardest() const { return hardest_.items(); }
  const std::vector<uint8_t>& predictions() const { return predictions_; }  // by validation place
  float acc() const;
  float loss() const;

 private:
  Network net_;
  const Dataset* data_ = nullptr;
  const std::vector<int32_t>* indices_ = nullptr;
  Matrix x_;  // pixels × chunk
  std::vector<uint8_t> y_;
  Index pos_ = 0, chunk_ = 1, columns_ = 1;
  double loss_sum_ = 0;
  long long correct_ = 0, id_ = 0;
  bool busy_ = false;
  ConfusionMatrix confusion_;
  HardestExamples hardest_;
  std::vector<uint8_t> predictions_;
};

}  // namespace fm
