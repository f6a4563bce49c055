// What the engine knows about one weights snapshot's representation (issue 13 §2, §3): the
// validation set's 2-D map (PCA of the last hidden layer, of the logits for the softmax) and the
// rows the sketch's nearest neighbours are searched in (pixels of the 48,000 training images for
// the softmax, their last hidden layer for an MLP, the validation images' for a CNN, whose
// forward passes cost too much to run over the training set every epoch). Built chunk by chunk
// between the engine's slices from a copy of the weights, so the map, the neighbours and the
// sketch's dot all come from the same weights while training goes on; the finished index
// answers queries until the next one is built.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "core/dataset.h"
#include "core/nearest.h"
#include "core/network.h"
#include "core/projection.h"
#include "core/split.h"

namespace fm {

// A representation wider than this is mapped by its logits (10 values): the covariance is dim²
// and its eigen decomposition dim³.
constexpr int kMaxMapDim = 256;
constexpr int kNeighbours = 8;

enum class RepSpace : uint8_t { kPixels, kHidden, kLogits };
const char* rep_space_name(RepSpace space);  // "pixels", "hidden", "logits"

struct NeighbourAnswer {
  struct Item {
    int32_t index = 0;  // a row of the training file (train and validation sets alike)
    uint8_t label = 0;
    float distance = 0;
  };
  std::vector<Item> items;
  float x = 0, y = 0;  // the sketch's place on the map
};

class ExplainIndex {
 public:
  ExplainIndex();
  ~ExplainIndex();  // Built is defined in the .cpp
  // Starts building the index of these weights (copied); a build under way is dropped, the
  // finished index keeps answering. epoch: the snapshot's finished epochs. chunk: images per
  // step (the trainer's eval_chunk: a step of a millisecond or two).
  void start(const Dataset& data, const Split& split, const Architecture& arch, const Vector& params,
             int epoch, int chunk);
  void clear();  // no index (a new run, a reset, new data)
  bool busy() const { return building_ != nullptr; }
  // One chunk of the build; true when this step finished it (ready() with the new epoch).
  bool step();

  bool ready() const { return ready_ != nullptr; }
  int epoch() const;
  RepSpace map_space() const;
  RepSpace neighbour_space() const;
  bool neighbours_from_val() const;  // a CNN's: searched among the validation images
  int map_dim() const;
  // The validation images' points (x, y pairs), in the split's validation order.
  const std::vector<float>& points() const;
  // The sketch (the model's input, inputs floats): its nearest rows and its point. False without
  // a ready index or for an input of another size.
  bool query(const float* input, int inputs, NeighbourAnswer* out);

 private:
  struct Built;
  void finish();
  void forward_rows(Built& b, const std::vector<int32_t>& ids, Index first, Index count);

  std::unique_ptr<Built> building_, ready_;
};

}  // namespace fm
