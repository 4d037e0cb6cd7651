#pragma once
/// An agent's weekly uniforms, one per platform, in two parts (rng/two_part_uniforms.hpp): the
/// coarse bytes at (model_week, agent / 4, week, sub), the fine parts at (model_week_fine, agent,
/// week, sub), with sub 0 for platforms 0-7 and rng::kUpperPlatforms for platforms 8-15 (drawn only
/// in scenarios with more than eight platforms, so that smaller ones draw what they always drew).
/// The weekly step tests the coarse bytes against its quiet bounds (quiet_bounds.hpp) and draws the
/// fine parts only for the agents that fail. docs/rng.md.

#include <cstdint>

#include "sim/graph/types.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::model {

using rng::CoarseWords;

/// The coarse bytes of agents' weeks, for consecutive agents.
class CoarseUniforms {
 public:
  CoarseUniforms(rng::RunKey run, std::uint32_t week, std::size_t platforms)
      : low_(run, rng::Stream::kModelWeek, week, 0),
        high_(run, rng::Stream::kModelWeek, week, rng::kUpperPlatforms),
        wide_(platforms > kLanes) {}

  CoarseWords of(graph::NodeId agent) { return {low_.of(agent), wide_ ? high_.of(agent) : 0}; }

 private:
  rng::CoarseBytes low_, high_;
  bool wide_;
};

/// The full uniforms of an agent's week, given its coarse bytes. Only the fine blocks of the
/// platforms in `needed` are drawn; at(k) must ask for one of those.
class WeeklyUniforms : public rng::FineUniforms {
 public:
  WeeklyUniforms(rng::RunKey run, graph::NodeId agent, std::uint32_t week, CoarseWords coarse,
                 PlatformBits needed = kEveryPlatform)
      : rng::FineUniforms(run, rng::Stream::kModelWeekFine, agent, week, 0, coarse, needed) {}
};

}  // namespace sim::model
