// `trek run` and `trek validate`: command-line options become scenario overrides, so that every
// value, wherever it comes from, passes the same validation and lands in the resolved scenario
// stored with the results.

#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/run_report.hpp"
#include "sim/cli/scenario_options.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/record_run.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/scenario/priors_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/clock.hpp"

namespace sim::cli {
namespace {

struct RunOptions {
  CommonOptions common;
  ScenarioOptions scenario;
  std::string file;
  std::optional<std::uint64_t> snapshot_every;
};

void run(const RunOptions& o) {
  std::vector<std::string> overrides = scenario_overrides(o.scenario);
  if (o.snapshot_every) {
    overrides.push_back("output.snapshot_every=" + std::to_string(*o.snapshot_every));
  }
  const scenario::Scenario s = scenario::read_scenario(o.file, overrides);
  const io::OutputPolicy policy{.replace = o.scenario.force, .inputs = engine::input_files(s)};
  const std::string& output = o.scenario.output;
  io::check_output(output, policy);
  const graph::Graph graph = engine::load_population(s);
  inform(o.common, "trek run: " + s.name + ", " + std::to_string(graph.node_count()) + " agents, " +
                       std::to_string(s.weeks) + " weeks, " + std::to_string(s.replicates) +
                       " replicates");
  const double start = util::now_seconds();
  std::vector<engine::ReplicateSeries> series;
  Progress progress("weeks", !o.common.quiet);
  progress.begin(std::uint64_t{s.weeks} * s.replicates);
  io::write_atomically(
      output,
      [&](const std::string& temporary) {
        engine::ResultsFile file(temporary, s, graph, provenance());
        series = engine::record_run(s, graph, file, progress);
      },
      policy);
  progress.end();
  const double seconds = util::seconds_since(start);
  if (!o.common.quiet) print_run_summary(engine::table_of(s.platform_names(), std::move(series)));
  char timing[160];
  std::snprintf(timing, sizeof timing, "wrote %s in %.2f s (%.2f ms per replicate-week)",
                output.c_str(), seconds,
                1000.0 * seconds / static_cast<double>(std::uint64_t{s.weeks} * s.replicates));
  inform(o.common, timing);
}

struct ValidateOptions {
  CommonOptions common;
  std::vector<std::string> scenarios;
  std::vector<std::string> overrides;
  std::string priors;
};

void validate(const ValidateOptions& o) {
  std::vector<std::string> overrides;
  if (!o.priors.empty()) overrides = scenario::priors_overrides(o.priors);
  overrides.insert(overrides.end(), o.overrides.begin(), o.overrides.end());
  for (const std::string& path : o.scenarios) {
    const scenario::Scenario s = scenario::read_scenario(path, overrides);
    engine::check_population_source(s);
    if (o.common.quiet) continue;
    const auto late = std::count_if(s.events.begin(), s.events.end(),
                                    [&](const scenario::Event& e) { return e.week >= s.weeks; });
    const std::string note =
        late == 0 ? "" : " (" + std::to_string(late) + " events after the last week: no effect)";
    const std::string uncertain =
        s.uncertain.empty() ? "" : ", " + std::to_string(s.uncertain.size()) + " uncertain";
    const std::string audience =
        s.audience.anchor < 0
            ? ""
            : ", an audience of " + std::to_string(s.audience.agents()) + " agents (" +
                  std::to_string(s.audience.group_size[0]) + " follow on " +
                  s.platforms[static_cast<std::size_t>(s.audience.anchor)].name + ")";
    std::printf("ok  %s: '%s', %zu platforms, %zu events%s%s, %u weeks, %u replicates%s\n",
                path.c_str(), s.name.c_str(), s.platforms.size(), s.events.size(),
                uncertain.c_str(), audience.c_str(), s.weeks, s.replicates, note.c_str());
  }
}

}  // namespace

void register_run_commands(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run a scenario's replicates into an HDF5 file");
  command->add_option("scenario", o->file, "Scenario file (TOML)")->required();
  add_scenario_options(*command, o->scenario, "the scenario's");
  command->add_option("--snapshot-every", o->snapshot_every,
                      "Store every agent's state every K weeks (default: off)");
  add_common_options(*command, o->common);
  command->callback([o] { run(*o); });

  auto v = std::make_shared<ValidateOptions>();
  CLI::App* check = app.add_subcommand("validate", "Check scenario files without running them");
  check->add_option("scenarios", v->scenarios, "Scenario files (TOML)")->required();
  check->add_option("--set", v->overrides, "Override a scenario value: key=value (repeatable)");
  check->add_option("--priors", v->priors, "Uncertain values for every scenario, from a TOML file");
  add_common_options(*check, v->common);
  check->callback([v] { validate(*v); });
}

}  // namespace sim::cli
