// Options to calibration::run_calibration; prints each generation's diagnostics, each
// parameter's prior and posterior, and the posterior predictive interval of each target row.
// Under MPI (`mpirun -n K trek calibrate ...`) the ranks share each round's simulations and rank
// 0 writes and prints.

#include "sim/cli/calibrate_command.hpp"

#include <cstdio>
#include <exception>
#include <memory>

#include "sim/calibration/posterior_file.hpp"
#include "sim/calibration/run_calibration.hpp"
#include "sim/cli/common.hpp"
#include "sim/cli/mpi_world.hpp"
#include "sim/cli/progress.hpp"
#include "sim/scenario/distribution.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

namespace sim::cli {
namespace {

struct CalibrateOptions {
  CommonOptions common;
  std::string calibration, output;
  bool force = false, resume = false;
  std::size_t recovery = 0;
};

void print_generations(const calibration::AbcResult& result) {
  std::printf("%-10s %12s %10s %10s %8s\n", "generation", "tolerance", "proposals", "accepted",
              "ESS");
  for (std::size_t t = 0; t < result.generations.size(); ++t) {
    const calibration::Generation& g = result.generations[t];
    std::printf("%-10zu %12.4g %10zu %9.1f%% %8.0f\n", t, g.tolerance, g.proposals,
                100.0 * g.acceptance(), g.effective_size());
  }
  std::printf("stopped: %s\n\n", result.stopped.c_str());
}

void print_parameters(const calibration::CalibrationOutcome& outcome) {
  const calibration::Generation& last = outcome.result.generations.back();
  std::printf("%-36s %-28s %11s %11s %11s\n", "parameter", "prior", "posterior 5%", "median",
              "95%");
  for (std::size_t k = 0; k < outcome.calibration.parameters.size(); ++k) {
    const auto& p = outcome.calibration.parameters[k];
    std::printf("%-36s %-28s %11.4g %11.4g %11.4g\n", p.key.c_str(),
                scenario::describe(p.prior).c_str(), last.quantile(k, 0.05), last.quantile(k, 0.5),
                last.quantile(k, 0.95));
  }
  std::printf("\n");
}

void recover(const CalibrateOptions& o) {
  const calibration::RecoveryOutcome outcome = calibration::run_recovery(o.calibration, o.recovery);
  const calibration::Recovery& r = outcome.recovery;
  std::printf("recovery on %zu synthetic data sets (90%% credible intervals)\n", r.cases.size());
  std::printf("%-36s %9s %16s\n", "parameter", "coverage", "width / prior");
  for (std::size_t k = 0; k < outcome.calibration.parameters.size(); ++k) {
    std::printf("%-36s %8.0f%% %16.2f\n", outcome.calibration.parameters[k].key.c_str(),
                100.0 * r.coverage[k], r.relative_width[k]);
  }
  char line[160];
  std::snprintf(line, sizeof line, "recovery: %zu calibrations in %.1f s", r.cases.size(),
                outcome.seconds);
  inform(o.common, line);
}

void calibrate(const CalibrateOptions& o) {
  const MpiWorld world;
  if (o.recovery > 0) {
    if (world.size() > 1)
      throw util::InputError({"--recovery", 0, ""}, "runs in one process, not under MPI");
    recover(o);
    return;
  }
  if (o.output.empty()) throw util::InputError({"--output", 0, ""}, "is required");
  if (o.resume && util::path_exists(o.output) && !util::path_exists(o.output + ".partial")) {
    inform(o.common, o.output + " is already complete: nothing to resume");
    return;
  }
  const bool lead = world.rank() == 0;
  Progress progress("simulations", !o.common.quiet && lead);
  calibration::CalibrationOutcome outcome;
  const util::Spread spread = world.spread();
  world.run_or_abort([&] {
    outcome = calibration::run_calibration(o.calibration, o.output,
                                           {.replace = o.force || o.resume, .inputs = {}},
                                           command_line(), o.resume, progress, spread);
  });
  if (!lead) return;
  print_generations(outcome.result);
  print_parameters(outcome);
  char line[240];
  std::snprintf(line, sizeof line, "wrote %s: %zu parameters, %zu rows, %zu simulations in %.1f s",
                o.output.c_str(), outcome.calibration.parameters.size(),
                outcome.calibration.rows.size(), outcome.simulations, outcome.seconds);
  inform(o.common, line);
}

}  // namespace

void register_calibrate_command(CLI::App& app) {
  auto o = std::make_shared<CalibrateOptions>();
  CLI::App* command = app.add_subcommand(
      "calibrate", "Fit free parameters to observations (ABC-SMC) into a posterior file");
  command->add_option("calibration", o->calibration, "Calibration file (TOML)")->required();
  command->add_option("-o,--output", o->output, "Posterior file (HDF5)");
  command->add_option("--recovery", o->recovery,
                      "Instead: calibrate N synthetic data sets drawn from the priors and print "
                      "how often the 90% intervals cover the truth");
  command->add_flag("--force", o->force, "Replace an existing output");
  command->add_flag("--resume", o->resume,
                    "Continue an interrupted calibration from OUTPUT.partial (same result)");
  add_common_options(*command, o->common);
  command->callback([o] { calibrate(*o); });
}

}  // namespace sim::cli
