// The training state machine: one minibatch or one evaluation chunk per step(), deterministic
// from one seed, with divergence detection and a last-good-epoch snapshot to go back to.
#include "core/trainer.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace fm {

namespace {

// Shuffles use their own stream, so the number of init draws never shifts the epoch orders.
constexpr uint64_t kShuffleStream = 0x53687566666C6521ull;  // "Shuffle!"
// Dropout masks too: a model without dropout never touches it, so adding dropout to one model
// never shifts another's shuffles or weights.
constexpr uint64_t kDropoutStream = 0x44726F706F757421ull;  // "Dropout!"
// Augmentation too: a run without it never draws from it.
constexpr uint64_t kAugmentStream = 0x4175676D656E7421ull;  // "Augment!"
// A conv net keeps every layer's output and two gradient buffers for each column of a forward pass
// (the book CNN: ~390 KB a column), so its evaluation steps go through the network this many
// samples at a time (the book CNN: ~25 MB of buffers, not 2000 columns' 780 MB).
constexpr Index kConvEvalColumns = 64;
// 10× the loss of a uniform guess over 10 classes: no working model stays above it.
const double kLossCeiling = 10.0 * std::log(10.0);
constexpr int kMaxBadBatches = 50;
constexpr double kSmoothing = 0.9;  // EMA weight of the previous smoothed loss

Status check_data(const Dataset& data) {
  const Index pixels = data.pixels();
  if (pixels <= 0) return Status::Error(ErrorCode::kDataNoImageSize);
  if (data.train_count() == 0) return Status::Error(ErrorCode::kDataNoTrainingImages);
  if (static_cast<Index>(data.train_images.size()) != data.train_count() * pixels ||
      static_cast<Index>(data.test_images.size()) != data.test_count() * pixels) {
    return Status::Error(ErrorCode::kDataCountsDisagree);
  }
  return Status::Ok();
}

}  // namespace

const char* phase_name(Phase phase) {
  switch (phase) {
    case Phase::kIdle:
      return "idle";
    case Phase::kTraining:
      return "training";
    case Phase::kValidating:
      return "validating";
    case Phase::kTesting:
      return "testing";
    case Phase::kDone:
      return "done";
    case Phase::kDiverged:
      return "diverged";
  }
  return "unknown";
}

// --- setup ---

void Trainer::setup(const Dataset& data, const TrainConfig& config) {
  *this = Trainer();
  data_ = &data;
  config_ = config;
  split_ = holdout_split(data.train_count(), config.val_fraction, config.seed);
  const Architecture arch = architecture_for(config, data.side);
  eval_columns_ = arch.is_dense() ? config.eval_chunk
                                  : std::min<Index>(config.eval_chunk, kConvEvalColumns);
  net_ = Network(arch, std::max<Index>(config.batch, eval_columns_));
  opt_.reset(config.optimizer, net_.params().size());
  rng_.reseed(config.seed ^ kShuffleStream);
  dropout_rng_.reseed(config.seed ^ kDropoutStream);
  augment_rng_.reseed(config.seed ^ kAugmentStream);
  if (config.augment) augment_scratch_ = AugmentScratch(data.side);
  if (config.early_stopping > 0) {
    best_params_.resize(net_.params().size());
    best_pred_.reserve(split_.val.size());
  }
  order_.reserve(split_.train.size());
  all_test_.resize(data.test_labels.size());
  for (size_t i = 0; i < all_test_.size(); ++i) all_test_[i] = static_cast<int32_t>(i);
  const Index gathered = std::max<Index>(config.batch, config.eval_chunk);
  x_.resize(data.pixels(), gathered);
  y_.assign(gathered, 0);
  eval_pred_.assign(split_.val.size(), 0);
  history_.reserve(config.epochs);
  // Enough for the whole run at this batch size (capped): push_back in step() rarely allocates.
  const Index batches = config.epochs * batches_per_epoch();
  batch_history_.reserve(static_cast<size_t>(std::min<Index>(batches, Index(1) << 20)));
}

