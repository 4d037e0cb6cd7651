// The comparison table: metric values per replicate and report week, aligned by platform name
// across scenarios, then for each metric the band of the levels and the band of the differences
// to the baseline's replicate with the same number (both sorted by replicate first).

#include "sim/engine/comparison.hpp"

#include <algorithm>
#include <numeric>

#include "sim/util/error.hpp"
#include "sim/util/statistics.hpp"

namespace sim::engine {

std::vector<MetricSpec> comparison_metrics(const std::vector<std::string>& platforms) {
  std::vector<MetricSpec> metrics{
      {"reach_per_message", "agents shown a cross-posted message on any platform"}};
  for (const auto& platform : platforms) {
    metrics.push_back({"reach_" + platform, "agents shown the message on " + platform});
  }
  for (const auto& platform : platforms) {
    metrics.push_back({"gain_" + platform,
                       "agents shown the message on " + platform + " and on no other platform"});
  }
  metrics.push_back({"within_1h", "agents shown it within 1 hour (crisis reach)"});
  metrics.push_back({"within_24h", "agents shown it within 24 hours"});
  metrics.push_back({"opinion_makers", "media and politicians shown it"});
  metrics.push_back({"citizens", "citizens shown it"});
  metrics.push_back({"toxic_exposure", "viewers who see toxic replies, summed over platforms"});
  metrics.push_back({"engagements", "likes, replies and reshares, summed over platforms"});
  metrics.push_back({"followers", "active followers of the organisation, summed over platforms"});
  return metrics;
}

std::vector<double> metric_values(const ReplicateSeries& series, std::size_t week) {
  const model::WeekCounts& counts = series.weeks.at(week);
  std::vector<double> values;
  const reach::MessageReach none(counts.platforms);
  const reach::MessageReach& r = series.reach.empty() ? none : series.reach.at(week);
  values.push_back(r.unique);
  values.insert(values.end(), r.viewers.begin(), r.viewers.end());
  values.insert(values.end(), r.only_here.begin(), r.only_here.end());
  values.push_back(r.within[reach::crisis_index(1.0)]);
  values.push_back(r.within[reach::crisis_index(24.0)]);
  values.push_back(r.unique_by_segment[1] + r.unique_by_segment[2]);
  values.push_back(r.unique_by_segment[0]);
  values.push_back(std::accumulate(r.toxic_exposure.begin(), r.toxic_exposure.end(), 0.0));
  values.push_back(std::accumulate(r.engagements.begin(), r.engagements.end(), 0.0));
  values.push_back(std::accumulate(counts.followers.begin(), counts.followers.end(), 0.0));
  return values;
}

std::vector<std::string> platform_union(const std::vector<std::vector<std::string>>& platforms) {
  std::vector<std::string> all;
  for (const auto& list : platforms) {
    for (const auto& name : list) {
      if (std::find(all.begin(), all.end(), name) == all.end()) all.push_back(name);
    }
  }
  return all;
}

std::vector<double> metric_values(const ReplicateSeries& series, std::size_t week,
                                  const std::vector<std::string>& own,
                                  const std::vector<std::string>& platforms) {
  const std::vector<double> mine = metric_values(series, week);
  if (own == platforms) return mine;
  const std::size_t p = own.size(), all = platforms.size();
  if (mine.size() != 1 + 2 * p + 7) throw util::Error("metric values do not match the platforms");
  std::vector<double> aligned(1 + 2 * all + 7, 0.0);
  aligned[0] = mine[0];
  for (std::size_t k = 0; k < p; ++k) {
    const auto at = static_cast<std::size_t>(std::find(platforms.begin(), platforms.end(), own[k]) -
                                             platforms.begin());
    if (at == all) throw util::Error("platform " + own[k] + " is not in the comparison");
    aligned[1 + at] = mine[1 + k];
    aligned[1 + all + at] = mine[1 + p + k];
  }
  std::copy(mine.begin() + static_cast<std::ptrdiff_t>(1 + 2 * p), mine.end(),
            aligned.begin() + static_cast<std::ptrdiff_t>(1 + 2 * all));
  return aligned;
}

std::array<double, 6> message_statistics(const std::vector<double>& reach) {
  return {util::mean_of(reach),        util::quantile(reach, 0.05), util::quantile(reach, 0.25),
          util::quantile(reach, 0.50), util::quantile(reach, 0.75), util::quantile(reach, 0.95)};
}

namespace {

/// Unique reach of every message of every replicate at `week`.
std::vector<double> single_messages(const std::vector<ReplicateSeries>& run, std::size_t week) {
  std::vector<double> reach;
  for (const ReplicateSeries& replicate : run) {
    if (replicate.messages.empty()) continue;
    for (const reach::MessageReach& message : replicate.messages.at(week))
      reach.push_back(message.unique);
  }
  return reach;
}

}  // namespace

Comparison compare(const std::vector<std::string>& names,
                   const std::vector<std::vector<ReplicateSeries>>& runs,
                   const std::vector<std::vector<std::string>>& platforms,
                   const std::vector<std::size_t>& weeks) {
  Comparison out;
  out.scenarios = names;
  out.weeks = weeks;
  if (platforms.size() != runs.size()) throw util::Error("one platform list per scenario needed");
  const std::vector<std::string> all = platform_union(platforms);
  out.metrics = comparison_metrics(all);
  const std::size_t replicates = runs.front().size();
  for (const auto& run : runs) {
    if (run.size() != replicates) throw util::Error("scenarios differ in replicate count");
  }
  auto sorted = [](std::vector<ReplicateSeries> run) {
    std::sort(run.begin(), run.end(),
              [](const auto& a, const auto& b) { return a.replicate < b.replicate; });
    return run;
  };
  const std::vector<ReplicateSeries> baseline = sorted(runs.front());
  for (std::size_t s = 0; s < runs.size(); ++s) {
    const std::vector<ReplicateSeries> run = sorted(runs[s]);
    std::vector<std::vector<MetricCell>> by_week;
    std::vector<std::array<double, 6>> messages;
    for (const std::size_t week : weeks) {
      messages.push_back(message_statistics(single_messages(run, week)));
      std::vector<std::vector<double>> level(out.metrics.size()), difference(out.metrics.size());
      for (std::size_t r = 0; r < replicates; ++r) {
        const auto mine = metric_values(run[r], week, platforms[s], all);
        const auto base = metric_values(baseline[r], week, platforms.front(), all);
        for (std::size_t m = 0; m < mine.size(); ++m) {
          level[m].push_back(mine[m]);
          difference[m].push_back(mine[m] - base[m]);
        }
      }
      std::vector<MetricCell> cells;
      for (std::size_t m = 0; m < out.metrics.size(); ++m) {
        cells.push_back({band_of(level[m]), band_of(difference[m])});
      }
      by_week.push_back(cells);
    }
    out.cells.push_back(by_week);
    out.message_reach.push_back(messages);
  }
  out.ranking.resize(names.size());
  std::iota(out.ranking.begin(), out.ranking.end(), std::size_t{0});
  std::stable_sort(out.ranking.begin(), out.ranking.end(), [&](std::size_t a, std::size_t b) {
    return out.cells[a].back()[0].level.mean > out.cells[b].back()[0].level.mean;
  });
  return out;
}

}  // namespace sim::engine
