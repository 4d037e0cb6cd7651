#pragma once
/// Which platforms an agent may be shown a post on, settled for most agents by one coarse byte per
/// platform (rng/two_part_uniforms.hpp): the byte lies above the coarse bound of the view chance
/// (a follower's or a non-follower's), so the fine block need not be drawn. Agents who get the
/// organisation's notifications on a platform are always open there (they see every post).

#include <algorithm>
#include <cstdint>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/rng/two_part_uniforms.hpp"
#include "sim/util/byte_lanes.hpp"

namespace sim::reach {

struct ViewBounds {
  util::Lanes16 follower_below, other_below;
  unsigned follower_possible = 0, other_possible = 0, posting = 0;

  /// `follower_chance`, `other_chance`: per platform the view chance of a follower (without
  /// notifications) and of another active agent; the platforms with a negative follower chance
  /// are those where the organisation does not post.
  ViewBounds(const std::vector<double>& follower_chance, const std::vector<double>& other_chance) {
    for (std::size_t k = 0; k < follower_chance.size(); ++k) {
      if (follower_chance[k] < 0.0) continue;
      posting |= 1U << k;
      const std::int16_t follower = rng::coarse_below(follower_chance[k]);
      const std::int16_t other = rng::coarse_below(other_chance[k]);
      if (follower >= 0) follower_possible |= 1U << k;
      if (other >= 0) other_possible |= 1U << k;
      const unsigned shift = 8 * static_cast<unsigned>(k % model::kLanes);
      std::uint64_t& follower_word = k < model::kLanes ? follower_below.low : follower_below.high;
      std::uint64_t& other_word = k < model::kLanes ? other_below.low : other_below.high;
      follower_word |= static_cast<std::uint64_t>(std::max<std::int16_t>(follower, 0)) << shift;
      other_word |= static_cast<std::uint64_t>(std::max<std::int16_t>(other, 0)) << shift;
    }
  }

  /// The platforms on which an agent with these follow, active and notification bits may be
  /// shown the post, given its coarse bytes: every platform at once, the bound by whether the
  /// agent follows there, then the bytes at or below it.
  unsigned open(model::PlatformBits follows, unsigned active, model::PlatformBits notified,
                const rng::CoarseWords& coarse) const {
    const unsigned below =
        util::chosen_at_least(follows, follower_below, other_below, {coarse.low, coarse.high});
    const unsigned possible = (follows & follower_possible) | (~follows & other_possible);
    return ((below & possible) | (notified & follows)) & active & posting;
  }
};

}  // namespace sim::reach
