// The explanation index: a weights snapshot's representation of the validation set (its map) and
// of the rows searched for the sketch's neighbours, built a chunk of images per step.
#include "engine/explain_index.h"

#include <algorithm>
#include <cmath>

namespace fm {

const char* rep_space_name(RepSpace space) {
  switch (space) {
    case RepSpace::kPixels:
      return "pixels";
    case RepSpace::kHidden:
      return "hidden";
    case RepSpace::kLogits:
      return "logits";
  }
  return "unknown";
}

struct ExplainIndex::Built {
  enum class Stage : uint8_t { kVal, kTrain, kDone };
  const Dataset* data = nullptr;
  std::vector<int32_t> train_ids, val_ids;
  Network net;  // the snapshot's weights
  int epoch = 0;
  RepSpace map_space = RepSpace::kLogits, nb_space = RepSpace::kPixels;
  bool nb_val = false;
  Index dim = 0, chunk = 1;
  Matrix x;      // inputs×chunk
  Matrix e;      // dim×(validation images): the map's space, until finished
  Matrix one;    // inputs×1: a query
  CovarianceSum cov;
  Quantizer q;   // the neighbour rows' codes (hidden or logits space)
  std::vector<uint8_t> codes;  // rows×dim: the training rows' (MLP) or validation rows' (CNN)
  PlaneProjection plane;
  std::vector<float> points;  // x, y per validation image
  Stage stage = Stage::kVal;
  Index pos = 0;

