#pragma once
/// The comparison file `trek compare` writes (docs/output.md):
///   /scenarios/<name>/   each scenario's run, in the layout of a run file (results_file.hpp)
///   /comparison/         the table: scenarios, kinds, metrics, weeks, months, ranking, level and
///                        difference [scenario][week][metric][mean, p05, p95], decision
///                        [...][kDecisionStatistics], verdict, tier, message_reach,
///                        reference (and crossed_ranking when what-ifs are crossed)
/// Root attributes: format "trek-compare", version, creator, command_line.

#include <hdf5.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/comparison.hpp"

namespace sim::engine {

inline constexpr const char* kComparisonFormat = "trek-compare";
/// What /comparison/decision holds per cell, in order (decision.hpp).
inline constexpr std::array<const char*, 6> kDecisionStatistics{
    "diff_pct_mean", "diff_pct_p05", "diff_pct_p95", "p_better", "p_best", "regret"};
inline constexpr std::uint64_t kComparisonVersion = 8;

/// Writes /comparison into an open file.
void write_comparison(hid_t file, const Comparison& comparison);

/// Writes /summary into a run's group: the decision table of the run alone (one scenario; the
/// layout of /comparison without difference and ranking), so that every reader takes the
/// decision metrics from the file instead of recomputing them.
void write_run_summary(hid_t run, const Comparison& summary);

/// Checks a run's /summary (type and shape of every dataset). InputError naming the key.
void check_run_summary(hid_t run);

/// Checks the format version, the table's layout and every scenario's run against what the
/// readers need. InputError naming `path` and the key otherwise.
void check_comparison_file(const std::string& path, hid_t file);

/// The table's index: scenario names (baseline first), report weeks and the ranking by reach.
struct ComparisonIndex {
  std::vector<std::string> scenarios;
  std::vector<std::uint32_t> weeks;
  std::vector<std::uint64_t> ranking;
};

/// Reads the index of a checked comparison file.
ComparisonIndex read_comparison_index(hid_t file);

}  // namespace sim::engine
