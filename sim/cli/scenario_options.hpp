#pragma once
/// The options `trek run` and `trek compare` share (-o, --replicates, --seed, --weeks, --set,
/// --force) and their one translation into scenario overrides, so that a value from the command
/// line passes the same checks as one in a file and lands in the stored resolved scenario.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sim::cli {

struct ScenarioOptions {
  std::string output;
  std::optional<std::uint64_t> replicates, seed, weeks;
  std::vector<std::string> overrides;  ///< --set key=value, in order
  std::string priors;                  ///< --priors FILE (uncertain values), applied first
  bool force = false;
};

/// Adds the shared options; `whose` names where their defaults come from ("the scenario's").
void add_scenario_options(CLI::App& command, ScenarioOptions& options, const std::string& whose);

/// The priors file's values, then the --set values, then the simulation values given on the
/// command line (so a --set fixes what a prior left uncertain).
std::vector<std::string> scenario_overrides(const ScenarioOptions& options);

}  // namespace sim::cli
