// `trek compare`: runs every scenario with the same seed, replicates and weeks (so replicate r of
// each draws the same random numbers), writes each run and the comparison into one HDF5 file, and
// prints the decision table: levels with 90% bands and paired differences to the baseline.

#include "sim/cli/compare_command.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include "sim/cli/common.hpp"
#include "sim/cli/json.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/run_recorder.hpp"
#include "sim/cli/run_report.hpp"
#include "sim/engine/comparison.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"
#include "sim/version.hpp"

namespace sim::cli {
namespace {

struct CompareOptions {
  CommonOptions common;
  std::vector<std::string> scenarios;
  std::string output;
  std::optional<std::uint64_t> replicates, seed, weeks;
  std::vector<std::string> overrides;
  std::string format = "table";
  bool force = false;
};

/// The baseline: the one scenario with `baseline = true`, else the first file. Moved to the front.
void baseline_first(std::vector<std::string>& paths, const std::vector<std::string>& overrides) {
  std::vector<std::size_t> marked;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (scenario::read_scenario(paths[i], overrides).baseline) marked.push_back(i);
  }
  if (marked.size() > 1) {
    throw util::InputError(
        {paths[marked[1]], 0, "baseline"},
        "two scenarios are marked as the baseline (also " + paths[marked[0]] + ")");
  }
  if (!marked.empty())
    std::rotate(paths.begin(), paths.begin() + static_cast<std::ptrdiff_t>(marked[0]),
                paths.begin() + static_cast<std::ptrdiff_t>(marked[0]) + 1);
}

/// Reads every scenario with the shared simulation values of the baseline unless the command
/// line sets them, so that all share their random numbers.
std::vector<scenario::Scenario> read_all(const CompareOptions& o) {
  const scenario::Scenario baseline = scenario::read_scenario(o.scenarios.front(), o.overrides);
  std::vector<std::string> shared = o.overrides;
  shared.push_back("simulation.seed=" + std::to_string(o.seed.value_or(baseline.seed)));
  shared.push_back("simulation.replicates=" +
                   std::to_string(o.replicates.value_or(baseline.replicates)));
  shared.push_back("simulation.weeks=" + std::to_string(o.weeks.value_or(baseline.weeks)));
  std::vector<scenario::Scenario> all;
  for (const std::string& path : o.scenarios)
    all.push_back(scenario::read_scenario(path, shared));
  return all;
}

/// Group names: the file stems, made unique.
std::vector<std::string> group_names(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  for (const auto& path : paths) {
    std::string name = std::filesystem::path(path).stem().string();
    while (std::find(names.begin(), names.end(), name) != names.end())
      name += "_";
    names.push_back(name);
  }
  return names;
}

/// /comparison/message_reach [scenario][week][statistic]: reach of single messages.
void write_message_reach(hid_t group, const engine::Comparison& c) {
  const io::Dims dims{c.scenarios.size(), c.weeks.size(), engine::kMessageStatistics.size()};
  std::vector<double> values;
  for (const auto& by_week : c.message_reach) {
    for (const auto& statistics : by_week)
      values.insert(values.end(), statistics.begin(), statistics.end());
  }
  const io::Handle data = io::create_array<double>(group, "message_reach", dims, dims);
  io::write_block(data.get(), io::Dims{0, 0, 0}, dims, values.data());
  io::write_attribute(data.get(), "dimensions", "scenario,week,statistic");
  io::write_attribute(data.get(), "unit", "agents");
  std::string statistics;
  for (const char* name : engine::kMessageStatistics)
    statistics += (statistics.empty() ? "" : ",") + std::string(name);
  io::write_attribute(data.get(), "statistics", statistics);
  io::write_attribute(data.get(), "description",
                      "unique reach of single messages across every message of every replicate");
}

void write_comparison(hid_t file, const engine::Comparison& c) {
  const io::Handle group = io::create_group(file, "comparison");
  io::write_attribute(group.get(), "baseline", c.scenarios.front());
  io::write_attribute(group.get(), "bands", "mean, 5% quantile, 95% quantile across replicates");
  io::write_strings(group.get(), "scenarios", c.scenarios);
  std::vector<std::string> metrics;
  for (const auto& m : c.metrics)
    metrics.push_back(m.name);
  io::write_strings(group.get(), "metrics", metrics);
  std::vector<std::uint32_t> weeks(c.weeks.begin(), c.weeks.end());
  io::write_vector<std::uint32_t>(group.get(), "weeks", weeks);
  std::vector<std::uint64_t> ranking(c.ranking.begin(), c.ranking.end());
  io::write_vector<std::uint64_t>(group.get(), "ranking", ranking);
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
    const io::Handle data = io::create_array<double>(group.get(), name, dims, dims);
    io::write_block(data.get(), io::Dims{0, 0, 0, 0}, dims, values->data());
    io::write_attribute(data.get(), "dimensions", "scenario,week,metric,statistic");
  }
  write_message_reach(group.get(), c);
}

