// PCA onto a plane from a chunked covariance sum, Procrustes alignment, silhouette.
#include "core/projection.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <Eigen/Eigenvalues>
#include <Eigen/SVD>

namespace fm {

void PlaneProjection::project(const Eigen::Ref<const Matrix>& x, Matrix* out) const {
  out->noalias() = axes.transpose() * x;  // 2×n
  const Eigen::Vector2f offset = axes.transpose() * mean;
  out->colwise() -= offset;
}

void CovarianceSum::reset(const Vector& shift) {
  shift_ = shift;
  sum_ = Vector::Zero(shift.size());
  outer_ = Matrix::Zero(shift.size(), shift.size());
  n_ = 0;
}

void CovarianceSum::add(const Eigen::Ref<const Matrix>& x) {
  centred_ = x.colwise() - shift_;
  outer_.selfadjointView<Eigen::Lower>().rankUpdate(centred_);  // lower triangle only
  sum_.noalias() += centred_.rowwise().sum();
  n_ += x.cols();
}

PlaneProjection CovarianceSum::plane() const {
  PlaneProjection p;
  const Index dim = shift_.size();
  if (n_ < 2 || dim < 2) return p;
  const double n = static_cast<double>(n_);
  // cov = S/n − m·mᵀ with m the mean offset from the shift (in double: one dim×dim pass).
  const Eigen::VectorXd m = sum_.cast<double>() / n;
  Eigen::MatrixXd cov = outer_.cast<double>().selfadjointView<Eigen::Lower>();
  cov /= n;
  cov.noalias() -= m * m.transpose();
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(cov);
  if (eig.info() != Eigen::Success) return p;
  // Eigenvalues ascending: the last two columns, largest first.
  p.axes.resize(dim, 2);
  p.axes.col(0) = eig.eigenvectors().col(dim - 1).cast<Scalar>();
  p.axes.col(1) = eig.eigenvectors().col(dim - 2).cast<Scalar>();
  p.variance.resize(2);
  p.variance << static_cast<Scalar>(eig.eigenvalues()(dim - 1)), static_cast<Scalar>(eig.eigenvalues()(dim - 2));
  p.mean = shift_ + m.cast<Scalar>();
  return p;
}

Eigen::Matrix2f alignment(const Eigen::Ref<const Matrix>& p, const Eigen::Ref<const Matrix>& previous) {
  const Eigen::Matrix2d m = (previous.cast<double>() * p.cast<double>().transpose());
  const Eigen::JacobiSVD<Eigen::Matrix2d> svd(m, Eigen::ComputeFullU | Eigen::ComputeFullV);
  return (svd.matrixU() * svd.matrixV().transpose()).cast<float>();
}

void turn(PlaneProjection* projection, const Eigen::Matrix2f& r) {
  projection->axes = projection->axes * r.transpose();
  // Variance along the turned axes: diag(R·diag(v)·Rᵀ).
  const Eigen::Vector2f v = projection->variance;
  const Eigen::Matrix2f c = r * v.asDiagonal() * r.transpose();
  projection->variance = c.diagonal();
}

double mean_silhouette(const float* xy, const uint8_t* labels, size_t n) {
  if (n < 2) return 0;
  std::array<size_t, 256> class_size{};
  for (size_t i = 0; i < n; ++i) ++class_size[labels[i]];
  double total = 0;
  std::array<double, 256> sums{};
  for (size_t i = 0; i < n; ++i) {
    std::fill(sums.begin(), sums.end(), 0.0);
    for (size_t j = 0; j < n; ++j) {
      const double dx = static_cast<double>(xy[2 * i]) - xy[2 * j];
      const double dy = static_cast<double>(xy[2 * i + 1]) - xy[2 * j + 1];
      sums[labels[j]] += std::sqrt(dx * dx + dy * dy);
    }
    const uint8_t own = labels[i];
    if (class_size[own] < 2) continue;  // s = 0
    const double a = sums[own] / static_cast<double>(class_size[own] - 1);
    double b = INFINITY;
    for (size_t c = 0; c < class_size.size(); ++c) {
      if (c != own && class_size[c] > 0) b = std::min(b, sums[c] / static_cast<double>(class_size[c]));
    }
    if (!std::isfinite(b)) continue;  // one class only
    const double d = std::max(a, b);
    if (d > 0) total += (b - a) / d;
  }
  return total / static_cast<double>(n);
}

}  // namespace fm
