#pragma once
/// The HDF5 results of `trek run`, written as the run goes (docs/output.md has the layout):
///   /observables/<name>/{step, time, value}  H5MD-style weekly series, value[replicate][week]...
///   /messages/<name>/{step, time, value}     per message: value[replicate][week][message]...
///   /plan/...                                the week's posting plan at the plan weeks
///   /parameters                              platforms, segments, scenario facts
///   /provenance                              resolved scenario, seeds, version, command line
///   /summary                                 the decision table of the run (as /comparison)
///   /snapshots                               optional per-agent state
///   /runtime                                 wall time, threads (facts of this execution)
/// The file is created under a temporary name by the caller (io::write_atomically); nothing here
/// renames or deletes.

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/comparison.hpp"
#include "sim/engine/crisis_file.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/engine/week_plan_file.hpp"
#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"

namespace sim::engine {

inline constexpr const char* kResultsFormat = "trek-run";
inline constexpr std::uint64_t kResultsVersion = 7;

struct Provenance {
  std::string creator;       ///< version and git revision
  std::string command_line;  ///< as typed
};

struct RuntimeFacts {
  double wall_seconds = 0.0;
  std::uint64_t threads = 0;
  std::string started_utc;
};

class ResultsFile final : public RunObserver {
 public:
  /// A run in a group of another file (`trek compare` keeps one per scenario), same layout.
  ResultsFile(hid_t parent, const std::string& group, const scenario::Scenario& scenario,
              const graph::Graph& graph, const Provenance& provenance);
  ResultsFile(const std::string& path, const scenario::Scenario& scenario,
              const graph::Graph& graph, const Provenance& provenance);

  void on_snapshot(std::uint32_t replicate, std::uint32_t week,
                   const model::AgentState& state) override;
  void on_replicate(const ReplicateSeries& series) override;

  /// Writes /summary, the decision table of this run alone (comparison_file.hpp). Call once,
  /// after the last replicate and before finish().
  void write_summary(const Comparison& summary);

  /// Writes the run-time facts and closes the datasets; a results file of its own is then
  /// flushed and closed, checked (a full disk throws here). Call once, after the last replicate.
  void finish(const RuntimeFacts& facts);

 private:
  ResultsFile(io::Handle root, const scenario::Scenario& scenario, const graph::Graph& graph,
              const Provenance& provenance);
  void create_observables();
  void create_snapshots();

  const scenario::Scenario& scenario_;
  const graph::Graph& graph_;
  std::mutex mutex_;  // HDF5 calls are serialised
  io::Handle file_;
  std::vector<io::Handle> series_;          // one value dataset per observable
  std::vector<io::Handle> reach_series_;    // one per reach observable (when reach is on)
  std::vector<io::Handle> message_series_;  // the same per message, under /messages
  std::optional<WeekPlanFile> plan_;        // when the run simulates the week's plan
  std::optional<CrisisFile> crisis_;        // when the run simulates crisis messages
  std::vector<io::Handle> snapshots_;       // account, active, follows
  std::vector<std::uint32_t> snapshot_weeks_;
};

}  // namespace sim::engine
