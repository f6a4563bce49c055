// Basic types of the core: the scalar, Eigen aliases, the class count, and Status (status.h).
// Everything in src/core uses these; nothing here knows about files, clocks or the browser.
#pragma once

#include <Eigen/Core>
#include <cstdint>

#include "status.h"

namespace fm {

using Scalar = float;
using Index = Eigen::Index;
// Column-major: one sample per column, e.g. a batch x is pixels×B.
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

constexpr int kNumClasses = 10;

}  // namespace fm
