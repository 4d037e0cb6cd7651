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
  for (const auto& platform : platforms) {
    metrics.push_back({"impressions_" + platform,
                       "views on " + platform + " over a week of the real posting plan"});
  }
  metrics.push_back({"within_1h", "agents shown it within 1 hour (crisis reach)"});
  metrics.push_back({"within_24h", "agents shown it within 24 hours"});
  metrics.push_back(
      {"crisis_1h",
       "agents a crisis message reaches within 1 hour (notifications, relays, alerts)"});
  metrics.push_back({"opinion_makers", "media and politicians shown it"});
  metrics.push_back({"citizens", "citizens shown it"});
  metrics.push_back(
      {"toxic_exposure", "viewers who see toxic replies, summed over platforms", false});
  metrics.push_back({"engagements", "likes, replies and reshares, summed over platforms"});
  metrics.push_back({"followers", "active followers of the organisation, summed over platforms"});
  metrics.push_back(
      {"week_reach", "agents shown at least one message of a week of the real posting plan"});
  metrics.push_back({"week_impressions", "views over a week of the real posting plan"});
  metrics.push_back(
      {"reach_anchor",
       "of the agents shown a cross-posted message, the anchor platform's followers"});
  return metrics;
}

double crisis_within_1h(const ReplicateSeries& series, std::size_t week) {
  const reach::CrisisWeek* crisis = crisis_at(series, week);
  if (crisis == nullptr || crisis->messages.empty()) return 0.0;
  double sum = 0.0;
  for (const reach::CrisisReach& message : crisis->messages)
    sum += message.within[reach::crisis_index(1.0)];
  return sum / static_cast<double>(crisis->messages.size());
}

std::vector<double> metric_values(const ReplicateSeries& series, std::size_t week) {
  const model::WeekCounts& counts = series.weeks.at(week);
  std::vector<double> values;
  const reach::MessageReach none(counts.platforms);
  const reach::MessageReach& r = series.reach.empty() ? none : series.reach.at(week);
  values.push_back(r.unique);
  values.insert(values.end(), r.viewers.begin(), r.viewers.end());
  values.insert(values.end(), r.only_here.begin(), r.only_here.end());
  const reach::WeekPlanReach no_plan(counts.platforms);
  const reach::WeekPlanReach* found = plan_at(series, week);
  const reach::WeekPlanReach& plan = found == nullptr ? no_plan : *found;
  values.insert(values.end(), plan.impressions.begin(), plan.impressions.end());
  values.push_back(r.within[reach::crisis_index(1.0)]);
  values.push_back(r.within[reach::crisis_index(24.0)]);
  values.push_back(crisis_within_1h(series, week));
  values.push_back(r.unique_by_segment[1] + r.unique_by_segment[2]);
  values.push_back(r.unique_by_segment[0]);
  values.push_back(std::accumulate(r.toxic_exposure.begin(), r.toxic_exposure.end(), 0.0));
  values.push_back(std::accumulate(r.engagements.begin(), r.engagements.end(), 0.0));
  values.push_back(std::accumulate(counts.followers.begin(), counts.followers.end(), 0.0));
  values.push_back(plan.reached);
  values.push_back(std::accumulate(plan.impressions.begin(), plan.impressions.end(), 0.0));
  values.push_back(r.unique_anchor);
  return values;
}

bool is_crisis_metric(const std::string& name) {
  return name == "crisis_1h";
}

bool is_week_plan_metric(const std::string& name) {
  return name.starts_with("impressions_") || name == "week_reach" || name == "week_impressions";
}

std::size_t metric_index(const std::vector<MetricSpec>& metrics, const std::string& name) {
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    if (metrics[m].name == name) return m;
  }
  throw util::Error("no metric " + name);
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
  // Layout: one scalar, kPerPlatform blocks of one value per platform, then the other scalars.
  constexpr std::size_t kPerPlatform = 3;
  const std::size_t p = own.size(), all = platforms.size();
  static const std::size_t tail = comparison_metrics({}).size() - 1;
  if (mine.size() != 1 + kPerPlatform * p + tail) {
    throw util::Error("metric values do not match the platforms");
  }
  std::vector<double> aligned(1 + kPerPlatform * all + tail, 0.0);
  aligned[0] = mine[0];
  for (std::size_t k = 0; k < p; ++k) {
    const auto at = static_cast<std::size_t>(std::find(platforms.begin(), platforms.end(), own[k]) -
                                             platforms.begin());
    if (at == all) throw util::Error("platform " + own[k] + " is not in the comparison");
    for (std::size_t block = 0; block < kPerPlatform; ++block)
      aligned[1 + block * all + at] = mine[1 + block * p + k];
  }
  std::copy(mine.begin() + static_cast<std::ptrdiff_t>(1 + kPerPlatform * p), mine.end(),
            aligned.begin() + static_cast<std::ptrdiff_t>(1 + kPerPlatform * all));
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

