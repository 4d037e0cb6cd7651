#pragma once
/// Reading a whole input file (scenario, sweep, degree sequence) with the checks every reader
/// needs: a missing file is named with the nearest file in its folder, and size is bounded so
/// that a wrong path (a device, a huge file) cannot exhaust memory.

#include <cstddef>
#include <string>

namespace sim::util {

/// The file's bytes. InputError naming the file when it does not exist (with "did you mean"
/// the closest name in the same folder), is not a regular file, cannot be read, or is larger
/// than `max_bytes`.
std::string read_input_file(const std::string& path, std::size_t max_bytes);

/// True when something exists at `path`; false for a missing path and for one the file system
/// cannot even look up (too long, a loop of links), where std::filesystem::exists would throw.
bool path_exists(const std::string& path) noexcept;

/// `path` as named inside the file `file`: relative paths are relative to that file's folder
/// (normalised), absolute ones stay.
std::string beside(const std::string& file, const std::string& path);

/// Throws the InputError read_input_file gives when `path` is not an existing regular file.
void check_input_file(const std::string& path);

}  // namespace sim::util
