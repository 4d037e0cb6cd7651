#pragma once
/// A perturbation kernel of ABC-SMC (abc_smc.hpp): a multivariate normal, either with twice the
/// weighted covariance of the previous generation (Beaumont et al. 2009) or with a covariance
/// given (the local kernels of Filippi et al. 2013), held as its Cholesky factor so that moving a
/// particle and evaluating the kernel cost O(d^2).

#include <cstddef>
#include <vector>

namespace sim::calibration {

class GaussianKernel {
 public:
  /// The kernel of `points` ([point][dimension]) with normalised `weights`. A small ridge keeps
  /// the covariance positive definite when the points are (nearly) degenerate in a direction.
  GaussianKernel(const std::vector<std::vector<double>>& points,
                 const std::vector<double>& weights);
  /// The kernel with `covariance` (d x d, row-major; the lower triangle is read), with the same
  /// ridge.
  GaussianKernel(std::size_t dimensions, std::vector<double> covariance);

  std::size_t dimensions() const { return dimensions_; }

  /// center + L * normals, for standard normal `normals`: a draw from the kernel at `center`.
  std::vector<double> move(const std::vector<double>& center,
                           const std::vector<double>& normals) const;

  /// -(x - center)' S^-1 (x - center) / 2: the kernel's log density up to its constant, which is
  /// the same for every center and so cancels from normalised weights.
  double log_shape(const std::vector<double>& x, const std::vector<double>& center) const;

  /// log sqrt(det S): what the kernel's log density subtracts besides the shape, so that kernels
  /// of different covariances can be summed.
  double log_sqrt_determinant() const;

  /// Entry (row, column) of the covariance S = L L'.
  double covariance(std::size_t row, std::size_t column) const;

 private:
  void factor(std::vector<double> covariance, double ridge);  // ridge added, then Cholesky

  std::size_t dimensions_ = 0;
  std::vector<double> lower_;  ///< L, row-major, zero above the diagonal
};

}  // namespace sim::calibration
