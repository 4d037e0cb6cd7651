#pragma once
/// Helpers shared by the tests: temporary directories, thread-count sweeps, paths.

#include <tbb/global_control.h>
#include <tbb/task_arena.h>

#include <filesystem>
#include <functional>
#include <string>

#include "sim/graph/graph.hpp"

namespace sim::test {

/// A fresh directory under the system temp dir, removed with its content on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string path(const std::string& name) const { return (root_ / name).string(); }

 private:
  std::filesystem::path root_;
};

/// A temporary directory to write named files into.
struct Files {
  TempDir dir;
  /// Writes `text` to `name` in the directory; its path.
  std::string write(const std::string& name, const std::string& text) const;
};

/// Runs `body` with oneTBB limited to `threads` threads (global_control + task_arena).
void with_threads(int threads, const std::function<void()>& body);

/// The shared folder (../shared) or "" when it is absent.
std::string shared_dir();

/// Writes `text` to a file.
void write_text(const std::string& path, const std::string& text);

/// The whole text of a file ("" when it cannot be read).
std::string read_text(const std::string& path);

/// Exit code and output of one run of the trek program.
struct CommandResult {
  int code = -1;       ///< exit code; -1 when the program did not exit normally
  std::string output;  ///< stdout, and stderr too when asked for
};

/// Runs `trek ARGUMENTS` through the shell, capturing stdout (and stderr when `with_stderr`).
/// `shell_prefix` runs before trek in the same shell (for example "ulimit -f 64; ").
CommandResult run_trek(const std::string& arguments, bool with_stderr = true,
                       const std::string& shell_prefix = "");

/// True when both graphs have identical CSR arrays in both directions and identical attributes.
bool identical(const graph::Graph& a, const graph::Graph& b);

}  // namespace sim::test
