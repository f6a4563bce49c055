// Data augmentation for training on sketches: each training image, as the batch is gathered, is
// moved, scaled, turned a little and mirrored at random, and with some probability first made to look like
// a sketch the page normalised (a flat silhouette, or only its outline). Seeded and platform
// independent (no libm sin/cos): the same seed gives bitwise the same batches everywhere.
#pragma once

#include <cstdint>
#include <vector>

#include "rng.h"

namespace fm {

// Tuned on the dev half of tests/sketches with cnn-small (README "Sketches"): stronger moves than
// these read the sketches no better and the data set worse; a weaker sketch look reads them worse.
struct AugmentLimits {
  float shift = 0.10f;        // up to ± this fraction of the side, each axis
  float scale = 0.15f;        // size × [1 − scale, 1 + scale]
  float rotation = 0.25f;     // up to ± this many radians (about 14°)
  float sketch_p = 0.8f;      // probability of the sketch look
  float outline_p = 0.5f;     // of those, the share that keeps only the outline (else filled)
  float flip_p = 0.5f;        // probability of a left-right mirror (people draw shoes facing either way)
};

// augment_image's buffers for side×side images, made once (augment_image allocates nothing).
struct AugmentScratch {
  explicit AugmentScratch(int side = 0);
  int side = 0;
  std::vector<float> source, flat;
  std::vector<int> stack;
  std::vector<uint8_t> outside;
};

// The floats of one side×side image (row-major, [0, 1]) transformed in place with seven draws from
// `rng`, always seven. The sketch look fills the silhouette's holes (a bag's handle) as the page
// fills a sketch's closed outlines.
void augment_image(float* image, int side, Rng& rng, AugmentScratch& scratch,
                   const AugmentLimits& limits = {});

}  // namespace fm