std::size_t metric_index(const engine::Comparison& c, const std::string& name) {
  for (std::size_t m = 0; m < c.metrics.size(); ++m) {
    if (c.metrics[m].name == name) return m;
  }
  return 0;
}

/// The spread of single messages at the last report week: what one post may achieve.
void print_message_reach(const engine::Comparison& c) {
  std::printf(
      "\nreach of single messages at week %zu (agents; across messages and replicates)\n"
      "  %-22s %9s %9s %9s %9s %9s %9s\n",
      c.weeks.back(), "scenario", "mean", "5%", "25%", "median", "75%", "95%");
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    std::printf("  %-22s", c.scenarios[i].c_str());
    for (const double value : c.message_reach[i].back())
      std::printf(" %9.0f", value);
    std::printf("\n");
  }
}

void print_table(const engine::Comparison& c, const scenario::Scenario& s) {
  std::printf(
      "common random numbers: seed %llu, %u replicates, %u weeks; mean [90%% band];\n"
      "differences are paired with the baseline '%s', replicate by replicate\n",
      static_cast<unsigned long long>(s.seed), s.replicates, s.weeks, c.scenarios.front().c_str());
  const std::vector<std::string> shown{"reach_per_message", "within_1h",      "within_24h",
                                       "opinion_makers",    "toxic_exposure", "engagements"};
  for (std::size_t w = 0; w < c.weeks.size(); ++w) {
    std::printf("\nweek %zu (month %.0f)\n  %-22s", c.weeks[w],
                static_cast<double>(c.weeks[w]) * 12.0 / 52.0, "scenario");
    for (const auto& name : shown)
      std::printf(" %-21s", name.c_str());
    std::printf(" %s\n", "reach vs baseline");
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
      std::printf("  %-22s", c.scenarios[i].c_str());
      for (const auto& name : shown) {
        std::printf(" %-21s", band_text(c.cells[i][w][metric_index(c, name)].level).c_str());
      }
      std::printf(" %s\n",
                  i == 0 ? "(baseline)" : band_text(c.cells[i][w][0].difference, true).c_str());
    }
  }
  std::printf(
      "\nreach per message by platform / reached there alone (the platform's gain), "
      "week %zu (mean)\n  %-22s",
      c.weeks.back(), "scenario");
  std::vector<std::size_t> platform_metrics;
  for (std::size_t m = 1; m < c.metrics.size() && c.metrics[m].name.rfind("reach_", 0) == 0; ++m) {
    platform_metrics.push_back(m);
    std::printf(" %12s", c.metrics[m].name.substr(6).c_str());
  }
  std::printf("\n");
  const std::size_t platforms = platform_metrics.size();
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    std::printf("  %-22s", c.scenarios[i].c_str());
    for (const std::size_t m : platform_metrics) {
      char cell[32];
      std::snprintf(cell, sizeof cell, "%.0f/%.0f", c.cells[i].back()[m].level.mean,
                    c.cells[i].back()[m + platforms].level.mean);
      std::printf(" %12s", cell);
    }
    std::printf("\n");
  }
  print_message_reach(c);
  std::printf("\nranking by reach per message at week %zu:", c.weeks.back());
  for (std::size_t r = 0; r < c.ranking.size(); ++r) {
    std::printf("%s %s", r == 0 ? "" : " >", c.scenarios[c.ranking[r]].c_str());
  }
  std::printf("\n");
  std::fflush(stdout);
}

void print_csv(const engine::Comparison& c) {
  std::printf("scenario,week,metric,mean,p05,p95,diff_mean,diff_p05,diff_p95\n");
  for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
    for (std::size_t w = 0; w < c.weeks.size(); ++w) {
      for (std::size_t m = 0; m < c.metrics.size(); ++m) {
        const auto& cell = c.cells[i][w][m];
        std::printf("%s,%zu,%s,%.6g,%.6g,%.6g,%.6g,%.6g,%.6g\n", c.scenarios[i].c_str(), c.weeks[w],
                    c.metrics[m].name.c_str(), cell.level.mean, cell.level.low, cell.level.high,
                    cell.difference.mean, cell.difference.low, cell.difference.high);
      }
    }
  }
}

