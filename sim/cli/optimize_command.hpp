#pragma once
/// `trek optimize PLAN.toml -o plan.h5`: search a plan's decisions for the best strategy.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_optimize_command(CLI::App& app);

}  // namespace sim::cli
