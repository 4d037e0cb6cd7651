// Crisis messages run the routine spreading with the crisis relay shares and delays switched on,
// then the alert channels, then tally each agent's first arrival by hour mark, segment and route,
// resetting the scratch arrays in O(reached).

#include "sim/reach/crisis_reach.hpp"

#include <cmath>
#include <limits>

#include "sim/rng/distributions.hpp"
#include "sim/util/hash.hpp"

namespace sim::reach {
namespace {

using graph::NodeId;

constexpr float kNever = std::numeric_limits<float>::infinity();

/// Log-normal with median `median_minutes` and spread `sigma`, in hours, from two 64-bit draws
/// (Box-Muller, one of the pair).
double lognormal_hours(std::uint64_t first, std::uint64_t second, double median_minutes,
                       double sigma) {
  const double radius = std::sqrt(-2.0 * std::log(rng::to_unit_open(first)));
  const double normal = radius * std::cos(2.0 * std::numbers::pi * rng::to_unit(second));
  return median_minutes / 60.0 * std::exp(sigma * normal);
}

std::uint64_t channel_key(const scenario::AlertChannel& channel) {
  return util::fnv1a(channel.name);
}

void add_marks(double hours, HourCurve& curve) {
  for (std::size_t h = 0; h < kCrisisHours.size(); ++h) {
    if (hours <= kCrisisHours[h]) curve[h] += 1.0;
  }
}

}  // namespace

std::vector<std::vector<NodeId>> registered_agents(const model::ModelContext& context) {
  const scenario::CrisisOptions& crisis = context.scenario.crisis;
  std::vector<std::vector<NodeId>> registered(crisis.channels.size());
  if (crisis.messages == 0) return registered;
  for (std::size_t c = 0; c < crisis.channels.size(); ++c) {
    const std::uint64_t key = channel_key(crisis.channels[c]);
    for (NodeId agent = 0; agent < context.graph.node_count(); ++agent) {
      const auto bits =
          rng::philox_block(context.run, {rng::Stream::kCrisisChannel, agent, 0, key}, 0);
      if (rng::to_unit(bits.v[0]) < crisis.channels[c].reach) registered[c].push_back(agent);
    }
  }
  return registered;
}

double MessageSimulator::relay_delay(NodeId agent, std::uint32_t week, std::uint32_t post,
                                     std::size_t platform) const {
  const auto bits = rng::philox_block(
      c_.run, {rng::Stream::kCrisisRelay, agent, week, std::uint64_t{post} * 16 + platform}, 0);
  const auto& crisis = c_.scenario.crisis;
  return lognormal_hours(bits.v[0], bits.v[1], crisis.relay_minutes, crisis.relay_sigma);
}

void MessageSimulator::alert(std::uint32_t week, std::uint32_t post) {
  const auto& channels = c_.scenario.crisis.channels;
  for (std::size_t c = 0; c < channels.size(); ++c) {
    const scenario::AlertChannel& channel = channels[c];
    const std::uint64_t key = channel_key(channel);
    const auto dispatch =
        rng::philox_block(c_.run, {rng::Stream::kCrisisDispatch, key, week, post}, 0);
    if (rng::to_unit(dispatch.v[0]) >= channel.use_share) continue;
    const double sent = lognormal_hours(dispatch.v[1], dispatch.v[2], channel.dispatch_minutes,
                                        channel.dispatch_sigma);
    for (const NodeId agent : registered_[c]) {
      // Block 0 of the address is the registration draw; a message's wait is block 1 + post.
      const auto wait = rng::philox_block(c_.run, {rng::Stream::kCrisisChannel, agent, week, key},
                                          1 + std::uint64_t{post});
      const auto arrival = static_cast<float>(sent - std::log(rng::to_unit_open(wait.v[0])) *
                                                         channel.read_minutes / 60.0);
      if (first_time_[agent] == kNever && seen_on_[agent] == 0) reached_anywhere_.push_back(agent);
      if (arrival < first_time_[agent]) {
        first_time_[agent] = arrival;
        first_route_[agent] = static_cast<std::uint8_t>(Route::kAlert);
      }
    }
  }
}

CrisisReach MessageSimulator::simulate_crisis(const model::AgentState& state, std::uint32_t week,
                                              std::uint32_t message) {
  const std::uint32_t post = kCrisisPost + message;
  crisis_ = true;
  MessageReach platforms(c_.platforms());
  spread_everywhere(state, week, post, kEveryPlatform, platforms);
  crisis_ = false;
  alert(week, post);
  CrisisReach out;
  const auto& segments = c_.graph.attributes().segment;
  for (const NodeId agent : reached_anywhere_) {
    const double hours = first_time_[agent];
    const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
    out.unique += 1.0;
    add_marks(hours, out.within);
    add_marks(hours, out.within_by_segment[segment]);
    add_marks(hours, out.within_by_route[first_route_[agent]]);
    seen_on_[agent] = 0;
    first_time_[agent] = kNever;
  }
  reached_anywhere_.clear();
  return out;
}

CrisisWeek simulate_crisis_week(MessageSimulator& simulator, const model::AgentState& state,
                                std::uint32_t week, std::uint32_t messages) {
  CrisisWeek out;
  out.week = week;
  for (std::uint32_t message = 0; message < messages; ++message)
    out.messages.push_back(simulator.simulate_crisis(state, week, message));
  return out;
}

}  // namespace sim::reach
