#pragma once
/// What one week of the migration model adds up to, per platform (and segment where it matters).
/// Counts are agents; transitions count changes during the step into the week.

#include <cstdint>
#include <vector>

#include "sim/graph/attributes.hpp"

namespace sim::model {

struct WeekCounts {
  explicit WeekCounts(std::size_t platform_count = 0)
      : platforms(platform_count),
        accounts(platform_count, 0),
        active(platform_count, 0),
        followers(platform_count, 0),
        active_by_segment(graph::kSegmentCount * platform_count, 0),
        activations(platform_count, 0),
        deactivations(platform_count, 0),
        deletions(platform_count, 0),
        flows((platform_count + 1) * platform_count, 0) {}

  std::size_t platforms;
  std::vector<std::uint32_t> accounts;   ///< [platform] agents with an account
  std::vector<std::uint32_t> active;     ///< [platform] active agents
  std::vector<std::uint32_t> followers;  ///< [platform] active agents following the organisation
  std::vector<std::uint32_t> active_by_segment;  ///< [segment][platform]
  std::vector<std::uint32_t> activations;        ///< [platform] became active
  std::vector<std::uint32_t> deactivations;      ///< [platform] became inactive
  std::vector<std::uint32_t> deletions;          ///< [platform] deleted their account
  /// [home][platform]: activations by the agent's home platform (the one it has been active on
  /// longest; ties to the lower index), home = platforms for agents active nowhere.
  std::vector<std::uint32_t> flows;
  std::uint32_t active_anywhere = 0;  ///< agents active on at least one platform

  void add(const WeekCounts& other);
  /// Adds only the counts of states (accounts, active, followers, active_by_segment,
  /// active_anywhere), modulo 2^32, not the transitions.
  void add_states(const WeekCounts& other);
  friend bool operator==(const WeekCounts&, const WeekCounts&) = default;
};

}  // namespace sim::model
