// The week's messages in post order, each on the platforms that still have posts left; the agents
// each one reaches are merged into one set for the week with a byte per agent, reset in
// O(reached) at the end.

#include "sim/reach/week_plan.hpp"

#include <algorithm>
#include <cmath>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/rng/streams.hpp"

namespace sim::reach {

std::vector<std::uint32_t> posts_of_week(const model::ModelContext& c, std::uint32_t week) {
  std::vector<std::uint32_t> posts(c.platforms(), 0);
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    const double planned = c.scenario.platforms[k].posts_per_week;
    if (!c.timeline.at(week, k).organisation || planned <= 0.0) continue;
    const double whole = std::floor(planned);
    const std::uint64_t bits = rng::draw_bits(c.run, {rng::Stream::kReachPlan, k, week, 0}, 0);
    const bool extra = rng::to_unit(bits) < planned - whole;
    posts[k] = static_cast<std::uint32_t>(whole) + (extra ? 1U : 0U);
  }
  return posts;
}

WeekPlanReach simulate_week_plan(MessageSimulator& simulator, const model::ModelContext& c,
                                 const model::AgentState& state, std::uint32_t week) {
  const std::vector<std::uint32_t> posts = posts_of_week(c, week);
  WeekPlanReach out(c.platforms());
  out.week = week;
  const std::uint32_t messages = posts.empty() ? 0 : *std::max_element(posts.begin(), posts.end());
  std::vector<graph::NodeId> reached;
  std::vector<std::uint8_t> seen(state.agents(), 0);
  for (std::uint32_t post = 0; post < messages; ++post) {
    model::PlatformBits on = 0;
    for (std::size_t k = 0; k < c.platforms(); ++k) {
      if (posts[k] > post) on = model::with(on, k);
    }
    const std::size_t before = reached.size();
    const MessageReach message = simulator.simulate(state, week, post, on, &reached);
    // Keep each agent once: the set of the week, not a list of views.
    std::size_t kept = before;
    for (std::size_t i = before; i < reached.size(); ++i) {
      const graph::NodeId agent = reached[i];
      if (seen[agent] != 0) continue;
      seen[agent] = 1;
      reached[kept++] = agent;
    }
    reached.resize(kept);
    for (std::size_t k = 0; k < c.platforms(); ++k) {
      out.impressions[k] += message.viewers[k];
      out.engagements[k] += message.engagements[k];
      out.toxic_exposure[k] += message.toxic_exposure[k];
    }
  }
  const auto& segments = c.graph.attributes().segment;
  for (const graph::NodeId agent : reached) {
    const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
    out.reached_by_segment[segment] += 1.0;
  }
  out.reached = static_cast<double>(reached.size());
  for (std::size_t k = 0; k < c.platforms(); ++k)
    out.posts[k] = posts[k];
  return out;
}

}  // namespace sim::reach
