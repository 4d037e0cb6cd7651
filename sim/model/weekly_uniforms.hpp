#pragma once
/// An agent's weekly uniforms, one per platform, drawn in two parts so that the weekly step
/// needs a quarter of a Philox block for most agents: a coarse byte c_k (one 64-bit word of a
/// block shared by four consecutive agents) and, only where a decision needs it, a fine part
/// f_k (one 32-bit half of the agent's own block). The uniform is u_k = (c_k + f_k 2^-32) / 256,
/// uniform on [0, 1) with resolution 2^-40 and exact in a double. Since u_k >= c_k / 256, the
/// coarse byte alone decides every "u_k < p" with p <= c_k / 256 (quiet_bounds.hpp).
///
/// Addresses: coarse (model_week, agent / 4, week), word agent % 4, byte k; fine
/// (model_week_fine, agent, week), half k. docs/rng.md.

#include <cstdint>

#include "sim/graph/types.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::model {

/// The coarse bytes of agents' weeks (byte k of `of(agent)` is c_k), keeping the last Philox
/// block so that consecutive agents share it.
class CoarseUniforms {
 public:
  CoarseUniforms(rng::RunKey run, std::uint32_t week) : run_(run), week_(week) {}

  std::uint64_t of(graph::NodeId agent) {
    const graph::NodeId group = agent / 4;
    if (!filled_ || group != group_) {
      block_ = rng::philox_block(run_, {rng::Stream::kModelWeek, group, week_}, 0);
      group_ = group;
      filled_ = true;
    }
    return block_.v[agent % 4];
  }

 private:
  rng::RunKey run_;
  std::uint32_t week_;
  bool filled_ = false;
  graph::NodeId group_ = 0;
  r123::Philox4x64::ctr_type block_{};
};

/// The full uniforms of an agent's week, given its coarse bytes.
class WeeklyUniforms {
 public:
  WeeklyUniforms(rng::RunKey run, graph::NodeId agent, std::uint32_t week, std::uint64_t coarse)
      : coarse_(coarse),
        fine_(rng::philox_block(run, {rng::Stream::kModelWeekFine, agent, week}, 0)) {}

  double at(std::size_t platform) const {
    const auto high = static_cast<std::uint64_t>((coarse_ >> (8 * platform)) & 0xFFU);
    const std::uint64_t low = (fine_.v[platform / 2] >> (32 * (platform % 2))) & 0xFFFFFFFFU;
    return static_cast<double>((high << 32U) | low) * 0x1p-40;
  }

 private:
  std::uint64_t coarse_;
  r123::Philox4x64::ctr_type fine_;
};

}  // namespace sim::model
