// The lesson's logistic regression: scikit-learn's SGDClassifier(loss='log_loss', max_iter=5)
// algorithm — one binary classifier per class (one-vs-rest), L2 alpha 1e-4, the 'optimal'
// learning rate, a shuffle each epoch — and its 5-fold cross-validation, time-sliced.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset.h"
#include "rng.h"
#include "types.h"

namespace fm {

struct LinearSgdConfig {
  double alpha = 1e-4;
  int epochs = 5;
  uint64_t seed = 42;
};

// One-vs-rest linear model: W is 10×pixels, b is 10. Inputs are pixel/255.
class OvrSgdClassifier {
 public:
  // Trains on images[indices] from scratch (blocking; the CV below slices it).
  void fit(const Dataset& data, const std::vector<int32_t>& indices, const LinearSgdConfig& config);
  int predict(const uint8_t* image) const;
  double score(const Dataset& data, const std::vector<int32_t>& indices) const;  // accuracy

  // Incremental use: begin(), then run_samples() until finished().
  void begin(const Dataset& data, const std::vector<int32_t>& indices, const LinearSgdConfig& config);
  void run_samples(long long max_samples);  // processes up to this many (sample, class) updates
  bool finished() const;

 private:
  // State of the incremental fit.
  const Dataset* data_ = nullptr;
  std::vector<int32_t> indices_, order_;
  LinearSgdConfig config_;
  Rng rng_;
  int klass_ = 0, epoch_ = 0;
  size_t pos_ = 0;
  double t_ = 1.0, t0_ = 0.0, wscale_ = 1.0;
  std::vector<double> w_;       // pixels, current class (scaled by wscale_)
  double b_ = 0.0;
  Matrix weights_;              // 10 × pixels
  Vector bias_;
  bool done_ = false;
};

// Stratified 5-fold cross-validation of OvrSgdClassifier over all training images;
// step() does a bounded amount of work so the page can slice it across frames.
class CrossValidation {
 public:
  Status start(const Dataset& data, int k = 5, const LinearSgdConfig& config = {});
  bool busy() const { return busy_; }
  void step(long long work = 200000);  // about `work` sample-class updates
  void run();                          // until done
  void cancel() { busy_ = false; }
  const std::vector<double>& fold_scores() const { return scores_; }  // grows as folds finish
  double mean() const;  // NaN until all folds are done
  int folds() const { return k_; }
  int current_fold() const { return fold_; }
  double fold_progress() const;  // 0..1 within the current fold

 private:
  const Dataset* data_ = nullptr;
  int k_ = 5, fold_ = 0;
  LinearSgdConfig config_;
  std::vector<Split> splits_;
  OvrSgdClassifier model_;
  std::vector<double> scores_;
  bool busy_ = false;
};

}  // namespace fm
