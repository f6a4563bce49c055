// Basic types of the core: the scalar, Eigen aliases, class count, and Status (no exceptions).
// Everything in src/core uses these; nothing here knows about files, clocks or the browser.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <utility>

namespace fm {

using Scalar = float;
using Index = Eigen::Index;
// Column-major: one sample per column, e.g. a batch x is pixels×B.
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

constexpr int kNumClasses = 10;

// Result of anything that can fail on bad input. The web build has no exceptions, so loading
// and validation return this; `message` is one clear line meant for the user.
struct Status {
  bool ok = true;
  std::string message;

  static Status Ok() { return {}; }
  static Status Error(std::string msg) { return {false, std::move(msg)}; }
  explicit operator bool() const { return ok; }
};

}  // namespace fm
