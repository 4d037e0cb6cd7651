// A replicate of several scenarios: they are sorted into groups that move alike (each at most
// model::kMaxSiblings + 1), and each group runs one double-buffered loop of weekly steps whose
// first member holds the agents' state and whose others keep their follow bits beside it. Each
// member's messages and observers see the shared state with its own follow bits swapped in.

#include "sim/engine/run_together.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>

#include "sim/model/model_context.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/scenario/worlds.hpp"

namespace sim::engine {
namespace {

using scenario::Event;
using scenario::Scenario;

/// A platform's parameters with those that only the organisation's followers and reach read
/// set to one value.
scenario::PlatformParams movement_of(scenario::PlatformParams p) {
  const scenario::PlatformParams neutral;
  p.initial_follows = neutral.initial_follows;
  p.discovery = neutral.discovery;
  p.organisation_present = neutral.organisation_present;
  p.posts_per_week = neutral.posts_per_week;
  p.feed_reach = neutral.feed_reach;
  p.link_share = neutral.link_share;
  p.link_penalty = neutral.link_penalty;
  p.discovery_reach = neutral.discovery_reach;
  p.reshare = neutral.reshare;
  p.engagement = neutral.engagement;
  p.check_ins_per_day = neutral.check_ins_per_day;
  p.reshare_delay_hours = neutral.reshare_delay_hours;
  p.fresh_share = neutral.fresh_share;
  p.fresh_minutes = neutral.fresh_minutes;
  p.notification_share = neutral.notification_share;
  p.notification_minutes = neutral.notification_minutes;
  return p;
}

/// The events that move agents, without their lines; exits with their index in the list.
std::vector<std::pair<std::size_t, Event>> moving_events(const Scenario& s) {
  std::vector<std::pair<std::size_t, Event>> events;
  for (std::size_t index = 0; index < s.events.size(); ++index) {
    Event e = s.events[index];
    if (e.kind == Event::Kind::kAnnounce || e.kind == Event::Kind::kJoin ||
        e.kind == Event::Kind::kLeave)
      continue;
    e.line = 0;
    events.emplace_back(e.kind == Event::Kind::kExit ? index : 0, std::move(e));
  }
  return events;
}

/// One scenario's replicate while it runs: its context, messages, series and, when it is not
/// the first of its group, its own follow bits.
struct Member {
  /// `lead`: the first member of its group, whose draws it shares, or null.
  Member(const Scenario& s, const graph::Graph& graph, std::uint32_t replicate,
         RunObserver* observer_of, const Member* lead)
      : scenario(s),
        context(lead == nullptr
                    ? model::ModelContext(s, graph, replicate_key(s, replicate))
                    : model::ModelContext(s, graph, replicate_key(s, replicate), lead->context)),
        observer(observer_of),
        plans(plan_weeks(s)),
        crises(crisis_weeks(s)) {
    if (s.reach.posts > 0) messages.emplace(context);
    series.replicate = replicate;
    series.weeks.reserve(s.weeks + 1);
  }

  /// The messages of week `week` on `state` (this member's follow bits in it).
  void simulate_messages(const model::AgentState& state, std::uint32_t week) {
    if (!messages) return;
    const auto& only = scenario.reach.only_weeks;
    if (!only.empty() && std::find(only.begin(), only.end(), week) == only.end()) {
      series.messages.emplace_back();
      series.reach.emplace_back(scenario.platforms.size());
      return;
    }
    series.messages.push_back(reach::weekly_messages(*messages, state, week, scenario.reach.posts));
    series.reach.push_back(reach::mean_of(series.messages.back(), scenario.platforms.size()));
    if (next_crisis < crises.size() && crises[next_crisis] == week) {
      series.crises.push_back(
          reach::simulate_crisis_week(*messages, state, week, scenario.crisis.messages));
      ++next_crisis;
    }
    if (next_plan == plans.size() || plans[next_plan] != week) return;
    series.plans.push_back(reach::simulate_week_plan(*messages, context, state, week));
    ++next_plan;
  }

  /// Week `week` is done: its messages and what the observer asks for.
  void finish_week(const model::AgentState& state, std::uint32_t week) {
    simulate_messages(state, week);
    if (observer == nullptr) return;
    observer->on_state(series.replicate, week, state);
    if (is_snapshot_week(scenario, week)) observer->on_snapshot(series.replicate, week, state);
    if (week > 0) observer->on_week();
  }

