#pragma once
/// What the model says for each observation of a calibration, and how far that is from what was
/// observed (docs/calibration.md, "Distance").
///
/// Rows measured on the organisation's audience compare counts or shares directly; rows of a
/// platform-level series compare relative change against the series' first row. The distance is
/// the weighted root mean square of the rows' standardised residuals
/// (model + error - observed) / scale, with the error drawn as the observation model says.

#include <cstdint>
#include <vector>

#include "sim/calibration/read_calibration.hpp"
#include "sim/graph/graph.hpp"

namespace sim::calibration {

/// The master seed of the run behind simulation number `simulation` (abc_smc.hpp) of a
/// calibration with seed `seed` (docs/rng.md).
std::uint64_t simulation_seed(std::uint64_t seed, std::uint64_t simulation);

/// The model's value of every row of `c` (in row order) in one run of the base scenario with
/// the free parameters at `values`, on `graph` (the base scenario's population).
std::vector<double> predict(const Calibration& c, const std::vector<double>& values,
                            const graph::Graph& graph, std::uint64_t simulation);

/// The distance between `predicted` (one value per row) and the observations, after adding to
/// each row the observation error of simulation `simulation` (normal, sd the row's scale): noisy
/// ABC (Wilkinson 2013), so that the posterior accounts for the observations' uncertainty
/// rather than treating them as exact.
double distance(const Calibration& c, const std::vector<double>& predicted,
                std::uint64_t simulation);

}  // namespace sim::calibration
