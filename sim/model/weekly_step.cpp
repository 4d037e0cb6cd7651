// The weekly step as a parallel loop over agents in blocks of kGrain: each agent reads week t
// (`now`), writes only its own entry of week t + 1 (`next`), and takes its uniforms from one
// Philox block at its weekly address, reused along a chain of decisions. Counts are summed per
// thread in integers, so their order of combination cannot change them.

#include "sim/model/weekly_step.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>

#include "sim/model/state_histogram.hpp"
#include "sim/rng/distributions.hpp"

namespace sim::model {
namespace {

using graph::NodeId;
using scenario::Event;
using scenario::kMaxPlatforms;

constexpr std::size_t kGrain = 1024;

/// One uniform per platform per agent-week: the eight 32-bit halves of one Philox block at the
/// agent's weekly address (resolution 2^-32).
class WeeklyUniforms {
 public:
  WeeklyUniforms(const ModelContext& c, NodeId agent, std::uint32_t week)
      : block_(rng::philox_block(c.run, {rng::Stream::kModelWeek, agent, week}, 0)) {}
  double at(std::size_t platform) const { return rng::half_uniform(block_, platform); }

 private:
  r123::Philox4x64::ctr_type block_;
};

/// A Bernoulli(p) decision on uniform u, and a fresh uniform for the next decision: given the
/// outcome, u is uniform on [0, p) or [p, 1), and rescaling that interval to [0, 1) gives a
/// uniform independent of the outcome. One draw thus serves a chain of decisions (leave, then
/// delete; adopt or stay, then follow the organisation) without a second Philox block. The
/// rescaled uniform is computed only when a next decision asks for it.
struct Decision {
  Decision(double uniform, double probability)
      : u(uniform), p(probability), happened(probability >= 1.0 || uniform < probability) {}
  double next_uniform() const {
    if (p >= 1.0 || p <= 0.0) return u;
    return happened ? u / p : (u - p) / (1.0 - p);
  }
  double u;
  double p;
  bool happened;
};

/// Peer signal (recency-weighted active followees) and lock-in (active followees with a rebuilt
/// tie), per platform, as shares of the agent's followees. Only the platforms in the masks are
/// computed: the signal where the agent may adopt, lock-in where it may leave.
struct Neighbourhood {
  std::array<float, kMaxPlatforms> signal{};
  std::array<float, kMaxPlatforms> lock_in{};
};

Neighbourhood neighbourhood(const ModelContext& c, const AgentState& now, NodeId agent,
                            std::uint8_t signal_mask, std::uint8_t lock_mask) {
  Neighbourhood n;
  const auto followees = c.graph.followees(agent);
  if (followees.empty() || (signal_mask | lock_mask) == 0) return n;
  const graph::ArcIndex first_slot = c.graph.first_followee_slot(agent);
  // With memory, only recent activations weigh; without, every active followee does. One read
  // of the followee's `seen` word answers both questions; its age word is read only when it
  // counts.
  const bool all_active_count = c.scenario.model.memory_weeks == 0.0;
  for (std::size_t i = 0; i < followees.size(); ++i) {
    const NodeId followee = followees[i];
    const std::uint16_t seen = now.seen[followee];
    const std::uint8_t active = active_part(seen);
    const auto signal_bits =
        static_cast<std::uint8_t>((all_active_count ? active : recent_part(seen)) & signal_mask);
    if (signal_bits != 0) {
      const std::uint64_t ages = now.ages[followee];
      for (std::uint8_t bits = signal_bits; bits != 0;
           bits &= static_cast<std::uint8_t>(bits - 1)) {
        const auto k = static_cast<std::size_t>(std::countr_zero(bits));
        n.signal[k] += c.recency[age_in(ages, k)];
      }
    }
    const auto lock_bits = static_cast<std::uint8_t>(active & lock_mask);
    for (std::uint8_t bits = lock_bits; bits != 0; bits &= static_cast<std::uint8_t>(bits - 1)) {
      const auto k = static_cast<std::size_t>(std::countr_zero(bits));
      n.lock_in[k] += c.ties[k].test(first_slot + i) ? 1.0F : 0.0F;
    }
  }
  const float scale = 1.0F / static_cast<float>(followees.size());
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    n.signal[k] *= scale;
    n.lock_in[k] *= scale;
  }
  return n;
}

/// Well-mixed influence: the population's recency-weighted share active on each platform.
std::array<float, kMaxPlatforms> population_signal(const ModelContext& c, const AgentState& now) {
  std::array<double, kMaxPlatforms> total{};
  for (const std::uint64_t ages : now.ages) {
    for (std::size_t k = 0; k < c.platforms(); ++k)
      total[k] += c.recency[age_in(ages, k)];
  }
  std::array<float, kMaxPlatforms> share{};
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    share[k] =
        static_cast<float>(total[k] / static_cast<double>(std::max<std::size_t>(now.agents(), 1)));
  }
  return share;
}

