// Shared by the unit tests: a heap-allocation counter (to prove step() allocates nothing) and the
// real Fashion-MNIST files, with one rule for when they are missing. Include from one .cpp per
// test binary.
#pragma once

#include <gtest/gtest.h>

#include <cstddef>
#include <fstream>
#include <string>

#include "core/dataset.h"
#include "core/downsample.h"
#include "messages/messages.h"
#include "tools/io/io.h"

// --- Counting heap allocations ---
// Counts every malloc made while g_counting is set: under AddressSanitizer (which owns malloc)
// through its allocation hook, elsewhere on glibc by interposing malloc in this executable and
// forwarding to glibc's. Eigen allocates through malloc, operator new does too.
#if defined(__SANITIZE_ADDRESS__)
#define FM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FM_ASAN 1
#endif
#endif

namespace {
long long g_mallocs = 0;
bool g_counting = false;
}  // namespace

#if defined(FM_ASAN)
extern "C" int __sanitizer_install_malloc_and_free_hooks(void (*)(const volatile void*, size_t),
                                                         void (*)(const volatile void*));
namespace {
void fm_count_malloc_hook(const volatile void*, size_t) {
  if (g_counting) ++g_mallocs;
}
void fm_free_hook(const volatile void*) {}
[[maybe_unused]] const bool kCanCountMallocs =
    __sanitizer_install_malloc_and_free_hooks(fm_count_malloc_hook, fm_free_hook) != 0;
}  // namespace
#elif defined(__GLIBC__)
extern "C" void* __libc_malloc(size_t size);
extern "C" void* malloc(size_t size) noexcept {
  if (g_counting) ++g_mallocs;
  return __libc_malloc(size);
}
namespace {
[[maybe_unused]] constexpr bool kCanCountMallocs = true;
}  // namespace
#else
namespace {
[[maybe_unused]] constexpr bool kCanCountMallocs = false;
}  // namespace
#endif

namespace fm {
namespace {

// The heap allocations made by fn().
template <class Fn>
long long count_mallocs(Fn&& fn) {
  g_mallocs = 0;
  g_counting = true;
  fn();
  g_counting = false;
  return g_mallocs;
}

// Opens a test that counts allocations: skipped (shown as skipped) where they cannot be counted,
// failed when the counter misses a control allocation through Eigen, so that a later count of
// zero means something.
#define REQUIRE_MALLOC_COUNTER()                                                           \
  do {                                                                                     \
    if (!kCanCountMallocs) GTEST_SKIP() << "heap allocations cannot be counted here";      \
    ASSERT_GT(::fm::count_mallocs([] {                                                     \
                ::fm::Matrix control(64, 64);                                              \
                control.setZero();                                                         \
                asm volatile("" : : "g"(control.data()) : "memory");                      \
              }),                                                                          \
              0)                                                                           \
        << "the counter does not see Eigen's allocations";                                 \
  } while (0)

// --- The real files ---
// FMNIST_DATA_DIR is the CMake cache variable of that name (default: $FASHION_MNIST_DIR at
// configure time, else Debian's folder). FMNIST_REQUIRE_DATA (CMake option, ON in `make test`'s
// build/native and build/asan, which run after scripts/deps.sh installed the data) decides what a
// test needing them does when they are missing: fail there, be skipped (and shown so) elsewhere.
#ifndef FMNIST_REQUIRE_DATA
#define FMNIST_REQUIRE_DATA 0
#endif
[[maybe_unused]] constexpr bool kRequireData = FMNIST_REQUIRE_DATA != 0;

[[maybe_unused]] bool real_files_present() {
  for (const char* name : {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                           "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
    if (!std::ifstream(std::string(FMNIST_DATA_DIR) + "/" + name).good()) return false;
  }
  return true;
}

#define FM_MISSING_DATA_MESSAGE                                                          \
  "Fashion-MNIST files not found in " FMNIST_DATA_DIR                                    \
  " (install the Debian package dataset-fashion-mnist: make deps; or configure with "    \
  "-DFMNIST_DATA_DIR=DIR)"

// Ends the calling test when the four original files are missing: a failure under
// FMNIST_REQUIRE_DATA, a skip otherwise.
#define REQUIRE_REAL_FILES()                                                              \
  do {                                                                                    \
    if (!::fm::real_files_present()) {                                                    \
      if (::fm::kRequireData) GTEST_FAIL() << FM_MISSING_DATA_MESSAGE;                    \
      GTEST_SKIP() << FM_MISSING_DATA_MESSAGE;                                            \
    }                                                                                     \
  } while (0)

// The real files, downsampled to 14×14, loaded once per test binary; nullptr when they do not load.
[[maybe_unused]] const Dataset* real_data() {
  static Dataset data;
  static int state = 0;  // 0 not tried, 1 loaded, −1 failed
  if (state == 0) {
    Dataset full;
    state = load_idx_dir(FMNIST_DATA_DIR, &full) && downsample(full, 14, &data) ? 1 : -1;
  }
  return state == 1 ? &data : nullptr;
}

// Declares `const Dataset* var` = the real 14×14 data; ends the test as REQUIRE_REAL_FILES does
// when the files are missing, and fails it when they are there but do not load.
#define REQUIRE_REAL_DATA(var)                                                          \
  REQUIRE_REAL_FILES();                                                                 \
  const ::fm::Dataset* var = ::fm::real_data();                                         \
  ASSERT_NE(var, nullptr) << "the Fashion-MNIST files in " FMNIST_DATA_DIR " do not load " \
                             "(RealData.LoadsDownsamplesBundlesAndSplits says why)"

}  // namespace
}  // namespace fm
