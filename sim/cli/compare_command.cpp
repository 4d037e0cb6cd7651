// `trek compare`: options to a comparison plan, the plan to engine::run_comparison (every scenario
// with the baseline's seed, replicates and weeks, into one HDF5 file), and the decision table
// printed: levels with 90% bands and paired differences to the baseline, as a table, CSV or JSON.

#include "sim/cli/compare_command.hpp"

#include <cstdio>
#include <iostream>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/comparison_report.hpp"
#include "sim/cli/comparison_summary.hpp"
#include "sim/cli/progress.hpp"
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
  bool cross_what_ifs = false;
  bool wide = false;
};

void compare(const CompareOptions& o) {
  const double start = util::now_seconds();
  const engine::ComparisonPlan plan =
      engine::plan_comparison({o.scenarios, scenario_overrides(o.scenario), o.cross_what_ifs});
  Progress progress("weeks", !o.common.quiet);
  const engine::Comparison c = engine::run_comparison(
      plan, o.scenario.output, {.replace = o.scenario.force, .inputs = {}}, provenance(), progress);
  const scenario::Scenario& first = plan.scenarios.front();
  if (o.format == "json") {
    std::cout << comparison_json(c, first) << '\n';
  } else if (o.format == "csv") {
    print_csv(c);
  } else if (o.wide) {
    print_table(c, first);
  } else {
    std::vector<std::string> labels;
    for (const scenario::Scenario& s : plan.scenarios)
      labels.push_back(s.name.empty() ? "(unnamed)" : s.name);
    print_summary(c, first, labels);
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
  command->add_flag(
      "--wide", o->wide,
      "Print the full table (every metric and report week, platforms, the week "
      "plan, single messages, verdicts and drivers) instead of the 80-column summary");
  command->add_flag("--cross-what-ifs", o->cross_what_ifs,
                    "Also run every strategy under every what-if, decided and ranked apart");
  add_common_options(*command, o->common);
  command->callback([o] { compare(*o); });
}

}  // namespace sim::cli