  // The representation of the last forward's `cols` columns: dim×cols.
  Eigen::Map<const Matrix> rep(Index cols) const {
    if (map_space == RepSpace::kLogits) {
      const Eigen::Block<const Matrix> z = net.logits();
      return Eigen::Map<const Matrix>(z.data(), z.rows(), cols);  // the block's columns are contiguous
    }
    const std::vector<LayerActivations> a = net.activations(0);
    return Eigen::Map<const Matrix>(a.back().values, dim, cols);
  }
};

ExplainIndex::ExplainIndex() = default;
ExplainIndex::~ExplainIndex() = default;

void ExplainIndex::clear() {
  building_.reset();
  ready_.reset();
}

void ExplainIndex::start(const Dataset& data, const Split& split, const Architecture& arch,
                         const Vector& params, int epoch, int chunk) {
  building_.reset();
  if (split.val.size() < 2 || params.size() != arch.param_count()) return;
  auto b = std::make_unique<Built>();
  b->data = &data;
  b->train_ids = split.train;
  b->val_ids = split.val;
  b->chunk = std::clamp<Index>(chunk, 1, 2000);
  b->net = Network(arch, b->chunk);
  b->net.params() = params;
  b->epoch = epoch;
  b->x.resize(arch.inputs, b->chunk);
  b->one.resize(arch.inputs, 1);
  if (arch.layers.empty()) {  // the softmax: the map of its logits, neighbours by pixels
    b->map_space = RepSpace::kLogits;
    b->nb_space = RepSpace::kPixels;
  } else {
    // The last hidden layer's width, from a forward of one blank column.
    b->one.setZero();
    b->net.forward(b->one);
    const std::vector<LayerActivations> a = b->net.activations(0);
    const Index width = a.empty() ? 0 : static_cast<Index>(a.back().height) * a.back().width * a.back().channels;
    b->map_space = width > 0 && width <= kMaxMapDim ? RepSpace::kHidden : RepSpace::kLogits;
    b->nb_space = b->map_space;
    b->nb_val = !arch.is_dense();
  }
  b->dim = b->map_space == RepSpace::kLogits ? arch.outputs
                                             : static_cast<Index>(b->net.activations(0).back().height) *
                                                   b->net.activations(0).back().width *
                                                   b->net.activations(0).back().channels;
  b->e.resize(b->dim, static_cast<Index>(b->val_ids.size()));
  building_ = std::move(b);
}

void ExplainIndex::forward_rows(Built& b, const std::vector<int32_t>& ids, Index first, Index count) {
  gather_batch(b.data->train_images.data(), nullptr, b.data->pixels(), ids.data() + first, count, &b.x,
               nullptr);
  b.net.forward(b.x.leftCols(count));
}

bool ExplainIndex::step() {
  if (!building_) return false;
  Built& b = *building_;
  if (b.stage == Built::Stage::kVal) {
    const Index n = static_cast<Index>(b.val_ids.size());
    const Index count = std::min(b.chunk, n - b.pos);
    forward_rows(b, b.val_ids, b.pos, count);
    const Eigen::Map<const Matrix> r = b.rep(count);
    b.e.middleCols(b.pos, count) = r;
    if (b.pos == 0) b.cov.reset(r.rowwise().mean());  // a shift near the mean: accurate sums
    b.cov.add(r);
    b.pos += count;
    if (b.pos < n) return false;
    b.pos = 0;
    if (b.nb_space != RepSpace::kPixels && !b.nb_val) {  // an MLP: the training rows next
      b.q = Quantizer::spanning(b.e.data(), static_cast<size_t>(b.e.size()));
      b.codes.assign(b.train_ids.size() * static_cast<size_t>(b.dim), 0);
      b.stage = Built::Stage::kTrain;
      return false;
    }
    b.stage = Built::Stage::kDone;
  } else if (b.stage == Built::Stage::kTrain) {
    const Index n = static_cast<Index>(b.train_ids.size());
    const Index count = std::min(b.chunk, n - b.pos);
    forward_rows(b, b.train_ids, b.pos, count);
    const Eigen::Map<const Matrix> r = b.rep(count);
    quantize(b.q, r.data(), static_cast<size_t>(r.size()), b.codes.data() + b.pos * b.dim);
    b.pos += count;
    if (b.pos < n) return false;
    b.stage = Built::Stage::kDone;
  }
  finish();
  return true;
}

void ExplainIndex::finish() {
  Built& b = *building_;
  b.plane = b.cov.plane();
  const Index n = b.e.cols();
  if (b.nb_val) {  // a CNN: its neighbours are validation images
    b.q = Quantizer::spanning(b.e.data(), static_cast<size_t>(b.e.size()));
    b.codes.resize(static_cast<size_t>(b.e.size()));
    quantize(b.q, b.e.data(), b.codes.size(), b.codes.data());
  }
  Matrix p;
  if (b.plane.valid()) {
    b.plane.project(b.e, &p);
    // Turned to the previous map of the same validation set, so dots move rather than flip.
    if (ready_ && ready_->val_ids == b.val_ids && ready_->points.size() == static_cast<size_t>(2 * n)) {
      const Eigen::Map<const Matrix> previous(ready_->points.data(), 2, n);
      const Eigen::Matrix2f r = alignment(p, previous);
      turn(&b.plane, r);
      p = r * p;
    }
  } else {
    p = Matrix::Zero(2, n);
  }
  b.points.assign(p.data(), p.data() + p.size());
  b.e.resize(0, 0);  // the map's points are all that is kept
  b.x.resize(b.x.rows(), 1);
  ready_ = std::move(building_);
}

int ExplainIndex::epoch() const { return ready_ ? ready_->epoch : -1; }
RepSpace ExplainIndex::map_space() const { return ready_ ? ready_->map_space : RepSpace::kLogits; }
RepSpace ExplainIndex::neighbour_space() const { return ready_ ? ready_->nb_space : RepSpace::kPixels; }
bool ExplainIndex::neighbours_from_val() const { return ready_ && ready_->nb_val; }
int ExplainIndex::map_dim() const { return ready_ ? static_cast<int>(ready_->dim) : 0; }

const std::vector<float>& ExplainIndex::points() const {
  static const std::vector<float> kNone;
  return ready_ ? ready_->points : kNone;
}

bool ExplainIndex::query(const float* input, int inputs, NeighbourAnswer* out) {
  if (!ready_ || inputs != ready_->net.arch().inputs) return false;
  Built& b = *ready_;
  std::copy(input, input + inputs, b.one.data());
  b.net.forward(b.one);
  const Eigen::Map<const Matrix> r = b.rep(1);
  out->x = out->y = 0;
  if (b.plane.valid()) {
    Matrix p;
    b.plane.project(r, &p);
    out->x = p(0, 0);
    out->y = p(1, 0);
  }
  std::vector<Neighbour> found;
  std::vector<uint8_t> codes(static_cast<size_t>(b.nb_space == RepSpace::kPixels ? inputs : b.dim));
  if (b.nb_space == RepSpace::kPixels) {
    const Quantizer pixel{0.0f, 1.0f / 255.0f};
    quantize(pixel, input, codes.size(), codes.data());
    found = nearest_rows(b.data->train_images.data(), inputs, b.train_ids.data(),
                         static_cast<Index>(b.train_ids.size()), codes.data(), kNeighbours, pixel.step);
  } else {
    quantize(b.q, r.data(), codes.size(), codes.data());
    const std::vector<int32_t>& ids = b.nb_val ? b.val_ids : b.train_ids;
    found = nearest_rows(b.codes.data(), b.dim, nullptr, static_cast<Index>(ids.size()), codes.data(),
                         kNeighbours, b.q.step);
  }
  const std::vector<int32_t>& ids = b.nb_space == RepSpace::kPixels || !b.nb_val ? b.train_ids : b.val_ids;
  out->items.clear();
  for (const Neighbour& nb : found) {
    const int32_t index = ids[static_cast<size_t>(nb.row)];
    out->items.push_back({index, b.data->train_labels[static_cast<size_t>(index)], nb.distance});
  }
  return true;
}

}  // namespace fm
