#pragma once
/// An agent's weekly uniforms, one per platform, in two parts (rng/two_part_uniforms.hpp): the
/// coarse bytes at (model_week, agent / 4, week), the fine parts at (model_week_fine, agent,
/// week). The weekly step tests the coarse bytes against its quiet bounds (quiet_bounds.hpp) and
/// draws the fine parts only for the agents that fail. docs/rng.md.

#include <cstdint>

#include "sim/graph/types.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::model {

/// The coarse bytes of agents' weeks: byte k of `of(agent)` is c_k.
class CoarseUniforms : public rng::CoarseBytes {
 public:
  CoarseUniforms(rng::RunKey run, std::uint32_t week)
      : rng::CoarseBytes(run, rng::Stream::kModelWeek, week) {}
};

/// The full uniforms of an agent's week, given its coarse bytes.
class WeeklyUniforms : public rng::TwoPartUniforms {
 public:
  WeeklyUniforms(rng::RunKey run, graph::NodeId agent, std::uint32_t week, std::uint64_t coarse)
      : rng::TwoPartUniforms(run, rng::Stream::kModelWeekFine, agent, week, 0, coarse) {}
};

}  // namespace sim::model
