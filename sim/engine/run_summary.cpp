// Flattens replicate series into row-major tables ([replicate][week][platform]) after sorting by
// replicate number, so that a band at a week is a strided read; bands are the mean and the 5%
// and 95% quantiles by linear interpolation (util::quantile).

#include "sim/engine/run_summary.hpp"

#include <algorithm>

#include "sim/util/statistics.hpp"

namespace sim::engine {

Band band_of(const std::vector<double>& values) {
  return {util::mean_of(values), util::quantile(values, 0.05), util::quantile(values, 0.95)};
}

std::vector<double> SeriesTable::at(const std::vector<std::uint32_t>& series, std::size_t week,
                                    std::size_t platform) const {
  std::vector<double> values;
  for (std::size_t r = 0; r < replicates; ++r) {
    values.push_back(series[(r * weeks + week) * platforms.size() + platform]);
  }
  return values;
}

std::vector<double> SeriesTable::anywhere_at(std::size_t week) const {
  std::vector<double> values;
  for (std::size_t r = 0; r < replicates; ++r)
    values.push_back(active_anywhere[r * weeks + week]);
  return values;
}

std::vector<double> SeriesTable::scalar_at(const std::vector<double>& series,
                                           std::size_t week) const {
  std::vector<double> values;
  for (std::size_t r = 0; r < replicates; ++r)
    values.push_back(series[r * weeks + week]);
  return values;
}

std::vector<double> SeriesTable::reach_at(std::size_t week, std::size_t platform) const {
  std::vector<double> values;
  for (std::size_t r = 0; r < replicates; ++r) {
    values.push_back(reach[(r * weeks + week) * platforms.size() + platform]);
  }
  return values;
}

std::size_t SeriesTable::plan_index(std::size_t week) const {
  return static_cast<std::size_t>(std::find(plan_weeks.begin(), plan_weeks.end(), week) -
                                  plan_weeks.begin());
}

std::vector<double> SeriesTable::plan_at(const std::vector<double>& series, std::size_t index,
                                         std::size_t platform) const {
  std::vector<double> values;
  for (std::size_t r = 0; r < replicates; ++r) {
    values.push_back(series[(r * plan_weeks.size() + index) * platforms.size() + platform]);
  }
  return values;
}

SeriesTable table_of(const std::vector<std::string>& platforms,
                     std::vector<ReplicateSeries> series) {
  std::sort(series.begin(), series.end(),
            [](const auto& a, const auto& b) { return a.replicate < b.replicate; });
  SeriesTable table;
  table.platforms = platforms;
  table.replicates = series.size();
  table.weeks = series.empty() ? 0 : series.front().weeks.size();
  for (const ReplicateSeries& replicate : series) {
    for (const model::WeekCounts& counts : replicate.weeks) {
      table.accounts.insert(table.accounts.end(), counts.accounts.begin(), counts.accounts.end());
      table.active.insert(table.active.end(), counts.active.begin(), counts.active.end());
      table.followers.insert(table.followers.end(), counts.followers.begin(),
                             counts.followers.end());
      table.active_anywhere.push_back(counts.active_anywhere);
    }
    for (const reach::MessageReach& week : replicate.reach) {
      table.reach.insert(table.reach.end(), week.viewers.begin(), week.viewers.end());
      table.reach_per_message.push_back(week.unique);
      table.within_1h.push_back(week.within[reach::crisis_index(1.0)]);
      table.within_24h.push_back(week.within[reach::crisis_index(24.0)]);
    }
    for (const reach::WeekPlanReach& plan : replicate.plans) {
      table.plan_posts.insert(table.plan_posts.end(), plan.posts.begin(), plan.posts.end());
      table.plan_impressions.insert(table.plan_impressions.end(), plan.impressions.begin(),
                                    plan.impressions.end());
      table.plan_reached.push_back(plan.reached);
    }
  }
  if (!series.empty()) {
    for (const reach::WeekPlanReach& plan : series.front().plans)
      table.plan_weeks.push_back(plan.week);
  }
  return table;
}

WeekSummary summarise_week(const SeriesTable& table, std::size_t week) {
  WeekSummary summary;
  summary.week = week;
  for (std::size_t k = 0; k < table.platforms.size(); ++k) {
    summary.platforms.push_back({table.platforms[k], band_of(table.at(table.accounts, week, k)),
                                 band_of(table.at(table.active, week, k)),
                                 band_of(table.at(table.followers, week, k)),
                                 table.reach.empty() ? Band{} : band_of(table.reach_at(week, k))});
  }
  summary.has_reach = !table.reach_per_message.empty();
  if (summary.has_reach) {
    summary.reach_per_message = band_of(table.scalar_at(table.reach_per_message, week));
    summary.within_1h = band_of(table.scalar_at(table.within_1h, week));
    summary.within_24h = band_of(table.scalar_at(table.within_24h, week));
  }
  const std::size_t plan = table.plan_index(week);
  summary.has_plan = plan < table.plan_weeks.size();
  if (summary.has_plan) {
    std::vector<double> reached;
    for (std::size_t r = 0; r < table.replicates; ++r)
      reached.push_back(table.plan_reached[r * table.plan_weeks.size() + plan]);
    summary.week_reached = band_of(reached);
    for (std::size_t k = 0; k < table.platforms.size(); ++k) {
      summary.platforms[k].posts = band_of(table.plan_at(table.plan_posts, plan, k));
      summary.platforms[k].impressions = band_of(table.plan_at(table.plan_impressions, plan, k));
    }
  }
  summary.active_anywhere = band_of(table.anywhere_at(week));
  return summary;
}

}  // namespace sim::engine
