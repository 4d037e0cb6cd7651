// Writes the /comparison group as flat row-major arrays, and checks a comparison file the way
// its readers use it: format version first, then every dataset's type and shape against the
// scenario, week and metric counts it declares, then each scenario's run layout.

#include "sim/engine/comparison_file.hpp"

#include "sim/engine/results_reader.hpp"
#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

/// /comparison/NAME [scenario][week][statistic]: statistics of single messages.
void write_message_statistics(hid_t group, const Comparison& c, const char* name,
                              const std::vector<std::vector<std::array<double, 6>>>& table,
                              const char* description) {
  const io::Dims dims{c.scenarios.size(), c.weeks.size(), kMessageStatistics.size()};
  std::vector<double> values;
  for (const auto& by_week : table) {
    for (const auto& statistics : by_week)
      values.insert(values.end(), statistics.begin(), statistics.end());
  }
  const io::Handle data = io::create_array<double>(group, name, dims, dims);
  io::write_block(data.get(), io::Dims{0, 0, 0}, dims, values.data());
  io::write_attribute(data.get(), "dimensions", "scenario,week,statistic");
  io::write_attribute(data.get(), "unit", "agents");
  std::string statistics;
  for (const char* statistic : kMessageStatistics)
    statistics += (statistics.empty() ? "" : ",") + std::string(statistic);
  io::write_attribute(data.get(), "statistics", statistics);
  io::write_attribute(data.get(), "description", description);
}

/// /comparison/message_reach: reach of single messages; /comparison/crisis_within_1h: agents
/// single crisis messages reach within 1 hour.
void write_message_reach(hid_t group, const Comparison& c) {
  write_message_statistics(
      group, c, "message_reach", c.message_reach,
      "unique reach of single messages across every message of every replicate");
  if (c.crisis_within_1h.size() != c.scenarios.size()) return;
  write_message_statistics(
      group, c, "crisis_within_1h", c.crisis_within_1h,
      "agents single crisis messages reach within 1 hour, across every crisis message of every "
      "replicate (zero at weeks without crisis messages)");
}

/// level and difference [scenario][week][metric][mean, p05, p95].
void write_cells(hid_t group, const Comparison& c) {
  const io::Dims dims{c.scenarios.size(), c.weeks.size(), c.metrics.size(), 3};
  std::vector<double> level, difference;
  for (const auto& by_week : c.cells) {
    for (const auto& cells : by_week) {
      for (const auto& cell : cells) {
        level.insert(level.end(), {cell.level.mean, cell.level.low, cell.level.high});
        difference.insert(difference.end(),
                          {cell.difference.mean, cell.difference.low, cell.difference.high});
      }
    }
  }
  for (const auto& [name, values] : {std::pair{"level", &level}, {"difference", &difference}}) {
    if (c.scenarios.size() == 1 && values == &difference) continue;  // a run alone: no baseline
    const io::Handle data = io::create_array<double>(group, name, dims, dims);
    io::write_block(data.get(), io::Dims{0, 0, 0, 0}, dims, values->data());
    io::write_attribute(data.get(), "dimensions", "scenario,week,metric,statistic");
  }
}

}  // namespace

