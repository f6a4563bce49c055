// The correction's fine-tune: validate, a few hundred mixed minibatches, validate again.
#include "core/fine_tune.h"

#include <algorithm>
#include <cmath>

#include "core/split.h"

namespace fm {

namespace {

// Independent streams of one seed, so changing how many copies a batch takes does not change
// which training images it draws.
constexpr uint64_t kAugmentStream = 0x5bd1e995u, kDropoutStream = 0x27d4eb2fu;

}  // namespace

Status FineTune::start(Trainer* trainer, std::vector<float> sketches, std::vector<uint8_t> labels,
                       const FineTuneConfig& config) {
  if (!trainer || !trainer->has_model() || !trainer->data()) {
    return Status::Error(ErrorCode::kCorrectionNoModel);
  }
  const int side = trainer->data()->side;
  const size_t pixels = static_cast<size_t>(side) * static_cast<size_t>(side);
  const size_t n = labels.size();
  if (n == 0 || n > static_cast<size_t>(kMaxFineTuneSketches) || sketches.size() != n * pixels) {
    return Status::Error(ErrorCode::kCorrectionSketches,
                         {param(static_cast<unsigned long long>(n)), param(kMaxFineTuneSketches)});
  }
  for (uint8_t label : labels) {
    if (label >= kNumClasses) return Status::Error(ErrorCode::kCorrectionLabel, {param(label)});
  }
  for (float v : sketches) {
    if (!(v >= 0 && v <= 1)) return Status::Error(ErrorCode::kCorrectionSketches,
                                                  {param(static_cast<unsigned long long>(n)),
                                                   param(kMaxFineTuneSketches)});
  }
  if (config.steps < 1 || config.sketches_per_batch < 1 || config.data_per_batch < 0) {
    return Status::Error(ErrorCode::kCorrectionSketches,
                         {param(static_cast<unsigned long long>(n)), param(kMaxFineTuneSketches)});
  }
  trainer_ = trainer;
  config_ = config;
  side_ = side;
  sketches_ = std::move(sketches);
  labels_ = std::move(labels);
  pick_rng_.reseed(config.seed);
  augment_rng_.reseed(config.seed ^ kAugmentStream);
  dropout_rng_.reseed(config.seed ^ kDropoutStream);
  scratch_ = AugmentScratch(side);
  const Index batch = config.sketches_per_batch + config.data_per_batch;
  x_.resize(static_cast<Index>(pixels), std::max<Index>(batch, trainer->config().eval_chunk));
  y_.assign(static_cast<size_t>(x_.cols()), 0);
  picks_.assign(static_cast<size_t>(config.data_per_batch), 0);
  params_before_ = trainer->network().params();
  opt_before_ = trainer->tuned_optimizer();
  steps_done_ = 0;
  eval_pos_ = 0;
  eval_correct_ = 0;
  eval_loss_ = 0;
  predict_newest(&before_, &before_p_);
  after_ = -1;
  after_p_ = 0;
  val_before_ = val_after_ = val_loss_before_ = val_loss_after_ = std::numeric_limits<float>::quiet_NaN();
  phase_ = Phase::kValidatingBefore;
  // A finished run's last validation pass was of these very weights (the best epoch's under early
  // stopping, a correction's or undo's own): no need to run it again (half a CNN's fine-tune).
  if (trainer->phase() == fm::Phase::kDone && std::isfinite(trainer->val_acc())) {
    val_before_ = trainer->val_acc();
    val_loss_before_ = trainer->val_loss();
    phase_ = Phase::kTuning;
  }
  return Status::Ok();
}

float FineTune::progress() const {
  // A validation pass counts as a fifth of the work each way: about what it takes for a CNN.
  const double val = static_cast<double>(trainer_ ? trainer_->split().val.size() : 1);
  const double pass = std::min(1.0, static_cast<double>(eval_pos_) / std::max(1.0, val));
  switch (phase_) {
    case Phase::kValidatingBefore: return static_cast<float>(0.2 * pass);
    case Phase::kTuning:
      return static_cast<float>(0.2 + 0.6 * steps_done_ / std::max(1, config_.steps));
    case Phase::kValidatingAfter: return static_cast<float>(0.8 + 0.2 * pass);
    case Phase::kDone: return 1;
    default: return 0;
  }
}

void FineTune::predict_newest(int* cls, float* p) {
  const Index pixels = static_cast<Index>(side_) * side_;
  Network& net = trainer_->tuned_network();
  const Eigen::Map<const Matrix> x(sketches_.data() + sketches_.size() - static_cast<size_t>(pixels),
                                   pixels, 1);
  net.forward(x);
  const auto probs = net.probs();
  Index best = 0;
  for (Index c = 1; c < probs.rows(); ++c) {
    if (probs(c, 0) > probs(best, 0)) best = c;
  }
  *cls = static_cast<int>(best);
  *p = probs(best, 0);
}

void FineTune::step() {
  switch (phase_) {
    case Phase::kValidatingBefore:
    case Phase::kValidatingAfter:
      eval_chunk();
      break;
    case Phase::kTuning:
      tune_step();
      break;
    default:
      break;
  }
}

void FineTune::eval_chunk() {
  const Dataset& d = *trainer_->data();
  const std::vector<int32_t>& val = trainer_->split().val;
  const Index n = static_cast<Index>(val.size());
  const Index count = std::min<Index>(n - eval_pos_, std::min<Index>(x_.cols(),
                                      std::max(1, trainer_->config().eval_chunk)));
  if (count > 0) {
    gather_batch(d.train_images.data(), d.train_labels.data(), d.pixels(), val.data() + eval_pos_,
                 count, &x_, y_.data());
    Network& net = trainer_->tuned_network();
    net.forward(x_.leftCols(count));
    int correct = 0;
    eval_loss_ += net.loss_sum(y_.data(), &correct);
    eval_correct_ += correct;
    eval_pos_ += count;
  }
  if (eval_pos_ < n) return;
  const float acc = n ? static_cast<float>(static_cast<double>(eval_correct_) / n) : 0.0f;
  const float loss = n ? static_cast<float>(eval_loss_ / n) : 0.0f;
  eval_pos_ = 0;
  eval_correct_ = 0;
  eval_loss_ = 0;
  if (phase_ == Phase::kValidatingBefore) {
    val_before_ = acc;
    val_loss_before_ = loss;
    phase_ = Phase::kTuning;
  } else {
    val_after_ = acc;
    val_loss_after_ = loss;
    predict_newest(&after_, &after_p_);
    trainer_->set_tuned_val(acc, loss);
    phase_ = Phase::kDone;
  }
}

// One minibatch: data_per_batch training images drawn at random (with replacement: a few hundred
// batches see a small share of the set), then sketches_per_batch augmented sketch copies, half of
// them the newest sketch so one correction among many still takes.
void FineTune::tune_step() {
  const Dataset& d = *trainer_->data();
  const std::vector<int32_t>& train = trainer_->split().train;
  const Index data = train.empty() ? 0 : config_.data_per_batch;
  for (Index j = 0; j < data; ++j) {
    picks_[static_cast<size_t>(j)] = train[pick_rng_.below(static_cast<uint32_t>(train.size()))];
  }
  if (data > 0) {
    gather_batch(d.train_images.data(), d.train_labels.data(), d.pixels(), picks_.data(), data,
                 &x_, y_.data());
  }
  const Index pixels = static_cast<Index>(side_) * side_;
  const uint32_t n = static_cast<uint32_t>(labels_.size());
  for (int k = 0; k < config_.sketches_per_batch; ++k) {
    const uint32_t s = (k % 2 == 0) ? n - 1 : pick_rng_.below(n);
    const Index col = data + k;
    std::copy_n(sketches_.data() + static_cast<size_t>(s) * static_cast<size_t>(pixels), pixels,
                x_.col(col).data());
    augment_image(x_.col(col).data(), side_, augment_rng_, scratch_, config_.limits);
    y_[static_cast<size_t>(col)] = labels_[s];
  }
  const Index count = data + config_.sketches_per_batch;
  const Eigen::Ref<const Matrix> x = x_.leftCols(count);
  Network& net = trainer_->tuned_network();
  net.forward_train(x, dropout_rng_);
  int correct = 0;
  const double loss = net.loss_sum(y_.data(), &correct);
  // A step that would break the model is not taken (never seen with the lesson's rates).
  if (std::isfinite(loss)) {
    net.backward(x, y_.data());
    trainer_->tuned_optimizer().step(net.params(), net.grads());
  }
  if (++steps_done_ >= config_.steps) {
    if (!net.all_finite()) {  // back to before: a broken model is never kept
      net.params() = params_before_;
      trainer_->tuned_optimizer() = opt_before_;
    }
    phase_ = Phase::kValidatingAfter;
  }
}

}  // namespace fm
