#pragma once
/// What an agent's followees tell it in a week: the peer signal and the lock-in per platform
/// (shares of its followees, in [0, 1]), the platforms on which a followee moved recently
/// (so that the signal of every other platform is known to be 0 without reading the
/// followees), and the population's signal under well-mixed influence.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"

namespace sim::model {

/// Peer signal (recency-weighted active followees), lock-in (active followees with a rebuilt
/// tie) and the leavers (followees who have left during the run), per platform, as shares of
/// the agent's followees.
struct Neighbourhood {
  std::array<float, scenario::kMaxPlatforms> signal{};
  std::array<float, scenario::kMaxPlatforms> lock_in{};
  std::array<float, scenario::kMaxPlatforms> left{};
};

/// The platforms on which each share is computed: the signal where the agent may adopt, lock-in
/// and the leavers where it may leave (the others stay 0). `left` needs AgentState::left.
struct NeighbourhoodMasks {
  PlatformBits signal = 0;
  PlatformBits lock = 0;
  PlatformBits left = 0;
};

Neighbourhood neighbourhood(const ModelContext& context, const AgentState& now, graph::NodeId agent,
                            const NeighbourhoodMasks& masks);

/// Who may feel a peer signal in week `week`: per agent, the platforms on which one of its
/// followees carries a signal (a recent activation on a platform that can be imitated) and the
/// number of such followees. An agent without bit k has a peer signal of exactly 0 on k; its
/// signal on any platform is at most movers x (the largest recency weight) / followees.
/// Empty when every active followee carries a signal (every_active_signals: no memory, or
/// threshold contagion): then no agent can be ruled out.
struct Exposure {
  std::vector<PlatformBits> platforms;  ///< bit k: a followee carries a signal on k
  std::vector<std::uint32_t> movers;    ///< followees that carry a signal

  bool empty() const { return platforms.empty(); }
};

/// Parallel: each mover adds itself to its followers (OR and add, in arrays per thread merged at
/// the end), so the result does not depend on the order of the agents or the thread count.
Exposure exposure_of(const ModelContext& context, const AgentState& now, std::uint32_t week);

/// Well-mixed influence: the population's recency-weighted share active on each platform (the
/// share active, whatever the age, under every_active_signals).
std::array<float, scenario::kMaxPlatforms> population_signal(const ModelContext& context,
                                                             const AgentState& now);

}  // namespace sim::model
