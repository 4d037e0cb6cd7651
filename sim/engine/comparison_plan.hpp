#pragma once
/// What a comparison runs: the scenarios in order, baseline first, then (when what-ifs are
/// crossed with the strategies) each what-if's group of strategies under it, all with the
/// baseline's seed, replicates and weeks (so that replicate r of every scenario draws the same
/// random numbers), their names in the comparison file, and the weeks the table reports.

#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace sim::engine {

struct ComparisonRequest {
  std::vector<std::string> scenario_files;
  /// key=value, applied to every scenario (the command line's --seed, --weeks, ... among them).
  std::vector<std::string> overrides;
  /// Also run every strategy under every what-if (scenario::read_crossed_scenario).
  bool cross_what_ifs = false;
};

struct ComparisonPlan {
  /// Baseline first: the one file with `baseline = true`, else the first file.
  std::vector<scenario::Scenario> scenarios;
  /// Group names in the comparison file: the file stems, made unique.
  std::vector<std::string> names;
  /// reference[s]: the scenario whose worlds scenario s is compared with, world by world: 0 (the
  /// baseline) for the scenarios given, and for a strategy crossed with a what-if the baseline
  /// under that what-if, which leads its own group of strategies (decided and ranked apart).
  std::vector<std::size_t> reference;
  /// Weeks of the table: 13, 52 and 104 where inside the run, and the last week.
  std::vector<std::size_t> report_weeks;
};

/// Reads and checks every scenario. InputError when two are marked as the baseline.
ComparisonPlan plan_comparison(const ComparisonRequest& request);

/// Every file the plan reads (scenario chains, graph files): never a place for its output.
std::vector<std::string> input_files(const ComparisonPlan& plan);

/// The weeks a summary of a run of `weeks` weeks reports: 13, 52 and 104 where below `weeks`
/// (a quarter, a year, two years), then `weeks` itself.
std::vector<std::size_t> report_weeks(std::size_t weeks);

}  // namespace sim::engine
