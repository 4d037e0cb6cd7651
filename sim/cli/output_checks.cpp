#include "sim/cli/output_checks.hpp"

#include <unistd.h>

#include <filesystem>

#include "sim/util/error.hpp"

namespace sim::cli {

void check_output(const std::string& path, bool force) {
  namespace fs = std::filesystem;
  const util::InputLocation where{path, 0, "--output"};
  if (fs::is_directory(path)) throw util::InputError(where, "is a directory");
  if (fs::exists(path) && !force) {
    throw util::InputError(where, "exists; use --force to replace it");
  }
  const fs::path directory =
      fs::path(path).has_parent_path() ? fs::path(path).parent_path() : fs::path(".");
  if (!fs::is_directory(directory)) {
    throw util::InputError(where, "the output directory does not exist");
  }
  if (::access(directory.c_str(), W_OK) != 0) {
    throw util::InputError(where, "the output directory is not writable");
  }
}

}  // namespace sim::cli
