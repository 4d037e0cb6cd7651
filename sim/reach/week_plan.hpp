#pragma once
/// Reach of the organisation's real posting plan over one week (docs/model.md, section Reach).
///
/// In week t the organisation posts n_k messages on platform k: the integer part of the
/// platform's posts_per_week, plus one with probability its fractional part (a coin keyed by
/// platform and week), and none where it is absent that week. The week's messages are numbered
/// j = 0, 1, ...; message j is posted on every platform with n_k > j, so the first ones go
/// everywhere the organisation posts and the later ones only where it posts more. Each (message,
/// platform) uses the coins of that message on that platform (message_reach.hpp), so message j
/// of the plan on platform k is exactly the cross-posted message j there.
///
/// What a strategist asks of a week: how many agents it reaches at least once, and how many
/// impressions (views, summed over messages) it makes on each platform.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/reach/message_reach.hpp"

namespace sim::reach {

struct WeekPlanReach {
  explicit WeekPlanReach(std::size_t platforms = 0)
      : posts(platforms, 0.0),
        impressions(platforms, 0.0),
        engagements(platforms, 0.0),
        toxic_exposure(platforms, 0.0) {}
  std::uint32_t week = 0;
  std::vector<double> posts;  ///< [platform] messages posted there this week
  double reached = 0.0;       ///< agents shown at least one of the week's messages
  std::array<double, graph::kSegmentCount> reached_by_segment{};
  std::vector<double> impressions;     ///< [platform] views summed over the week's messages
  std::vector<double> engagements;     ///< [platform] impressions x engagement
  std::vector<double> toxic_exposure;  ///< [platform] impressions x the platform's toxicity

  friend bool operator==(const WeekPlanReach&, const WeekPlanReach&) = default;
};

/// The number of messages posted on each platform in week `week` (see above).
std::vector<std::uint32_t> posts_of_week(const model::ModelContext& context, std::uint32_t week);

/// Every message of week `week`'s posting plan, on the state of that week.
WeekPlanReach simulate_week_plan(MessageSimulator& simulator, const model::ModelContext& context,
                                 const model::AgentState& state, std::uint32_t week);

}  // namespace sim::reach
