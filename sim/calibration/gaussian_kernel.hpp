#pragma once
/// The perturbation kernel of ABC-SMC (abc_smc.hpp): a multivariate normal whose covariance is
/// twice the weighted covariance of the previous generation (Beaumont et al. 2009), held as its
/// Cholesky factor so that moving a particle and evaluating the kernel cost O(d^2).

#include <cstddef>
#include <vector>

namespace sim::calibration {

class GaussianKernel {
 public:
  /// The kernel of `points` ([point][dimension]) with normalised `weights`. A small ridge keeps
  /// the covariance positive definite when the points are (nearly) degenerate in a direction.
  GaussianKernel(const std::vector<std::vector<double>>& points,
                 const std::vector<double>& weights);

  std::size_t dimensions() const { return dimensions_; }

  /// center + L * normals, for standard normal `normals`: a draw from the kernel at `center`.
  std::vector<double> move(const std::vector<double>& center,
                           const std::vector<double>& normals) const;

  /// -(x - center)' S^-1 (x - center) / 2: the kernel's log density up to its constant, which is
  /// the same for every center and so cancels from normalised weights.
  double log_shape(const std::vector<double>& x, const std::vector<double>& center) const;

  /// Entry (row, column) of the covariance S = L L'.
  double covariance(std::size_t row, std::size_t column) const;

 private:
  std::size_t dimensions_ = 0;
  std::vector<double> lower_;  ///< L, row-major, zero above the diagonal
};

}  // namespace sim::calibration
