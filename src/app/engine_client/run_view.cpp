// RunView: applies the engine's events (protocol.h) to the page's mirror of the run.
#include "app/engine_client/run_view.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "core/train_config.h"

namespace fm {
namespace {

constexpr float kNaNf = std::numeric_limits<float>::quiet_NaN();
constexpr size_t kMaxCurvePoints = 4000;  // halved (every other point kept) beyond this

long long whole(const FieldReader& f, std::string_view key, long long fallback = 0) {
  long long v = fallback;
  return f.get_whole(key, -(1LL << 62), 1LL << 62, &v) ? v : fallback;
}

float number(const FieldReader& f, std::string_view key, float fallback = kNaNf) {
  float v = fallback;
  return f.get_float(key, &v) ? v : fallback;
}

double real(const FieldReader& f, std::string_view key, double fallback = 0) {
  double v = fallback;
  return f.get_double(key, &v) ? v : fallback;
}

std::vector<double> doubles(const FieldReader& f, std::string_view key) {
  std::vector<double> out;
  for (const std::string& s : f.get_list(key)) {
    double v = 0;
    if (parse_number(s, &v) || s == "nan") out.push_back(s == "nan" ? std::nan("") : v);
  }
  return out;
}

}  // namespace

bool phase_from_name(std::string_view name, Phase* out) {
  for (Phase p : {Phase::kIdle, Phase::kTraining, Phase::kValidating, Phase::kTesting,
                  Phase::kDone, Phase::kDiverged}) {
    if (name == phase_name(p)) {
      *out = p;
      return true;
    }
  }
  return false;
}

RunView::RunView() { clear(); }

void RunView::clear() {
  has_model_ = false;
  phase_ = Phase::kIdle;
  paused_ = false;
  epoch_ = 0;
  batch_ = batches_per_epoch_ = samples_ = 0;
  history_.clear();
  names_ = default_class_names();
  test_acc_ = test_loss_ = saved_val_acc_ = kNaNf;
  config_ = TrainConfig{};
  params_ = train_ = val_ = test_ = 0;
  compute_s_ = train_compute_s_ = 0;
  has_weights_ = false;
  network_ = Network();
  confusion_.clear();
  hardest_.clear();
  val_indices_.clear();
  val_predictions_.clear();
  curve_.clear();
  blowup_.clear();
  divergence_ = Status::Ok();
  imported_ = false;
  stop_after_epoch_ = -1;
  best_epoch_ = 0;
  stopped_early_ = false;
  ++run_id_;
  snapshots_.clear();
  viewing_ = false;
  view_net_ = Network();
  fresh_val_ = false;
  eval_pos_ = -1;
  ++shown_version_;
}

bool RunView::busy() const {
  return phase_ == Phase::kTraining || phase_ == Phase::kValidating || phase_ == Phase::kTesting;
}

void RunView::begin_run(const FieldReader& f, const Message& m, bool imported) {
  const CvView cv = cv_;
  clear();
  cv_ = cv;
  has_model_ = true;
  imported_ = imported;
  Settings s;
  parse_settings(f, &s);  // the engine's own rows: all valid
  settings_ = s;
  config_ = to_train_config(s);
  train_ = whole(f, "train");
  val_ = whole(f, "val");
  test_ = whole(f, "test");
  batches_per_epoch_ = whole(f, "batches_per_epoch");
  params_ = whole(f, "params");
  saved_val_acc_ = number(f, "saved_val_acc");
  phase_ = imported ? Phase::kValidating : Phase::kTraining;
  val_indices_ = bytes_to_int32(m.payload);
  const std::vector<std::string> names = f.get_list("names");
  if (names.size() == names_.size()) std::copy(names.begin(), names.end(), names_.begin());
  // An imported model's epochs (the engine checked them: check_history).
  const std::vector<double> tl = doubles(f, "history_train_loss"), ta = doubles(f, "history_train_acc"),
                            vl = doubles(f, "history_val_loss"), va = doubles(f, "history_val_acc");
  if (ta.size() == tl.size() && vl.size() == tl.size() && va.size() == tl.size()) {
    for (size_t i = 0; i < tl.size(); ++i) {
      history_.push_back({static_cast<int>(i) + 1, static_cast<float>(tl[i]), static_cast<float>(ta[i]),
                          static_cast<float>(vl[i]), static_cast<float>(va[i])});
    }
    epoch_ = static_cast<int>(history_.size());
  }
}

void RunView::trim_curve_to_epoch(bool keep_blowup) {
  // The weights are back at the end of the last finished epoch: so are the curves (this also
  // drops the exploding, finite but meaningless, points before the stop; blowup() keeps them).
  const float last_good = static_cast<float>(epoch_);
  size_t keep = curve_.size();
  while (keep > 0 && (curve_[keep - 1].x > last_good || !std::isfinite(curve_[keep - 1].loss))) --keep;
  if (keep_blowup) {
    for (size_t i = keep; i < curve_.size(); ++i) {
      if (blowup_.empty() || curve_[i].x > blowup_.back().x) blowup_.push_back(curve_[i]);
    }
  }
  curve_.resize(keep);
}

bool RunView::apply(const Message& m) {
  const std::string_view type = message_type(m);
  const FieldReader f = message_fields(m);
  if (type == "started" || type == "imported") {
    begin_run(f, m, type == "imported");
    return true;
  }
  if (type == "reset") {
    const CvView cv = cv_;
    clear();
    cv_ = cv;
    return true;
  }
  if (type.substr(0, 3) == "cv_") {
    if (type == "cv_progress") {
      cv_.running = true;
      cv_.done = cv_.cancelled = false;
      cv_.side = static_cast<int>(whole(f, "side"));
      cv_.fold = static_cast<int>(whole(f, "fold"));
      cv_.folds = static_cast<int>(whole(f, "folds"));
      cv_.fold_progress = real(f, "fold_progress");
      cv_.scores = doubles(f, "scores");
      cv_.compute_s = real(f, "compute_s");
      cv_.mean = std::nan("");
    } else if (type == "cv_done") {
      cv_.running = false;
      cv_.done = true;
      cv_.side = static_cast<int>(whole(f, "side"));
      cv_.folds = static_cast<int>(whole(f, "folds"));
      cv_.scores = doubles(f, "scores");
      cv_.mean = real(f, "mean", std::nan(""));
      cv_.compute_s = real(f, "compute_s");
    } else if (type == "cv_cancelled") {
      cv_.running = false;
      cv_.cancelled = true;
    } else {
      return false;
    }
    return true;
  }
  if (!has_model_) return false;  // a late event of a dropped run
  if (type == "progress") {
    Phase p = phase_;
    if (phase_from_name(f.get("phase"), &p)) phase_ = p;
    paused_ = f.get("paused") == "1";
    epoch_ = static_cast<int>(whole(f, "epoch", epoch_));
    const long long epochs = whole(f, "epochs", settings_.epochs);
    if (epochs > 0) settings_.epochs = config_.epochs = static_cast<int>(epochs);
    batch_ = whole(f, "batch", batch_);
    batches_per_epoch_ = whole(f, "batches_per_epoch", batches_per_epoch_);
    samples_ = whole(f, "samples_seen", samples_);
    const float lr = number(f, "lr", settings_.lr);
    if (std::isfinite(lr) && lr > 0) settings_.lr = config_.optimizer.lr = lr;
    compute_s_ = real(f, "compute_s", compute_s_);
    train_compute_s_ = real(f, "train_compute_s", train_compute_s_);
    const std::vector<float> pts = bytes_to_floats(m.payload);
    for (size_t i = 0; i + 2 < pts.size(); i += 3) {
      if (!curve_.empty() && pts[i] <= curve_.back().x) continue;
      curve_.push_back({pts[i], pts[i + 1], pts[i + 2]});
    }
    if (curve_.size() > kMaxCurvePoints) {
      size_t j = 0;
      for (size_t i = 0; i < curve_.size(); i += 2) curve_[j++] = curve_[i];
      curve_.resize(j);
    }
    if (phase_ == Phase::kDiverged) trim_curve_to_epoch(true);
    return true;
  }
  if (type == "epoch") {
    EpochRecord e;
    e.epoch = static_cast<int>(whole(f, "epoch"));
    e.train_loss = number(f, "train_loss");
    e.train_acc = number(f, "train_acc");
    e.val_loss = number(f, "val_loss");
    e.val_acc = number(f, "val_acc");
    while (!history_.empty() && history_.back().epoch >= e.epoch) history_.pop_back();
    history_.push_back(e);
    epoch_ = std::max(epoch_, e.epoch);
    samples_ = whole(f, "samples_seen", samples_);
    compute_s_ = real(f, "compute_s", compute_s_);
    train_compute_s_ = real(f, "train_compute_s", train_compute_s_);
    best_epoch_ = static_cast<int>(whole(f, "best_epoch", best_epoch_));
    stopped_early_ = whole(f, "stopped_early", stopped_early_ ? 1 : 0) == 1;
    return true;
  }
  if (type == "confusion") {
    const std::vector<std::string> counts = f.get_list("counts");
    confusion_.clear();
    for (size_t i = 0; i < counts.size() && i < confusion_.counts.size(); ++i) {
      long long v = 0;
      if (parse_whole(counts[i], 0, 1LL << 31, &v)) confusion_.counts[i] = static_cast<int>(v);
    }
    return true;
  }
  if (type == "hardest") {
    const auto idx = f.get_list("indices"), lab = f.get_list("labels"),
               pred = f.get_list("predicted"), conf = f.get_list("confidence");
    hardest_.clear();
    for (size_t i = 0; i < idx.size() && i < lab.size() && i < pred.size() && i < conf.size(); ++i) {
      long long a = 0, b = 0, c = 0;
      float p = 0;
      if (!parse_whole(idx[i], 0, 1LL << 31, &a) || !parse_whole(lab[i], 0, 9, &b) ||
          !parse_whole(pred[i], 0, 9, &c) || !parse_float(conf[i], &p)) {
        continue;
      }
      hardest_.push_back({static_cast<int32_t>(a), static_cast<uint8_t>(b),
                          static_cast<uint8_t>(c), p});
    }
    return true;
  }
  if (type == "val_predictions") {
    val_predictions_ = m.payload;
    fresh_val_ = true;
    return true;
  }
  if (type == "weights") {
    const std::vector<float> p = bytes_to_floats(m.payload);
    const Architecture arch = architecture_for(config_, settings_.side);
    if (static_cast<long long>(p.size()) != arch.param_count()) return false;
    if (!has_weights_ || network_.arch().param_count() != arch.param_count()) {
      network_ = Network(arch, 1);
    }
    std::memcpy(network_.params().data(), p.data(), p.size() * sizeof(float));
    has_weights_ = true;
    ++weights_version_;
    if (!viewing_) ++shown_version_;
    if (f.get("keep") == "1") keep_snapshot(f, p);
    fresh_val_ = false;
    return true;
  }
  if (type == "error" && f.get("command") == "eval_weights") {
    const bool shown = viewing_ && view_pos_ == eval_pos_;
    drop_eval();
    return shown;
  }
  if (type == "weights_eval") {
    long long id = -1;
    if (!f.get_whole("id", 0, 1LL << 52, &id) || static_cast<uint64_t>(id) != eval_id_ || eval_pos_ < 0) return false;
    Snapshot r;
    r.val_acc = number(f, "val_acc");
    const std::vector<std::string> counts = f.get_list("counts");
    for (size_t i = 0; i < counts.size() && i < r.confusion.counts.size(); ++i) {
      long long v = 0;
      if (parse_whole(counts[i], 0, 1LL << 31, &v)) r.confusion.counts[i] = static_cast<int>(v);
    }
    const auto idx = f.get_list("indices"), lab = f.get_list("labels"), pred = f.get_list("predicted"),
               conf = f.get_list("confidence");
    for (size_t i = 0; i < idx.size() && i < lab.size() && i < pred.size() && i < conf.size(); ++i) {
      long long a = 0, b = 0, c = 0;
      float q = 0;
      if (parse_whole(idx[i], 0, 1LL << 31, &a) && parse_whole(lab[i], 0, 9, &b) &&
          parse_whole(pred[i], 0, 9, &c) && parse_float(conf[i], &q)) {
        r.hardest.push_back({static_cast<int32_t>(a), static_cast<uint8_t>(b), static_cast<uint8_t>(c), q});
      }
    }
    r.predictions = m.payload;
    snapshots_.set_evaluation(eval_pos_, r, viewing_ ? view_pos_ : -1);
    if (viewing_ && view_pos_ == eval_pos_) ++shown_version_;
    eval_pos_ = -1;
    return true;
  }
  if (type == "paused") {
    paused_ = true;
    samples_ = whole(f, "samples_seen", samples_);
    epoch_ = static_cast<int>(whole(f, "epoch", epoch_));
    batch_ = whole(f, "batch", batch_);
    stop_after_epoch_ = -1;
    return true;
  }
  if (type == "resumed") {
    paused_ = false;
    const long long epochs = whole(f, "epochs", settings_.epochs);
    if (epochs > 0) settings_.epochs = config_.epochs = static_cast<int>(epochs);
    stop_after_epoch_ = static_cast<int>(whole(f, "stop_after_epoch", -1));
    if (phase_ == Phase::kDone) phase_ = Phase::kTraining;
    test_acc_ = test_loss_ = kNaNf;
    return true;
  }
  if (type == "lr_set") {
    const float lr = number(f, "lr", settings_.lr);
    if (std::isfinite(lr) && lr > 0) settings_.lr = config_.optimizer.lr = lr;
    return true;
  }
  if (type == "done") {
    phase_ = Phase::kDone;
    paused_ = false;
    test_acc_ = number(f, "test_acc");
    test_loss_ = number(f, "test_loss");
    epoch_ = static_cast<int>(whole(f, "epoch", epoch_));
    samples_ = whole(f, "samples_seen", samples_);
    compute_s_ = real(f, "compute_s", compute_s_);
    train_compute_s_ = real(f, "train_compute_s", train_compute_s_);
    best_epoch_ = static_cast<int>(whole(f, "best_epoch", best_epoch_));
    stopped_early_ = whole(f, "stopped_early", stopped_early_ ? 1 : 0) == 1;
    return true;
  }
  if (type == "diverged") {
    phase_ = Phase::kDiverged;
    paused_ = false;
    Status st;
    if (!read_status(f, &st)) st = Status::Error(ErrorCode::kNone);
    divergence_ = st;
    suggested_lr_ = number(f, "suggested_lr", ::fm::suggested_lr(settings_.lr));
    trim_curve_to_epoch(true);
    // The failing batch: its loss is the reason's first number (inf and nan parse too).
    const long long per_epoch = std::max<long long>(1, batches_per_epoch_);
    const float x = static_cast<float>(whole(f, "epoch", epoch_ + 1) - 1) +
                    static_cast<float>(whole(f, "batch", batch_)) / static_cast<float>(per_epoch);
    if (!st.why_params.empty() && (blowup_.empty() || x > blowup_.back().x)) {
      blowup_.push_back({x, std::strtof(st.why_params[0].c_str(), nullptr), kNaNf});
    }
    return true;
  }
  if (type == "continued") {
    divergence_ = Status::Ok();
    phase_ = Phase::kTraining;
    paused_ = false;
    const float lr = number(f, "lr", settings_.lr);
    if (std::isfinite(lr) && lr > 0) settings_.lr = config_.optimizer.lr = lr;
    epoch_ = static_cast<int>(whole(f, "epoch", epoch_));
    samples_ = whole(f, "samples_seen", samples_);
    while (!history_.empty() && history_.back().epoch > epoch_) history_.pop_back();
    trim_curve_to_epoch(false);
    blowup_.clear();
    // The snapshots past the epoch it went back to were of the run that blew up.
    snapshots_.drop_after(pos_of(epoch_, 0));
    if (viewing_ && viewed() == nullptr) view_live();
    return true;
  }
  return false;
}

}  // namespace fm

