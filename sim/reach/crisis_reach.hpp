#pragma once
/// Crisis messages (docs/model.md, section Crisis reach): what reaches the audience within hours
/// when the organisation posts an urgent message everywhere at once.
///
/// A crisis message spreads on every platform as a routine message does (feed views, the
/// followers with notifications looking within minutes, reshares), with two differences: a
/// viewer of segment g relays it with the crisis share `relay_<g>` (unset: the platform's
/// reshare share), and a relayer reposts after a log-normal delay (median `relay_minutes`) that
/// replaces the routine reshare delay. Each alert channel then carries it (with probability
/// `use_share`) after a log-normal dispatch delay to its registered agents, who read it after an
/// exponential wait, whatever platforms they use. Each agent counts once, at its earliest
/// arrival, under the route that brought it first.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/reach/message_reach.hpp"

namespace sim::reach {

/// How an agent was first reached by a crisis message.
enum class Route : std::uint8_t { kFeed = 0, kNotification = 1, kReshare = 2, kAlert = 3 };
inline constexpr std::size_t kRouteCount = 4;
inline constexpr std::array<const char*, kRouteCount> kRouteNames{"feed", "notification", "reshare",
                                                                  "alert"};

/// Crisis messages are numbered from here in the coin addresses, apart from routine posts.
inline constexpr std::uint32_t kCrisisPost = std::uint32_t{1} << 24;

using HourCurve = std::array<double, kCrisisHours.size()>;

/// What one crisis message reaches (agents).
struct CrisisReach {
  double unique = 0.0;  ///< agents reached by any route, at any time
  HourCurve within{};   ///< agents reached within each hour mark
  std::array<HourCurve, graph::kSegmentCount> within_by_segment{};
  std::array<HourCurve, kRouteCount> within_by_route{};  ///< by the route that came first

  friend bool operator==(const CrisisReach&, const CrisisReach&) = default;
};

/// The crisis messages of one report week.
struct CrisisWeek {
  std::uint32_t week = 0;
  std::vector<CrisisReach> messages;

  friend bool operator==(const CrisisWeek&, const CrisisWeek&) = default;
};

/// Per alert channel of the scenario, the agents it reaches (below its `reach`, a draw per agent
/// and channel made once per run); empty without crisis messages.
std::vector<std::vector<graph::NodeId>> registered_agents(const model::ModelContext& context);

/// The `messages` crisis messages of week `week`, on the state of that week.
CrisisWeek simulate_crisis_week(MessageSimulator& simulator, const model::AgentState& state,
                                std::uint32_t week, std::uint32_t messages);

}  // namespace sim::reach
