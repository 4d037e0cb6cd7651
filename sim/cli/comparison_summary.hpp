#pragma once
/// What `trek compare` prints by default, within 80 columns: the baseline's levels, then one block
/// per strategy (best first), what-if and crossed scenario, with its verdict, P(better), P(best)
/// and tier and its change against its reference in percent with the 90% band, for reach per
/// message, a week of the posting plan, within 1 h, opinion makers and toxic exposure at the last
/// three report weeks; then the tiers, what the bands cover and what to measure first.
/// `--wide` prints the full table instead (comparison_report.hpp).

#include <string>
#include <vector>

#include "sim/engine/comparison.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::cli {

/// `scenario`: the baseline (seed, worlds, weeks); `labels[s]`: scenario s's human name.
void print_summary(const engine::Comparison& comparison, const scenario::Scenario& scenario,
                   const std::vector<std::string>& labels);

}  // namespace sim::cli
