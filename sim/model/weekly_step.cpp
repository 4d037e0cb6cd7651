#include "sim/model/weekly_step.hpp"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/rng/distributions.hpp"

namespace sim::model {
namespace {

using graph::NodeId;
using scenario::Event;
using scenario::kMaxPlatforms;

constexpr std::size_t kGrain = 1024;

/// True with probability p for a 32-bit uniform (resolution 2^-32).
bool chance(std::uint32_t uniform, double p) {
  return static_cast<double>(uniform) < p * 4294967296.0;
}

/// Two 32-bit uniforms per platform, from the agent's weekly address.
struct WeeklyDraws {
  WeeklyDraws(const ModelContext& c, NodeId agent, std::uint32_t week)
      : stream(c.run, {rng::Stream::kModelWeek, agent, week}) {}
  std::array<std::uint32_t, 2> next_pair() {
    const std::uint64_t word = stream.next();
    return {static_cast<std::uint32_t>(word >> 32), static_cast<std::uint32_t>(word)};
  }
  rng::RandomStream stream;
};

/// Peer signal (recency-weighted active followees) and lock-in (active followees with a rebuilt
/// tie), per platform, over the agent's followees.
struct Neighbourhood {
  std::array<double, kMaxPlatforms> signal{};
  std::array<double, kMaxPlatforms> lock_in{};
  std::size_t followees = 0;
};

Neighbourhood neighbourhood(const ModelContext& c, const AgentState& now, NodeId agent,
                            std::uint32_t week) {
  Neighbourhood n;
  const auto followees = c.graph.followees(agent);
  const auto arcs = c.graph.followee_arcs(agent);
  n.followees = followees.size();
  for (std::size_t i = 0; i < followees.size(); ++i) {
    const NodeId j = followees[i];
    for (std::uint8_t bits = now.active[j]; bits != 0; bits &= static_cast<std::uint8_t>(bits - 1)) {
      const auto k = static_cast<std::size_t>(std::countr_zero(bits));
      n.signal[k] += c.recency_weight(std::int64_t{week} - now.since_of(j, k));
      if (c.ties[k].test(arcs[i])) n.lock_in[k] += 1.0;
    }
  }
  const double scale = n.followees == 0 ? 0.0 : 1.0 / static_cast<double>(n.followees);
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    n.signal[k] *= scale;
    n.lock_in[k] *= scale;
  }
  return n;
}

/// Well-mixed influence: the population's recency-weighted share active on each platform.
std::array<double, kMaxPlatforms> population_signal(const ModelContext& c, const AgentState& now,
                                                    std::uint32_t week) {
  std::array<double, kMaxPlatforms> total{};
  for (std::size_t agent = 0; agent < now.agents(); ++agent) {
    for (std::size_t k = 0; k < c.platforms(); ++k) {
      if (has(now.active[agent], k)) {
        total[k] += c.recency_weight(std::int64_t{week} - now.since_of(agent, k));
      }
    }
  }
  for (double& value : total) value /= static_cast<double>(std::max<std::size_t>(now.agents(), 1));
  return total;
}

std::size_t home_platform(const AgentState& now, std::size_t agent) {
  std::size_t home = now.platforms;
  for (std::size_t k = 0; k < now.platforms; ++k) {
    if (has(now.active[agent], k) &&
        (home == now.platforms || now.since_of(agent, k) < now.since_of(agent, home))) {
      home = k;
    }
  }
  return home;
}

double leave_hazard(const ModelContext& c, const PlatformWeek& w, const scenario::PlatformParams& p,
                    NodeId agent, std::int64_t weeks_active, double lock_in) {
  const double toxicity = std::max(0.0, w.toxicity - static_cast<double>(c.tolerance[agent]));
  const double novelty =
      p.novelty_churn * std::exp(-static_cast<double>(weeks_active) / p.novelty_weeks);
  const double push = p.churn + w.extra_churn + p.toxicity_sensitivity * toxicity + novelty;
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
  const std::array<double, kMaxPlatforms>& mixed;
  WeekCounts& counts;

  void operator()(NodeId agent) const {
    const bool network = c.scenario.model.influence == scenario::ModelOptions::Influence::kNetwork;
    const Neighbourhood around = neighbourhood(c, now, agent, week);
    const std::size_t home = home_platform(now, agent);
    WeeklyDraws draws(c, agent, week);
    std::uint8_t account = now.account[agent], active = now.active[agent];
    std::uint8_t follows = now.follows[agent];
    for (std::size_t k = 0; k < c.platforms(); ++k) {
      const auto [decide, second] = draws.next_pair();
      const PlatformWeek& w = c.timeline.at(week, k);
      const scenario::PlatformParams& p = c.scenario.platforms[k];
      next.since_of(agent, k) = now.since_of(agent, k);
      bool newly_active = false;
      if (has(active, k)) {
        const std::int64_t weeks_active = std::int64_t{week} - now.since_of(agent, k);
        if (chance(decide, leave_hazard(c, w, p, agent, weeks_active, around.lock_in[k]))) {
          active = without(active, k);
          ++counts.deactivations[k];
          if (chance(second, p.delete_share)) {
            account = without(account, k);
            follows = without(follows, k);
            ++counts.deletions[k];
          }
          continue;
        }
      } else if (w.launched) {
        double signal = network ? around.signal[k] : mixed[k];
        if (c.scenario.model.contagion == scenario::ModelOptions::Contagion::kThreshold) {
          signal = signal >= c.scenario.model.threshold && signal > 0.0 ? 1.0 : 0.0;
        }
        double hazard = w.external + p.imitation * signal;
        if (has(account, k)) hazard *= p.reactivation;
        if (!chance(decide, hazard)) continue;
        account = with(account, k);
        active = with(active, k);
        next.since_of(agent, k) = static_cast<std::int32_t>(week + 1);
        ++counts.activations[k];
        ++counts.flows[home * c.platforms() + k];
        newly_active = true;
      } else {
        continue;
      }
      if (w.organisation && !has(follows, k) &&
          chance(second, follow_chance(c, now, agent, k, week, newly_active))) {
        follows = with(follows, k);
      }
    }
    next.account[agent] = account;
    next.active[agent] = active;
    next.follows[agent] = follows;
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
    ++counts.deactivations[e.platform];
    for (const std::uint32_t to : e.targets) {
      if (has(next.active[agent], to)) continue;
      next.account[agent] = with(next.account[agent], to);
      next.active[agent] = with(next.active[agent], to);
      next.since_of(agent, to) = static_cast<std::int32_t>(week + 1);
      ++counts.activations[to];
      ++counts.flows[e.platform * c.platforms() + to];
    }
  }
}

void count_agent(const ModelContext& c, const AgentState& state, NodeId agent, WeekCounts& counts) {
  const auto& segments = c.graph.attributes().segment;
  const std::size_t segment = segments.empty() ? 0 : static_cast<std::size_t>(segments[agent]);
  const std::uint8_t active = state.active[agent];
  counts.active_anywhere += active != 0 ? 1U : 0U;
  for (std::size_t k = 0; k < c.platforms(); ++k) {
    counts.accounts[k] += has(state.account[agent], k) ? 1U : 0U;
    if (!has(active, k)) continue;
    ++counts.active[k];
    ++counts.active_by_segment[segment * c.platforms() + k];
    counts.followers[k] += has(state.follows[agent], k) ? 1U : 0U;
  }
}

template <class Body>
WeekCounts for_each_agent(const ModelContext& c, std::size_t agents, Body body) {
  tbb::enumerable_thread_specific<WeekCounts> partial(WeekCounts(c.platforms()));
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents, kGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      WeekCounts& local = partial.local();
                      for (std::size_t agent = range.begin(); agent != range.end(); ++agent) {
                        body(static_cast<NodeId>(agent), local);
                      }
                    });
  WeekCounts total(c.platforms());
  // Integer sums: the order of combination does not change the result.
  for (const WeekCounts& local : partial) total.add(local);
  return total;
}

}  // namespace

void WeekCounts::add(const WeekCounts& other) {
  auto add_all = [](std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from) {
    for (std::size_t i = 0; i < to.size(); ++i) to[i] += from[i];
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
                          if (active) state.active[agent] = with(state.active[agent], k);
                          if (follows) state.follows[agent] = with(state.follows[agent], k);
                        }
                      }
                    });
}

WeekCounts count(const ModelContext& c, const AgentState& state) {
  return for_each_agent(c, state.agents(), [&](NodeId agent, WeekCounts& counts) {
    count_agent(c, state, agent, counts);
  });
}

WeekCounts step(const ModelContext& c, std::uint32_t week, const AgentState& now,
                AgentState& next) {
  const bool mixed = c.scenario.model.influence == scenario::ModelOptions::Influence::kWellMixed;
  const std::array<double, kMaxPlatforms> population =
      mixed ? population_signal(c, now, week) : std::array<double, kMaxPlatforms>{};
  return for_each_agent(c, now.agents(), [&](NodeId agent, WeekCounts& counts) {
    AgentStep{c, now, next, week, population, counts}(agent);
    apply_exits(c, week, next, agent, counts);
    count_agent(c, next, agent, counts);
  });
}

}  // namespace sim::model
