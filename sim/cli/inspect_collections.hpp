#pragma once
/// `trek inspect` of files that hold many runs: comparisons (`trek compare`) and sweeps.

#include <string>

namespace sim::cli {

/// Prints a summary of a comparison or sweep file ("table" or "json"); false for other formats
/// (run files are inspected by inspect_command.cpp).
bool inspect_collection(const std::string& path, const std::string& format);

}  // namespace sim::cli