namespace fm {

void RunView::keep_snapshot(const FieldReader& f, const std::vector<float>& params) {
  Snapshot s;
  s.epoch = static_cast<int>(whole(f, "epoch"));
  s.batch = whole(f, "batch");
  s.pos = pos_of(s.epoch, s.batch);
  s.params = params;
  // An epoch's end: the engine's validation results of these weights came just before.
  if (fresh_val_ && s.batch == 0 && s.epoch > 0) {
    s.evaluated = true;
    s.val_acc = history_.empty() ? kNaNf : history_.back().val_acc;
    s.confusion = confusion_;
    s.hardest = hardest_;
    s.predictions = val_predictions_;
  }
  snapshots_.add(std::move(s), viewing_ ? view_pos_ : -1);
}

bool RunView::view_at(long long pos) {
  const Snapshot* s = snapshots_.at_or_before(pos);
  if (s == nullptr) return false;
  if (viewing_ && view_pos_ == s->pos) return true;
  if (view_net_.arch() != network_.arch() || view_net_.params().size() != network_.params().size()) {
    view_net_ = Network(network_.arch(), 1);
  }
  if (static_cast<size_t>(view_net_.params().size()) != s->params.size()) return false;
  std::memcpy(view_net_.params().data(), s->params.data(), s->params.size() * sizeof(float));
  viewing_ = true;
  view_pos_ = s->pos;
  ++shown_version_;
  return true;
}

void RunView::view_live() {
  if (!viewing_) return;
  viewing_ = false;
  ++shown_version_;
}

bool RunView::shown_evaluated() const {
  const Snapshot* s = viewed();
  return !viewing_ || (s != nullptr && s->evaluated);
}

const ConfusionMatrix& RunView::shown_confusion() const {
  static const ConfusionMatrix kEmpty;
  if (!viewing_) return confusion_;
  const Snapshot* s = viewed();
  return s != nullptr && s->evaluated ? s->confusion : kEmpty;
}

const std::vector<Mistake>& RunView::shown_hardest() const {
  static const std::vector<Mistake> kNone;
  if (!viewing_) return hardest_;
  const Snapshot* s = viewed();
  return s != nullptr && s->evaluated ? s->hardest : kNone;
}

const std::vector<uint8_t>& RunView::shown_predictions() const {
  static const std::vector<uint8_t> kNone;
  if (!viewing_) return val_predictions_;
  const Snapshot* s = viewed();
  return s != nullptr && s->evaluated ? s->predictions : kNone;
}

uint64_t RunView::begin_eval(long long pos) {
  eval_pos_ = pos;
  return ++eval_id_;
}

void RunView::drop_eval() {
  if (eval_pos_ < 0) return;
  if (viewing_ && view_pos_ == eval_pos_) ++shown_version_;
  eval_pos_ = -1;
  ++eval_id_;  // an answer still on its way is not this view's any more
}

bool RunView::shown_eval_lost() const {
  const Snapshot* s = viewed();
  return s != nullptr && !s->evaluated && eval_pos_ != s->pos;
}

}  // namespace fm
