// The unit tests' learnable toy set: class c lights pixels p ≡ c (mod 10), everything else is
// noise. One definition for every test that trains on it (the seed fixes the images).
#pragma once

#include <cstdint>
#include <vector>

#include "core/dataset.h"
#include "core/rng.h"

namespace fm {

// Lit pixels are on_min + [0, on_span), the rest [0, off_span).
struct ToyInk {
  int on_min, on_span, off_span;
};
constexpr ToyInk kClearInk{150, 106, 110};  // the engine's and the page's tests
constexpr ToyInk kStrongInk{176, 80, 80};   // the trainer's and the fine-tune's tests

inline Dataset toy_dataset(int train, int test, uint64_t seed, int side = 14, ToyInk ink = kClearInk) {
  Dataset d;
  d.side = side;
  d.class_names = default_class_names();
  Rng rng(seed);
  const auto fill = [&](int count, std::vector<uint8_t>* images, std::vector<uint8_t>* labels) {
    for (int i = 0; i < count; ++i) {
      const uint8_t label = static_cast<uint8_t>(rng.below(kNumClasses));
      labels->push_back(label);
      for (int p = 0; p < d.pixels(); ++p) {
        const bool on = p % kNumClasses == label;
        images->push_back(static_cast<uint8_t>(on ? ink.on_min + rng.below(ink.on_span) : rng.below(ink.off_span)));
      }
    }
  };
  fill(train, &d.train_images, &d.train_labels);
  fill(test, &d.test_images, &d.test_labels);
  return d;
}

}  // namespace fm
