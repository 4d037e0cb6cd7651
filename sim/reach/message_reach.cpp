// Per message and platform: feed views drawn for every active agent from two-part uniforms (a
// quarter of a Philox block for most agents, one more block where a view is possible), check-in
// delays by inverse transform, then reshares spread earliest first over rebuilt ties; the reached
// sets are merged across platforms with per-agent first times, reset in O(reached) after each
// message.

#include "sim/reach/message_reach.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <tbb/parallel_for.h>

#include "sim/model/platform_traits.hpp"
#include "sim/reach/crisis_reach.hpp"
#include "sim/reach/view_bounds.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/two_part_uniforms.hpp"

namespace sim::reach {
namespace {

using graph::NodeId;
using model::has;

constexpr float kNever = std::numeric_limits<float>::infinity();
constexpr double kBelowOne = 0x1.fffffffffffffp-1;  // the largest double below 1

/// Exponential with the given mean from 64 random bits (inverse transform on (0, 1]).
double exponential_hours(std::uint64_t bits, double mean) {
  return -std::log(rng::to_unit_open(bits)) * mean;
}

bool platform_posts(const model::ModelContext& c, std::uint32_t week, std::size_t k) {
  return c.timeline.at(week, k).organisation && c.scenario.platforms[k].posts_per_week > 0.0;
}

/// Per agent, the platforms on which it gets the organisation's notifications: a draw per agent
/// and platform, made once per run (the same agents every week and message). Empty when no
/// platform has notifications.
std::vector<model::PlatformBits> draw_notified(const model::ModelContext& c) {
  std::vector<double> share;
  for (const auto& p : c.scenario.platforms)
    share.push_back(p.notification_share);
  return model::draw_platform_traits(c.run, rng::Stream::kReachNotification, c.graph.node_count(),
                                     share);
}

/// The view chance of a follower without notifications: the feed reach is the share of all
/// followers who see a post, those with notifications (who all do) included.
double unnotified_chance(double feed, double notification_share) {
  if (notification_share <= 0.0) return feed;
  if (notification_share >= 1.0) return 0.0;
  return std::max(0.0, (feed - notification_share) / (1.0 - notification_share));
}

}  // namespace

void MessageReach::add(const MessageReach& other) {
  for (std::size_t k = 0; k < viewers.size(); ++k) {
    viewers[k] += other.viewers[k];
    only_here[k] += other.only_here[k];
    engagements[k] += other.engagements[k];
    toxic_exposure[k] += other.toxic_exposure[k];
  }
  unique += other.unique;
  unique_anchor += other.unique_anchor;
  for (std::size_t g = 0; g < unique_by_segment.size(); ++g) {
    unique_by_segment[g] += other.unique_by_segment[g];
  }
  for (std::size_t h = 0; h < within.size(); ++h)
    within[h] += other.within[h];
  reshares += other.reshares;
  for (std::size_t h = 0; h < reshared_within.size(); ++h)
    reshared_within[h] += other.reshared_within[h];
}

void MessageReach::scale(double factor) {
  for (std::size_t k = 0; k < viewers.size(); ++k) {
    viewers[k] *= factor;
    only_here[k] *= factor;
    engagements[k] *= factor;
    toxic_exposure[k] *= factor;
  }
  unique *= factor;
  unique_anchor *= factor;
  for (double& value : unique_by_segment)
    value *= factor;
  for (double& value : within)
    value *= factor;
  reshares *= factor;
  for (double& value : reshared_within)
    value *= factor;
}

MessageSimulator::MessageSimulator(const model::ModelContext& context)
    : c_(context),
      time_(context.graph.node_count(), kNever),
      first_time_(context.graph.node_count(), kNever),
      seen_on_(context.graph.node_count(), 0),
      notified_(draw_notified(context)),
      route_(context.graph.node_count(), 0),
      first_route_(context.graph.node_count(), 0),
      registered_(registered_agents(context)),
      share_chance_(context.platforms()),
      feed_(context.platforms(), -1.0),
      follower_chance_(context.platforms(), -1.0),
      other_chance_(context.platforms(), 0.0),
      anchor_agents_(context.scenario.audience.anchor < 0
                         ? context.graph.node_count()
                         : static_cast<NodeId>(context.scenario.audience.group_size[0])),
      seeds_(context.platforms()) {
  for (const auto& p : context.scenario.platforms)
    view_time_.emplace_back(p);
}

void MessageSimulator::find_viewers(const model::AgentState& state, std::uint32_t week,
                                    std::uint32_t post) {
  for (auto& seeds : seeds_)
    seeds.clear();
  // Feed views in two parts (rng/two_part_uniforms.hpp): a coarse byte above the chance's bound
  // settles "not shown" for most agents; the fine block is drawn only for the rest.
  const ViewBounds bounds(follower_chance_, other_chance_);
  const bool wide = (bounds.posting >> model::kLanes) != 0;
  // In batches, so that the Philox blocks and the tests run without unpredictable branches and
  // the processor overlaps them: first the coarse bytes of every agent, then the platforms each
  // may be shown the post on, then the fine parts of those.
  constexpr NodeId kBatch = 64;
  std::array<rng::CoarseWords, kBatch> coarse_of;
  std::array<std::uint64_t, kBatch> low, high{};
  std::array<model::PlatformBits, kBatch> open_of;
  rng::CoarseBytes coarse(c_.run, rng::Stream::kReachView, week, post);
  rng::CoarseBytes coarse_high(c_.run, rng::Stream::kReachView, week, post | rng::kUpperPlatforms);
  const auto agents = static_cast<NodeId>(state.agents());
  for (NodeId batch = 0; batch < agents; batch += kBatch) {
    const NodeId end = std::min<NodeId>(agents, batch + kBatch);
    coarse.of_range(batch, end - batch, low.data());
    if (wide) coarse_high.of_range(batch, end - batch, high.data());
    for (NodeId agent = batch; agent != end; ++agent)
      coarse_of[agent - batch] = {low[agent - batch], high[agent - batch]};
    for (NodeId agent = batch; agent != end; ++agent) {
      const model::PlatformBits notified = notified_.empty() ? 0 : notified_[agent];
      open_of[agent - batch] = static_cast<model::PlatformBits>(bounds.open(
          state.follows[agent], state.active[agent], notified, coarse_of[agent - batch]));
    }
    for (NodeId agent = batch; agent != end; ++agent) {
      if (open_of[agent - batch] != 0)
        view(state, agent, week, post, coarse_of[agent - batch], open_of[agent - batch]);
    }
  }
}

void MessageSimulator::view(const model::AgentState& state, NodeId agent, std::uint32_t week,
                            std::uint32_t post, const rng::CoarseWords& coarse,
                            model::PlatformBits open) {
  const model::PlatformBits follows = state.follows[agent];
  const model::PlatformBits notified = notified_.empty() ? 0 : notified_[agent] & follows;
  const rng::FineUniforms uniforms(c_.run, rng::Stream::kReachViewFine, agent, week, post, coarse,
                                   open);
  for (model::PlatformBits bits = open; bits != 0; bits = model::drop_lowest(bits)) {
    const std::size_t k = model::lowest(bits);
    const double u = uniforms.at(k);
    if (has(notified, k)) {
      // Shown for certain: the uniform times the look at the notification.
      const double minutes = c_.scenario.platforms[k].notification_minutes;
      seeds_[k].push_back({static_cast<float>(-std::log1p(-u) * minutes / 60.0), agent});
      continue;
    }
    const double chance = has(follows, k) ? follower_chance_[k] : other_chance_[k];
    if (u >= chance) continue;
    // Given a view (u < chance), u / chance is a fresh uniform: it times the viewer's look.
    const double wait = std::min(u / chance, kBelowOne);
    seeds_[k].push_back({static_cast<float>(view_time_[k].from_below_one(wait)), agent});
  }
}

void MessageSimulator::spread_on(std::size_t k, const model::AgentState& state, std::uint32_t week,
                                 std::uint32_t post, MessageReach& out) {
  const double feed = feed_[k];
  const auto& p = c_.scenario.platforms[k];
  const auto& segments = c_.graph.attributes().segment;
  // Only agents that reshare pass the message on, and whether one does is a coin of its own
  // (keyed by agent, week and post, not by when it looks), so the queue holds resharers alone;
  // the others are reached at their arrival time and go no further.
  // The coin in two parts (rng/two_part_uniforms.hpp): the seeds come in agent order, so four
  // of them share a coarse block.
  std::array<std::int16_t, graph::kSegmentCount> share_below{};
  const auto& share_chance = share_chance_[k];
  for (std::size_t g = 0; g < share_below.size(); ++g)
    share_below[g] = rng::coarse_below(share_chance[g]);
  // Platforms 8-15 take their coins from the upper words, lane k - 8.
  const std::uint64_t sub = k < model::kLanes ? post : post | rng::kUpperPlatforms;
  const std::size_t lane = k % model::kLanes;
  rng::CoarseBytes share_coarse(c_.run, rng::Stream::kReachShare, week, sub);
  const auto reshares = [&](NodeId agent) {
    const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
    const std::uint64_t bytes = share_coarse.of(agent);
    if (rng::coarse_byte(bytes, lane) > share_below[segment]) return false;
    const rng::TwoPartUniforms share(c_.run, rng::Stream::kReachShareFine, agent, week, sub, bytes);
    return share.at(lane) < share_chance[segment];
  };
  const model::PlatformBits notified_here = model::with(0, k);
  for (const auto& [when, agent] : seeds_[k]) {
    time_[agent] = when;
    const bool notified = !notified_.empty() && (notified_[agent] & notified_here) != 0 &&
                          has(state.follows[agent], k);
    route_[agent] = static_cast<std::uint8_t>(notified ? Route::kNotification : Route::kFeed);
    reached_.push_back(agent);
    if (reshares(agent)) queue_.push({when, agent});
  }
  // Reshares, earliest first: the set reached is what the successful arcs connect; the order only
  // decides the times.
  while (!queue_.empty()) {
    const auto [when, viewer] = queue_.top();
    queue_.pop();
    if (when > time_[viewer]) continue;
    count_reshare(when, out);
    const double relay = crisis_ ? relay_delay(viewer, week, post, k) : 0.0;
    const auto followers = c_.graph.followers(viewer);
    const graph::ArcIndex first = c_.graph.first_arc(viewer);
    for (std::size_t i = 0; i < followers.size(); ++i) {
      const NodeId follower = followers[i];
      const graph::ArcIndex arc = first + i;
      if (!has(state.active[follower], k) || !c_.arc_ties[k].test(arc)) continue;
      const auto coins =
          rng::philox_block(c_.run,
                            {rng::Stream::kReachArc, arc, week,
                             (std::uint64_t{post} * 8 + lane) | (sub & rng::kUpperPlatforms)},
                            0);
      if (rng::to_unit(coins.v[0]) >= feed) continue;
      // A crisis relayer reposts once, after its own delay; a routine reshare reaches each
      // follower after a delay of the tie.
      const double delay = crisis_ ? relay : exponential_hours(coins.v[1], p.reshare_delay_hours);
      const auto arrival = static_cast<float>(
          when + delay + view_time_[k].from_open_unit(rng::to_unit_open(coins.v[2])));
      if (arrival >= time_[follower]) continue;
      if (time_[follower] == kNever) reached_.push_back(follower);
      time_[follower] = arrival;
      route_[follower] = static_cast<std::uint8_t>(Route::kReshare);
      if (reshares(follower)) queue_.push({arrival, follower});
    }
  }
}

void MessageSimulator::collect(std::size_t k, std::uint32_t week, MessageReach& out) {
  const auto& p = c_.scenario.platforms[k];
  const double viewers = static_cast<double>(reached_.size());
  out.viewers[k] = viewers;
  out.engagements[k] = viewers * p.engagement;
  out.toxic_exposure[k] = viewers * c_.timeline.at(week, k).toxicity;
  for (const NodeId agent : reached_) {
    if (seen_on_[agent] == 0) reached_anywhere_.push_back(agent);
    seen_on_[agent] = model::with(seen_on_[agent], k);
    if (time_[agent] < first_time_[agent]) {
      first_time_[agent] = time_[agent];
      first_route_[agent] = route_[agent];
    }
    time_[agent] = kNever;
  }
  reached_.clear();
}

void MessageSimulator::set_chances(std::uint32_t week, std::uint32_t post, model::PlatformBits on) {
  for (std::size_t k = 0; k < c_.platforms(); ++k) {
    const auto& p = c_.scenario.platforms[k];
    feed_[k] = follower_chance_[k] = -1.0;
    other_chance_[k] = p.discovery_reach;
    for (std::size_t g = 0; g < graph::kSegmentCount; ++g) {
      const auto& relay = c_.scenario.crisis.relay[g];
      share_chance_[k][g] = crisis_ && relay ? *relay : p.reshare[g];
    }
    if (!has(on, k) || !platform_posts(c_, week, k)) continue;
    const std::uint64_t link_bits =
        rng::draw_bits(c_.run, {rng::Stream::kReachLink, k, week, post}, 0);
    const bool link = rng::to_unit(link_bits) < p.link_share;
    feed_[k] = p.feed_reach * (link ? 1.0 - p.link_penalty : 1.0);
    follower_chance_[k] = unnotified_chance(feed_[k], p.notification_share);
  }
}

void MessageSimulator::count_reshare(double when, MessageReach& out) const {
  out.reshares += 1.0;
  for (std::size_t h = 0; h < kCrisisHours.size(); ++h) {
    if (when <= kCrisisHours[h]) out.reshared_within[h] += 1.0;
  }
}

void MessageSimulator::spread_everywhere(const model::AgentState& state, std::uint32_t week,
                                         std::uint32_t post, model::PlatformBits on,
                                         MessageReach& out) {
  set_chances(week, post, on);
  find_viewers(state, week, post);
  for (std::size_t k = 0; k < c_.platforms(); ++k) {
    if (feed_[k] < 0.0) continue;
    spread_on(k, state, week, post, out);
    collect(k, week, out);
  }
}

MessageReach MessageSimulator::simulate(const model::AgentState& state, std::uint32_t week,
                                        std::uint32_t post, model::PlatformBits on,
                                        std::vector<NodeId>* reached) {
  MessageReach out(c_.platforms());
  spread_everywhere(state, week, post, on, out);
  const auto& segments = c_.graph.attributes().segment;
  for (const NodeId agent : reached_anywhere_) {
    out.unique += 1.0;
    if (agent < anchor_agents_) out.unique_anchor += 1.0;
    const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
    out.unique_by_segment[segment] += 1.0;
    if (std::has_single_bit(seen_on_[agent])) {
      out.only_here[static_cast<std::size_t>(std::countr_zero(seen_on_[agent]))] += 1.0;
    }
    for (std::size_t h = 0; h < kCrisisHours.size(); ++h) {
      if (first_time_[agent] <= kCrisisHours[h]) out.within[h] += 1.0;
    }
    seen_on_[agent] = 0;
    first_time_[agent] = kNever;
  }
  if (reached != nullptr)
    reached->insert(reached->end(), reached_anywhere_.begin(), reached_anywhere_.end());
  reached_anywhere_.clear();
  return out;
}

std::vector<MessageReach> weekly_messages(MessageSimulator& simulator,
                                          const model::AgentState& state, std::uint32_t week,
                                          std::uint32_t posts) {
  std::vector<MessageReach> messages;
  messages.reserve(posts);
  for (std::uint32_t post = 0; post < posts; ++post)
    messages.push_back(simulator.simulate(state, week, post));
  return messages;
}

MessageReach mean_of(const std::vector<MessageReach>& messages, std::size_t platforms) {
  MessageReach mean(platforms);
  for (const MessageReach& message : messages)
    mean.add(message);
  if (!messages.empty()) mean.scale(1.0 / static_cast<double>(messages.size()));
  return mean;
}

}  // namespace sim::reach
