#pragma once
/// Checks on an output path, made before anything runs.

#include <string>

namespace sim::cli {

/// Throws util::InputError (exit code 2) when `path` is a directory, exists without `force`, or
/// lies in a folder that is missing or not writable.
void check_output(const std::string& path, bool force);

}  // namespace sim::cli
