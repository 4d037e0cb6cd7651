// The weekly step as a parallel loop over agents in blocks of kAgentGrain: each agent reads week t
// (`now`), writes only its own entry of week t + 1 (`next`), and takes its uniforms from its
// weekly address in two parts (weekly_uniforms.hpp), reused along a chain of decisions. The
// coarse parts and the quiet bounds settle most agents; the rest are decided exactly. Counts
// are summed per thread in integers, so their order of combination cannot change them.

#include "sim/model/weekly_step.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <optional>
#include <span>
#include <stdexcept>
#include <type_traits>

#include "sim/model/coordinated_exits.hpp"
#include "sim/model/decision.hpp"
#include "sim/model/hazards.hpp"
#include "sim/model/neighbourhood.hpp"
#include "sim/model/partial_counts.hpp"
#include "sim/model/quiet_bounds.hpp"
#include "sim/model/weekly_uniforms.hpp"

namespace sim::model {
namespace {

using graph::NodeId;
using scenario::kMaxPlatforms;

constexpr std::size_t kBatch = 64;

/// The platform the agent has been active on longest (ties to the lower index), or `platforms`
/// when it is active nowhere.
std::size_t home_platform(const Ages& ages, std::size_t platforms) {
  std::size_t home = platforms;
  int oldest = -1;
  for (std::size_t k = 0; k < platforms; ++k) {
    const std::uint8_t age = age_in(ages, k);
    if (age != kInactive && age > oldest) {
      oldest = age;
      home = k;
    }
  }
  return home;
}

/// The chance that an active agent not yet following the organisation on platform k starts to:
/// discovery plus the announcements it sees (`follows_now`: its follow bits of week t).
double follow_chance(const ModelContext& c, PlatformBits follows_now, std::size_t k,
                     std::uint32_t week, bool newly_active) {
  double chance_to_follow = c.scenario.platforms[k].discovery;
  for (const Announcement& a : c.timeline.announcements()) {
    if (a.to != k || week < a.first_week || week > a.last_week) continue;
    if (!has(follows_now, a.from)) continue;
    if (week == a.first_week || newly_active) chance_to_follow += a.share;
  }
  return chance_to_follow;
}

/// Bit k: the organisation of `c` is on platform k in week `week`.
PlatformBits organisation_on(const ModelContext& c, std::uint32_t week) {
  PlatformBits bits = 0;
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    if (c.timeline.at(week, k).organisation) bits = with(bits, k);
  }
  return bits;
}

/// One agent's week. Its uniforms are tested against the week's quiet bounds first; only the
/// platforms that fail are decided exactly, and the followees are read only when one of those
/// decisions needs them. The platforms' decisions are independent of each other (each reads
/// the agent's week-t state and writes its own bits), so deciding a subset changes nothing.
/// kWide: the scenario has more than eight platforms, so the ages of platforms 8-15 exist. With
/// at most eight they are all inactive, a constant: the narrow kernel neither loads nor stores
/// them and moves no more memory than before the limit was raised.
/// kJoint: siblings (weekly_step.hpp) are stepped along; each takes the follow decisions of its
/// own organisation with the uniform the first scenario's follow decision takes, and an agent
/// is quiet only where it is quiet for all of them.
template <bool kWide, bool kJoint>
struct AgentStep {
  const ModelContext& c;
  const AgentState& now;
  AgentState& next;
  std::uint32_t week;
  const std::array<float, kMaxPlatforms>& mixed;
  const Exposure& exposed;  ///< empty: every agent may be exposed
  const QuietBounds& bounds;
  WeekCounts& counts;
  std::span<const Sibling> siblings;
  /// Where the organisation is this week: the first scenario's [0], then each sibling's.
  const std::array<PlatformBits, kMaxSiblings + 1>& organisation;

  /// The agent's state of week t + 1 while its platforms are decided.
  struct Agent {
    NodeId id;
    Ages ages_now;
    PlatformBits account, active, follows, exposure;
    Ages ages;          ///< starts one week older on every platform
    PlatformBits left;  ///< AgentState::left (0 when it is not kept)
    std::optional<Neighbourhood> around;
    std::array<PlatformBits, kMaxSiblings> sibling_follows{};  ///< kJoint: each sibling's
  };

  /// The platforms where agent `id` may start following an organisation this week.
  PlatformBits may_follow(NodeId id) const {
    auto bits = static_cast<PlatformBits>(organisation[0] & ~now.follows[id]);
    if constexpr (kJoint) {
      for (std::size_t m = 0; m < siblings.size(); ++m)
        bits |= static_cast<PlatformBits>(organisation[m + 1] & ~(*siblings[m].follows_now)[id]);
    }
    return bits;
  }

