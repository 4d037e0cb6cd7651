// trek: the command line. Parses arguments with CLI11, runs the subcommand, and maps failures to
// exit codes: 0 success, 1 run-time or I/O error, 2 usage or invalid input.

#include <hdf5.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <exception>
#include <iostream>
#include <new>

#include "sim/cli/calibrate_command.hpp"
#include "sim/cli/cascade_command.hpp"
#include "sim/cli/common.hpp"
#include "sim/cli/compare_command.hpp"
#include "sim/cli/graph_command.hpp"
#include "sim/cli/inspect_command.hpp"
#include "sim/cli/optimize_command.hpp"
#include "sim/cli/report_command.hpp"
#include "sim/cli/run_command.hpp"
#include "sim/cli/sweep_command.hpp"
#include "sim/cli/typo_check.hpp"
#include "sim/util/error.hpp"
#include "sim/version.hpp"

namespace {

int report(const char* kind, const std::string& message, int code) {
  std::cerr << "trek: " << kind << message << '\n';
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  // A write past the file-size limit then fails with EFBIG and is reported, instead of the
  // signal ending the process with the temporary file behind.
  std::signal(SIGXFSZ, SIG_IGN);
  // A file whose write failed (a full disk) stays open inside HDF5, and HDF5's own exit handler
  // would crash retrying its flush. Every file Trek writes is closed, checked, before it is
  // renamed, so that handler has nothing to do: skip it.
  H5dont_atexit();
  CLI::App app{"Trek: agent-based simulator of audience migration between social media platforms"};
  app.require_subcommand(1);
  app.add_flag_callback(
      "--version",
      [] {
        std::cout << sim::creator() << '\n';
        throw CLI::Success();
      },
      "Print the version and git revision");
  sim::cli::register_graph_command(app);
  sim::cli::register_cascade_command(app);
  sim::cli::register_run_commands(app);
  sim::cli::register_inspect_command(app);
  sim::cli::register_compare_command(app);
  sim::cli::register_report_command(app);
  sim::cli::register_sweep_commands(app);
  sim::cli::register_calibrate_command(app);
  sim::cli::register_optimize_command(app);
  sim::cli::set_command_line(argc, argv);
  try {
    sim::cli::check_command_words(app, argc, argv);
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::Success&) {
    return sim::cli::kSuccess;
  } catch (const sim::cli::ChildExit& e) {
    return e.code;
  } catch (const CLI::ParseError& e) {
    return report("", std::string(e.what()) + " (run with --help for usage)",
                  sim::cli::kUsageError);
  } catch (const sim::util::InputError& e) {
    return report("", e.what(), sim::cli::kUsageError);
  } catch (const sim::util::Error& e) {
    return report("error: ", e.what(), sim::cli::kRuntimeError);
  } catch (const std::bad_alloc&) {
    return report("error: ", "out of memory", sim::cli::kRuntimeError);
  } catch (const std::exception& e) {
    return report("error: ", e.what(), sim::cli::kRuntimeError);
  }
  return sim::cli::kSuccess;
}
