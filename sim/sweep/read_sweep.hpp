#pragma once
/// Reading and checking a sweep file (docs/sweeps.md). Every problem is an InputError naming the
/// sweep file, line and key, with "did you mean" for misspelt keys, parameters and outputs.

#include <string>

#include "sim/scenario/scenario.hpp"
#include "sim/sweep/sweep_spec.hpp"

namespace sim::sweep {

/// Reads `path` and checks it against its base scenario: each parameter must be a key the
/// scenario accepts, at both ends of its range (or at each of its values).
SweepSpec read_sweep(const std::string& path);

/// The scenario of design point `values` (one value per parameter).
scenario::Scenario point_scenario(const SweepSpec& spec, const std::vector<double>& values);

/// "key=value" with the value written exactly (round-trips to the same double).
std::string assignment(const std::string& key, double value);

/// The base scenario with the sweep's fixed values, without the varied parameters.
scenario::Scenario base_scenario(const SweepSpec& spec);

}  // namespace sim::sweep
