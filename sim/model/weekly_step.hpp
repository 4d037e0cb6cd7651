#pragma once
/// The migration model's processes: the initial state and the weekly update.
///
/// The update is synchronous: every agent decides from the state of week t (`now`) and writes its
/// own entry of week t + 1 (`next`). Each agent's draws come from addresses (model_week,
/// agent / 4, week) and (model_week_fine, agent, week) (weekly_uniforms.hpp) and, for events,
/// (model_event, agent, week, event), so the result is the same for any thread count.
/// docs/model.md gives the equations.

#include <cstdint>

#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/week_counts.hpp"

namespace sim::model {

/// Draws the initial state (week 0) from the scenario's initial shares. Parallel.
void initialise(const ModelContext& context, AgentState& state);

/// Advances week `week` to week + 1. Returns the counts of week + 1 with its transitions. Parallel.
WeekCounts step(const ModelContext& context, std::uint32_t week, const AgentState& now,
                AgentState& next);

/// Counts of a state (no transitions). Parallel.
WeekCounts count(const ModelContext& context, const AgentState& state);

}  // namespace sim::model
