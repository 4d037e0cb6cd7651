#pragma once
/// Per-agent platform state, in compact arrays (one entry per agent, one bit per platform):
///   account: has an account;  active: used the platform this week;  follows: follows the
///   organisation there;  since: the week the agent last became active there (kLongAgo for agents
///   active from the start, so they exert no "recent move" influence).
/// Memory: 3 bytes + 4 bytes per platform per agent.

#include <cstdint>
#include <vector>

namespace sim::model {

inline constexpr std::int32_t kLongAgo = -1000000;

struct AgentState {
  std::size_t platforms = 0;
  std::vector<std::uint8_t> account;
  std::vector<std::uint8_t> active;
  std::vector<std::uint8_t> follows;
  std::vector<std::int32_t> since;  ///< agents x platforms, row-major

  AgentState() = default;
  AgentState(std::size_t agents, std::size_t platform_count)
      : platforms(platform_count),
        account(agents, 0),
        active(agents, 0),
        follows(agents, 0),
        since(agents * platform_count, kLongAgo) {}

  std::size_t agents() const { return account.size(); }
  std::int32_t& since_of(std::size_t agent, std::size_t platform) {
    return since[agent * platforms + platform];
  }
  std::int32_t since_of(std::size_t agent, std::size_t platform) const {
    return since[agent * platforms + platform];
  }
};

inline bool has(std::uint8_t bits, std::size_t platform) { return (bits >> platform) & 1U; }
inline std::uint8_t with(std::uint8_t bits, std::size_t platform) {
  return static_cast<std::uint8_t>(bits | (1U << platform));
}
inline std::uint8_t without(std::uint8_t bits, std::size_t platform) {
  return static_cast<std::uint8_t>(bits & ~(1U << platform));
}

}  // namespace sim::model
