// One task per replicate, each the loop of run_together.cpp with one member. Snapshots and
// progress go to the observer as the replicate advances; the series goes to it when the
// replicate is done.

#include "sim/engine/run_scenario.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <optional>

#include "sim/engine/comparison_plan.hpp"
#include "sim/engine/run_together.hpp"
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

std::vector<std::uint32_t> crisis_weeks(const scenario::Scenario& s) {
  std::vector<std::uint32_t> weeks;
  if (s.reach.posts == 0 || s.crisis.messages == 0) return weeks;
  for (const std::size_t week : report_weeks(s.weeks))
    weeks.push_back(static_cast<std::uint32_t>(week));
  return weeks;
}

const reach::CrisisWeek* crisis_at(const ReplicateSeries& series, std::size_t week) {
  for (const reach::CrisisWeek& crisis : series.crises) {
    if (crisis.week == week) return &crisis;
  }
  return nullptr;
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
  const scenario::Scenario* const scenarios[] = {&s};
  RunObserver* const observers[] = {observer};
  return std::move(run_replicate_together(scenarios, graph, replicate, observers).front());
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
  if (s.audience.anchor >= 0 && graph.node_count() != s.audience.agents()) {
    throw util::InputError({s.file, 0, "population.graph"},
                           "has " + std::to_string(graph.node_count()) +
                               " agents; the audience holds " +
                               std::to_string(s.audience.agents()));
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
