// The lesson's logistic regression: scikit-learn's SGDClassifier(loss='log_loss', max_iter=5)
// algorithm — one binary classifier per class (one-vs-rest), L2 alpha 1e-4, the 'optimal'
// learning rate, a shuffle each epoch — and its 5-fold cross-validation, time-sliced.
#pragma once

#include <cstdint>
#include <vector>

#include "dataset.h"
#include "rng.h"
#include "split.h"
#include "types.h"

namespace fm {

struct LinearSgdConfig {
  double alpha = 1e-4;
  int epochs = 5;
  uint64_t seed = 42;  // plays sklearn's random_state (low 32 bits): 42 gives sklearn's 42 run
};

// One-vs-rest linear model: W is 10×pixels, b is 10. Inputs are pixel/255.
class OvrSgdClassifier {
 public:
  // Trains on images[indices] from scratch (blocking; the CV below slices it).
  void fit(const Dataset& data, const std::vector<int32_t>& indices, const LinearSgdConfig& config);
  int predict(const uint8_t* image) const;
  double score(const Dataset& data, const std::vector<int32_t>& indices) const;  // accuracy

  // Incremental use: begin(), then run_samples() until finished().
  void begin(const Dataset& data, const std::vector<int32_t>& indices,
             const LinearSgdConfig& config);
  // Processes about this many (sample, class) updates: whole samples of 10 updates, at least one.
  void run_samples(long long max_samples);
  bool finished() const;
  double progress() const;  // 0..1 of the incremental fit's (sample, class) updates
  // The fitted model (row c: class c's weights on pixel/255); zero until finished().
  const Eigen::MatrixXd& weights() const { return weights_; }
  const Eigen::VectorXd& bias() const { return bias_; }

 private:
  void shuffle_all();  // the start of an epoch: each class reshuffles its own order
  void update_all();   // one plain-SGD step of every class, each on its own next image

  // The 10 binary problems are independent, so they run in lockstep (same t, same position):
  // each keeps sklearn's arithmetic exactly, and their 10 dot products overlap in the CPU.
  const Dataset* data_ = nullptr;
  std::vector<int32_t> indices_;
  std::vector<int32_t> orders_;  // kNumClasses × n: class c's visiting order at [c·n, c·n + n)
  LinearSgdConfig config_;
  std::vector<uint32_t> shuffle_seeds_;  // per class, from sklearn's random_state chain
  int epoch_ = 0;
  size_t pos_ = 0;
  double t_ = 1.0, t0_ = 0.0;
  std::vector<double> w_;  // pixels × 10, class-minor (w_[i·10 + c]); true weights = w_·wscale_
  std::vector<double> wscale_, b_;  // per class
  Eigen::MatrixXd weights_;         // 10 × pixels, the result (double, like sklearn's coef_)
  Eigen::VectorXd bias_;            // 10
  bool done_ = false;
};

// scikit-learn's 'optimal' schedule offset: eta = 1 / (alpha·(t0 + t − 1)), t = 1, 2, …, with
// t0 = 1 / (eta0·alpha), eta0 = typw / max(1, dloss(−typw, 1)), typw = sqrt(1 / sqrt(alpha)).
double sgd_optimal_t0(double alpha);
// d/dp of the log loss log(1 + exp(−y·p)), with scikit-learn's cut-offs at |y·p| > 18.
double log_loss_dloss(double p, double y);

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
