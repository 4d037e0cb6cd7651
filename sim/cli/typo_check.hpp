#pragma once
/// Misspelt subcommands and options, caught before CLI11 parses: CLI11 2.1 says only "A
/// subcommand is required" or "arguments were not expected", without naming the closest word.

#include <CLI/CLI.hpp>

namespace sim::cli {

/// Throws util::InputError "unknown command 'comapre' (did you mean 'compare'?)" or "unknown
/// option '--replicate' for 'trek run' (did you mean '--replicates'?)" for the first word of
/// argv that names no subcommand or option where one is expected.
void check_command_words(const CLI::App& app, int argc, const char* const* argv);

}  // namespace sim::cli