  /// The platforms on which agent `id` must be decided exactly this week, given its coarse
  /// uniforms.
  PlatformBits undecided(NodeId id, const CoarseWords& coarse) const {
    const PlatformBits exposure = exposed.empty() ? kEveryPlatform : exposed.platforms[id];
    return bounds.undecided(coarse, now.ages_as<kWide>(id), now.account[id], may_follow(id),
                            exposure);
  }

  /// Writes agent `id`'s week t + 1, deciding the platforms in `open` exactly.
  void operator()(NodeId id, PlatformBits open, const CoarseWords& coarse) const {
    const Ages ages_now = now.ages_as<kWide>(id);
    const PlatformBits account = now.account[id], follows = now.follows[id];
    if (open == 0) {
      const Ages ages = older_ages(ages_now);
      next.account[id] = account;
      next.active[id] = now.active[id];
      next.follows[id] = follows;
      next.set_ages_as<kWide>(id, ages);
      next.seen[id] = seen_word(now.active[id], recent_bits(ages, c.horizon));
      if (now.tracks_left()) next.left[id] = now.left[id];
      if constexpr (kJoint) {
        for (const Sibling& sibling : siblings)
          (*sibling.follows_next)[id] = (*sibling.follows_now)[id];
      }
      return;
    }
    const PlatformBits exposure = exposed.empty() ? kEveryPlatform : exposed.platforms[id];
    Agent agent{id,
                ages_now,
                account,
                now.active[id],
                follows,
                exposure,
                older_ages(ages_now),
                now.tracks_left() ? now.left[id] : PlatformBits{0},
                std::nullopt};
    if constexpr (kJoint) {
      for (std::size_t m = 0; m < siblings.size(); ++m)
        agent.sibling_follows[m] = (*siblings[m].follows_now)[id];
    }
    const WeeklyUniforms uniforms(c.run, id, week, coarse, open);
    for (PlatformBits left = open; left != 0; left = drop_lowest(left)) {
      const std::size_t k = lowest(left);
      decide(agent, k, uniforms.at(k));
    }
    next.account[id] = agent.account;
    next.active[id] = agent.active;
    next.follows[id] = agent.follows;
    next.set_ages_as<kWide>(id, agent.ages);
    next.seen[id] = seen_word(agent.active, recent_bits(agent.ages, c.horizon));
    if (now.tracks_left()) next.left[id] = agent.left;
    if constexpr (kJoint) {
      for (std::size_t m = 0; m < siblings.size(); ++m)
        (*siblings[m].follows_next)[id] = agent.sibling_follows[m];
    }
  }

  /// The agent's peer signal is at most this: its signalling followees' share of its followees
  /// at the largest weight each.
  double signal_bound(NodeId id) const {
    const bool thresholded =
        c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold;
    const auto followees = static_cast<double>(c.graph.followees(id).size());
    if (exposed.empty() || thresholded || followees == 0.0) return bounds.signal();
    return std::min(bounds.signal(), bounds.signal() * exposed.movers[id] / followees);
  }

  /// Lock-in and the leavers always come from the followees; the peer signal only under network
  /// influence.
  const Neighbourhood& followees(Agent& agent) const {
    if (!agent.around) {
      const bool network =
          c.scenario.model.influence == scenario::ModelOptions::Influence::kNetwork;
      const PlatformBits active = now.active[agent.id];
      NeighbourhoodMasks masks;
      masks.signal = static_cast<PlatformBits>(network ? c.imitating[week] & ~active : 0);
      masks.lock = static_cast<PlatformBits>(c.locking & active);
      masks.left = static_cast<PlatformBits>(c.leave_imitating & active);
      agent.around = neighbourhood(c, now, agent.id, masks);
    }
    return *agent.around;
  }

  void decide(Agent& agent, std::size_t k, double u) const {
    const std::uint8_t age = age_in(agent.ages_now, k);
    if (age != kInactive) {
      decide_active(agent, k, age, u);
    } else if (c.timeline.at(week, k).launched) {
      decide_inactive(agent, k, u);
    }
  }

