#pragma once
/// `trek compare`: scenarios side by side with common random numbers.

#include <CLI/CLI.hpp>

namespace sim::cli {

void register_compare_command(CLI::App& app);

}  // namespace sim::cli
