// `trek run` and `trek validate`: command-line options become scenario overrides, so that every
// value, wherever it comes from, passes the same validation and lands in the resolved scenario
// stored with the results.

#include "sim/cli/run_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>

#include "sim/cli/common.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/run_recorder.hpp"
#include "sim/cli/run_report.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/graph/generator_spec.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"
#include "sim/version.hpp"

namespace sim::cli {
namespace {

struct RunOptions {
  CommonOptions common;
  std::string scenario;
  std::string output;
  std::optional<std::uint64_t> replicates, seed, weeks, snapshot_every;
  std::vector<std::string> overrides;
  bool force = false;
};

std::vector<std::string> all_overrides(const RunOptions& o) {
  std::vector<std::string> overrides = o.overrides;
  if (o.replicates) overrides.push_back("simulation.replicates=" + std::to_string(*o.replicates));
  if (o.seed) overrides.push_back("simulation.seed=" + std::to_string(*o.seed));
  if (o.weeks) overrides.push_back("simulation.weeks=" + std::to_string(*o.weeks));
  if (o.snapshot_every) {
    overrides.push_back("output.snapshot_every=" + std::to_string(*o.snapshot_every));
  }
  return overrides;
}

void run(const RunOptions& o) {
  const ThreadLimit threads(o.common.threads);
  const scenario::Scenario s = scenario::read_scenario(o.scenario, all_overrides(o));
  const io::OutputPolicy policy{.replace = o.force, .inputs = engine::input_files(s)};
  io::check_output(o.output, policy);
  const graph::Graph graph = engine::load_population(s);
  inform(o.common, "trek run: " + s.name + ", " + std::to_string(graph.node_count()) + " agents, " +
                       std::to_string(s.weeks) + " weeks, " + std::to_string(s.replicates) +
                       " replicates");
  const double start = now_seconds();
  const std::string started = utc_now();
  std::vector<engine::ReplicateSeries> series;
  io::write_atomically(
      o.output,
      [&](const std::string& temporary) {
        engine::ResultsFile file(temporary, s, graph, {creator(), command_line()});
        Progress progress(std::uint64_t{s.weeks} * s.replicates, "weeks", !o.common.quiet);
        RunRecorder recorder(file, progress);
        engine::run_scenario(s, graph, recorder);
        progress.finish();
        file.finish({seconds_since(start), active_threads(), started});
        series = recorder.take();
      },
      policy);
  const double seconds = seconds_since(start);
  if (!o.common.quiet) print_run_summary(engine::table_of(s.platform_names(), std::move(series)));
  char timing[160];
  std::snprintf(timing, sizeof timing, "wrote %s in %.2f s (%.2f ms per replicate-week)",
                o.output.c_str(), seconds,
                1000.0 * seconds / static_cast<double>(std::uint64_t{s.weeks} * s.replicates));
  inform(o.common, timing);
}

struct ValidateOptions {
  CommonOptions common;
  std::vector<std::string> scenarios;
  std::vector<std::string> overrides;
};

void validate(const ValidateOptions& o) {
  for (const std::string& path : o.scenarios) {
    const scenario::Scenario s = scenario::read_scenario(path, o.overrides);
    engine::check_population_source(s);
    if (o.common.quiet) continue;
    const auto late = std::count_if(s.events.begin(), s.events.end(),
                                    [&](const scenario::Event& e) { return e.week >= s.weeks; });
    std::printf("ok  %s: '%s', %zu platforms, %zu events, %u weeks, %u replicates%s\n",
                path.c_str(), s.name.c_str(), s.platforms.size(), s.events.size(), s.weeks,
                s.replicates,
                late == 0 ? ""
                          : (" (" + std::to_string(late) +
                             " events after the last week: no "
                             "effect)")
                                .c_str());
  }
}

}  // namespace

void register_run_commands(CLI::App& app) {
  auto o = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand("run", "Run a scenario's replicates into an HDF5 file");
  command->add_option("scenario", o->scenario, "Scenario file (TOML)")->required();
  command->add_option("-o,--output", o->output, "Results file (HDF5)")->required();
  command->add_option("--replicates", o->replicates, "Replicates (default: the scenario's)")
      ->check(CLI::Range(1, 1000000));
  command->add_option("--seed", o->seed, "Master seed (default: the scenario's)")
      ->check(seed_digits());
  command->add_option("--weeks", o->weeks, "Weeks to simulate (default: the scenario's)")
      ->check(CLI::Range(1, 5200));
  command->add_option("--snapshot-every", o->snapshot_every,
                      "Store every agent's state every K weeks (default: off)");
  command->add_option("--set", o->overrides, "Override a scenario value: key=value (repeatable)");
  command->add_flag("--force", o->force, "Replace an existing output file");
  add_common_options(*command, o->common);
  command->callback([o] { run(*o); });

  auto v = std::make_shared<ValidateOptions>();
  CLI::App* check = app.add_subcommand("validate", "Check scenario files without running them");
  check->add_option("scenarios", v->scenarios, "Scenario files (TOML)")->required();
  check->add_option("--set", v->overrides, "Override a scenario value: key=value (repeatable)");
  add_common_options(*check, v->common);
  check->callback([v] { validate(*v); });
}

}  // namespace sim::cli
