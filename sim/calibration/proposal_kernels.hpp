#pragma once
/// The perturbation kernels of one generation of the importance sampler (abc_smc.hpp): one
/// global kernel, or one local kernel per particle of the previous generation, and the kernel
/// density each proposal's importance weight divides by.

#include <cstddef>
#include <vector>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/gaussian_kernel.hpp"

namespace sim::calibration {

class ProposalKernels {
 public:
  /// The kernels that move the particles of `previous` towards `tolerance`.
  ProposalKernels(const AbcSettings& settings, const Generation& previous, double tolerance);
  /// The kernel that moves ancestor i.
  const GaussianKernel& of(std::size_t i) const {
    return kernels_.size() == 1 ? kernels_.front() : kernels_[i];
  }

  /// log K_i(z | z_i) up to a constant shared by every i: with local kernels or prior proposals
  /// the normalised log density less (d/2) log 2 pi (as the prior's -|z|^2/2 is), else the
  /// global kernel's shape alone (as before either existed).
  double log_density(const std::vector<double>& z, const std::vector<double>& center,
                     std::size_t i) const {
    const GaussianKernel& kernel = of(i);
    const double shape = kernel.log_shape(z, center);
    return normalised_ ? shape - kernel.log_sqrt_determinant() : shape;
  }

 private:
  bool normalised_ = false;
  std::vector<GaussianKernel> kernels_;
};

}  // namespace sim::calibration
