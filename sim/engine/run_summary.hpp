#pragma once
/// What a run's weekly series add up to at a given week, across replicates: the mean and the 90%
/// band (5% and 95% quantiles) of accounts, active users and followers of the organisation per
/// platform. Used by `trek run` at the end and by `trek inspect` on a results file.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/run_scenario.hpp"

namespace sim::engine {

/// Mean and 90% band across replicates.
struct Band {
  double mean = 0.0;
  double low = 0.0;   ///< 5% quantile
  double high = 0.0;  ///< 95% quantile
};

Band band_of(const std::vector<double>& values);

/// The per-platform weekly series of a run, row-major [replicate][week][platform] (agents), and
/// active_anywhere [replicate][week].
struct SeriesTable {
  std::vector<std::string> platforms;
  std::size_t replicates = 0;
  std::size_t weeks = 0;  ///< entries per replicate: simulated weeks + 1
  std::vector<std::uint32_t> accounts, active, followers, active_anywhere;
  /// Reach of a cross-posted message (empty without reach): per platform [replicate][week][P],
  /// unique and within 1 h and 24 h [replicate][week].
  std::vector<double> reach, reach_per_message, within_1h, within_24h;
  /// The week's posting plan (empty without one) at plan_weeks: posts and impressions
  /// [replicate][plan week][P], reached [replicate][plan week].
  std::vector<std::uint32_t> plan_weeks;
  std::vector<double> plan_posts, plan_impressions, plan_reached;

  /// Values of a per-platform series (accounts, active, followers) at `week`, one per replicate.
  std::vector<double> at(const std::vector<std::uint32_t>& series, std::size_t week,
                         std::size_t platform) const;
  /// active_anywhere at `week`, one per replicate.
  std::vector<double> anywhere_at(std::size_t week) const;
  /// A per-replicate-week series (reach_per_message, within_1h, within_24h) at `week`.
  std::vector<double> scalar_at(const std::vector<double>& series, std::size_t week) const;
  /// Reach on one platform at `week`, one per replicate.
  std::vector<double> reach_at(std::size_t week, std::size_t platform) const;
  /// The index of `week` in plan_weeks, or plan_weeks.size() when it has no plan.
  std::size_t plan_index(std::size_t week) const;
  /// A per-platform plan series (plan_posts, plan_impressions) at plan week `index`.
  std::vector<double> plan_at(const std::vector<double>& series, std::size_t index,
                              std::size_t platform) const;
};

/// Builds the table from replicate series (sorted by replicate).
SeriesTable table_of(const std::vector<std::string>& platforms,
                     std::vector<ReplicateSeries> series);

struct PlatformSummary {
  std::string platform;
  Band accounts, active, followers, reach;
  Band posts, impressions;  ///< over a week of the posting plan (when has_plan)
};

struct WeekSummary {
  std::size_t week = 0;
  std::vector<PlatformSummary> platforms;
  Band active_anywhere;
  bool has_reach = false;
  Band reach_per_message, within_1h, within_24h;
  bool has_plan = false;
  Band week_reached;  ///< agents reached at least once by the week's posting plan
};

WeekSummary summarise_week(const SeriesTable& table, std::size_t week);

}  // namespace sim::engine
