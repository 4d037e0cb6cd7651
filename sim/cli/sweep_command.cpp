// `trek sweep SWEEP.toml -o OUT.h5 [--shard I/N] [--resume]` and `trek merge SHARDS... -o OUT.h5`:
// options to a sweep::ShardRequest, the workflow in sweep/run_shard (points stream into
// OUT.h5.partial; the final file is made when all are done), and under MPI one shard per rank.

#include "sim/cli/sweep_command.hpp"

#include <cstdio>
#include <memory>

#include "sim/cli/common.hpp"
#include "sim/cli/mpi_world.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/report_command.hpp"
#include "sim/cli/sweep_report.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/sweep/run_shard.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/error.hpp"

namespace sim::cli {
namespace {

struct SweepOptions {
  CommonOptions common;
  std::string sweep, output, shard = "1/1";
  bool resume = false, force = false;
};

struct MergeOptions {
  CommonOptions common;
  std::vector<std::string> inputs;
  std::string output;
  bool force = false;
};

sweep::ShardRequest request_of(const SweepOptions& o, const sweep::Shard& shard,
                               const std::string& partial) {
  return {o.sweep, o.output, partial, shard, o.resume, o.force};
}

void report_done(const SweepOptions& o, const sweep::ShardOutcome& run, double seconds,
                 int processes) {
  char line[240];
  std::snprintf(line, sizeof line,
                "wrote %s: %zu points x %u replicates in %.1f s (%.0f points per hour, %d "
                "process%s)",
                o.output.c_str(), run.points, run.spec.replicates, seconds,
                seconds > 0 ? 3600.0 * static_cast<double>(run.points) / seconds : 0.0, processes,
                processes == 1 ? "" : "es");
  if (!o.common.quiet) print_sensitivity(o.output);
  inform(o.common, line);
}

/// Under MPI: rank k runs shard k+1 of K into its own partial file; rank 0 merges them.
void run_ranks(const SweepOptions& o, const MpiWorld& world) {
  const auto count = static_cast<std::uint64_t>(world.size());
  const auto partial_of = [&](std::uint64_t rank) {
    return o.output + ".rank" + std::to_string(rank) + "-of-" + std::to_string(count) + ".partial";
  };
  const double start = util::now_seconds();
  std::exception_ptr failure;
  bool input_error = false;
  sweep::ShardOutcome run;
  try {
    if (o.shard != "1/1") {
      throw util::InputError({"--shard", 0, o.shard},
                             "is not for MPI runs: each rank runs its own shard");
    }
    const auto rank = static_cast<std::uint64_t>(world.rank());
    Progress progress("runs", world.rank() == 0 && !o.common.quiet);
    run = sweep::run_shard(request_of(o, {rank + 1, count}, partial_of(rank)), progress);
  } catch (const util::InputError&) {
    failure = std::current_exception();
    input_error = true;
  } catch (...) {
    failure = std::current_exception();
  }
  if (!world.all(failure == nullptr)) {
    // Input errors are the same on every rank: rank 0 says it once.
    if (failure != nullptr && (world.rank() == 0 || !input_error)) std::rethrow_exception(failure);
    throw ChildExit{input_error ? 2 : 1};
  }
  run.points = world.sum(run.points);
  if (world.rank() == 0) {
    std::vector<std::string> partials;
    for (std::uint64_t rank = 0; rank < count; ++rank)
      partials.push_back(partial_of(rank));
    sweep::finish_shards(partials, o.output, util::seconds_since(start), command_line());
    report_done(o, run, util::seconds_since(start), world.size());
  }
  if (!world.all(true)) throw ChildExit{1};
}

void run_sweep(const SweepOptions& o) {
  const MpiWorld world;
  if (world.size() > 1) {
    run_ranks(o, world);
    return;
  }
  const sweep::ShardRequest request =
      request_of(o, sweep::parse_shard(o.shard), o.output + ".partial");
  if (sweep::already_complete(request)) {
    inform(o.common, o.output + " is already complete: nothing to resume");
    return;
  }
  const double start = util::now_seconds();
  Progress progress("runs", !o.common.quiet);
  const sweep::ShardOutcome run = sweep::run_sweep(request, command_line(), progress);
  report_done(o, run, util::seconds_since(start), 1);
}

void merge(const MergeOptions& o) {
  io::check_output(o.output, {.replace = o.force, .inputs = o.inputs});
  const double start = util::now_seconds();
  sweep::finalise(o.inputs, o.output, true, 0.0, command_line());
  if (!o.common.quiet) print_sensitivity(o.output);
  char line[200];
  std::snprintf(line, sizeof line, "merged %zu files into %s in %.1f s", o.inputs.size(),
                o.output.c_str(), util::seconds_since(start));
  inform(o.common, line);
}

}  // namespace

void register_sweep_commands(CLI::App& app) {
  auto o = std::make_shared<SweepOptions>();
  CLI::App* sweep = app.add_subcommand(
      "sweep", "Run a parameter sweep (grid, lhs, sobol, morris) into one HDF5 file");
  sweep->add_option("sweep", o->sweep, "Sweep file (TOML)")->required();
  sweep->add_option("-o,--output", o->output, "Results file (HDF5)")->required();
  sweep->add_option("--shard", o->shard, "Run shard I of N (1-based, interleaved points)");
  sweep->add_flag("--resume", o->resume, "Continue an interrupted sweep of this output");
  sweep->add_flag("--force", o->force, "Replace an existing output (or interrupted sweep)");
  add_common_options(*sweep, o->common);
  sweep->callback([o] { run_sweep(*o); });

  auto m = std::make_shared<MergeOptions>();
  CLI::App* merge_command =
      app.add_subcommand("merge", "Merge the shard files of one sweep into one file");
  merge_command->add_option("shards", m->inputs, "Shard files of one sweep")->required();
  merge_command->add_option("-o,--output", m->output, "Merged file (HDF5)")->required();
  merge_command->add_flag("--force", m->force, "Replace an existing output");
  add_common_options(*merge_command, m->common);
  merge_command->callback([m] { merge(*m); });
}

}  // namespace sim::cli