namespace {

/// What /comparison and a run's /summary share: names, metrics, weeks, months, levels and the
/// reach of single messages.
void write_table(hid_t group, const Comparison& c) {
  io::write_attribute(group, "bands", "mean, 5% quantile, 95% quantile across replicates");
  io::write_strings(group, "scenarios", c.scenarios);
  std::vector<std::string> metrics;
  for (const auto& m : c.metrics)
    metrics.push_back(m.name);
  io::write_strings(group, "metrics", metrics);
  const std::vector<std::uint32_t> weeks(c.weeks.begin(), c.weeks.end());
  io::write_vector<std::uint32_t>(group, "weeks", weeks);
  std::vector<double> months;
  for (const std::size_t week : c.weeks)
    months.push_back(month_of_week(week));
  io::write_vector<double>(group, "months", months);
  write_cells(group, c);
  write_message_reach(group, c);
}

/// decision [S][K][M][6] (kDecisionStatistics), verdict [S][K][M] uint8, tier [S][K][M] uint32,
/// kinds [S].
void write_decisions(hid_t group, const Comparison& c) {
  const io::Dims cells{c.scenarios.size(), c.weeks.size(), c.metrics.size()};
  std::vector<double> decision;
  std::vector<std::uint8_t> verdict;
  std::vector<std::uint32_t> tier;
  for (const auto& by_week : c.cells) {
    for (const auto& row : by_week) {
      for (const MetricCell& cell : row) {
        const Decision& d = cell.decision;
        decision.insert(decision.end(), {d.difference_pct.mean, d.difference_pct.low,
                                         d.difference_pct.high, d.p_better, d.p_best, d.regret});
        verdict.push_back(static_cast<std::uint8_t>(static_cast<int>(d.verdict) + 1));
        tier.push_back(d.tier);
      }
    }
  }
  io::Dims dims = cells;
  dims.push_back(kDecisionStatistics.size());
  const io::Handle data = io::create_array<double>(group, "decision", dims, dims);
  io::write_block(data.get(), io::Dims{0, 0, 0, 0}, dims, decision.data());
  io::write_attribute(data.get(), "dimensions", "scenario,week,metric,statistic");
  std::string names;
  for (const char* name : kDecisionStatistics)
    names += (names.empty() ? "" : ",") + std::string(name);
  io::write_attribute(data.get(), "statistics", names);
  const io::Handle verdicts = io::create_array<std::uint8_t>(group, "verdict", cells, cells);
  io::write_block(verdicts.get(), io::Dims{0, 0, 0}, cells, verdict.data());
  io::write_attribute(verdicts.get(), "encoding",
                      "0: worse, 1: no clear difference, 2: better, 3: the baseline");
  const io::Handle tiers = io::create_array<std::uint32_t>(group, "tier", cells, cells);
  io::write_block(tiers.get(), io::Dims{0, 0, 0}, cells, tier.data());
  io::write_attribute(tiers.get(), "meaning", "1: the best tier; 0: a what-if (not ranked)");
  std::vector<std::string> kinds;
  for (const bool strategy : c.strategy)
    kinds.emplace_back(strategy ? "strategy" : "what-if");
  io::write_strings(group, "kinds", kinds);
}

/// reference [S] (the scenario each is compared with), and with crossed what-ifs
/// crossed_ranking [G][strategies] (each crossed group's ranking, as `ranking`).
void write_crossing(hid_t group, const Comparison& c) {
  const std::vector<std::uint64_t> reference(c.reference.begin(), c.reference.end());
  io::write_vector<std::uint64_t>(group, "reference", reference);
  if (c.crossed_rankings.empty()) return;
  std::vector<std::uint64_t> ranked;
  for (const auto& ranking : c.crossed_rankings)
    ranked.insert(ranked.end(), ranking.begin(), ranking.end());
  const io::Dims dims{c.crossed_rankings.size(), c.crossed_rankings.front().size()};
  const io::Handle data = io::create_array<std::uint64_t>(group, "crossed_ranking", dims, dims);
  io::write_block(data.get(), io::Dims{0, 0}, dims, ranked.data());
  io::write_attribute(data.get(), "dimensions", "crossed group,rank");
}

}  // namespace

/// /comparison/attribution (comparison.hpp, Attribution); absent without uncertain parameters.
void write_attribution(hid_t comparison, const Comparison& c) {
  const Attribution& a = c.attribution;
  if (a.parameters.empty()) return;
  const io::Handle group = io::create_group(comparison, "attribution");
  io::write_attribute(group.get(), "week", std::uint64_t{c.weeks.back()});
  io::write_strings(group.get(), "parameters", a.parameters);
  io::write_strings(group.get(), "metrics", a.metrics);
  const std::size_t s = c.scenarios.size(), m = a.metrics.size(), u = a.parameters.size();
  std::vector<double> first, share, value;
  for (std::size_t i = 0; i < s; ++i) {
    for (std::size_t k = 0; k < m; ++k) {
      share.push_back(a.parameter_share[i][k]);
      for (const Band& b : a.first_order[i][k])
        first.insert(first.end(), {b.mean, b.low, b.high});
    }
  }
  for (const auto& row : a.evppi)
    value.insert(value.end(), row.begin(), row.end());
  const auto write = [&](const char* name, const io::Dims& dims, const std::vector<double>& v,
                         const char* dimensions) {
    const io::Handle data = io::create_array<double>(group.get(), name, dims, dims);
    io::write_block(data.get(), io::Dims(dims.size(), 0), dims, v.data());
    io::write_attribute(data.get(), "dimensions", dimensions);
  };
  write("first_order", {s, m, u, 3}, first, "scenario,metric,parameter,[share,p05,p95]");
  write("parameter_share", {s, m}, share, "scenario,metric");
  write("evppi", {m, u}, value, "metric,parameter");
}