  void decide_active(Agent& agent, std::size_t k, std::uint8_t age, double u) const {
    const PlatformWeek& w = c.timeline.at(week, k);
    const scenario::PlatformParams& p = c.scenario.platforms[k];
    const auto tolerance = static_cast<double>(c.tolerance[agent.id]);
    // With every followee gone (left = 1) and no lock-in: the bound of the leave hazard.
    const double bound = unlocked_leave_hazard(p, w, tolerance, c.novelty[k][age], 1.0);
    const bool may_follow = anyone_may_follow(agent, k);
    if (u >= quiet_above(bound, may_follow ? bounds.follow(k) : 0.0)) return;
    const double lock_in = has(c.locking, k) ? followees(agent).lock_in[k] : 0.0F;
    const double left = has(c.leave_imitating, k) ? followees(agent).left[k] : 0.0F;
    const double unlocked =
        unlocked_leave_hazard(p, w, tolerance, c.novelty_of(agent.id, k, age), left);
    const Decision leave(u, unlocked * (1.0 - p.lock_in * lock_in));
    if (leave.happened) {
      agent.active = without(agent.active, k);
      agent.ages = with_age(agent.ages, k, kInactive);
      agent.left = with(agent.left, k);
      ++counts.deactivations[k];
      if (Decision(leave.next_uniform(), p.delete_share).happened) {
        agent.account = without(agent.account, k);
        agent.follows = without(agent.follows, k);
        if constexpr (kJoint) {
          for (std::size_t m = 0; m < siblings.size(); ++m)
            agent.sibling_follows[m] = without(agent.sibling_follows[m], k);
        }
        ++counts.deletions[k];
      }
      return;
    }
    if (may_follow) decide_follows(agent, k, leave.next_uniform(), false);
  }

  void decide_inactive(Agent& agent, std::size_t k, double u) const {
    const PlatformWeek& w = c.timeline.at(week, k);
    const scenario::PlatformParams& p = c.scenario.platforms[k];
    const bool network = c.scenario.model.influence == scenario::ModelOptions::Influence::kNetwork;
    double signal = mixed[k];
    if (network && !has(agent.exposure, k)) {
      signal = 0.0;  // no followee carries a signal on k: the neighbourhood would give 0
    } else if (network) {
      if (u >= quiet_above(adoption_hazard(p, w, signal_bound(agent.id), has(agent.account, k))))
        return;
      signal = followees(agent).signal[k];
    }
    if (c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold)
      signal = signal >= c.scenario.model.threshold && signal > 0.0 ? 1.0 : 0.0;
    const bool had_account = has(agent.account, k);
    const Decision adopt(u, adoption_hazard(p, w, signal, had_account));
    if (!adopt.happened) return;
    agent.account = with(agent.account, k);
    double next_u = adopt.next_uniform();
    if (!had_account && p.activation < 1.0) {
      // A new sign-up becomes active with the platform's activation share, else keeps a dormant
      // account (drawn only when the share is below 1, so that runs without it are unchanged).
      const Decision active(next_u, p.activation);
      if (!active.happened) return;
      next_u = active.next_uniform();
    }
    agent.active = with(agent.active, k);
    agent.ages = with_age(agent.ages, k, 0);
    agent.left = without(agent.left, k);
    ++counts.activations[k];
    ++counts.flows[home_platform(agent.ages_now, c.platforms()) * c.platforms() + k];
    decide_follows(agent, k, next_u, true);
  }

  /// Some organisation (the first scenario's or a sibling's) may gain the agent as a follower
  /// on platform k.
  bool anyone_may_follow(const Agent& agent, std::size_t k) const {
    if (has(organisation[0], k) && !has(agent.follows, k)) return true;
    if constexpr (kJoint) {
      for (std::size_t m = 0; m < siblings.size(); ++m) {
        if (has(organisation[m + 1], k) && !has(agent.sibling_follows[m], k)) return true;
      }
    }
    return false;
  }

  /// The follow decisions on platform k of every organisation there that the agent does not
  /// follow yet, all on uniform u.
  void decide_follows(Agent& agent, std::size_t k, double u, bool newly_active) const {
    const auto follows = [&](const ModelContext& context, PlatformBits follows_now) {
      return Decision(u, follow_chance(context, follows_now, k, week, newly_active)).happened;
    };
    if (has(organisation[0], k) && !has(agent.follows, k) && follows(c, now.follows[agent.id]))
      agent.follows = with(agent.follows, k);
    if constexpr (kJoint) {
      for (std::size_t m = 0; m < siblings.size(); ++m) {
        PlatformBits& bits = agent.sibling_follows[m];
        if (has(organisation[m + 1], k) && !has(bits, k) &&
            follows(*siblings[m].context, (*siblings[m].follows_now)[agent.id]))
          bits = with(bits, k);
      }
    }
  }
};

/// The states keep `left` when the scenario needs it; siblings must have the first scenario's
/// platforms, at most kMaxSiblings of them; counts of week t must have the scenario's platforms.
void check_states(const ModelContext& c, const AgentState& now, const AgentState& next,
                  std::span<const Sibling> siblings, const WeekCounts* counts_now) {
  const auto wrong_counts = [&](const WeekCounts* counts) {
    return counts != nullptr &&
           (counts->platforms != c.platforms() || counts->accounts.size() != c.platforms() ||
            counts->active_by_segment.size() != graph::kSegmentCount * c.platforms());
  };
  if (wrong_counts(counts_now)) throw std::invalid_argument("step: counts of another scenario");
  for (const Sibling& sibling : siblings) {
    if (wrong_counts(sibling.counts_now) ||
        (sibling.counts_now != nullptr && sibling.counts_now == sibling.counts))
      throw std::invalid_argument("step: a sibling's counts do not match the scenario");
  }
  const bool tracks_left = c.leave_imitating != 0;
  if (now.agents() > 0 && (now.tracks_left() != tracks_left || next.tracks_left() != tracks_left))
    throw std::invalid_argument("step: the states do not keep the leavers the scenario needs");
  if (siblings.size() > kMaxSiblings) throw std::invalid_argument("step: too many siblings");
  for (const Sibling& sibling : siblings) {
    if (sibling.context == nullptr || sibling.follows_now == nullptr ||
        sibling.follows_next == nullptr || sibling.counts == nullptr ||
        sibling.context->platforms() != c.platforms() ||
        sibling.follows_now->size() != c.graph.node_count() ||
        sibling.follows_next->size() != c.graph.node_count()) {
      throw std::invalid_argument("step: a sibling does not match the scenario");
    }
  }
}

}  // namespace

