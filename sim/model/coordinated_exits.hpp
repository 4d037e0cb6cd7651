#pragma once
/// Coordinated exits (events of kind `exit`): in the week of the event, each active agent of the
/// named segments leaves the platform with the event's share and becomes active on its targets.
/// Draws come from (model_event, agent, week, event), so the order of agents does not matter.

#include <cstdint>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/week_counts.hpp"

namespace sim::model {

/// The indices of the exit events of week `week`.
std::vector<std::size_t> exits_of_week(const ModelContext& context, std::uint32_t week);

/// Applies the exits `exits` (exits_of_week) to agent `agent` of `next`, the state of week
/// t + 1 after its own decisions, and counts its moves.
void apply_exits(const ModelContext& context, std::uint32_t week,
                 const std::vector<std::size_t>& exits, AgentState& next, graph::NodeId agent,
                 WeekCounts& counts);

}  // namespace sim::model
