// `trek compare`: options to a comparison plan, the plan to engine::run_comparison (every scenario
// with the baseline's seed, replicates and weeks, into one HDF5 file), and the decision table
// printed: levels with 90% bands and paired differences to the baseline, as a table, CSV or JSON.

#include "sim/cli/compare_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/json.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/run_report.hpp"
#include "sim/cli/scenario_options.hpp"
#include "sim/engine/comparison_file.hpp"
#include "sim/engine/run_comparison.hpp"
#include "sim/util/clock.hpp"

namespace sim::cli {
namespace {

struct CompareOptions {
  CommonOptions common;
  ScenarioOptions scenario;
  std::vector<std::string> scenarios;
  std::string format = "table";
};

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
    std::printf("\nweek %zu (month %.0f)\n  %-22s", c.weeks[w], engine::month_of_week(c.weeks[w]),
                "scenario");
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

void compare(const CompareOptions& o) {
  const double start = util::now_seconds();
  const engine::ComparisonPlan plan =
      engine::plan_comparison({o.scenarios, scenario_overrides(o.scenario)});
  Progress progress("weeks", !o.common.quiet);
  const engine::Comparison c = engine::run_comparison(
      plan, o.scenario.output, {.replace = o.scenario.force, .inputs = {}}, provenance(), progress);
  const scenario::Scenario& first = plan.scenarios.front();
  if (o.format == "json") {
    std::cout << comparison_json(c, first) << '\n';
  } else if (o.format == "csv") {
    print_csv(c);
  } else {
    print_table(c, first);
  }
  char timing[160];
  std::snprintf(timing, sizeof timing, "wrote %s in %.1f s (%zu scenarios)",
                o.scenario.output.c_str(), util::seconds_since(start), plan.scenarios.size());
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
  add_scenario_options(*command, o->scenario, "the baseline's");
  command->add_option("--format", o->format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}));
  add_common_options(*command, o->common);
  command->callback([o] { compare(*o); });
}

}  // namespace sim::cli
