// The explanation views' math (issue 13 §2, §3): the byte-coded nearest-neighbour scan against a
// brute-force float search, the principal plane against a known covariance (in one chunk or
// many), Procrustes alignment undoing a rotation and a reflection, and the silhouette score on a
// hand-computed case and on separated versus mixed clusters.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include <Eigen/QR>

#include "core/nearest.h"
#include "core/projection.h"
#include "core/rng.h"

namespace fm {
namespace {

TEST(Nearest, QuantizerKeepsValuesWithinHalfAStep) {
  const std::vector<float> v = {-1.5f, 0.0f, 0.3f, 2.25f, 7.0f};
  const Quantizer q = Quantizer::spanning(v.data(), v.size());
  EXPECT_FLOAT_EQ(q.lo, -1.5f);
  EXPECT_FLOAT_EQ(q.step, 8.5f / 255.0f);
  for (float x : v) EXPECT_NEAR(q.lo + q.code(x) * q.step, x, q.step / 2 + 1e-6f);
  EXPECT_EQ(q.code(-100.0f), 0);
  EXPECT_EQ(q.code(100.0f), 255);
  EXPECT_EQ(q.code(NAN), 0);
  const float flat = 3.0f;
  EXPECT_FLOAT_EQ(Quantizer::spanning(&flat, 1).step, 1.0f);
}

TEST(Nearest, FindsTheSameRowsAsABruteForceSearch) {
  Rng rng(3);
  const Index dim = 37, n = 500;
  std::vector<uint8_t> data(static_cast<size_t>(dim * n));
  for (uint8_t& b : data) b = static_cast<uint8_t>(rng.below(256));
  std::vector<int32_t> ids(250);  // every other row, backwards
  for (size_t i = 0; i < ids.size(); ++i) ids[i] = static_cast<int32_t>(n - 1 - 2 * i);
  std::vector<uint8_t> query(data.begin() + 10 * dim, data.begin() + 11 * dim);  // row 10 itself
  const std::vector<const int32_t*> lists = {nullptr, ids.data()};
  for (const int32_t* list : lists) {
    const Index rows = list ? static_cast<Index>(ids.size()) : n;
    std::vector<std::pair<double, int32_t>> all;
    for (Index r = 0; r < rows; ++r) {
      const uint8_t* row = data.data() + (list ? list[r] : r) * dim;
      double s = 0;
      for (Index i = 0; i < dim; ++i) s += std::pow(double(row[i]) - query[static_cast<size_t>(i)], 2);
      all.push_back({std::sqrt(s) * 0.5, static_cast<int32_t>(r)});
    }
    std::sort(all.begin(), all.end());
    const std::vector<Neighbour> got = nearest_rows(data.data(), dim, list, rows, query.data(), 8, 0.5f);
    ASSERT_EQ(got.size(), 8u);
    for (size_t k = 0; k < got.size(); ++k) {
      EXPECT_EQ(got[k].row, all[k].second) << k;
      EXPECT_NEAR(got[k].distance, all[k].first, 1e-3) << k;
    }
  }
  // Without ids row 10 is the query: distance 0, first.
  EXPECT_EQ(nearest_rows(data.data(), dim, nullptr, n, query.data(), 8, 1.0f)[0].row, 10);
  EXPECT_EQ(nearest_rows(data.data(), dim, nullptr, 3, query.data(), 8, 1.0f).size(), 3u);
}

// Points x = mean + Σ sᵢ·zᵢ·uᵢ with orthonormal uᵢ in 5-D, standard deviations 3, 2, 1, 0.5, 0.1.
Matrix known_cloud(Index n, Matrix* u, Vector* mean) {
  Rng rng(9);
  const Index dim = 5;
  Matrix a(dim, dim);
  for (Index i = 0; i < a.size(); ++i) a.data()[i] = rng.uniform01() - 0.5f;
  const Eigen::HouseholderQR<Matrix> qr(a);
  *u = qr.householderQ() * Matrix::Identity(dim, dim);
  *mean = Vector::LinSpaced(dim, 10.0f, 50.0f);  // far from 0: the shifted sums matter
  const float sd[] = {3, 2, 1, 0.5f, 0.1f};
  Matrix x(dim, n);
  for (Index j = 0; j < n; ++j) {
    Vector v = *mean;
    for (Index i = 0; i < dim; ++i) {
      // A sum of uniforms: roughly normal, variance sd² (uniform(−½, ½) has variance 1/12).
      float z = 0;
      for (int k = 0; k < 12; ++k) z += rng.uniform01() - 0.5f;
      v += sd[i] * z * u->col(i);
    }
    x.col(j) = v;
  }
  return x;
}

TEST(Projection, ThePlaneIsTheTopTwoPrincipalComponentsInOneChunkOrMany) {
  Matrix u;
  Vector mean;
  const Matrix x = known_cloud(4000, &u, &mean);
  CovarianceSum one, many;
  one.reset(x.col(0));
  one.add(x);
  many.reset(x.leftCols(100).rowwise().mean());
  for (Index first = 0; first < x.cols(); first += 333) many.add(x.middleCols(first, std::min<Index>(333, x.cols() - first)));
  for (const CovarianceSum* c : {&one, &many}) {
    const PlaneProjection p = c->plane();
    ASSERT_TRUE(p.valid());
    EXPECT_GT(std::fabs(p.axes.col(0).dot(u.col(0))), 0.99f);
    EXPECT_GT(std::fabs(p.axes.col(1).dot(u.col(1))), 0.99f);
    EXPECT_NEAR(p.variance(0), 9.0f, 0.6f);
    EXPECT_NEAR(p.variance(1), 4.0f, 0.3f);
    EXPECT_LT((p.mean - mean).norm(), 0.2f);
    Matrix pts;
    p.project(x, &pts);
    EXPECT_NEAR(pts.row(0).mean(), 0.0f, 1e-2f);  // centred
  }
}

TEST(Projection, AlignmentUndoesARotationAndAReflection) {
  Rng rng(1);
  Matrix p(2, 300);
  for (Index i = 0; i < p.size(); ++i) p.data()[i] = rng.uniform01() * 4 - 2;
  const float a = 2.1f;
  Eigen::Matrix2f rotation, reflection;
  rotation << std::cos(a), -std::sin(a), std::sin(a), std::cos(a);
  reflection << 1, 0, 0, -1;
  for (const Eigen::Matrix2f& r : {rotation, Eigen::Matrix2f(reflection * rotation)}) {
    const Matrix previous = r * p;
    const Eigen::Matrix2f got = alignment(p, previous);
    EXPECT_LT((got - r).cwiseAbs().maxCoeff(), 1e-4f);
    PlaneProjection proj;
    proj.mean = Vector::Zero(3);
    proj.axes = Matrix::Identity(3, 2);
    proj.variance = Vector::Ones(2);
    turn(&proj, got);
    Vector x(3);
    x << 0.5f, -1.0f, 7.0f;
    Matrix out;
    proj.project(x, &out);
    EXPECT_NEAR(out(0, 0), (r * Eigen::Vector2f(0.5f, -1.0f))(0), 1e-4f);
    EXPECT_NEAR(out(1, 0), (r * Eigen::Vector2f(0.5f, -1.0f))(1), 1e-4f);
  }
}

TEST(Projection, SilhouetteByHandAndForSeparatedVersusMixedClusters) {
  // Classes 0 at x = 0, 1 and class 1 at x = 10, 11: point 0 has a = 1, b = 10.5, s = 9.5/10.5;
  // point 1: a = 1, b = 9.5, s = 8.5/9.5; the other two mirror them.
  const float xy[] = {0, 0, 1, 0, 10, 0, 11, 0};
  const uint8_t labels[] = {0, 0, 1, 1};
  EXPECT_NEAR(mean_silhouette(xy, labels, 4), (9.5 / 10.5 + 8.5 / 9.5) / 2, 1e-9);
  Rng rng(4);
  std::vector<float> sep, mixed;
  std::vector<uint8_t> lab;
  for (int i = 0; i < 600; ++i) {
    const uint8_t c = static_cast<uint8_t>(i % 10);
    lab.push_back(c);
    const float jx = rng.uniform01(), jy = rng.uniform01();
    sep.insert(sep.end(), {c * 10.0f + jx, (c % 3) * 10.0f + jy});
    mixed.insert(mixed.end(), {jx * 10, jy * 10});
  }
  const double s_sep = mean_silhouette(sep.data(), lab.data(), lab.size());
  const double s_mixed = mean_silhouette(mixed.data(), lab.data(), lab.size());
  EXPECT_GT(s_sep, 0.8);
  EXPECT_LT(std::fabs(s_mixed), 0.1);
}

}  // namespace
}  // namespace fm
