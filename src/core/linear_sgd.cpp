// scikit-learn's SGDClassifier(loss='log_loss') re-done: plain SGD per class (one-vs-rest) with the
// 'optimal' schedule, the scaled-weight-vector L2 trick and the random streams of sklearn 1.2.
#include "core/linear_sgd.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>

#include "core/kernels.h"

namespace fm {

namespace {

constexpr double kMaxDloss = 1e12;        // sklearn clips the loss derivative to ±1e12
constexpr uint32_t kMaxInt = 0x7FFFFFFF;  // np.iinfo(np.int32).max

// pixel / 255.0 exactly as numpy divides (a product with 1/255 can differ in the last bit).
const std::array<double, 256>& unit_pixels() {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int v = 0; v < 256; ++v) t[v] = v / 255.0;
    return t;
  }();
  return table;
}

// numpy's legacy RandomState.randint(low, high) for a range below 2^32: masked rejection on
// MT19937's 32-bit outputs. std::mt19937 is bit-specified by the C++ standard (unlike the std::
// distributions), so this is the same stream as RandomState(seed) on every platform.
uint32_t numpy_randint(std::mt19937& mt, uint32_t low, uint32_t high) {
  const uint32_t range = high - low - 1;
  uint32_t mask = range;
  for (int shift = 1; shift < 32; shift <<= 1) mask |= mask >> shift;
  uint32_t value = 0;
  do {
    value = static_cast<uint32_t>(mt()) & mask;
  } while (value > range);
  return low + value;
}

// sklearn's SequentialDataset.shuffle: Fisher–Yates with its our_rand_r (xorshift32). The seed is
// passed by value in sklearn, so every epoch replays the same swaps on the current order.
void sklearn_shuffle(int32_t* order, size_t size, uint32_t seed) {
  const uint32_t n = static_cast<uint32_t>(size);
  for (uint32_t i = 0; i + 1 < n; ++i) {
    if (seed == 0) seed = 1;
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    const uint32_t j = i + (seed % (kMaxInt + 1u)) % (n - i);
    std::swap(order[i], order[j]);
  }
}

}  // namespace

double log_loss_dloss(double p, double y) {
  const double z = p * y;
  if (z > 18.0) return std::exp(-z) * -y;
  if (z < -18.0) return -y;
  return -y / (std::exp(z) + 1.0);
}

double sgd_optimal_t0(double alpha) {
  const double typw = std::sqrt(1.0 / std::sqrt(alpha));
  const double initial_eta0 = typw / std::max(1.0, log_loss_dloss(-typw, 1.0));
  return 1.0 / (initial_eta0 * alpha);
}

// --- OvrSgdClassifier ---

void OvrSgdClassifier::fit(const Dataset& data, const std::vector<int32_t>& indices,
                           const LinearSgdConfig& config) {
  begin(data, indices, config);
  run_samples(std::numeric_limits<long long>::max());
}

void OvrSgdClassifier::begin(const Dataset& data, const std::vector<int32_t>& indices,
                             const LinearSgdConfig& config) {
  data_ = &data;
  indices_ = indices;
  config_ = config;
  t0_ = sgd_optimal_t0(config.alpha);
  t_ = 1.0;
  epoch_ = 0;
  pos_ = 0;
  const size_t pixels = static_cast<size_t>(data.pixels());
  w_.assign(pixels * kNumClasses, 0.0);
  wscale_.assign(kNumClasses, 1.0);
  b_.assign(kNumClasses, 0.0);
  weights_ = Eigen::MatrixXd::Zero(kNumClasses, data.pixels());
  bias_ = Eigen::VectorXd::Zero(kNumClasses);
  // _fit_multiclass: seeds = RandomState(random_state).randint(MAX_INT, size=n_classes); then
  // fit_binary: rs = RandomState(seeds[c]); make_dataset draws rs.randint(1, MAX_INT) (unused
  // for dense data) and the shuffle seed is rs.randint(MAX_INT).
  std::mt19937 mt(static_cast<uint32_t>(config.seed));
  shuffle_seeds_.resize(kNumClasses);
  for (uint32_t& shuffle_seed : shuffle_seeds_) {
    std::mt19937 class_mt(numpy_randint(mt, 0, kMaxInt));
    numpy_randint(class_mt, 1, kMaxInt);
    shuffle_seed = numpy_randint(class_mt, 0, kMaxInt);
  }
  // Each class's dataset starts in the given order.
  orders_.resize(indices.size() * kNumClasses);
  for (int c = 0; c < kNumClasses; ++c) {
    std::copy(indices.begin(), indices.end(), orders_.begin() + c * indices.size());
  }
  done_ = indices.empty() || config.epochs < 1;
  if (!done_) shuffle_all();  // sklearn shuffles at the start of every epoch, the first included
}

void OvrSgdClassifier::shuffle_all() {
  const size_t n = indices_.size();
  for (int c = 0; c < kNumClasses; ++c) {
    sklearn_shuffle(orders_.data() + c * n, n, shuffle_seeds_[c]);
  }
}

