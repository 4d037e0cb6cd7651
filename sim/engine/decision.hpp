#pragma once
/// How sure a comparison is: for one metric at one report week, from its value in every world
/// (replicate r of every scenario is world r), how often each scenario beats the baseline and is
/// the best strategy, what choosing it costs against each world's best, a verdict and tiers.
///
/// Rules (docs/model.md, "Decisions under uncertainty"):
///   p_better  share of worlds where the scenario beats the baseline (ties count half)
///   p_best    share of worlds where the strategy is the best of all strategies, the baseline
///             included (ties shared); 0 for what-ifs, which the organisation does not choose
///   regret    mean over worlds of (that world's best strategy − the scenario), >= 0, in the
///             metric's units
///   verdict   "better" when p_better >= 0.9, "worse" when p_better <= 0.1, else "no clear
///             difference"
///   tiers     the strategy with the best mean leads tier 1; every strategy that beats it in
///             more than 10% of worlds (not clearly worse) joins it; the best of the rest leads
///             tier 2, and so on. What-ifs have tier 0.
/// "Better" means higher, except for metrics where lower is better (toxic exposure).

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/run_summary.hpp"

namespace sim::engine {

/// The probability a verdict needs: 0.9 for "better", 1 - 0.9 for "worse".
inline constexpr double kClearProbability = 0.9;

enum class Verdict : std::int8_t {
  kWorse = -1,
  kNoClearDifference = 0,
  kBetter = 1,
  kBaseline = 2
};

/// "better", "worse", "no clear difference" or "baseline".
std::string verdict_text(Verdict verdict);

struct Decision {
  Band difference_pct;  ///< 100 (scenario - baseline) / baseline, world by world
  double p_better = 0.0;
  double p_best = 0.0;
  double regret = 0.0;
  Verdict verdict = Verdict::kNoClearDifference;
  std::uint32_t tier = 0;  ///< 1 = the best tier; 0 for what-ifs
};

/// `values[s][r]`: the metric in world r of scenario s (s = 0 the baseline, every scenario the
/// same number of worlds); `strategy[s]`: false for what-ifs. One Decision per scenario.
std::vector<Decision> decide(const std::vector<std::vector<double>>& values,
                             const std::vector<bool>& strategy, bool higher_is_better);

}  // namespace sim::engine
