#include "sim/calibration/gaussian_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "sim/util/error.hpp"

namespace sim::calibration {

namespace {

/// A ridge of 1e-9 of the mean variance (1e-12 at least) for the diagonal: a parameter the data
/// pin down completely must not make the factor singular.
double ridge_of(const std::vector<double>& covariance, std::size_t d) {
  double trace = 0.0;
  for (std::size_t a = 0; a < d; ++a)
    trace += covariance[a * d + a];
  return std::max(1e-9 * trace / static_cast<double>(std::max<std::size_t>(d, 1)), 1e-12);
}

}  // namespace

GaussianKernel::GaussianKernel(const std::vector<std::vector<double>>& points,
                               const std::vector<double>& weights)
    : dimensions_(points.empty() ? 0 : points.front().size()),
      lower_(dimensions_ * dimensions_, 0.0) {
  const std::size_t d = dimensions_;
  std::vector<double> mean(d, 0.0), covariance(d * d, 0.0);
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t a = 0; a < d; ++a)
      mean[a] += weights[i] * points[i][a];
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    for (std::size_t a = 0; a < d; ++a) {
      for (std::size_t b = 0; b <= a; ++b)
        covariance[a * d + b] += weights[i] * (points[i][a] - mean[a]) * (points[i][b] - mean[b]);
    }
  }
  // The ridge is set by the weighted covariance itself, before it is doubled.
  const double ridge = ridge_of(covariance, d);
  for (std::size_t a = 0; a < d; ++a) {
    for (std::size_t b = 0; b <= a; ++b)
      covariance[a * d + b] *= 2.0;
  }
  factor(std::move(covariance), ridge);
}

GaussianKernel::GaussianKernel(std::size_t dimensions, std::vector<double> covariance)
    : dimensions_(dimensions), lower_(dimensions * dimensions, 0.0) {
  if (covariance.size() != dimensions * dimensions)
    throw std::invalid_argument("GaussianKernel: the covariance is not d x d");
  const double ridge = ridge_of(covariance, dimensions);
  factor(std::move(covariance), ridge);
}

void GaussianKernel::factor(std::vector<double> covariance, double ridge) {
  const std::size_t d = dimensions_;
  for (std::size_t a = 0; a < d; ++a)
    covariance[a * d + a] += ridge;
  // Cholesky-Banachiewicz on the lower triangle.
  for (std::size_t a = 0; a < d; ++a) {
    for (std::size_t b = 0; b <= a; ++b) {
      double sum = covariance[a * d + b];
      for (std::size_t c = 0; c < b; ++c)
        sum -= lower_[a * d + c] * lower_[b * d + c];
      if (a == b) {
        if (!(sum > 0.0)) throw util::Error("calibration: the kernel covariance is not positive");
        lower_[a * d + a] = std::sqrt(sum);
      } else {
        lower_[a * d + b] = sum / lower_[b * d + b];
      }
    }
  }
}

std::vector<double> GaussianKernel::move(const std::vector<double>& center,
                                         const std::vector<double>& normals) const {
  std::vector<double> moved = center;
  for (std::size_t a = 0; a < dimensions_; ++a) {
    for (std::size_t b = 0; b <= a; ++b)
      moved[a] += lower_[a * dimensions_ + b] * normals[b];
  }
  return moved;
}

double GaussianKernel::log_shape(const std::vector<double>& x,
                                 const std::vector<double>& center) const {
  // Solve L y = x - center; the quadratic form is |y|^2.
  double squares = 0.0;
  std::vector<double> y(dimensions_);
  for (std::size_t a = 0; a < dimensions_; ++a) {
    double sum = x[a] - center[a];
    for (std::size_t b = 0; b < a; ++b)
      sum -= lower_[a * dimensions_ + b] * y[b];
    y[a] = sum / lower_[a * dimensions_ + a];
    squares += y[a] * y[a];
  }
  return -0.5 * squares;
}

double GaussianKernel::log_sqrt_determinant() const {
  double sum = 0.0;
  for (std::size_t a = 0; a < dimensions_; ++a)
    sum += std::log(lower_[a * dimensions_ + a]);
  return sum;
}

double GaussianKernel::covariance(std::size_t row, std::size_t column) const {
  double sum = 0.0;
  for (std::size_t c = 0; c <= std::min(row, column); ++c)
    sum += lower_[row * dimensions_ + c] * lower_[column * dimensions_ + c];
  return sum;
}

}  // namespace sim::calibration