Status Trainer::start(const Dataset& data, const TrainConfig& config) {
  Status status = check_data(data);
  if (status) status = validate(config, data.train_count());
  if (status) status = check_model_side(config, data.side);
  if (!status) return status;
  setup(data, config);
  Rng init_rng(config.seed);
  net_.init_glorot(init_rng);
  snapshot_ = net_.params();
  opt_snapshot_ = opt_;
  dropout_rng_snapshot_ = dropout_rng_;
  augment_rng_snapshot_ = augment_rng_;
  begin_epoch();
  return Status::Ok();
}

Status Trainer::adopt(const Dataset& data, const TrainConfig& config, const Vector& params,
                      const History& history, const std::vector<CurvePoint>& curve) {
  Status status = check_data(data);
  if (status) status = validate(config, data.train_count());
  if (status) status = check_model_side(config, data.side);
  if (status) status = check_history(history);
  if (status) status = check_curve(curve, history.size());
  if (!status) return status;
  const Architecture arch = architecture_for(config, data.side);
  if (params.size() != arch.param_count()) {
    return Status::Error(ErrorCode::kWeightCount,
                         {param(params.size()), param(arch.param_count())});
  }
  if (!params.allFinite()) return Status::Error(ErrorCode::kWeightsNotFinite);
  setup(data, config);
  net_.params() = params;
  snapshot_ = params;
  opt_snapshot_ = opt_;
  // The epochs behind the weights: the shuffle stream is where that run left it.
  history_ = history;
  adopted_curve_ = curve;
  epoch_ = adopted_epochs_ = static_cast<int>(history.size());
  config_.epochs = std::max(config_.epochs, epoch_);
  for (int e = 0; e < epoch_; ++e) {
    order_ = split_.train;
    rng_.shuffle(order_);
  }
  samples_seen_ = snapshot_samples_ = static_cast<long long>(epoch_) * static_cast<long long>(split_.train.size());
  adopting_ = true;
  begin_validation();
  return Status::Ok();
}

void Trainer::reset() { *this = Trainer(); }

// --- driving ---

bool Trainer::busy() const {
  return phase_ == Phase::kTraining || phase_ == Phase::kValidating || phase_ == Phase::kTesting;
}

void Trainer::step() {
  switch (phase_) {
    case Phase::kTraining:
      train_step();
      break;
    case Phase::kValidating:
    case Phase::kTesting:
      eval_step();
      break;
    default:
      break;
  }
}

void Trainer::fit(const std::function<void(const EpochRecord&)>& on_epoch) {
  while (busy()) {
    const size_t records = history_.size();
    step();
    if (on_epoch && history_.size() > records) on_epoch(history_.back());
  }
}

Index Trainer::batches_per_epoch() const {
  if (!data_) return 0;
  const Index n = static_cast<Index>(split_.train.size());
  const Index batch = config_.batch;
  if (phase_ == Phase::kTraining) return batch_pos_ + (n - sample_pos_ + batch - 1) / batch;
  return (n + batch - 1) / batch;
}

std::vector<CurvePoint> Trainer::curve(size_t max) const {
  std::vector<CurvePoint> points = adopted_curve_;
  const double per_epoch = static_cast<double>(std::max<Index>(1, batches_per_epoch()));
  for (size_t i = 0; i < batch_history_.size(); ++i) {
    const float x = static_cast<float>(adopted_epochs_ + static_cast<double>(i + 1) / per_epoch);
    const BatchRecord& b = batch_history_[i];
    // Finite points within the epochs finished (a diverged stretch is not the model's).
    if (x > static_cast<float>(epoch_) || !std::isfinite(b.loss) || b.loss < 0 || !(b.acc >= 0 && b.acc <= 1)) break;
    if (!points.empty() && x <= points.back().x) continue;
    points.push_back({x, b.loss, b.acc});
  }
  return thin_curve(points, max);
}

// --- commands ---

