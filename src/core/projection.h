// A 2-D map of a set of vectors (issue 13 §3): the plane of their two principal components
// (PCA), turned to match the previous map (orthogonal Procrustes: a rotation or a reflection, so
// dots move from epoch to epoch instead of flipping), and the mean silhouette score that says how
// well the classes separate on it.
#pragma once

#include <cstdint>
#include <vector>

#include "types.h"

namespace fm {

// points = axesᵀ (x − mean): axes dim×2, orthonormal columns, the first the larger variance.
struct PlaneProjection {
  Vector mean;
  Matrix axes;
  Vector variance;  // 2: the variance along each axis (the covariance's top eigenvalues)
  bool valid() const { return axes.cols() == 2 && axes.rows() == mean.size() && mean.size() > 0; }
  // x: dim×n → out: 2×n.
  void project(const Eigen::Ref<const Matrix>& x, Matrix* out) const;
};

// Σ over columns of x of (x − shift)(x − shift)ᵀ and of (x − shift), added chunk by chunk so the
// O(n·dim²) work can be spread over slices; a shift near the mean keeps float sums accurate.
class CovarianceSum {
 public:
  void reset(const Vector& shift);
  void add(const Eigen::Ref<const Matrix>& x);  // dim×m
  Index count() const { return n_; }
  // The principal plane of everything added (at least two columns).
  PlaneProjection plane() const;

 private:
  Vector shift_, sum_;
  Matrix outer_, centred_;
  Index n_ = 0;
};

// The orthogonal 2×2 R (rotation or reflection) minimising ‖R·p − previous‖ (2×n each, the same
// points in the same order): Procrustes, R = U·Vᵀ from the SVD of previous·pᵀ.
Eigen::Matrix2f alignment(const Eigen::Ref<const Matrix>& p, const Eigen::Ref<const Matrix>& previous);
// The projection turned by R: its points become R·points.
void turn(PlaneProjection* projection, const Eigen::Matrix2f& r);

// Mean silhouette over the points (xy: n pairs) with labels 0..9: for each point, a = mean
// distance to its own class's other points, b = the least mean distance to another class's,
// s = (b − a) / max(a, b) (0 for a point alone in its class). O(n²): subsample large sets.
double mean_silhouette(const float* xy, const uint8_t* labels, size_t n);

}  // namespace fm