/// Agents reached within 1 hour by every crisis message of every replicate at `week`.
std::vector<double> single_crises(const std::vector<ReplicateSeries>& run, std::size_t week) {
  std::vector<double> reached;
  for (const ReplicateSeries& replicate : run) {
    const reach::CrisisWeek* crisis = crisis_at(replicate, week);
    if (crisis == nullptr) continue;
    for (const reach::CrisisReach& message : crisis->messages)
      reached.push_back(message.within[reach::crisis_index(1.0)]);
  }
  return reached;
}

}  // namespace

namespace {

/// The cells of one scenario at one week from its values and the baseline's, world by world.
std::vector<MetricCell> cells_of(const std::vector<std::vector<double>>& mine,
                                 const std::vector<std::vector<double>>& base) {
  std::vector<MetricCell> cells;
  for (std::size_t m = 0; m < mine.size(); ++m) {
    std::vector<double> difference(mine[m].size());
    for (std::size_t r = 0; r < mine[m].size(); ++r)
      difference[r] = mine[m][r] - base[m][r];
    cells.push_back({band_of(mine[m]), band_of(difference), {}});
  }
  return cells;
}

/// values[scenario][metric][world] at the last report week, worlds' parameters in `p`.
Attribution attribute(const Comparison& c,
                      const std::vector<std::vector<std::vector<double>>>& values,
                      const WorldParameters& p) {
  Attribution a;
  a.parameters = p.names;
  const std::size_t worlds = c.worlds;
  std::vector<std::vector<double>> columns(p.names.size(), std::vector<double>(worlds));
  for (std::size_t r = 0; r < worlds; ++r) {
    for (std::size_t i = 0; i < p.names.size(); ++i)
      columns[i][r] = p.values.at(r).at(i);
  }
  a.first_order.resize(c.scenarios.size());
  a.parameter_share.resize(c.scenarios.size());
  for (const char* name : kDecisionMetrics) {
    a.metrics.emplace_back(name);
    const std::size_t m = metric_index(c.metrics, name);
    const double sign = c.metrics[m].higher_is_better ? 1.0 : -1.0;
    std::vector<std::vector<double>> options;
    for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
      std::vector<double> difference(worlds);
      const std::size_t reference = c.reference[s];
      for (std::size_t r = 0; r < worlds; ++r)
        difference[r] = values[s][m][r] - values[reference][m][r];
      std::vector<Band> shares;
      double total = 0.0;
      for (std::size_t i = 0; i < p.names.size(); ++i) {
        shares.push_back(s == reference
                             ? Band{}
                             : first_order_band(columns[i], difference, p.seed,
                                                c.scenarios[s] + "/" + name + "/" + p.names[i]));
        total += shares.back().mean;
      }
      a.first_order[s].push_back(shares);
      a.parameter_share[s].push_back(std::min(total, 1.0));
      if (!c.strategy[s] || reference != 0) continue;  // the choice in the worlds as given
      std::vector<double> option = values[s][m];
      for (double& v : option)
        v *= sign;
      options.push_back(std::move(option));
    }
    std::vector<double> gains;
    for (std::size_t i = 0; i < p.names.size(); ++i)
      gains.push_back(evppi(columns[i], options, p.seed, std::string(name) + "/" + p.names[i]));
    a.evppi.push_back(gains);
  }
  return a;
}

/// Each scenario's reference leads its own group: reference[reference[s]] = reference[s] <= s,
/// and a group's leader is a strategy.
void check_references(const std::vector<std::size_t>& reference,
                      const std::vector<bool>& strategy) {
  if (reference.size() != strategy.size() || reference.empty() || reference[0] != 0) {
    throw util::Error("one reference per scenario needed, the baseline its own");
  }
  for (std::size_t s = 0; s < reference.size(); ++s) {
    const std::size_t leader = reference[s];
    if (leader > s || reference[leader] != leader || !strategy[leader]) {
      throw util::Error("scenario " + std::to_string(s) + " has no valid reference");
    }
  }
}