Status Trainer::set_lr(float lr) {
  if (!(std::isfinite(lr) && lr > 0)) {
    return Status::Error(ErrorCode::kLearningRate, {param(lr)});
  }
  config_.optimizer.lr = lr;
  opt_.set_lr(lr);
  return Status::Ok();
}

Status Trainer::set_batch(int batch) {
  const Index limit = data_ ? static_cast<Index>(split_.train.size()) : Index(1) << 30;
  if (batch < 1 || batch > limit) {
    return Status::Error(ErrorCode::kBatchSize, {param(limit), param(batch)});
  }
  config_.batch = batch;
  if (!data_) return Status::Ok();
  // Grow the buffers here, outside step(), so training never allocates.
  if (batch > x_.cols()) {
    x_.resize(x_.rows(), batch);
    y_.resize(batch);
  }
  net_.reserve(batch);
  return Status::Ok();
}

Status Trainer::continue_from_snapshot() {
  if (phase_ != Phase::kDiverged) {
    return Status::Error(ErrorCode::kNotDiverged);
  }
  net_.params() = snapshot_;
  opt_ = opt_snapshot_;
  opt_.set_lr(config_.optimizer.lr);  // keep a learning rate changed since the snapshot
  dropout_rng_ = dropout_rng_snapshot_;
  augment_rng_ = augment_rng_snapshot_;
  samples_seen_ = snapshot_samples_;
  batch_history_.resize(snapshot_batches_);
  divergence_ = Status::Ok();
  smoothed_loss_ = -1;
  bad_batches_ = 0;
  begin_epoch();  // the epoch after the snapshot, with a fresh shuffle
  return Status::Ok();
}

void Trainer::request_test_eval() {
  if (phase_ == Phase::kDone) begin_test();
}

bool Trainer::extend(int count) {
  if (phase_ != Phase::kDone || count < 1 || count > kMaxEpochs - epoch_) return false;
  config_.epochs = epoch_ + count;
  if (restored_best_) {
    net_.params() = snapshot_;  // the last epoch's weights, as a longer run has them
    restored_best_ = false;
  }
  if (stopped_early_) {
    stopped_early_ = false;
    epochs_without_improvement_ = 0;
  }
  begin_epoch();
  return true;
}

// --- training ---

void Trainer::begin_epoch() {
  order_ = split_.train;  // reuses order_'s capacity
  rng_.shuffle(order_);
  sample_pos_ = 0;
  batch_pos_ = 0;
  epoch_loss_sum_ = 0;
  epoch_correct_ = 0;
  epoch_samples_ = 0;
  phase_ = Phase::kTraining;
}

