// Each repetition is a whole calibration against observations the model itself produced, so the
// coverage measures the method together with the model's own noise and the rows' error model.

#include "sim/calibration/recovery.hpp"

#include <algorithm>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/predictions.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::calibration {
namespace {

/// Observations of `c`'s rows simulated at `truth`: the model's values plus each row's error,
/// kept at or above zero (as observation files require), the first row of a platform-level
/// series above zero.
Calibration synthetic(const Calibration& c, const graph::Graph& graph,
                      const std::vector<double>& truth, rng::RunKey key) {
  Calibration copy = c;
  const std::vector<double> model = predict(c, truth, graph, rng::mix64(key.run + 0xABCDEF));
  for (std::size_t i = 0; i < copy.rows.size(); ++i) {
    TargetRow& row = copy.rows[i];
    rng::RandomStream draws(key, {rng::Stream::kCalibrationNoise, i, 0, 0});
    double value = model[i] + row.scale * rng::normal(draws);
    value = std::max(value,
                     row.reference == i && is_platform_level(row.observation.metric) ? 1e-9 : 0.0);
    if (is_share(row.observation.metric)) value = std::min(value, 1.0);
    row.observation.value = value;
  }
  return copy;
}

}  // namespace

Recovery recovery_study(const Calibration& c, const graph::Graph& graph, std::size_t repetitions,
                        std::uint64_t seed) {
  Recovery out;
  const std::size_t d = c.parameters.size();
  out.coverage.assign(d, 0.0);
  out.relative_width.assign(d, 0.0);
  std::vector<double> prior_width(d);
  for (std::size_t k = 0; k < d; ++k) {
    prior_width[k] = scenario::quantile(c.parameters[k].prior, 0.95) -
                     scenario::quantile(c.parameters[k].prior, 0.05);
  }
  for (std::size_t r = 0; r < repetitions; ++r) {
    const rng::RunKey key{seed, r};
    rng::RandomStream draws(key, {rng::Stream::kCalibrationProposal, 0, 0, 0});
    std::vector<double> z(d);
    for (double& value : z)
      value = rng::normal(draws);
    RecoveryCase one;
    one.truth = values_at(c.parameters, z);
    Calibration fit = synthetic(c, graph, one.truth, key);
    fit.method.seed = rng::mix64(seed ^ rng::mix64(r + 17));
    const auto simulate = [&](const std::vector<double>& values, std::uint64_t simulation) {
      return distance(fit, predict(fit, values, graph, simulation), simulation);
    };
    const AbcResult result = abc_smc(fit.parameters, fit.method, simulate);
    const Generation& last = result.generations.back();
    one.generations = result.generations.size();
    for (std::size_t k = 0; k < d; ++k) {
      one.low.push_back(last.quantile(k, 0.05));
      one.median.push_back(last.quantile(k, 0.5));
      one.high.push_back(last.quantile(k, 0.95));
      out.coverage[k] += one.truth[k] >= one.low[k] && one.truth[k] <= one.high[k] ? 1.0 : 0.0;
      if (prior_width[k] > 0.0)
        out.relative_width[k] += (one.high[k] - one.low[k]) / prior_width[k];
    }
    out.cases.push_back(std::move(one));
  }
  for (std::size_t k = 0; k < d; ++k) {
    out.coverage[k] /= static_cast<double>(std::max<std::size_t>(repetitions, 1));
    out.relative_width[k] /= static_cast<double>(std::max<std::size_t>(repetitions, 1));
  }
  return out;
}

}  // namespace sim::calibration
