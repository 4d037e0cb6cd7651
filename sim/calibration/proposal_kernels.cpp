#include "sim/calibration/proposal_kernels.hpp"

#include <algorithm>

namespace sim::calibration {

ProposalKernels::ProposalKernels(const AbcSettings& settings, const Generation& previous,
                                 double tolerance)
    : normalised_(settings.kernel == KernelKind::kLocal || settings.prior_share > 0.0) {
  if (settings.kernel == KernelKind::kGlobal) {
    kernels_.emplace_back(previous.z, previous.weights);
    return;
  }
  // The particles within the new tolerance (at least the one nearest, so never none), their
  // weights renormalised, their weighted mean and covariance.
  std::vector<std::size_t> within;
  for (std::size_t k = 0; k < previous.z.size(); ++k) {
    if (previous.distances[k] <= tolerance) within.push_back(k);
  }
  if (within.empty()) {
    within.push_back(static_cast<std::size_t>(
        std::min_element(previous.distances.begin(), previous.distances.end()) -
        previous.distances.begin()));
  }
  const std::size_t d = previous.z.front().size();
  double total = 0.0;
  for (const std::size_t k : within)
    total += previous.weights[k];
  std::vector<double> mean(d, 0.0), spread(d * d, 0.0);
  for (const std::size_t k : within) {
    for (std::size_t a = 0; a < d; ++a)
      mean[a] += previous.weights[k] / total * previous.z[k][a];
  }
  for (const std::size_t k : within) {
    for (std::size_t a = 0; a < d; ++a) {
      for (std::size_t b = 0; b <= a; ++b)
        spread[a * d + b] += previous.weights[k] / total * (previous.z[k][a] - mean[a]) *
                             (previous.z[k][b] - mean[b]);
    }
  }
  // sum_k W~_k (z_k - z_i)(z_k - z_i)' = the covariance + (mean - z_i)(mean - z_i)'.
  for (const std::vector<double>& center : previous.z) {
    std::vector<double> covariance = spread;
    for (std::size_t a = 0; a < d; ++a) {
      for (std::size_t b = 0; b <= a; ++b)
        covariance[a * d + b] += (mean[a] - center[a]) * (mean[b] - center[b]);
    }
    kernels_.emplace_back(d, std::move(covariance));
  }
}

}  // namespace sim::calibration
