#pragma once
/// Which uncertain parameters drive a decision, and which one to measure first. From the worlds
/// of a comparison (each with its parameter values θ_r and the metric of every scenario):
///
///   first-order share of parameter i in the variance of a strategy's paired difference D to the
///   baseline: Var(E[D | θ_i]) / Var(D), with E[D | θ_i] a least-squares quadratic in θ_i and the
///   share adjusted for its three fitted coefficients (1 - (1 - R²)(R - 1)/(R - 3)), cut to
///   [0, 1]; a 90% interval from a bootstrap over worlds. What the parameters' first-order
///   shares leave is simulation noise and interactions.
///
///   expected value of partial perfect information of parameter i (EVPPI, in the metric's
///   units): E_θi[max_d E[M_d | θ_i]] - max_d E[M_d] over the strategies d, the conditional
///   expectations again quadratics in θ_i (regression method of Strong, Oakley and Brennan
///   2014). It is what knowing θ_i exactly before choosing would gain on average: the parameter
///   with the largest EVPPI is the one to measure first. With few worlds the regression fits noise
///   too (the maximum over options of noisy fits is biased up): the estimate of x shuffled
///   against the outcomes is subtracted as the noise floor.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/run_summary.hpp"

namespace sim::engine {

/// The uncertain parameters of a comparison and their value in every world: values[r][i].
struct WorldParameters {
  std::vector<std::string> names;
  std::vector<std::vector<double>> values;
  std::uint64_t seed = 0;  ///< the comparison's master seed (keys the bootstrap)
};

/// Var(E[y | x]) / Var(y) for a quadratic least-squares fit of y on x, adjusted for the fit's
/// degrees of freedom and cut to [0, 1]; 0 when y does not vary or there are fewer than 5 worlds.
double first_order_share(const std::vector<double>& x, const std::vector<double>& y);

/// The fitted values of a least-squares quadratic of y on x (the mean of y when x is constant).
std::vector<double> quadratic_fit(const std::vector<double>& x, const std::vector<double>& y);

/// `first_order_share` with a 90% bootstrap interval over worlds (`resamples` resamples drawn
/// from stream compare_bootstrap keyed by `seed` and `label`).
Band first_order_band(const std::vector<double>& x, const std::vector<double>& y,
                      std::uint64_t seed, const std::string& label, std::size_t resamples = 200);

/// EVPPI of x for choosing among options with outcomes outcomes[d][r] (higher is better; negate
/// for lower-is-better metrics), less the mean of the same estimate over `permutations` random
/// shufflings of x (what the regression gains from noise alone; shuffles keyed by `seed` and
/// `label`), cut at 0.
double evppi(const std::vector<double>& x, const std::vector<std::vector<double>>& outcomes,
             std::uint64_t seed, const std::string& label, std::size_t permutations = 20);

}  // namespace sim::engine
