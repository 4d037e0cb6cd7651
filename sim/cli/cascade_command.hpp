#pragma once
/// `trek cascade`: Monte Carlo independent-cascade and threshold cascades on a graph.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_cascade_command(CLI::App& app);

}  // namespace sim::cli