/// The platform the agent has been active on longest (ties to the lower index), or `platforms`
/// when it is active nowhere.
std::size_t home_platform(std::uint64_t ages, std::size_t platforms) {
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

double leave_hazard(const ModelContext& c, const PlatformWeek& w, const scenario::PlatformParams& p,
                    NodeId agent, std::size_t k, std::uint8_t age, float lock_in) {
  const double toxicity = std::max(0.0, w.toxicity - static_cast<double>(c.tolerance[agent]));
  const double push =
      p.churn + w.extra_churn + p.toxicity_sensitivity * toxicity + c.novelty[k][age];
  return push * (1.0 - p.switching_cost) * (1.0 - p.lock_in * lock_in);
}

double follow_chance(const ModelContext& c, const AgentState& now, NodeId agent, std::size_t k,
                     std::uint32_t week, bool newly_active) {
  double chance_to_follow = c.scenario.platforms[k].discovery;
  for (const Announcement& a : c.timeline.announcements()) {
    if (a.to != k || week < a.first_week || week > a.last_week) continue;
    if (!has(now.follows[agent], a.from)) continue;
    if (week == a.first_week || newly_active) chance_to_follow += a.share;
  }
  return chance_to_follow;
}

struct AgentStep {
  const ModelContext& c;
  const AgentState& now;
  AgentState& next;
  std::uint32_t week;
  const std::array<float, kMaxPlatforms>& mixed;
  WeekCounts& counts;

  void operator()(NodeId agent) const {
    const bool network = c.scenario.model.influence == scenario::ModelOptions::Influence::kNetwork;
    const bool threshold =
        c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold;
    const std::uint64_t ages_now = now.ages[agent];
    // Lock-in always comes from the followees; the peer signal only under network influence.
    const auto signal_mask =
        static_cast<std::uint8_t>(network ? c.imitating[week] & ~now.active[agent] : 0);
    const Neighbourhood around =
        neighbourhood(c, now, agent, signal_mask, c.locking & now.active[agent]);
    const std::size_t home = home_platform(ages_now, c.platforms());
    const WeeklyUniforms uniforms(c, agent, week);
    std::uint8_t account = now.account[agent], active = now.active[agent];
    std::uint8_t follows = now.follows[agent];
    std::uint64_t ages = ages_now;
    for (std::size_t k = 0; k < c.platforms(); ++k) {
      const double u = uniforms.at(k);
      Decision next_u(u, 0.0);  // the decision whose rescaled uniform the follow decision uses
      const PlatformWeek& w = c.timeline.at(week, k);
      const scenario::PlatformParams& p = c.scenario.platforms[k];
      const std::uint8_t age = age_in(ages_now, k);
      bool newly_active = false;
      if (age != kInactive) {
        const Decision leave(u, leave_hazard(c, w, p, agent, k, age, around.lock_in[k]));
        if (leave.happened) {
          active = without(active, k);
          ages = with_age(ages, k, kInactive);
          ++counts.deactivations[k];
          if (Decision(leave.next_uniform(), p.delete_share).happened) {
            account = without(account, k);
            follows = without(follows, k);
            ++counts.deletions[k];
          }
          continue;
        }
        ages = with_age(ages, k, older(age));
        next_u = leave;
      } else if (w.launched) {
        double signal = network ? around.signal[k] : mixed[k];
        if (threshold) signal = signal >= c.scenario.model.threshold && signal > 0.0 ? 1.0 : 0.0;
        double hazard = w.external + p.imitation * signal;
        if (has(account, k)) hazard *= p.reactivation;
        const Decision adopt(u, hazard);
        if (!adopt.happened) continue;
        next_u = adopt;
        account = with(account, k);
        active = with(active, k);
        ages = with_age(ages, k, 0);
        ++counts.activations[k];
        ++counts.flows[home * c.platforms() + k];
        newly_active = true;
      } else {
        continue;
      }
      if (w.organisation && !has(follows, k) &&
          Decision(next_u.next_uniform(), follow_chance(c, now, agent, k, week, newly_active))
              .happened) {
        follows = with(follows, k);
      }
    }
    next.account[agent] = account;
    next.active[agent] = active;
    next.follows[agent] = follows;
    next.ages[agent] = ages;
    next.seen[agent] = seen_word(active, recent_bits(ages, c.platforms(), c.horizon));
  }
};

/// Coordinated exits: a share of the named segments leave the platform for the targets.
void apply_exits(const ModelContext& c, std::uint32_t week, AgentState& next, NodeId agent,
                 WeekCounts& counts) {
  const auto& segments = c.graph.attributes().segment;
  for (std::size_t index = 0; index < c.scenario.events.size(); ++index) {
    const Event& e = c.scenario.events[index];
    if (e.kind != Event::Kind::kExit || e.week != week) continue;
    const auto segment = segments.empty() ? 0U : static_cast<unsigned>(segments[agent]);
    if (((e.segments >> segment) & 1U) == 0 || !has(next.active[agent], e.platform)) continue;
    rng::RandomStream draws(c.run, {rng::Stream::kModelEvent, agent, week, index});
    if (!rng::bernoulli(draws, e.share)) continue;
    next.active[agent] = without(next.active[agent], e.platform);
    next.ages[agent] = with_age(next.ages[agent], e.platform, kInactive);
    ++counts.deactivations[e.platform];
    for (const std::uint32_t to : e.targets) {
      if (has(next.active[agent], to)) continue;
      next.account[agent] = with(next.account[agent], to);
      next.active[agent] = with(next.active[agent], to);
      next.ages[agent] = with_age(next.ages[agent], to, 0);
      ++counts.activations[to];
      ++counts.flows[e.platform * c.platforms() + to];
    }
    next.seen[agent] =
        seen_word(next.active[agent], recent_bits(next.ages[agent], c.platforms(), c.horizon));
  }
}

/// A thread's share of a step's counts: transitions counted directly, states as histograms.
struct PartialCounts {
  explicit PartialCounts(std::size_t platforms) : transitions(platforms) {}
  WeekCounts transitions;
  StateHistogram states;
};

void count_agent(const ModelContext& c, const AgentState& state, NodeId agent,
                 PartialCounts& counts) {
  const auto& segments = c.graph.attributes().segment;
  const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
  counts.states.add(state.account[agent], state.active[agent], state.follows[agent], segment);
}

template <class Body>
WeekCounts for_each_agent(const ModelContext& c, std::size_t agents, Body body) {
  tbb::enumerable_thread_specific<PartialCounts> partial(PartialCounts(c.platforms()));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents, kGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      PartialCounts& local = partial.local();
                      for (std::size_t agent = range.begin(); agent != range.end(); ++agent) {
                        body(static_cast<NodeId>(agent), local);
                      }
                    });
  WeekCounts total(c.platforms());
  // Integer sums: the order of combination does not change the result.
  for (const PartialCounts& local : partial) {
    total.add(local.transitions);
    local.states.fold_into(total);
  }
  return total;
}

}  // namespace

