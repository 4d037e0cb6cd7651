// `trek report RESULTS -o FOLDER`: runs analysis/report.py, found through TREK_ANALYSIS_DIR, else
// beside an installed trek (PREFIX/share/trek/analysis for PREFIX/bin/trek), else in the source
// tree this trek was built from; with TREK_PYTHON or else the system Python (/usr/bin/python3: a
// user's own Python often lacks h5py).

#include "sim/cli/report_command.hpp"

#include <spawn.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "sim/cli/common.hpp"
#include "sim/cli/inspect_collections.hpp"
#include "sim/util/error.hpp"

extern char** environ;

namespace sim::cli {
namespace {

struct ReportOptions {
  CommonOptions common;
  std::string results;
  std::string output;
};

std::string from_environment(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

/// PREFIX/share/trek/analysis when this trek runs as PREFIX/bin/trek and it exists, else the
/// source tree's analysis/ folder.
std::string installed_or_source_analysis() {
  std::error_code failed;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", failed);
  if (!failed) {
    const std::filesystem::path beside = self.parent_path().parent_path() / "share/trek/analysis";
    if (std::filesystem::is_regular_file(beside / "report.py", failed)) return beside.string();
  }
  return TREK_ANALYSIS_DIR;
}

std::string report_script() {
  const std::filesystem::path folder =
      from_environment("TREK_ANALYSIS_DIR", installed_or_source_analysis());
  const std::filesystem::path script = folder / "report.py";
  if (!std::filesystem::is_regular_file(script)) {
    throw util::Error("the report script " + script.string() +
                      " is missing; set TREK_ANALYSIS_DIR to the analysis/ folder of Trek");
  }
  return script.string();
}

std::string python() {
  const std::string system = "/usr/bin/python3";
  return from_environment("TREK_PYTHON", std::filesystem::exists(system) ? system : "python3");
}

/// Runs the command and waits for it; its exit code (128 + signal when killed).
int run_and_wait(const std::vector<std::string>& command) {
  std::vector<char*> arguments;
  for (const std::string& argument : command)
    arguments.push_back(const_cast<char*>(argument.c_str()));
  arguments.push_back(nullptr);
  pid_t child = 0;
  const int failed =
      posix_spawnp(&child, arguments[0], nullptr, nullptr, arguments.data(), environ);
  if (failed != 0) {
    throw util::Error("cannot start " + command[0] + " (install python3 with scripts/setup.sh)");
  }
  int status = 0;
  while (waitpid(child, &status, 0) < 0) {
  }
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

void report(const ReportOptions& o) {
  check_results_file(o.results);  // one line naming the file, never a Python traceback
  std::vector<std::string> command{python(), report_script(), o.results, "-o", o.output};
  if (o.common.quiet) command.push_back("--quiet");
  const int code = run_and_wait(command);
  if (code > 128) {
    throw util::Error("the report's Python process died (signal " + std::to_string(code - 128) +
                      ") reading " + o.results);
  }
  if (code != 0) throw ChildExit{code};
}

}  // namespace

void register_report_command(CLI::App& app) {
  auto o = std::make_shared<ReportOptions>();
  CLI::App* command = app.add_subcommand(
      "report", "Make the HTML report (figures, decision table, assumptions) of a results file");
  command->add_option("results", o->results, "A trek compare or trek run file (HDF5)")->required();
  command->add_option("-o,--output", o->output, "Folder for index.html and the figures")
      ->required();
  add_common_options(*command, o->common);
  command->callback([o] { report(*o); });
}

}  // namespace sim::cli
