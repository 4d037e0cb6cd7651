#pragma once
/// Per-agent platform state, in compact arrays (one entry per agent, one bit or byte per platform):
///   account: has an account;  active: used the platform this week;  follows: follows the
///   organisation there;  age: weeks since the agent last became active there;  seen: what its
///   followers read of it, the active bits (low byte) and the bits of platforms it became active
///   on within the model's influence horizon (high byte), in one 16-bit word: the summary of an
///   agent's state that the weekly step reads for every followee, in a 124 KB array for 62,000
///   agents that stays in cache.
/// The ages of one agent share one 64-bit word (byte k for platform k), so the weekly step reads
/// everything it needs about a followed account with one memory access.
/// Memory: 13 bytes per agent.

#include <cstdint>
#include <vector>

#include "sim/util/byte_lanes.hpp"

namespace sim::model {

/// Age byte values: 0..kLongAgo-1 are weeks since activation; kLongAgo marks an agent active for
/// longer (and those active from the start); kInactive an agent not active there.
inline constexpr std::uint8_t kLongAgo = 254;
inline constexpr std::uint8_t kInactive = 255;
inline constexpr std::uint64_t kAllInactive = ~std::uint64_t{0};

inline std::uint8_t age_in(std::uint64_t ages, std::size_t platform) {
  return static_cast<std::uint8_t>(ages >> (8 * platform));
}
inline std::uint64_t with_age(std::uint64_t ages, std::size_t platform, std::uint8_t age) {
  const unsigned shift = 8 * static_cast<unsigned>(platform);
  return (ages & ~(std::uint64_t{0xFF} << shift)) | (std::uint64_t{age} << shift);
}
/// The age a week later: one more week, saturating at kLongAgo; kInactive stays.
inline std::uint8_t older(std::uint8_t age) {
  return age >= kLongAgo ? age : static_cast<std::uint8_t>(age + 1);
}

struct AgentState {
  std::size_t platforms = 0;
  std::vector<std::uint8_t> account;
  std::vector<std::uint8_t> active;
  std::vector<std::uint8_t> follows;
  std::vector<std::uint16_t> seen;
  std::vector<std::uint64_t> ages;

  AgentState() = default;
  AgentState(std::size_t agents, std::size_t platform_count)
      : platforms(platform_count),
        account(agents, 0),
        active(agents, 0),
        follows(agents, 0),
        seen(agents, 0),
        ages(agents, kAllInactive) {}

  std::size_t agents() const { return account.size(); }
};

/// Every age a week later (older() of each byte), as the step leaves an agent that changes
/// nothing.
inline std::uint64_t older_ages(std::uint64_t ages) {
  // Ages 254 and 255 (and only they) become 0xFF with their low bit set; a byte of the
  // complement is then zero exactly where the age stays. Its high bit after adding 0x7F to the
  // low seven bits marks a non-zero byte, without carries between bytes.
  constexpr std::uint64_t kLow = 0x0101010101010101U, kHigh = 0x8080808080808080U;
  const std::uint64_t complement = ~(ages | kLow);
  const std::uint64_t grows = (((complement & ~kHigh) + ~kHigh) | complement) & kHigh;
  return ages + (grows >> 7U);
}

/// Bit k set when platform k's age is below `horizon` weeks (a recent activation). Ages beyond
/// the scenario's platforms are kInactive and never count.
inline std::uint8_t recent_bits(std::uint64_t ages, std::uint8_t horizon) {
  return static_cast<std::uint8_t>(~util::bytes_at_least(ages, util::broadcast(horizon)));
}

inline std::uint16_t seen_word(std::uint8_t active, std::uint8_t recent) {
  return static_cast<std::uint16_t>(static_cast<unsigned>(active) |
                                    (static_cast<unsigned>(recent) << 8U));
}
inline std::uint8_t active_part(std::uint16_t seen) {
  return static_cast<std::uint8_t>(seen);
}
inline std::uint8_t recent_part(std::uint16_t seen) {
  return static_cast<std::uint8_t>(seen >> 8);
}

inline bool has(std::uint8_t bits, std::size_t platform) {
  return ((static_cast<unsigned>(bits) >> platform) & 1U) != 0;
}
inline std::uint8_t with(std::uint8_t bits, std::size_t platform) {
  return static_cast<std::uint8_t>(bits | (1U << platform));
}
inline std::uint8_t without(std::uint8_t bits, std::size_t platform) {
  return static_cast<std::uint8_t>(bits & ~(1U << platform));
}

}  // namespace sim::model
