#include "sim/model/coordinated_exits.hpp"

#include "sim/rng/distributions.hpp"

namespace sim::model {

using scenario::Event;

std::vector<std::size_t> exits_of_week(const ModelContext& c, std::uint32_t week) {
  std::vector<std::size_t> exits;
  for (std::size_t index = 0; index < c.scenario.events.size(); ++index) {
    const Event& e = c.scenario.events[index];
    if (e.kind == Event::Kind::kExit && e.week == week) exits.push_back(index);
  }
  return exits;
}

void apply_exits(const ModelContext& c, std::uint32_t week, const std::vector<std::size_t>& exits,
                 AgentState& next, graph::NodeId agent, WeekCounts& counts) {
  const auto& segments = c.graph.attributes().segment;
  for (const std::size_t index : exits) {
    const Event& e = c.scenario.events[index];
    const auto segment = segments.empty() ? 0U : static_cast<unsigned>(segments[agent]);
    if (((e.segments >> segment) & 1U) == 0 || !has(next.active[agent], e.platform)) continue;
    rng::RandomStream draws(c.run, {rng::Stream::kModelEvent, agent, week, index});
    if (!rng::bernoulli(draws, e.share)) continue;
    next.active[agent] = without(next.active[agent], e.platform);
    next.set_ages(agent, with_age(next.ages_of(agent), e.platform, kInactive));
    if (next.tracks_left()) next.left[agent] = with(next.left[agent], e.platform);
    ++counts.deactivations[e.platform];
    for (const std::uint32_t to : e.targets) {
      if (has(next.active[agent], to)) continue;
      next.account[agent] = with(next.account[agent], to);
      next.active[agent] = with(next.active[agent], to);
      next.set_ages(agent, with_age(next.ages_of(agent), to, 0));
      if (next.tracks_left()) next.left[agent] = without(next.left[agent], to);
      ++counts.activations[to];
      ++counts.flows[e.platform * c.platforms() + to];
    }
    next.seen[agent] = seen_word(next.active[agent], recent_bits(next.ages_of(agent), c.horizon));
  }
}

}  // namespace sim::model