WeekCounts step(const ModelContext& c, std::uint32_t week, const AgentState& now, AgentState& next,
                std::span<const Sibling> siblings, const WeekCounts* counts_now) {
  check_states(c, now, next, siblings, counts_now);
  // Counts kept up to date from the agents that change, when the counts of week t are known.
  const bool recount = counts_now != nullptr &&
                       std::all_of(siblings.begin(), siblings.end(),
                                   [](const Sibling& s) { return s.counts_now != nullptr; });
  const bool mixed = c.scenario.model.influence == scenario::ModelOptions::Influence::kWellMixed;
  const std::array<float, kMaxPlatforms> population =
      mixed ? population_signal(c, now) : std::array<float, kMaxPlatforms>{};
  const Exposure exposed = mixed ? Exposure{} : exposure_of(c, now, week);
  std::vector<const ModelContext*> sibling_contexts;
  std::array<PlatformBits, kMaxSiblings + 1> organisation{organisation_on(c, week)};
  for (std::size_t m = 0; m < siblings.size(); ++m) {
    sibling_contexts.push_back(siblings[m].context);
    organisation[m + 1] = organisation_on(*siblings[m].context, week);
  }
  const QuietBounds bounds(c, week, population, sibling_contexts);
  const std::vector<std::size_t> exits = exits_of_week(c, week);
  const auto run = [&]<bool kWide, bool kJoint>(std::bool_constant<kWide>,
                                                std::bool_constant<kJoint>) {
    return for_each_range(
        c, now.agents(), siblings, [&](NodeId first, NodeId last, PartialCounts& counts) {
          const AgentStep<kWide, kJoint> agent_step{
              c,        now,         next, week, population, exposed, bounds, counts.transitions,
              siblings, organisation};
          // In batches: first every agent's coarse uniforms and quiet test (independent of each
          // other, so the processor overlaps their latencies), then the agents' updates.
          CoarseUniforms uniforms(c.run, week, c.platforms());
          std::array<CoarseWords, kBatch> coarse;
          std::array<PlatformBits, kBatch> open;
          for (NodeId batch = first; batch < last; batch += kBatch) {
            const NodeId end = std::min<NodeId>(last, batch + kBatch);
            for (NodeId agent = batch; agent != end; ++agent) {
              coarse[agent - batch] = uniforms.of(agent);
              open[agent - batch] = agent_step.undecided(agent, coarse[agent - batch]);
            }
            for (NodeId agent = batch; agent != end; ++agent) {
              agent_step(agent, open[agent - batch], coarse[agent - batch]);
              if (!exits.empty()) apply_exits(c, week, exits, next, agent, counts.transitions);
              if (!recount) {
                count_agent(c, next, agent, counts, siblings);
              } else if (open[agent - batch] != 0 || !exits.empty()) {
                // A quiet agent without exits keeps its platform bits: its counts stand.
                recount_agent(c, now, next, agent, counts, siblings);
              }
            }
          }
        });
  };
  WeekCounts counts = [&] {
    if (!siblings.empty()) {
      return now.wide() ? run(std::true_type{}, std::true_type{})
                        : run(std::false_type{}, std::true_type{});
    }
    return now.wide() ? run(std::true_type{}, std::false_type{})
                      : run(std::false_type{}, std::false_type{});
  }();
  if (recount) {
    // The changes counted, added to the counts of week t (each sibling's to its own).
    counts.add_states(*counts_now);
    for (const Sibling& sibling : siblings)
      sibling.counts->add_states(*sibling.counts_now);
  }
  return counts;
}

}  // namespace sim::model
