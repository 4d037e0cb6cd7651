#pragma once
/// `trek inspect` of files that hold many runs: comparisons (`trek compare`) and sweeps.

#include <string>

namespace sim::cli {

/// Prints a summary of a comparison or sweep file ("table" or "json"); false for other formats
/// (run files are inspected by inspect_command.cpp).
/// Checks any Trek results file (run, comparison or sweep) as the readers do, printing nothing:
/// util::InputError naming the file and what is wrong.
void check_results_file(const std::string& path);

bool inspect_collection(const std::string& path, const std::string& format);

}  // namespace sim::cli
