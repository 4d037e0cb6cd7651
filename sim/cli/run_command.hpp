#pragma once
/// `trek run` (a scenario's replicates into an HDF5 results file) and `trek validate` (check
/// scenario files without running them).

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_run_commands(CLI::App& app);

}  // namespace sim::cli
