// Sums of week counts, element by element in integers (the order of combination cannot change
// them), and the counts of a state.

#include "sim/model/week_counts.hpp"

#include "sim/model/partial_counts.hpp"

namespace sim::model {

namespace {

void add_all(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
  for (std::size_t i = 0; i < to.size(); ++i)
    to[i] += from[i];
}

}  // namespace

void WeekCounts::add_states(const WeekCounts& other) {
  add_all(accounts, other.accounts);
  add_all(active, other.active);
  add_all(followers, other.followers);
  add_all(active_by_segment, other.active_by_segment);
  active_anywhere += other.active_anywhere;
}

void WeekCounts::add(const WeekCounts& other) {
  add_states(other);
  add_all(activations, other.activations);
  add_all(deactivations, other.deactivations);
  add_all(deletions, other.deletions);
  add_all(flows, other.flows);
}

WeekCounts count(const ModelContext& c, const AgentState& state) {
  return for_each_range(c, state.agents(), {},
                        [&](graph::NodeId first, graph::NodeId last, PartialCounts& counts) {
                          for (graph::NodeId agent = first; agent != last; ++agent)
                            count_agent(c, state, agent, counts);
                        });
}

}  // namespace sim::model
