// Values are written back as overrides with 17 significant digits, which read back as the same
// double: a degenerate distribution gives exactly the run with that value fixed.

#include "sim/scenario/worlds.hpp"

#include <algorithm>
#include <optional>

#include "sim/rng/philox.hpp"
#include "sim/rng/streams.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/hash.hpp"
#include "sim/util/text.hpp"

namespace sim::scenario {

double world_uniform(std::uint64_t seed, std::uint32_t world, const std::string& key) {
  const rng::DrawAddress at{.stream = rng::Stream::kWorldParameter,
                            .entity = util::fnv1a(key),
                            .sub = util::fnv1a(key, util::fnv1a("world"))};
  const std::uint64_t bits = rng::philox_block({seed, world}, at, 0).v[0];
  // The centre of one of 2^53 equal cells: strictly inside (0, 1), so every quantile is finite.
  return (static_cast<double>(bits >> 11) + 0.5) * 0x1p-53;
}

std::vector<WorldValue> world_values(const Scenario& s, std::uint32_t world) {
  std::vector<WorldValue> values;
  // The joint parameters all come from one particle, picked by weight with the uniform of the
  // name "posterior": every scenario of a comparison with a posterior sees the same particle.
  std::optional<std::size_t> particle;
  for (const UncertainParameter& p : s.uncertain) {
    if (!p.joint) {
      values.push_back({p.key, quantile(p.distribution, world_uniform(s.seed, world, p.key))});
      continue;
    }
    if (!particle) particle = s.posterior->particle_at(world_uniform(s.seed, world, "posterior"));
    const auto& keys = s.posterior->keys;
    const auto k =
        static_cast<std::size_t>(std::find(keys.begin(), keys.end(), p.key) - keys.begin());
    values.push_back({p.key, s.posterior->values[*particle][k]});
  }
  return values;
}

std::string describe_uncertainty(const UncertainParameter& p) {
  return p.joint ? "posterior " + p.file : describe(p.distribution);
}

std::string exact_override(const std::string& key, double value) {
  return key + "=" + util::exact_text(value);
}

std::string pinned_groups(const Scenario& s) {
  if (s.audience.anchor < 0) return "";
  std::string groups;
  for (const std::uint64_t size : s.audience.group_size)
    groups += (groups.empty() ? "" : ",") + std::to_string(size);
  return "audience.groups=[" + groups + "]";
}

Scenario scenario_of_world(const Scenario& s, std::uint32_t world) {
  if (s.uncertain.empty()) return s;
  return scenario_with_values(s, world_values(s, world));
}

Scenario scenario_with_values(const Scenario& s, const std::vector<WorldValue>& values) {
  std::vector<std::string> overrides = s.overrides;
  for (const WorldValue& v : values)
    overrides.push_back(exact_override(v.key, v.value));
  // The population is one for every world: its groups are solved from the values as written.
  if (const std::string pin = pinned_groups(s); !pin.empty()) overrides.push_back(pin);
  // A strategy crossed with a what-if is the pair read again, the what-if's layers on top.
  Scenario fixed = s.condition_file.empty()
                       ? read_scenario(s.file, overrides)
                       : read_crossed_scenario(s.file, s.condition_file, overrides);
  fixed.overrides = s.overrides;
  fixed.uncertain = s.uncertain;  // the world remembers where its values came from
  fixed.resolved_toml = s.resolved_toml;
  fixed.graph = s.graph;
  return fixed;
}

}  // namespace sim::scenario
