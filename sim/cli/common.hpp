#pragma once
/// Conventions shared by every subcommand: --threads, --quiet, exit codes, messages.

#include <tbb/global_control.h>
#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace sim::cli {

/// Exit codes of the trek program.
enum ExitCode : int { kSuccess = 0, kRuntimeError = 1, kUsageError = 2 };

struct CommonOptions {
  int threads = 0;  ///< 0: all cores
  bool quiet = false;
};

/// Accepts only a whole number in [0, 2^63 - 1] written in digits ("-1" and "" are refused:
/// CLI11 would wrap "-1" to 2^64 - 1 and take "" as no value).
const CLI::Validator& seed_digits();

/// Adds --threads and --quiet to a subcommand.
void add_common_options(CLI::App& command, CommonOptions& options);

/// Limits oneTBB to the requested number of threads for the lifetime of the object.
class ThreadLimit {
 public:
  explicit ThreadLimit(int threads);

 private:
  std::unique_ptr<tbb::global_control> control_;
};

/// Threads oneTBB may use now (after any ThreadLimit).
std::uint64_t active_threads();

/// Prints a progress or summary line on stderr unless --quiet.
void inform(const CommonOptions& options, const std::string& message);

/// Wall-clock seconds since `start` (a steady_clock time point in seconds since an epoch).
double seconds_since(double start);
double now_seconds();

/// The command line as typed (set once by main), for provenance.
void set_command_line(int argc, const char* const* argv);
const std::string& command_line();

/// The current time as an ISO 8601 UTC string.
std::string utc_now();

}  // namespace sim::cli
