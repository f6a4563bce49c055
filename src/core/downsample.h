// 28×28 → 14×14 or 7×7: each pixel the mean of a 2×2 (4×4) block, rounded to nearest. 14×14 is
// the page's default size; 7×7 is for comparing resolutions.
#pragma once

#include "dataset.h"

namespace fm {

// Side 28 returns a copy; 14 pools 2×2, 7 pools 4×4; other sides: error.
Status downsample(const Dataset& full, int side, Dataset* out);

}  // namespace fm
