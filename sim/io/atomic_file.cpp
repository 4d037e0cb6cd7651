#include "sim/io/atomic_file.hpp"

#include <unistd.h>

#include "sim/util/error.hpp"

namespace sim::io {

void write_atomically(const std::string& path,
                      const std::function<void(const std::string&)>& write) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::is_directory(directory)) {
    throw util::InputError({.file = path}, "the output directory does not exist");
  }
  // Same directory as the target, so the final rename stays on one file system and is atomic.
  const fs::path temporary =
      directory / ("." + target.filename().string() + ".partial-" + std::to_string(::getpid()));
  try {
    write(temporary.string());
    fs::rename(temporary, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(temporary, ignored);
    throw;
  }
}

}  // namespace sim::io
