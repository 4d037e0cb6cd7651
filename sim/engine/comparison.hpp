#pragma once
/// Scenarios side by side: the metrics a strategist reads, per scenario and report week, each as
/// the mean across replicates with its 90% band, and the paired difference to the baseline.
/// Replicate r of every scenario uses the same run key, so the difference of replicate r between
/// two scenarios is free of sampling noise in the shared draws; its band is the band of the
/// per-replicate differences.

#include <array>
#include <string>
#include <vector>

#include "sim/engine/attribution.hpp"
#include "sim/engine/decision.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/engine/run_summary.hpp"

namespace sim::engine {

/// A metric of one replicate at one week (agents unless said otherwise).
struct MetricSpec {
  std::string name;
  std::string meaning;
  bool higher_is_better = true;  ///< false for toxic exposure
};

/// The metric names, in table order: reach_per_message, reach_<platform>..., gain_<platform>...
/// (reached on that platform alone), impressions_<platform>... (over a week of the real posting
/// plan), within_1h, within_24h, crisis_1h, opinion_makers, citizens, toxic_exposure, engagements,
/// followers, week_reach, week_impressions. The week-plan metrics (is_week_plan_metric) are
/// zero at weeks without a plan (engine::plan_weeks), crisis_1h at weeks without crisis messages
/// (engine::crisis_weeks).
std::vector<MetricSpec> comparison_metrics(const std::vector<std::string>& platforms);

/// Values of every metric for one replicate at one week (same order as comparison_metrics of
/// the replicate's own platforms).
std::vector<double> metric_values(const ReplicateSeries& series, std::size_t week);

/// The same in the order of comparison_metrics(platforms), where `platforms` holds every
/// platform of the replicate's scenario (`own`, in its order) and maybe more: a platform the
/// scenario lacks has zero reach there.
std::vector<double> metric_values(const ReplicateSeries& series, std::size_t week,
                                  const std::vector<std::string>& own,
                                  const std::vector<std::string>& platforms);

/// True for the metrics of a week's posting plan (impressions_<platform>, week_reach,
/// week_impressions): defined only at the plan weeks.
bool is_week_plan_metric(const std::string& name);

/// True for the metrics of crisis messages (crisis_1h): defined only at the crisis weeks.
bool is_crisis_metric(const std::string& name);

/// The mean over the crisis messages of week `week` of the agents reached within 1 hour; 0 when
/// the week has none.
double crisis_within_1h(const ReplicateSeries& series, std::size_t week);

/// Index of metric `name` in `metrics`; util::Error when there is none.
std::size_t metric_index(const std::vector<MetricSpec>& metrics, const std::string& name);

/// Every platform of the scenarios, in order of first appearance (the baseline's first).
std::vector<std::string> platform_union(const std::vector<std::vector<std::string>>& platforms);

/// Months since the start at week `week` (12 months of 52 weeks a year), as tables print it.
inline double month_of_week(std::size_t week) {
  return static_cast<double>(week) * 12.0 / 52.0;
}

struct MetricCell {
  Band level;         ///< the scenario's value across replicates (worlds)
  Band difference;    ///< minus the baseline, replicate by replicate
  Decision decision;  ///< how sure the difference is (decision.hpp)
};

/// What Comparison::message_reach holds, in order.
inline constexpr std::array<const char*, 6> kMessageStatistics{"mean", "p05", "p25",
                                                               "p50",  "p75", "p95"};

/// The statistics of kMessageStatistics of the reach of single messages.
std::array<double, 6> message_statistics(const std::vector<double>& reach);

/// The metrics a decision is about (the attribution is computed for these).
inline constexpr std::array<const char*, 9> kDecisionMetrics{
    "reach_per_message", "within_1h",   "within_24h", "crisis_1h", "opinion_makers",
    "toxic_exposure",    "engagements", "followers",  "week_reach"};

/// What drives each difference and what to measure first, at the last report week
/// (attribution.hpp); empty without uncertain parameters.
struct Attribution {
  std::vector<std::string> parameters;
  std::vector<std::string> metrics;  ///< kDecisionMetrics
  /// first_order[scenario][metric][parameter]: share of the variance of the paired difference
  /// to the baseline (the baseline's own row is zero).
  std::vector<std::vector<std::vector<Band>>> first_order;
  /// parameter_share[scenario][metric]: the sum of first-order shares, cut to 1; the rest is
  /// simulation noise and interactions.
  std::vector<std::vector<double>> parameter_share;
  /// evppi[metric][parameter], in the metric's units, over the choice among the strategies.
  std::vector<std::vector<double>> evppi;
};

struct Comparison {
  std::vector<std::string> scenarios;  ///< names, baseline first
  std::vector<std::size_t> weeks;      ///< report weeks
  std::vector<MetricSpec> metrics;
  /// cells[scenario][week][metric]
  std::vector<std::vector<std::vector<MetricCell>>> cells;
  /// Reach of single messages (agents, on any platform) across every message of every
  /// replicate: message_reach[scenario][week] holds kMessageStatistics.
  std::vector<std::vector<std::array<double, 6>>> message_reach;
  /// Agents a crisis message reaches within 1 hour, across every crisis message of every
  /// replicate: crisis_within_1h[scenario][week] holds kMessageStatistics (its 5% quantile is
  /// the worst case a strategist plans for); all zero at weeks without crisis messages.
  std::vector<std::vector<std::array<double, 6>>> crisis_within_1h;
  /// The indices of the strategies given (what-ifs and crossed groups left out) by tier, then
  /// mean reach per message, at the last report week, best first.
  std::vector<std::size_t> ranking;
  /// reference[s]: the scenario s is compared with, world by world (comparison_plan.hpp): 0 but
  /// for the strategies crossed with a what-if, whose group the baseline under it leads. Each
  /// group is decided and ranked apart; its p_best and regret are over its own strategies.
  std::vector<std::size_t> reference;
  /// The ranking of each crossed group (as `ranking`), in the order of their leaders.
  std::vector<std::vector<std::size_t>> crossed_rankings;
  /// Worlds (replicates) behind every statistic.
  std::size_t worlds = 0;
  /// One per scenario, false for the what-ifs (scenario::ScenarioKind::kWhatIf), shown apart
  /// and never ranked.
  std::vector<bool> strategy;
  Attribution attribution;
};

/// `runs[s]` holds every replicate of scenario s (same replicate count for all), runs[0] the
/// baseline; `platforms[s]` the platforms of scenario s. Scenarios may differ in their platforms:
/// the per-platform metrics are aligned by name over platform_union(platforms). `strategy[s]` is
/// false for what-ifs (empty: all are strategies); the baseline must be a strategy. With
/// `parameters` (each world's uncertain values, `seed` for the bootstrap in their names' hash),
/// the attribution is filled in (EVPPI over the choice among the strategies with reference 0).
/// `reference` as Comparison::reference (empty: all 0).
Comparison compare(const std::vector<std::string>& names,
                   const std::vector<std::vector<ReplicateSeries>>& runs,
                   const std::vector<std::vector<std::string>>& platforms,
                   const std::vector<std::size_t>& weeks, std::vector<bool> strategy = {},
                   const WorldParameters* parameters = nullptr,
                   std::vector<std::size_t> reference = {});

}  // namespace sim::engine
