#pragma once
/// The printed forms of a comparison: the table people read, CSV and JSON for tools. Key names
/// of CSV and JSON are stable: p_better, p_best, regret, verdict, tier, diff_p05, diff_p95,
/// diff_pct_mean (docs/output.md).

#include <string>
#include <vector>

#include "sim/engine/comparison.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::cli {

/// The tiers of `ranking` at the last report week by reach per message, best first: " a, b | c"
/// (a leading blank, commas within a tier, bars between tiers).
std::string tiers_text(const engine::Comparison& comparison,
                       const std::vector<std::size_t>& ranking);

/// `scenario` gives the shared seed, replicates and weeks (the baseline's).
void print_table(const engine::Comparison& comparison, const scenario::Scenario& scenario);
void print_csv(const engine::Comparison& comparison);
std::string comparison_json(const engine::Comparison& comparison,
                            const scenario::Scenario& scenario);

}  // namespace sim::cli
