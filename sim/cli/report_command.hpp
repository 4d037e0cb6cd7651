#pragma once
/// `trek report`: the HTML report of a results file, made by analysis/report.py with the system
/// Python (Debian's python3-h5py, -numpy, -pandas, -matplotlib).

#include <CLI/CLI.hpp>

namespace sim::cli {

/// The report script's exit code, passed on by main (the script printed its own message).
struct ChildExit {
  int code;
};

void register_report_command(CLI::App& app);

}  // namespace sim::cli
