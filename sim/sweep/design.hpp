#pragma once
/// Experimental designs over the sweep's parameters. Each point has a stable index; its values
/// are a pure function of (spec, index), so any subset of points can be re-made alone.
///
///   grid   every combination of the parameters' values, the last parameter fastest
///   lhs    Latin hypercube of `samples` points: one point in each of the N strata of each
///          parameter, the strata paired by seeded permutations
///   sobol  Saltelli's scheme on the Sobol sequence: for each of N base rows the points
///          A, B, AB_1 .. AB_d (A with column i from B), N (d + 2) points in all
///   morris `samples` trajectories of d + 1 points on a p-level grid, each moving one parameter
///          by Delta = p / (2 (p - 1)) at a time, in a seeded order and direction

#include <cstdint>
#include <vector>

#include "sim/sweep/sweep_spec.hpp"

namespace sim::sweep {

struct Design {
  DesignKind kind = DesignKind::kGrid;
  std::vector<std::vector<double>> unit;    ///< [point][parameter] in [0, 1] (grid: value index)
  std::vector<std::vector<double>> values;  ///< [point][parameter] scenario values

  std::size_t points() const { return values.size(); }
};

/// The design of a spec (the spec must have passed read_sweep's checks).
Design make_design(const SweepSpec& spec);

/// Points of the design in a design of `parameters` parameters (for sizes before generating).
std::uint64_t design_points(const SweepSpec& spec);

}  // namespace sim::sweep