  const Scenario& scenario;
  model::ModelContext context;
  std::optional<reach::MessageSimulator> messages;
  RunObserver* observer;
  std::vector<std::uint32_t> plans;
  std::size_t next_plan = 0;
  std::vector<std::uint32_t> crises;  // the crisis weeks
  std::size_t next_crisis = 0;
  ReplicateSeries series;
  std::vector<model::PlatformBits> follows_now, follows_next;  // a sibling's
  model::WeekCounts counts;                                    // a sibling's counts of a step
};

bool same_initial_follows(const Scenario& a, const Scenario& b) {
  for (std::size_t k = 0; k < a.platforms.size(); ++k) {
    if (a.platforms[k].initial_follows != b.platforms[k].initial_follows) return false;
  }
  return true;
}

/// Calls body(state) with `member`'s follow bits in the group's state.
template <class Body>
void with_follows_of(Member& member, bool first, model::AgentState& state, Body body) {
  if (first) return body(state);
  std::swap(state.follows, member.follows_now);
  body(state);
  std::swap(state.follows, member.follows_now);
}

/// Runs one group: members[0] steps the agents, the others ride along as siblings.
void run_group(const std::vector<Member*>& members) {
  Member& lead = *members.front();
  model::AgentState now;
  model::initialise(lead.context, now);
  model::AgentState next = now;
  for (std::size_t m = 1; m < members.size(); ++m) {
    // The same draws give the same initial follow bits where the shares agree.
    if (same_initial_follows(lead.scenario, members[m]->scenario)) {
      members[m]->follows_now = now.follows;
    } else {
      model::AgentState own;
      model::initialise(members[m]->context, own);
      members[m]->follows_now = std::move(own.follows);
    }
    members[m]->follows_next = members[m]->follows_now;
  }
  for (std::size_t m = 0; m < members.size(); ++m) {
    with_follows_of(*members[m], m == 0, now, [&](const model::AgentState& state) {
      members[m]->series.weeks.push_back(model::count(members[m]->context, state));
      members[m]->finish_week(state, 0);
    });
  }
  std::vector<model::Sibling> siblings;
  for (std::size_t m = 1; m < members.size(); ++m) {
    Member& s = *members[m];
    siblings.push_back({&s.context, &s.follows_now, &s.follows_next, &s.counts});
  }
  for (std::uint32_t week = 0; week < lead.scenario.weeks; ++week) {
    // Each member's last counts are those of `now`: the step counts only the agents that change.
    for (std::size_t m = 1; m < members.size(); ++m)
      siblings[m - 1].counts_now = &members[m]->series.weeks.back();
    const model::WeekCounts& counts_now = lead.series.weeks.back();
    lead.series.weeks.push_back(model::step(lead.context, week, now, next, siblings, &counts_now));
    std::swap(now, next);
    for (std::size_t m = 1; m < members.size(); ++m) {
      std::swap(members[m]->follows_now, members[m]->follows_next);
      members[m]->series.weeks.push_back(members[m]->counts);
    }
    for (std::size_t m = 0; m < members.size(); ++m) {
      with_follows_of(*members[m], m == 0, now, [&](const model::AgentState& state) {
        members[m]->finish_week(state, week + 1);
      });
    }
  }
}

}  // namespace

bool move_alike(const Scenario& a, const Scenario& b) {
  if (a.seed != b.seed || a.weeks != b.weeks || !(a.model == b.model) ||
      a.platforms.size() != b.platforms.size())
    return false;
  for (std::size_t k = 0; k < a.platforms.size(); ++k) {
    if (!(movement_of(a.platforms[k]) == movement_of(b.platforms[k]))) return false;
  }
  return moving_events(a) == moving_events(b);
}

std::vector<ReplicateSeries> run_replicate_together(std::span<const Scenario* const> scenarios,
                                                    const graph::Graph& graph,
                                                    std::uint32_t replicate,
                                                    std::span<RunObserver* const> observers) {
  if (observers.size() != scenarios.size())
    throw std::invalid_argument("run_replicate_together: one observer slot per scenario");
  std::vector<std::vector<std::size_t>> groups;  // indices into `scenarios`, the lead first
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) {
      return g.size() <= model::kMaxSiblings && move_alike(*scenarios[g.front()], *scenarios[i]);
    });
    if (group == groups.end()) {
      groups.push_back({i});
    } else {
      group->push_back(i);
    }
  }
  std::vector<ReplicateSeries> series(scenarios.size());
  for (const std::vector<std::size_t>& group : groups) {
    // One group at a time, so that only its members' scratch arrays are held.
    std::vector<std::unique_ptr<Member>> members;
    for (const std::size_t i : group) {
      members.push_back(std::make_unique<Member>(*scenarios[i], graph, replicate, observers[i],
                                                 members.empty() ? nullptr : members[0].get()));
    }
    std::vector<Member*> running;
    for (const auto& member : members)
      running.push_back(member.get());
    run_group(running);
    for (std::size_t j = 0; j < group.size(); ++j)
      series[group[j]] = std::move(members[j]->series);
  }
  return series;
}

std::vector<std::vector<ReplicateSeries>> run_scenarios_together(
    std::span<const Scenario* const> scenarios, const graph::Graph& graph, RunObserver& progress) {
  const std::uint32_t replicates = scenarios.empty() ? 0 : scenarios.front()->replicates;
  // Each world's scenario is read before the parallel loop: any problem shows here, once.
  std::vector<std::vector<Scenario>> worlds(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    if (scenarios[i]->replicates != replicates)
      throw std::invalid_argument("run_scenarios_together: replicate counts differ");
    check_population(*scenarios[i], graph);
    for (std::uint32_t world = 0; !scenarios[i]->uncertain.empty() && world < replicates; ++world)
      worlds[i].push_back(scenario::scenario_of_world(*scenarios[i], world));
  }
  std::vector<std::vector<ReplicateSeries>> series(scenarios.size(),
                                                   std::vector<ReplicateSeries>(replicates));
  tbb::parallel_for(std::uint32_t{0}, replicates, [&](std::uint32_t replicate) {
    std::vector<const Scenario*> members;
    for (std::size_t i = 0; i < scenarios.size(); ++i)
      members.push_back(worlds[i].empty() ? scenarios[i] : &worlds[i][replicate]);
    const std::vector<RunObserver*> observers(scenarios.size(), &progress);
    std::vector<ReplicateSeries> run = run_replicate_together(members, graph, replicate, observers);
    for (std::size_t i = 0; i < scenarios.size(); ++i)
      series[i][replicate] = std::move(run[i]);
  });
  return series;
}

}  // namespace sim::engine