void Trainer::train_step() {
  const Index n = static_cast<Index>(order_.size());
  const Index count = std::min<Index>(config_.batch, n - sample_pos_);
  gather_batch(data_->train_images.data(), data_->train_labels.data(), data_->pixels(),
               order_.data() + sample_pos_, count, &x_, y_.data());
  if (config_.augment) {
    for (Index j = 0; j < count; ++j) {
      augment_image(x_.col(j).data(), data_->side, augment_rng_, augment_scratch_);
    }
  }
  const Eigen::Ref<const Matrix> x = x_.leftCols(count);  // pixels×B, no copy
  net_.forward_train(x, dropout_rng_);
  int correct = 0;
  const double batch_loss_sum = net_.loss_sum(y_.data(), &correct);
  const double batch_loss = batch_loss_sum / static_cast<double>(count);
  // The loss is that of the weights before this update: a non-finite one is never applied.
  if (!std::isfinite(static_cast<float>(batch_loss))) {
    diverge(batch_pos_ + 1, ErrorCode::kWhyLoss, {param(batch_loss)});
    return;
  }
  net_.backward(x, y_.data());
  opt_.step(net_.params(), net_.grads());

  // Divergence rule: smoothed_loss_ is an exponential moving average of the batch mean losses
  // (weight 0.9 on the past, starting at the first batch). If it stays above 10·ln 10 for 50
  // batches in a row, training has blown up even if every number is still finite. While the loss
  // is that high we also check the weights (cheap, and catches inf/NaN before the next forward).
  smoothed_loss_ =
      smoothed_loss_ < 0 ? batch_loss : kSmoothing * smoothed_loss_ + (1 - kSmoothing) * batch_loss;
  if (smoothed_loss_ > kLossCeiling || batch_loss > kLossCeiling) {
    if (!net_.all_finite()) {
      diverge(batch_pos_ + 1, ErrorCode::kWhyWeightsLoss, {param(batch_loss)});
      return;
    }
  }
  bad_batches_ = smoothed_loss_ > kLossCeiling ? bad_batches_ + 1 : 0;
  if (bad_batches_ >= kMaxBadBatches) {
    diverge(batch_pos_ + 1, ErrorCode::kWhyLossAbove,
            {param(smoothed_loss_), param(kLossCeiling), param(kMaxBadBatches)});
    return;
  }

  epoch_loss_sum_ += batch_loss_sum;
  epoch_correct_ += correct;
  epoch_samples_ += count;
  sample_pos_ += count;
  ++batch_pos_;
  samples_seen_ += count;
  const double samples = static_cast<double>(epoch_samples_);
  const BatchRecord record{static_cast<float>(epoch_loss_sum_ / samples),
                           static_cast<float>(static_cast<double>(epoch_correct_) / samples)};
  if (!std::isfinite(record.loss)) {
    diverge(batch_pos_, ErrorCode::kWhyRunningLoss, {param(epoch_loss_sum_ / samples)});
    return;
  }
  batch_history_.push_back(record);

  if (sample_pos_ >= n) {
    if (!net_.all_finite()) {
      diverge(batch_pos_, ErrorCode::kWhyWeights, {});
      return;
    }
    begin_validation();
  }
}

void Trainer::diverge(Index batch, ErrorCode why, std::vector<std::string> why_params) {
  divergence_ = Status::Error(ErrorCode::kDiverged,
                              {param(epoch_ + 1), param(batch),
                               param(suggested_lr(config_.optimizer.lr))})
                    .because(why, std::move(why_params));
  net_.params() = snapshot_;
  phase_ = Phase::kDiverged;
}

// --- evaluation passes ---

void Trainer::begin_validation() {
  phase_ = Phase::kValidating;
  eval_pos_ = 0;
  eval_loss_sum_ = 0;
  eval_correct_ = 0;
  eval_confusion_.clear();
  eval_hardest_.clear();
}

void Trainer::begin_test() {
  phase_ = Phase::kTesting;
  eval_pos_ = 0;
  eval_loss_sum_ = 0;
  eval_correct_ = 0;
}

void Trainer::eval_step() {
  const bool validating = phase_ == Phase::kValidating;
  const std::vector<int32_t>& indices = validating ? split_.val : all_test_;
  const uint8_t* images = validating ? data_->train_images.data() : data_->test_images.data();
  const uint8_t* labels = validating ? data_->train_labels.data() : data_->test_labels.data();
  const Index n = static_cast<Index>(indices.size());
  const Index count = std::min<Index>(config_.eval_chunk, n - eval_pos_);
  if (count > 0) {
    gather_batch(images, labels, data_->pixels(), indices.data() + eval_pos_, count, &x_,
                 y_.data());
    // Through the network at most eval_columns_ at a time (all at once for Dense models).
    for (Index first = 0; first < count; first += eval_columns_) {
      const Index part = std::min<Index>(eval_columns_, count - first);
      net_.forward(x_.middleCols(first, part));
      int correct = 0;
      eval_loss_sum_ += net_.loss_sum(y_.data() + first, &correct);
      eval_correct_ += correct;
      if (!validating) continue;
      const Eigen::Block<const Matrix> probs = net_.probs();  // 10×part
      for (Index j = 0; j < part; ++j) {
        Index predicted = 0;
        const float confidence = probs.col(j).maxCoeff(&predicted);  // first max, as in loss_sum
        const Index k = eval_pos_ + first + j;
        const uint8_t label = y_[static_cast<size_t>(first + j)];
        eval_pred_[k] = static_cast<uint8_t>(predicted);
        eval_confusion_.add(label, static_cast<int>(predicted));
        if (predicted != label) {
          eval_hardest_.offer({indices[k], label, static_cast<uint8_t>(predicted), confidence});
        }
      }
    }
    eval_pos_ += count;
  }
  if (eval_pos_ >= n) {
    if (validating) {
      finish_validation();
    } else {
      finish_test();
    }
  }
}

