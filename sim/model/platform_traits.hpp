#pragma once
/// Traits an agent has on a platform for a whole run (it gets the organisation's notifications
/// there, it is a stayer there): one draw per agent and platform, made once per run.

#include <cstddef>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/rng/philox.hpp"
#include "sim/rng/streams.hpp"

namespace sim::model {

/// Per agent, the platforms k on which its uniform is below `share[k]`. The uniform of platform k
/// is 32-bit half k of the block at {stream, agent} (platforms 0-7), or half k - 8 of the block
/// at sub-address kUpperPlatforms (platforms 8-15, drawn only when one of them has a share).
/// Empty when every share is 0.
std::vector<PlatformBits> draw_platform_traits(rng::RunKey run, rng::Stream stream,
                                               std::size_t agents,
                                               const std::vector<double>& share);

}  // namespace sim::model
