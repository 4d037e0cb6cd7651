#pragma once
/// The printed forms of a comparison: the table people read, CSV and JSON for tools. Key names
/// of CSV and JSON are stable: p_better, p_best, regret, verdict, tier, diff_p05, diff_p95,
/// diff_pct_mean (docs/output.md).

#include <string>

#include "sim/engine/comparison.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::cli {

/// `scenario` gives the shared seed, replicates and weeks (the baseline's).
void print_table(const engine::Comparison& comparison, const scenario::Scenario& scenario);
void print_csv(const engine::Comparison& comparison);
std::string comparison_json(const engine::Comparison& comparison,
                            const scenario::Scenario& scenario);

}  // namespace sim::cli
