// One task per replicate; inside, a double-buffered loop of weekly steps with the messages of
// each week simulated on the state they see. Snapshots and progress go to the observer as the
// replicate advances; the series goes to it when the replicate is done.

#include "sim/engine/run_scenario.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <optional>

#include "sim/engine/comparison_plan.hpp"
#include "sim/model/model_context.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {

std::vector<std::uint32_t> plan_weeks(const scenario::Scenario& s) {
  std::vector<std::uint32_t> weeks;
  if (s.reach.posts == 0 || !s.reach.week_plan) return weeks;
  for (const std::size_t week : report_weeks(s.weeks))
    weeks.push_back(static_cast<std::uint32_t>(week));
  for (std::uint32_t week = 0; s.reach.plan_every > 0 && week <= s.weeks;
       week += s.reach.plan_every)
    weeks.push_back(week);
  std::sort(weeks.begin(), weeks.end());
  weeks.erase(std::unique(weeks.begin(), weeks.end()), weeks.end());
  return weeks;
}

const reach::WeekPlanReach* plan_at(const ReplicateSeries& series, std::size_t week) {
  for (const reach::WeekPlanReach& plan : series.plans) {
    if (plan.week == week) return &plan;
  }
  return nullptr;
}

bool is_snapshot_week(const scenario::Scenario& s, std::uint32_t week) {
  return s.snapshot_every > 0 && week % s.snapshot_every == 0;
}

ReplicateSeries run_replicate(const scenario::Scenario& s, const graph::Graph& graph,
                              std::uint32_t replicate, RunObserver* observer) {
  const model::ModelContext context(s, graph, replicate_key(s, replicate));
  std::optional<reach::MessageSimulator> messages;
  if (s.reach.posts > 0) messages.emplace(context);
  // Double buffer: week t is read from `now` while week t + 1 is written to `next`.
  model::AgentState now;
  model::initialise(context, now);
  model::AgentState next = now;
  ReplicateSeries series;
  series.replicate = replicate;
  series.weeks.reserve(s.weeks + 1);
  series.weeks.push_back(model::count(context, now));
  const std::vector<std::uint32_t> plan_weeks_of_run = plan_weeks(s);
  auto next_plan = plan_weeks_of_run.begin();
  const auto& only = s.reach.only_weeks;
  const auto simulate_messages = [&](std::uint32_t week) {
    if (!messages) return;
    if (!only.empty() && std::find(only.begin(), only.end(), week) == only.end()) {
      series.messages.emplace_back();
      series.reach.emplace_back(s.platforms.size());
      return;
    }
    series.messages.push_back(reach::weekly_messages(*messages, now, week, s.reach.posts));
    series.reach.push_back(reach::mean_of(series.messages.back(), s.platforms.size()));
    if (next_plan == plan_weeks_of_run.end() || *next_plan != week) return;
    series.plans.push_back(reach::simulate_week_plan(*messages, context, now, week));
    ++next_plan;
  };
  simulate_messages(0);
  if (observer != nullptr) observer->on_state(replicate, 0, now);
  if (observer != nullptr && is_snapshot_week(s, 0)) observer->on_snapshot(replicate, 0, now);
  for (std::uint32_t week = 0; week < s.weeks; ++week) {
    series.weeks.push_back(model::step(context, week, now, next));
    std::swap(now, next);
    simulate_messages(week + 1);
    if (observer == nullptr) continue;
    observer->on_state(replicate, week + 1, now);
    if (is_snapshot_week(s, week + 1)) observer->on_snapshot(replicate, week + 1, now);
    observer->on_week();
  }
  return series;
}

void run_scenario(const scenario::Scenario& s, const graph::Graph& graph, RunObserver& observer) {
  check_population(s, graph);
  // One replicate per task; each replicate's weekly step splits its agents again, so both
  // many small replicates and a few large ones keep every core busy.
  // Each world's scenario is read before the parallel loop: any problem shows here, once.
  std::vector<scenario::Scenario> worlds;
  if (!s.uncertain.empty()) {
    for (std::uint32_t world = 0; world < s.replicates; ++world)
      worlds.push_back(scenario::scenario_of_world(s, world));
  }
  tbb::parallel_for(std::uint32_t{0}, s.replicates, [&](std::uint32_t replicate) {
    const scenario::Scenario& world = worlds.empty() ? s : worlds[replicate];
    observer.on_replicate(run_replicate(world, graph, replicate, &observer));
  });
}

void check_population(const scenario::Scenario& s, const graph::Graph& graph) {
  if (graph.node_count() == 0) {
    throw util::InputError({s.file, 0, "population.graph"}, "the graph has no agents");
  }
  for (const scenario::Event& e : s.events) {
    if (e.kind == scenario::Event::Kind::kExit && e.segments != 1U &&
        graph.attributes().segment.empty()) {
      throw util::InputError({s.file, e.line, "events.segments"},
                             "the graph has no segments, so only 'citizen' can exit");
    }
  }
}

}  // namespace sim::engine