void Trainer::finish_validation() {
  const double n = static_cast<double>(split_.val.size());
  const float val_loss = static_cast<float>(eval_loss_sum_ / n);
  const float val_acc = static_cast<float>(static_cast<double>(eval_correct_) / n);
  if (!adopting_ && !std::isfinite(val_loss)) {
    diverge(batch_pos_, ErrorCode::kWhyValLoss, {param(eval_loss_sum_ / n)});
    return;
  }
  // Copies, not swaps: the staging buffers keep their size, so later passes never allocate.
  val_confusion_ = eval_confusion_;
  val_hardest_ = eval_hardest_;
  val_pred_ = eval_pred_;
  val_loss_ = val_loss;
  val_acc_ = val_acc;
  if (adopting_) {
    begin_test();
    return;
  }
  const double samples = static_cast<double>(epoch_samples_);
  EpochRecord record;
  record.epoch = epoch_ + 1;
  record.train_loss = static_cast<float>(epoch_loss_sum_ / samples);
  record.train_acc = static_cast<float>(static_cast<double>(epoch_correct_) / samples);
  record.val_loss = val_loss;
  record.val_acc = val_acc;
  history_.push_back(record);
  ++epoch_;
  snapshot_ = net_.params();
  opt_snapshot_ = opt_;
  dropout_rng_snapshot_ = dropout_rng_;
  augment_rng_snapshot_ = augment_rng_;
  snapshot_samples_ = samples_seen_;
  snapshot_batches_ = batch_history_.size();
  if (config_.early_stopping > 0) {
    // Keras' EarlyStopping(monitor='val_loss', min_delta=0): better means strictly lower.
    if (best_epoch_ == 0 || val_loss < best_val_loss_) {
      best_epoch_ = epoch_;
      best_val_loss_ = val_loss;
      best_val_acc_ = val_acc;
      best_params_ = net_.params();  // copies into buffers sized by setup(): no allocation
      best_confusion_ = val_confusion_;
      best_hardest_ = val_hardest_;
      best_pred_ = val_pred_;
      epochs_without_improvement_ = 0;
    } else if (++epochs_without_improvement_ >= config_.early_stopping) {
      stopped_early_ = epoch_ < config_.epochs;
      end_training();
      return;
    }
  }
  if (epoch_ < config_.epochs) {
    begin_epoch();
  } else {
    end_training();
  }
}

void Trainer::end_training() {
  // restore_best_weights: the run ends with the best epoch's weights and validation results,
  // whether patience ran out or the epochs did (Keras restores only on a stop). The last epoch's
  // weights stay in snapshot_ for extend().
  if (config_.early_stopping > 0 && best_epoch_ > 0 && best_epoch_ != epoch_) {
    net_.params() = best_params_;
    val_loss_ = best_val_loss_;
    val_acc_ = best_val_acc_;
    val_confusion_ = best_confusion_;
    val_hardest_ = best_hardest_;
    val_pred_ = best_pred_;
    restored_best_ = true;
  }
  begin_test();
}

void Trainer::finish_test() {
  const double n = static_cast<double>(all_test_.size());
  test_loss_ = static_cast<float>(eval_loss_sum_ / n);
  test_acc_ = static_cast<float>(static_cast<double>(eval_correct_) / n);
  adopting_ = false;
  phase_ = Phase::kDone;
}

}  // namespace fm
