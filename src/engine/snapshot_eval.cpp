// SnapshotEval: the run's validation pass, on weights the page sent back.
#include "engine/snapshot_eval.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/split.h"

namespace fm {

void SnapshotEval::start(const Architecture& arch, const float* params, const Dataset& data,
                         const std::vector<int32_t>* indices, int chunk, int columns, long long id) {
  chunk_ = std::max(1, chunk);
  columns_ = std::clamp<Index>(columns, 1, chunk_);
  if (net_.arch() != arch || net_.params().size() != arch.param_count()) net_ = Network(arch, columns_);
  std::memcpy(net_.params().data(), params, static_cast<size_t>(arch.param_count()) * sizeof(float));
  data_ = &data;
  indices_ = indices;
  x_.resize(data.pixels(), chunk_);
  y_.assign(static_cast<size_t>(chunk_), 0);
  pos_ = 0;
  loss_sum_ = 0;
  correct_ = 0;
  id_ = id;
  confusion_.clear();
  hardest_.clear();
  predictions_.assign(indices->size(), 0);
  busy_ = !indices->empty();
}

void SnapshotEval::step() {
  if (!busy_) return;
  const std::vector<int32_t>& idx = *indices_;
  const Index n = static_cast<Index>(idx.size());
  const Index count = std::min<Index>(chunk_, n - pos_);
  gather_batch(data_->train_images.data(), data_->train_labels.data(), data_->pixels(),
               idx.data() + pos_, count, &x_, y_.data());
  for (Index first = 0; first < count; first += columns_) {  // as the Trainer's validation pass
    const Index part = std::min<Index>(columns_, count - first);
    net_.forward(x_.middleCols(first, part));
    int correct = 0;
    loss_sum_ += net_.loss_sum(y_.data() + first, &correct);
    correct_ += correct;
    const Eigen::Block<const Matrix> probs = net_.probs();  // 10×part
    for (Index j = 0; j < part; ++j) {
      Index predicted = 0;
      const float confidence = probs.col(j).maxCoeff(&predicted);
      const Index k = pos_ + first + j;
      const uint8_t label = y_[static_cast<size_t>(first + j)];
      predictions_[static_cast<size_t>(k)] = static_cast<uint8_t>(predicted);
      confusion_.add(label, static_cast<int>(predicted));
      if (predicted != label) {
        hardest_.offer({idx[static_cast<size_t>(k)], label, static_cast<uint8_t>(predicted), confidence});
      }
    }
  }
  pos_ += count;
  if (pos_ >= n) busy_ = false;
}

float SnapshotEval::acc() const {
  return predictions_.empty() ? NAN : static_cast<float>(static_cast<double>(correct_) / static_cast<double>(predictions_.size()));
}

float SnapshotEval::loss() const {
  return predictions_.empty() ? NAN : static_cast<float>(loss_sum_ / static_cast<double>(predictions_.size()));
}

}  // namespace fm
