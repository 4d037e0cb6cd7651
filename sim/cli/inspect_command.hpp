#pragma once
/// `trek inspect`: what a results file holds and its summary.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_inspect_command(CLI::App& app);

}  // namespace sim::cli