void write_comparison(hid_t file, const Comparison& c) {
  const io::Handle group = io::create_group(file, "comparison");
  io::write_attribute(group.get(), "baseline", c.scenarios.front());
  write_table(group.get(), c);
  write_decisions(group.get(), c);
  write_attribution(group.get(), c);
  const std::vector<std::uint64_t> ranking(c.ranking.begin(), c.ranking.end());
  io::write_vector<std::uint64_t>(group.get(), "ranking", ranking);
  write_crossing(group.get(), c);
}

void write_run_summary(hid_t run, const Comparison& c) {
  const io::Handle group = io::create_group(run, "summary");
  write_table(group.get(), c);
}

namespace {

/// The datasets write_table() writes, each checked for type and shape; returns the scenario
/// count.
hsize_t check_table(hid_t group, bool differences) {
  const io::Dims count = io::require_dataset(group, "scenarios", H5T_STRING, 1);
  const io::Dims weeks = io::require_dataset(group, "weeks", H5T_INTEGER, 1);
  const io::Dims metrics = io::require_dataset(group, "metrics", H5T_STRING, 1);
  if (count[0] == 0) throw util::InputError({.key = "scenarios"}, "is empty");
  io::require_dataset(group, "months", H5T_FLOAT, weeks);
  io::require_dataset(group, "message_reach", H5T_FLOAT,
                      io::Dims{count[0], weeks[0], kMessageStatistics.size()});
  if (io::has_link(group, "crisis_within_1h")) {
    io::require_dataset(group, "crisis_within_1h", H5T_FLOAT,
                        io::Dims{count[0], weeks[0], kMessageStatistics.size()});
  }
  const io::Dims cells{count[0], weeks[0], metrics[0], 3};
  io::require_dataset(group, "level", H5T_FLOAT, cells);
  if (differences) io::require_dataset(group, "difference", H5T_FLOAT, cells);
  return count[0];
}

}  // namespace

void check_run_summary(hid_t run) {
  const io::Handle group = io::open_group(run, "summary");
  if (check_table(group.get(), false) != 1) {
    throw util::InputError({.key = "summary/scenarios"}, "a run's summary holds one scenario");
  }
}

void check_comparison_file(const std::string& path, hid_t file) {
  io::check_format(path, file, kComparisonFormat, kComparisonVersion, "comparison");
  const io::Handle group = io::open_group(file, "comparison");
  const hsize_t count = check_table(group.get(), true);
  const io::Dims weeks = io::require_dataset(group.get(), "weeks", H5T_INTEGER, 1);
  const io::Dims metrics = io::require_dataset(group.get(), "metrics", H5T_STRING, 1);
  const io::Dims cells{count, weeks[0], metrics[0]};
  io::require_dataset(group.get(), "decision", H5T_FLOAT,
                      io::Dims{count, weeks[0], metrics[0], kDecisionStatistics.size()});
  io::require_dataset(group.get(), "verdict", H5T_INTEGER, cells);
  io::require_dataset(group.get(), "tier", H5T_INTEGER, cells);
  io::require_dataset(group.get(), "kinds", H5T_STRING, io::Dims{count});
  const io::Dims ranked = io::require_dataset(group.get(), "ranking", H5T_INTEGER, 1);
  if (ranked[0] > count) throw util::InputError({.key = "comparison/ranking"}, "too long");
  const auto scenarios = io::read_strings(group.get(), "scenarios");
  for (const std::uint64_t i : io::read_vector<std::uint64_t>(group.get(), "ranking")) {
    if (i >= scenarios.size()) throw util::InputError({.key = "comparison/ranking"}, "bad index");
  }
  io::require_dataset(group.get(), "reference", H5T_INTEGER, io::Dims{count});
  std::uint64_t s = 0;
  for (const std::uint64_t r : io::read_vector<std::uint64_t>(group.get(), "reference")) {
    if (r > s++) throw util::InputError({.key = "comparison/reference"}, "bad index");
  }
  const io::Handle runs = io::open_group(file, "scenarios");
  for (const std::string& name : scenarios) {
    if (!io::has_link(runs.get(), name)) {
      throw util::InputError({.key = "scenarios/" + name}, "missing");
    }
    check_results_layout(path, io::open_group(runs.get(), name).get());
  }
}

ComparisonIndex read_comparison_index(hid_t file) {
  const io::Handle group = io::open_group(file, "comparison");
  return {io::read_strings(group.get(), "scenarios"),
          io::read_vector<std::uint32_t>(group.get(), "weeks"),
          io::read_vector<std::uint64_t>(group.get(), "ranking")};
}

}  // namespace sim::engine
