// Shared by the unit tests: a malloc counter (to prove step() allocates nothing) and the real
// Fashion-MNIST files, downsampled to 14×14 and loaded once. Include from one .cpp per test binary.
#pragma once

#include <cstddef>

#include "core/dataset.h"
#include "core/downsample.h"
#include "tools/io/io.h"

// Counts malloc calls made while g_counting is set (glibc only: we interpose malloc in this
// executable and forward to glibc's). Eigen allocates through malloc, operator new does too.
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__)
#define FM_COUNT_MALLOC 1
extern "C" void* __libc_malloc(size_t size);
namespace {
long long g_mallocs = 0;
bool g_counting = false;
}  // namespace
extern "C" void* malloc(size_t size) noexcept {
  if (g_counting) ++g_mallocs;
  return __libc_malloc(size);
}
#endif

namespace fm {
namespace {

// The real files, downsampled to 14×14, loaded once per test binary; nullptr when missing.
[[maybe_unused]] const Dataset* real_data() {
  static Dataset data;
  static int state = 0;  // 0 not tried, 1 loaded, −1 missing
  if (state == 0) {
    Dataset full;
    state = load_idx_dir(FMNIST_DATA_DIR, &full) && downsample(full, 14, &data) ? 1 : -1;
  }
  return state == 1 ? &data : nullptr;
}

}  // namespace
}  // namespace fm
