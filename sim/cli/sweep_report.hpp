#pragma once
/// The table `trek sweep` and `trek merge` print: Sobol indices or Morris effects of each output.

#include <string>

namespace sim::cli {

/// Prints the sensitivity table of a finished sweep file (nothing for grid and lhs designs).
void print_sensitivity(const std::string& path);

}  // namespace sim::cli
