#pragma once
/// Conventions shared by every subcommand: --threads, --quiet, exit codes, messages.

#include <CLI/CLI.hpp>

#include <string>

#include "sim/engine/results_file.hpp"

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

/// Adds --threads and --quiet to a subcommand. --threads limits oneTBB for the whole process as
/// soon as it is parsed (util::limit_threads), before the subcommand runs.
void add_common_options(CLI::App& command, CommonOptions& options);

/// Prints a progress or summary line on stderr unless --quiet.
void inform(const CommonOptions& options, const std::string& message);

/// The command line as typed (set once by main), for provenance.
void set_command_line(int argc, const char* const* argv);
const std::string& command_line();

/// This program's version and command line, for the files it writes.
engine::Provenance provenance();

}  // namespace sim::cli
