#pragma once
/// The migration model's processes: the initial state and the weekly update.
///
/// The update is synchronous: every agent decides from the state of week t (`now`) and writes its
/// own entry of week t + 1 (`next`). Each agent's draws come from addresses (model_week,
/// agent / 4, week) and (model_week_fine, agent, week) (weekly_uniforms.hpp) and, for events,
/// (model_event, agent, week, event), so the result is the same for any thread count.
/// docs/model.md gives the equations.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/model/agent_state.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/week_counts.hpp"

namespace sim::model {

/// Draws the initial state (week 0) from the scenario's initial shares. Parallel.
void initialise(const ModelContext& context, AgentState& state);

/// Another scenario stepped together with the first one of step(): one whose agents move exactly
/// as the first's (engine/run_together.hpp says when) and that differs only in what the
/// organisation does (where it is, its announcements, follow chances and posting). Its accounts,
/// activity and ages are the first scenario's; only its follow bits are its own. Its results are
/// bit for bit those of stepping it alone: every decision takes the same uniform either way.
struct Sibling {
  const ModelContext* context = nullptr;                   ///< its timeline and follow chances
  const std::vector<PlatformBits>* follows_now = nullptr;  ///< its follow bits of week t
  std::vector<PlatformBits>* follows_next = nullptr;       ///< written: week t + 1
  WeekCounts* counts = nullptr;                            ///< written: its counts of week t + 1
  /// Its counts of week t, if known (see step()); not the same object as `counts`.
  const WeekCounts* counts_now = nullptr;
};
inline constexpr std::size_t kMaxSiblings = 15;

/// Advances week `week` to week + 1. Returns the counts of week + 1 with its transitions. Parallel.
/// `siblings` (at most kMaxSiblings) are advanced with it.
/// `counts_now`: the counts of `now` (what count() or the step into week t returned). When it and
/// every sibling's counts_now are given, only the agents whose platform bits change are counted
/// (the others keep their share of the counts), which gives the same counts faster; otherwise
/// every agent of week t + 1 is counted.
WeekCounts step(const ModelContext& context, std::uint32_t week, const AgentState& now,
                AgentState& next, std::span<const Sibling> siblings = {},
                const WeekCounts* counts_now = nullptr);

/// Counts of a state (no transitions). Parallel.
WeekCounts count(const ModelContext& context, const AgentState& state);

}  // namespace sim::model