void OvrSgdClassifier::update_all() {
  const size_t n = indices_.size();
  const Index pixels = data_->pixels();
  const std::array<double, 256>& unit = unit_pixels();
  const uint8_t* images[kNumClasses];
  double y[kNumClasses];
  for (int c = 0; c < kNumClasses; ++c) {
    const int32_t index = orders_[c * n + pos_];
    images[c] = data_->train_image(index);
    y[c] = data_->train_labels[index] == c ? 1.0 : -1.0;
  }
  // The ten images are random rows of the data set: fetch the next step's while this one runs.
  if (pos_ + 1 < n) {
    for (int c = 0; c < kNumClasses; ++c) {
      const uint8_t* next = data_->train_image(orders_[c * n + pos_ + 1]);
      kernels::prefetch(next, pixels);
    }
  }
  // Ten dot products side by side; each one still sums in pixel order, like sklearn's
  // WeightVector.dot, so every class rounds exactly as sklearn does.
  double dot[kNumClasses] = {};
  for (Index i = 0; i < pixels; ++i) {
    const double* w = w_.data() + i * kNumClasses;
    for (int c = 0; c < kNumClasses; ++c) dot[c] += w[c] * unit[images[c][i]];
  }
  const double alpha = config_.alpha;
  const double eta = 1.0 / (alpha * (t0_ + t_ - 1.0));
  const double decay = std::max(0.0, 1.0 - eta * alpha);
  double scale[kNumClasses];  // the update's step / wscale, per class
  for (int c = 0; c < kNumClasses; ++c) {
    const double p = dot[c] * wscale_[c] + b_[c];
    const double dloss = std::min(kMaxDloss, std::max(-kMaxDloss, log_loss_dloss(p, y[c])));
    const double step = -eta * dloss;
    // L2 decay as a scale on the whole vector (O(1)); fold it back in before it underflows.
    wscale_[c] *= decay;
    if (wscale_[c] < 1e-9) {
      for (Index i = 0; i < pixels; ++i) w_[i * kNumClasses + c] *= wscale_[c];
      wscale_[c] = 1.0;
    }
    scale[c] = step / wscale_[c];  // 0 when step is 0: adding x·0 leaves w as sklearn's skip does
    b_[c] += step;                 // intercept_decay is 1 for dense input
  }
  for (Index i = 0; i < pixels; ++i) {
    double* w = w_.data() + i * kNumClasses;
    for (int c = 0; c < kNumClasses; ++c) w[c] += unit[images[c][i]] * scale[c];
  }
  t_ += 1.0;
}

void OvrSgdClassifier::run_samples(long long max_samples) {
  long long positions = std::max(1LL, max_samples / kNumClasses);
  const size_t n = indices_.size();
  while (!done_ && positions > 0) {
    const size_t end = pos_ + static_cast<size_t>(
                                  std::min<long long>(positions, static_cast<long long>(n - pos_)));
    positions -= static_cast<long long>(end - pos_);
    for (; pos_ < end; ++pos_) update_all();
    if (pos_ < n) break;
    pos_ = 0;
    if (++epoch_ < config_.epochs) {
      shuffle_all();
      continue;
    }
    const Index pixels = data_->pixels();
    for (int c = 0; c < kNumClasses; ++c) {
      for (Index i = 0; i < pixels; ++i) weights_(c, i) = w_[i * kNumClasses + c] * wscale_[c];
      bias_[c] = b_[c];
    }
    done_ = true;
  }
}

bool OvrSgdClassifier::finished() const { return done_; }

double OvrSgdClassifier::progress() const {
  if (done_) return 1.0;
  const double n = static_cast<double>(indices_.size());
  const double total = n * config_.epochs;
  if (total <= 0) return 0.0;
  return (epoch_ * n + static_cast<double>(pos_)) / total;
}

int OvrSgdClassifier::predict(const uint8_t* image) const {
  const Index pixels = weights_.cols();
  const std::array<double, 256>& unit = unit_pixels();
  Eigen::VectorXd x(pixels);
  for (Index i = 0; i < pixels; ++i) x[i] = unit[image[i]];
  const Eigen::VectorXd scores = weights_ * x + bias_;
  Index best = 0;
  scores.maxCoeff(&best);  // first maximum, like numpy's argmax
  return static_cast<int>(best);
}

double OvrSgdClassifier::score(const Dataset& data, const std::vector<int32_t>& indices) const {
  if (indices.empty()) return std::numeric_limits<double>::quiet_NaN();
  long long correct = 0;
  for (int32_t i : indices) {
    if (predict(data.train_image(i)) == data.train_labels[i]) ++correct;
  }
  return static_cast<double>(correct) / static_cast<double>(indices.size());
}

// --- CrossValidation ---

Status CrossValidation::start(const Dataset& data, int k, const LinearSgdConfig& config) {
  if (k < 2 || k > 20) {
    return Status::Error(ErrorCode::kFolds, {param(k)});
  }
  if (data.train_count() < k) {
    return Status::Error(ErrorCode::kCvTooFewImages);
  }
  if (!(std::isfinite(config.alpha) && config.alpha > 0)) {
    return Status::Error(ErrorCode::kAlpha);
  }
  if (config.epochs < 1 || config.epochs > 1000) {
    return Status::Error(ErrorCode::kEpochs, {param(1000), param(config.epochs)});
  }
  data_ = &data;
  k_ = k;
  fold_ = 0;
  config_ = config;
  splits_ = stratified_kfold(data.train_labels, k);
  scores_.clear();
  model_.begin(data, splits_[0].train, config);
  busy_ = true;
  return Status::Ok();
}

void CrossValidation::step(long long work) {
  if (!busy_) return;
  model_.run_samples(std::max(1LL, work));
  if (!model_.finished()) return;
  scores_.push_back(model_.score(*data_, splits_[fold_].val));
  if (++fold_ < k_) {
    model_.begin(*data_, splits_[fold_].train, config_);
  } else {
    busy_ = false;
  }
}

void CrossValidation::run() {
  while (busy_) step(std::numeric_limits<long long>::max());
}

double CrossValidation::mean() const {
  if (static_cast<int>(scores_.size()) != k_ || k_ == 0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  double sum = 0;
  for (double s : scores_) sum += s;
  return sum / k_;
}

double CrossValidation::fold_progress() const {
  if (!busy_) return static_cast<int>(scores_.size()) == k_ ? 1.0 : 0.0;
  return model_.progress();
}

}  // namespace fm