std::string comparison_json(const engine::Comparison& c, const scenario::Scenario& s) {
  JsonObject weeks;
  for (std::size_t w = 0; w < c.weeks.size(); ++w) {
    JsonObject scenarios;
    for (std::size_t i = 0; i < c.scenarios.size(); ++i) {
      JsonObject metrics;
      for (std::size_t m = 0; m < c.metrics.size(); ++m) {
        const auto& cell = c.cells[i][w][m];
        JsonObject entry;
        entry.add("mean", cell.level.mean).add("p05", cell.level.low).add("p95", cell.level.high);
        entry.add("diff_mean", cell.difference.mean).add("diff_p05", cell.difference.low);
        entry.add("diff_p95", cell.difference.high);
        metrics.add_object(c.metrics[m].name, entry);
      }
      JsonObject single;
      for (std::size_t k = 0; k < engine::kMessageStatistics.size(); ++k)
        single.add(engine::kMessageStatistics[k], c.message_reach[i][w][k]);
      metrics.add_object("single_message_reach", single);
      scenarios.add_object(c.scenarios[i], metrics);
    }
    weeks.add_object(std::to_string(c.weeks[w]), scenarios);
  }
  std::string ranking;
  for (const std::size_t i : c.ranking)
    ranking += (ranking.empty() ? "" : ",") + c.scenarios[i];
  JsonObject out;
  out.add("baseline", c.scenarios.front()).add("seed", s.seed);
  out.add("replicates", std::uint64_t{s.replicates}).add("weeks", std::uint64_t{s.weeks});
  out.add("ranking_by_reach", ranking).add_object("by_week", weeks);
  return out.str();
}

void compare(CompareOptions o) {
  const ThreadLimit threads(o.common.threads);
  baseline_first(o.scenarios, o.overrides);
  const std::vector<scenario::Scenario> scenarios = read_all(o);
  io::OutputPolicy policy{.replace = o.force, .inputs = {}};
  for (const auto& s : scenarios) {
    for (std::string& input : engine::input_files(s))
      policy.inputs.push_back(std::move(input));
  }
  io::check_output(o.output, policy);
  std::map<std::string, graph::Graph> graphs;  // scenarios sharing a population share the graph
  for (const auto& s : scenarios) {
    const std::string source = engine::resolve_graph_source(s);
    if (!graphs.contains(source)) graphs.emplace(source, engine::load_population(s));
  }
  const std::vector<std::string> names = group_names(o.scenarios);
  std::vector<std::vector<engine::ReplicateSeries>> runs;
  std::optional<engine::Comparison> result;
  const double start = now_seconds();
  const scenario::Scenario& first = scenarios.front();
  io::write_atomically(
      o.output,
      [&](const std::string& temporary) {
        io::Handle file = io::create_file(temporary);
        io::write_attribute(file.get(), "format", engine::kComparisonFormat);
        io::write_attribute(file.get(), "version", engine::kComparisonVersion);
        io::write_attribute(file.get(), "creator", creator());
        io::write_attribute(file.get(), "command_line", command_line());
        {
          const io::Handle group = io::create_group(file.get(), "scenarios");
          Progress progress(std::uint64_t{first.weeks} * first.replicates * scenarios.size(),
                            "weeks", !o.common.quiet);
          for (std::size_t i = 0; i < scenarios.size(); ++i) {
            const auto& s = scenarios[i];
            const graph::Graph& graph = graphs.at(engine::resolve_graph_source(s));
            engine::ResultsFile results(group.get(), names[i], s, graph,
                                        {creator(), command_line()});
            RunRecorder collector(results, progress);
            engine::run_scenario(s, graph, collector);
            results.finish({seconds_since(start), active_threads(), utc_now()});
            runs.push_back(collector.take());
          }
          progress.finish();
        }
        std::vector<std::vector<std::string>> platforms;
        for (const auto& s : scenarios)
          platforms.push_back(s.platform_names());
        result = engine::compare(names, runs, platforms, report_weeks(first.weeks));
        write_comparison(file.get(), *result);
        io::close_file(file);
      },
      policy);
  const engine::Comparison& c = *result;
  if (o.format == "json") {
    std::cout << comparison_json(c, first) << '\n';
  } else if (o.format == "csv") {
    print_csv(c);
  } else {
    print_table(c, first);
  }
  char timing[160];
  std::snprintf(timing, sizeof timing, "wrote %s in %.1f s (%zu scenarios)", o.output.c_str(),
                seconds_since(start), scenarios.size());
  inform(o.common, timing);
}

}  // namespace

void register_compare_command(CLI::App& app) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* command = app.add_subcommand(
      "compare", "Run scenarios with common random numbers and compare them with the first");
  command
      ->add_option("scenarios", o->scenarios,
                   "Scenario files; the baseline is the one with baseline = true, else the first")
      ->required();
  command->add_option("-o,--output", o->output, "Results file (HDF5)")->required();
  command->add_option("--replicates", o->replicates, "Replicates (default: the baseline's)")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--seed", o->seed, "Master seed shared by all (default: the baseline's)")
      ->check(seed_digits());
  command->add_option("--weeks", o->weeks, "Weeks (default: the baseline's)")
      ->check(CLI::Range(1, 5200));
  command->add_option("--set", o->overrides, "Override a value in every scenario: key=value");
  command->add_option("--format", o->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  command->add_flag("--force", o->force, "Replace an existing output file");
  add_common_options(*command, o->common);
  command->callback([o] { compare(*o); });  // a copy: the baseline moves to the front
}

}  // namespace sim::cli
