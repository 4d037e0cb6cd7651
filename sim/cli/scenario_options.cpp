#include "sim/cli/scenario_options.hpp"

#include "sim/cli/common.hpp"
#include "sim/scenario/priors_file.hpp"

namespace sim::cli {

void add_scenario_options(CLI::App& command, ScenarioOptions& options, const std::string& whose) {
  command.add_option("-o,--output", options.output, "Results file (HDF5)")->required();
  command.add_option("--replicates", options.replicates, "Replicates (default: " + whose + ")")
      ->check(CLI::Range(1, 1000000));
  command.add_option("--seed", options.seed, "Master seed (default: " + whose + ")")
      ->check(seed_digits());
  command.add_option("--weeks", options.weeks, "Weeks to simulate (default: " + whose + ")")
      ->check(CLI::Range(1, 5200));
  command.add_option("--set", options.overrides,
                     "Override a scenario value: key=value (repeatable)");
  command.add_option("--priors", options.priors,
                     "Uncertain values (distributions) for every scenario, from a TOML file");
  command.add_flag("--force", options.force, "Replace an existing output file");
}

std::vector<std::string> scenario_overrides(const ScenarioOptions& options) {
  std::vector<std::string> overrides;
  if (!options.priors.empty()) overrides = scenario::priors_overrides(options.priors);
  overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());
  if (options.replicates) {
    overrides.push_back("simulation.replicates=" + std::to_string(*options.replicates));
  }
  if (options.seed) overrides.push_back("simulation.seed=" + std::to_string(*options.seed));
  if (options.weeks) overrides.push_back("simulation.weeks=" + std::to_string(*options.weeks));
  return overrides;
}

}  // namespace sim::cli
