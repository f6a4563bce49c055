// 28×28 → 14×14: each pixel the mean of a 2×2 block, rounded to nearest (the page's default size).
#pragma once

#include "dataset.h"

namespace fm {

// Side 28 returns a copy; 14 pools 2×2; other sides: error.
Status downsample(const Dataset& full, int side, Dataset* out);

}  // namespace fm