void WeekCounts::add(const WeekCounts& other) {
  auto add_all = [](std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
    for (std::size_t i = 0; i < to.size(); ++i)
      to[i] += from[i];
  };
  add_all(accounts, other.accounts);
  add_all(active, other.active);
  add_all(followers, other.followers);
  add_all(active_by_segment, other.active_by_segment);
  add_all(activations, other.activations);
  add_all(deactivations, other.deactivations);
  add_all(deletions, other.deletions);
  add_all(flows, other.flows);
  active_anywhere += other.active_anywhere;
}

void initialise(const ModelContext& c, AgentState& state) {
  state = AgentState(c.graph.node_count(), c.platforms());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, state.agents(), kGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t agent = range.begin(); agent != range.end(); ++agent) {
                        rng::RandomStream draws(c.run, {rng::Stream::kModelInitial, agent});
                        for (std::size_t k = 0; k < c.platforms(); ++k) {
                          const auto& p = c.scenario.platforms[k];
                          // Three draws per platform, always, so draw indices stay fixed.
                          const bool account = rng::bernoulli(draws, p.initial_account);
                          const bool active = rng::bernoulli(draws, p.initial_active) && account;
                          const bool follows = rng::bernoulli(draws, p.initial_follows) && account;
                          if (account) state.account[agent] = with(state.account[agent], k);
                          if (active) {
                            state.active[agent] = with(state.active[agent], k);
                            state.ages[agent] = with_age(state.ages[agent], k, kLongAgo);
                            state.seen[agent] = seen_word(state.active[agent], 0);
                          }
                          if (follows) state.follows[agent] = with(state.follows[agent], k);
                        }
                      }
                    });
}

WeekCounts count(const ModelContext& c, const AgentState& state) {
  return for_each_agent(c, state.agents(), [&](NodeId agent, PartialCounts& counts) {
    count_agent(c, state, agent, counts);
  });
}

WeekCounts step(const ModelContext& c, std::uint32_t week, const AgentState& now,
                AgentState& next) {
  const bool mixed = c.scenario.model.influence == scenario::ModelOptions::Influence::kWellMixed;
  const std::array<float, kMaxPlatforms> population =
      mixed ? population_signal(c, now) : std::array<float, kMaxPlatforms>{};
  return for_each_agent(c, now.agents(), [&](NodeId agent, PartialCounts& counts) {
    AgentStep{c, now, next, week, population, counts.transitions}(agent);
    apply_exits(c, week, next, agent, counts.transitions);
    count_agent(c, next, agent, counts);
  });
}

}  // namespace sim::model
