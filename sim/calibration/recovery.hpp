#pragma once
/// Recovery on synthetic data (docs/validation.md, "Calibration: recovery"): parameters drawn
/// from the priors, observations simulated from them with the rows' own observation error, the
/// calibration run on those, and the share of repetitions whose 90% credible interval holds the
/// truth, per parameter. A calibrated method covers about 90%.

#include <cstdint>
#include <vector>

#include "sim/calibration/read_calibration.hpp"
#include "sim/graph/graph.hpp"

namespace sim::calibration {

struct RecoveryCase {
  std::vector<double> truth;              ///< [parameter]
  std::vector<double> low, median, high;  ///< the posterior's 5%, 50% and 95% quantiles
  std::size_t generations = 0;
};

struct Recovery {
  std::vector<RecoveryCase> cases;
  std::vector<double> coverage;  ///< [parameter] share of cases with low <= truth <= high
  /// [parameter] mean width of the 90% interval over that of the prior (1: nothing learnt).
  std::vector<double> relative_width;
};

/// `repetitions` synthetic calibrations of `c` (its rows, dates and scales; their observed values
/// replaced), on `graph`; repetition r draws its truth and observations from run key
/// {seed, r} and calibrates with its own seed. Each case's ABC-SMC is itself parallel.
Recovery recovery_study(const Calibration& c, const graph::Graph& graph, std::size_t repetitions,
                        std::uint64_t seed);

}  // namespace sim::calibration
