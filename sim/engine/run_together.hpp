#pragma once
/// Scenarios run together. The organisation's choices (where it is, what it announces and posts)
/// change whom it reaches and who follows it, not how its audience moves between platforms: the
/// weekly step's decisions of accounts, activity and ages read none of them. So the strategies of
/// a comparison, in the same world and with the same seed, move their agents identically, and
/// their replicates can share one weekly step (model::Sibling), each keeping its own follow bits,
/// counts and messages. The results are bit for bit those of running each scenario alone.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/util/progress_sink.hpp"

namespace sim::engine {

/// Moves a progress sink once per scenario-week of a joint run (run_scenarios_together).
class WeekProgress final : public RunObserver {
 public:
  explicit WeekProgress(util::ProgressSink& progress) : progress_(progress) {}
  void on_replicate(const ReplicateSeries& series) override { (void)series; }
  void on_week() override { progress_.advance(); }

 private:
  util::ProgressSink& progress_;
};

/// True when the agents of `a` and `b` move alike: the same seed, weeks, model options, and
/// platforms and events that are the same apart from what only the organisation's followers and
/// reach read (its presence, announcements, posting, follow chances, initial followers and the
/// reach parameters); coordinated exits at the same place in both event lists (their draws are
/// keyed by it).
bool move_alike(const scenario::Scenario& a, const scenario::Scenario& b);

/// Replicate `replicate` of each of `members` (scenarios without uncertain parameters, or
/// worlds of them), on one graph: those that move alike as the first of a group share its
/// weekly step. Series in the order of `members`; observers[i] (null for none) receives member
/// i's states, snapshots and weeks as the run goes, but not its series.
std::vector<ReplicateSeries> run_replicate_together(
    std::span<const scenario::Scenario* const> members, const graph::Graph& graph,
    std::uint32_t replicate, std::span<RunObserver* const> observers);

/// Every replicate of each scenario (all with the same replicate count), replicates in parallel,
/// each replicate's members together as above; world r of a scenario with uncertain parameters
/// in replicate r. `on_week` is called once per scenario-week (from any thread). Returns
/// series[scenario][replicate].
std::vector<std::vector<ReplicateSeries>> run_scenarios_together(
    std::span<const scenario::Scenario* const> scenarios, const graph::Graph& graph,
    RunObserver& progress);

}  // namespace sim::engine
