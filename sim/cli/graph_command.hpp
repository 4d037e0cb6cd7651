#pragma once
/// `trek graph generate|convert|stats`.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_graph_command(CLI::App& app);

}  // namespace sim::cli
