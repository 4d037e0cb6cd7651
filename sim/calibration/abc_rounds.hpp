#pragma once
/// What both ABC-SMC samplers (abc_smc.cpp: moved proposals with importance weights;
/// abc_moves.cpp: equal weights and Metropolis moves) share: a proposal's random draws, and one
/// round of simulations spread over threads and processes.

#include <cstddef>
#include <functional>
#include <vector>

#include "sim/calibration/abc_smc.hpp"
#include "sim/rng/philox.hpp"

namespace sim::calibration {

/// The draws of proposal `attempt` of slot `particle` in generation `generation`:
/// calibration_proposal at (entity particle, week generation, sub attempt), run key {seed, 0}.
rng::RandomStream proposal_draws(const AbcSettings& settings, std::size_t generation,
                                 std::size_t particle, std::size_t attempt);

/// `count` standard normal draws.
std::vector<double> normals(rng::RandomStream& draws, std::size_t count);

/// One simulation's distance, checked finite and non-negative.
double distance_of(const Simulator& simulate, const std::vector<double>& values,
                   std::uint64_t simulation);

/// The distances of one round's `count` simulations (simulation i by distance(i)): this process
/// runs its share in parallel, the others' come from the spread.
std::vector<double> round_distances(std::size_t count, const Spread& spread,
                                    const std::function<double(std::size_t)>& distance);

/// Generation t by equal weights and Metropolis moves (abc_moves.cpp).
Generation moved_generation(const std::vector<FreeParameter>& parameters,
                            const AbcSettings& settings, const Generation& previous, std::size_t t,
                            const Simulator& simulate, const Spread& spread);

}  // namespace sim::calibration