/// The decisions of one group (its leader first) at every week and metric:
/// values[week][scenario][metric][world].
void decide_group(Comparison& out,
                  const std::vector<std::vector<std::vector<std::vector<double>>>>& values,
                  const std::vector<std::size_t>& group) {
  std::vector<bool> strategy;
  for (const std::size_t s : group)
    strategy.push_back(out.strategy[s]);
  for (std::size_t w = 0; w < out.weeks.size(); ++w) {
    for (std::size_t m = 0; m < out.metrics.size(); ++m) {
      std::vector<std::vector<double>> by_scenario;
      for (const std::size_t s : group)
        by_scenario.push_back(values[w][s][m]);
      const auto decisions = decide(by_scenario, strategy, out.metrics[m].higher_is_better);
      for (std::size_t i = 0; i < group.size(); ++i)
        out.cells[group[i]][w][m].decision = decisions[i];
    }
  }
}

/// The group's strategies by tier, then mean reach per message, at the last report week.
std::vector<std::size_t> ranking_of(const Comparison& out, const std::vector<std::size_t>& group) {
  std::vector<std::size_t> ranking;
  for (const std::size_t s : group) {
    if (out.strategy[s]) ranking.push_back(s);
  }
  std::stable_sort(ranking.begin(), ranking.end(), [&](std::size_t a, std::size_t b) {
    const MetricCell& x = out.cells[a].back()[0];
    const MetricCell& y = out.cells[b].back()[0];
    if (x.decision.tier != y.decision.tier) return x.decision.tier < y.decision.tier;
    return x.level.mean > y.level.mean;
  });
  return ranking;
}

}  // namespace

Comparison compare(const std::vector<std::string>& names,
                   const std::vector<std::vector<ReplicateSeries>>& runs,
                   const std::vector<std::vector<std::string>>& platforms,
                   const std::vector<std::size_t>& weeks, std::vector<bool> strategy,
                   const WorldParameters* parameters, std::vector<std::size_t> reference) {
  Comparison out;
  out.scenarios = names;
  out.weeks = weeks;
  if (strategy.empty()) strategy.assign(runs.size(), true);
  if (platforms.size() != runs.size() || strategy.size() != runs.size()) {
    throw util::Error("one platform list and kind per scenario needed");
  }
  out.strategy = strategy;
  if (reference.empty()) reference.assign(runs.size(), 0);
  check_references(reference, strategy);
  out.reference = reference;
  const std::vector<std::string> all = platform_union(platforms);
  out.metrics = comparison_metrics(all);
  const std::size_t replicates = runs.front().size();
  for (const auto& run : runs) {
    if (run.size() != replicates) throw util::Error("scenarios differ in replicate count");
  }
  out.worlds = replicates;
  auto sorted = [](std::vector<ReplicateSeries> run) {
    std::sort(run.begin(), run.end(),
              [](const auto& a, const auto& b) { return a.replicate < b.replicate; });
    return run;
  };
  std::vector<std::vector<ReplicateSeries>> ordered;
  for (const auto& run : runs)
    ordered.push_back(sorted(run));
  // values[week][scenario][metric][replicate]
  std::vector<std::vector<std::vector<std::vector<double>>>> values(weeks.size());
  for (std::size_t w = 0; w < weeks.size(); ++w) {
    for (std::size_t s = 0; s < runs.size(); ++s) {
      std::vector<std::vector<double>> by_metric(out.metrics.size());
      for (const ReplicateSeries& replicate : ordered[s]) {
        const auto row = metric_values(replicate, weeks[w], platforms[s], all);
        for (std::size_t m = 0; m < row.size(); ++m)
          by_metric[m].push_back(row[m]);
      }
      values[w].push_back(std::move(by_metric));
    }
  }
  out.cells.assign(runs.size(), std::vector<std::vector<MetricCell>>(weeks.size()));
  for (std::size_t s = 0; s < runs.size(); ++s) {
    std::vector<std::array<double, 6>> messages, crises;
    for (std::size_t w = 0; w < weeks.size(); ++w) {
      messages.push_back(message_statistics(single_messages(ordered[s], weeks[w])));
      crises.push_back(message_statistics(single_crises(ordered[s], weeks[w])));
      out.cells[s][w] = cells_of(values[w][s], values[w][reference[s]]);
    }
    out.message_reach.push_back(messages);
    out.crisis_within_1h.push_back(crises);
  }
  for (std::size_t leader = 0; leader < runs.size(); ++leader) {
    if (reference[leader] != leader) continue;
    std::vector<std::size_t> group;
    for (std::size_t s = 0; s < runs.size(); ++s) {
      if (reference[s] == leader) group.push_back(s);
    }
    decide_group(out, values, group);
    if (leader == 0) {
      out.ranking = ranking_of(out, group);
    } else {
      out.crossed_rankings.push_back(ranking_of(out, group));
    }
  }
  if (parameters != nullptr && !parameters->names.empty() && !weeks.empty()) {
    out.attribution = attribute(out, values.back(), *parameters);
  }
  return out;
}

}  // namespace sim::engine
