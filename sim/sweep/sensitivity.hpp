#pragma once
/// Global sensitivity from a sweep's outputs (one value per design point).
///
/// Sobol indices from Saltelli's scheme (design.hpp): with f_A, f_B, f_ABi the outputs at the rows'
/// A, B and AB_i points and V the variance of all f_A and f_B,
///   first order  S_i  = mean((f_B - m) (f_ABi - f_A)) / V     (Saltelli et al. 2010, f_B
///                                                             centred on the mean m)
///   total        ST_i = mean((f_A - f_ABi)^2) / (2 V)         (Jansen 1999)
/// with 90% bootstrap intervals (rows resampled with replacement; draws keyed by resample).
/// Morris elementary effects EE = (f(x + step) - f(x)) / step, with the step in the parameter's
/// unit range, summarised as mu, mu* (mean of |EE|) and sigma (standard deviation).

#include <cstdint>
#include <vector>

#include "sim/sweep/design.hpp"

namespace sim::sweep {

struct Interval {
  double estimate = 0.0, low = 0.0, high = 0.0;  ///< low, high: 5% and 95% bootstrap quantiles
};

struct SobolIndices {
  std::vector<Interval> first, total;  ///< [parameter]
};

/// `outputs` in the design's point order (rows x (d + 2)); `bootstrap` resamples keyed by `seed`.
SobolIndices sobol_indices(const std::vector<double>& outputs, std::size_t parameters,
                           std::uint32_t bootstrap, std::uint64_t seed);

struct MorrisEffects {
  std::vector<double> mu, mu_star, sigma;  ///< [parameter]
};

/// `outputs` in the design's point order (trajectories x (d + 1)).
MorrisEffects morris_effects(const Design& design, const std::vector<double>& outputs);

}  // namespace sim::sweep
