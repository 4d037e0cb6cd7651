#pragma once
/// Worlds: replicate r of a run is world r, one value for each uncertain parameter plus that
/// replicate's own stochastic draws. This is the one place that turns "world r" into parameter
/// values (a posterior file will be a second source of them).
///
/// The value of parameter K in world r is the quantile of the uniform at address
/// (world_parameter, hash(K)) of run key {seed, r}: keyed by the parameter's full name, never by
/// its position, so every scenario of a comparison sees the same world r, adding a parameter
/// changes no other draw, and the result does not depend on threads or shards. The parameters of
/// a scenario's posterior (posterior_source.hpp) come jointly from one weighted particle, picked
/// by the uniform of the name "posterior".

#include <cstdint>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::scenario {

struct WorldValue {
  std::string key;  ///< the parameter's full dotted key
  double value = 0.0;
};

/// The uniform in (0, 1) that gives parameter `key` its value in world `world`.
double world_uniform(std::uint64_t seed, std::uint32_t world, const std::string& key);

/// Each uncertain parameter's value in world `world`, in the scenario's order.
std::vector<WorldValue> world_values(const Scenario& scenario, std::uint32_t world);

/// How parameter `p` is uncertain, as files and tables show it ("uniform [0.01, 0.1]", or
/// "posterior FILE" for one drawn jointly from a posterior).
std::string describe_uncertainty(const UncertainParameter& p);

/// The scenario of world `world`: its uncertain parameters fixed at their values there (the file
/// read again with those values as overrides, so they pass the same checks). A scenario without
/// uncertain parameters is its own world.
Scenario scenario_of_world(const Scenario& scenario, std::uint32_t world);

/// The scenario with the given parameters fixed at the given values (the file read again with
/// them as overrides after its own, so they pass the same checks). Used for worlds and for the
/// particles of a calibration.
Scenario scenario_with_values(const Scenario& scenario, const std::vector<WorldValue>& values);

/// The override that keeps `scenario`'s audience groups when it is read again with other values
/// ("audience.groups=[...]"; the groups are solved from the values as written), or "" when it
/// has no audience table. Worlds and sweep points add it, so they share one population.
std::string pinned_groups(const Scenario& scenario);

/// The override text that fixes `value` exactly ("key=0.12345678901234567").
std::string exact_override(const std::string& key, double value);

}  // namespace sim::scenario
