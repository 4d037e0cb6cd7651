#pragma once
/// The parallel loop over ranges of agents that the weekly step and the counts share: each
/// thread sums its agents' transitions and state histograms (PartialCounts) in integers, so the
/// order in which the threads' shares are combined cannot change the totals.

#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <span>
#include <vector>

#include "sim/model/model_context.hpp"
#include "sim/model/state_histogram.hpp"
#include "sim/model/week_counts.hpp"
#include "sim/model/weekly_step.hpp"

namespace sim::model {

/// Agents per task of the parallel loops over agents.
inline constexpr std::size_t kAgentGrain = 1024;

/// A thread's share of a step's counts: transitions counted directly, states as histograms
/// (and each sibling's states, of which only its followers differ from the first scenario's).
struct PartialCounts {
  PartialCounts(std::size_t platforms, std::size_t siblings)
      : transitions(platforms),
        states(platforms),
        sibling_followers(siblings, FollowerHistogram(platforms)) {}
  WeekCounts transitions;
  StateHistogram states;
  std::vector<FollowerHistogram> sibling_followers;
};

inline void count_agent(const ModelContext& c, const AgentState& state, graph::NodeId agent,
                        PartialCounts& counts, std::span<const Sibling> siblings = {}) {
  const auto& segments = c.graph.attributes().segment;
  const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
  counts.states.add(state.account[agent], state.active[agent], state.follows[agent], segment);
  for (std::size_t m = 0; m < siblings.size(); ++m) {
    counts.sibling_followers[m].add(state.active[agent], (*siblings[m].follows_next)[agent]);
  }
}

/// Counts the change of an agent from `before` to `after` (siblings: from their follows_now to
/// their follows_next): nothing when its platform bits are the same.
inline void recount_agent(const ModelContext& c, const AgentState& before, const AgentState& after,
                          graph::NodeId agent, PartialCounts& counts,
                          std::span<const Sibling> siblings = {}) {
  const PlatformBits active_before = before.active[agent], active_after = after.active[agent];
  const bool same = before.account[agent] == after.account[agent] &&
                    active_before == active_after && before.follows[agent] == after.follows[agent];
  if (!same) {
    const auto& segments = c.graph.attributes().segment;
    const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
    counts.states.remove(before.account[agent], active_before, before.follows[agent], segment);
    counts.states.add(after.account[agent], active_after, after.follows[agent], segment);
  }
  for (std::size_t m = 0; m < siblings.size(); ++m) {
    const PlatformBits follows_before = (*siblings[m].follows_now)[agent];
    const PlatformBits follows_after = (*siblings[m].follows_next)[agent];
    if (active_before == active_after && follows_before == follows_after) continue;
    counts.sibling_followers[m].remove(active_before, follows_before);
    counts.sibling_followers[m].add(active_after, follows_after);
  }
}

/// Calls body(first, last, counts) on consecutive ranges of agents [first, last), in parallel;
/// writes each sibling's counts: the total's, with its own followers.
template <class Body>
inline WeekCounts for_each_range(const ModelContext& c, std::size_t agents,
                                 std::span<const Sibling> siblings, Body body) {
  tbb::enumerable_thread_specific<PartialCounts> partial(
      PartialCounts(c.platforms(), siblings.size()));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents, kAgentGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      body(static_cast<graph::NodeId>(range.begin()),
                           static_cast<graph::NodeId>(range.end()), partial.local());
                    });
  WeekCounts total(c.platforms());
  // Integer sums: the order of combination does not change the result.
  for (const PartialCounts& local : partial) {
    total.add(local.transitions);
    local.states.fold_into(total);
  }
  for (std::size_t m = 0; m < siblings.size(); ++m) {
    std::vector<std::uint32_t> followers(c.platforms(), 0);
    for (const PartialCounts& local : partial)
      local.sibling_followers[m].fold_into(followers);
    *siblings[m].counts = total;
    siblings[m].counts->followers = std::move(followers);
  }
  return total;
}

}  // namespace sim::model
