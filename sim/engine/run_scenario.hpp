#pragma once
/// Running a scenario: replicates in parallel, each a sequence of synchronous weekly steps.
///
/// Replicate r of a scenario with master seed S draws from run key {S, r}. Scenarios that share
/// the seed therefore give the same agents the same draws (common random numbers), so the
/// difference between two scenarios is not sampling noise. Results do not depend on the thread
/// count: each replicate is a pure function of (scenario, graph, S, r).

#include <cstdint>
#include <vector>

#include "sim/graph/graph.hpp"
#include "sim/model/agent_state.hpp"
#include "sim/model/week_counts.hpp"
#include "sim/reach/crisis_reach.hpp"
#include "sim/reach/message_reach.hpp"
#include "sim/reach/week_plan.hpp"
#include "sim/rng/philox.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::engine {

/// The weekly series of one replicate: weeks + 1 entries, week 0 the initial state.
struct ReplicateSeries {
  std::uint32_t replicate = 0;
  std::vector<model::WeekCounts> weeks;
  /// Reach of the organisation's messages, per week (mean over the scenario's reach.posts
  /// messages); empty when reach.posts = 0.
  std::vector<reach::MessageReach> reach;
  /// Each simulated message: messages[week][post]; the per-message distribution behind `reach`.
  std::vector<std::vector<reach::MessageReach>> messages;
  /// The week's posting plan at each plan week (plan_weeks), in week order; empty when the
  /// scenario simulates no reach or no plan.
  std::vector<reach::WeekPlanReach> plans;
  /// The crisis messages at each crisis week (crisis_weeks), in week order; empty without.
  std::vector<reach::CrisisWeek> crises;

  friend bool operator==(const ReplicateSeries&, const ReplicateSeries&) = default;
};

/// The weeks at which the week's posting plan is simulated: the report weeks (comparison_plan.hpp)
/// and every reach.plan_every-th week, ascending; none without reach or without a plan.
std::vector<std::uint32_t> plan_weeks(const scenario::Scenario& scenario);

/// The weeks at which crisis messages are simulated: the report weeks, when the scenario has
/// crisis messages and reach; none otherwise.
std::vector<std::uint32_t> crisis_weeks(const scenario::Scenario& scenario);

/// The crisis messages of week `week` in `series`, or nullptr when that week has none.
const reach::CrisisWeek* crisis_at(const ReplicateSeries& series, std::size_t week);

/// The plan of week `week` in `series`, or nullptr when that week has none.
const reach::WeekPlanReach* plan_at(const ReplicateSeries& series, std::size_t week);

/// Receives results as the run goes. Calls may come from several threads at once: an observer
/// that writes must serialise itself.
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  /// A replicate's state at week `week` (only at the snapshot weeks of the scenario).
  virtual void on_snapshot(std::uint32_t replicate, std::uint32_t week,
                           const model::AgentState& state) {
    (void)replicate, (void)week, (void)state;
  }
  /// A replicate's state at every week, 0 included, after that week's messages (for observers
  /// that measure the state itself, such as calibration).
  virtual void on_state(std::uint32_t replicate, std::uint32_t week,
                        const model::AgentState& state) {
    (void)replicate, (void)week, (void)state;
  }
  /// A replicate is complete.
  virtual void on_replicate(const ReplicateSeries& series) = 0;
  /// One week of one replicate is done (for progress reports).
  virtual void on_week() {}
};

/// Run key of replicate `replicate`.
inline rng::RunKey replicate_key(const scenario::Scenario& scenario, std::uint32_t replicate) {
  return {scenario.seed, replicate};
}

/// True when week `week` is a snapshot week (week 0 and every snapshot_every weeks).
bool is_snapshot_week(const scenario::Scenario& scenario, std::uint32_t week);

/// Runs one replicate of a scenario without uncertain parameters (or of one world of it:
/// scenario::scenario_of_world); the weekly step is itself parallel.
ReplicateSeries run_replicate(const scenario::Scenario& scenario, const graph::Graph& graph,
                              std::uint32_t replicate, RunObserver* observer = nullptr);

/// Runs all replicates of the scenario, several at a time, and reports each to the observer.
/// With uncertain parameters, replicate r runs in world r (scenario/worlds.hpp).
void run_scenario(const scenario::Scenario& scenario, const graph::Graph& graph,
                  RunObserver& observer);

/// Checks that the graph fits the scenario (segments present where events need them).
void check_population(const scenario::Scenario& scenario, const graph::Graph& graph);

}  // namespace sim::engine
