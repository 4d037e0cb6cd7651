// `trek sweep SWEEP.toml -o OUT.h5 [--shard I/N] [--resume]` and `trek merge SHARDS... -o OUT.h5`.
// Points stream into OUT.h5.partial as they finish; when all of the shard's points are done, the
// final file is made from it (sensitivity indices included for a whole sweep) and the partial
// file removed. A killed sweep leaves OUT.h5.partial for --resume and any older OUT.h5 intact.

#include "sim/cli/sweep_command.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>

#include "sim/cli/common.hpp"
#include "sim/cli/mpi_world.hpp"
#include "sim/cli/progress.hpp"
#include "sim/cli/report_command.hpp"
#include "sim/cli/sweep_report.hpp"
#include "sim/engine/population.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/sweep/read_sweep.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/sweep/sweep_file.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

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

/// Writes each finished point (one at a time) and advances the progress bar.
class PointWriter final : public sweep::SweepObserver {
 public:
  PointWriter(sweep::SweepWriter& writer, Progress& progress)
      : writer_(writer), progress_(progress) {}
  void on_point(const sweep::PointOutputs& point) override {
    const std::lock_guard lock(mutex_);
    writer_.write(point);
  }
  void on_replicate() override { progress_.advance(); }

 private:
  sweep::SweepWriter& writer_;
  Progress& progress_;
  std::mutex mutex_;
};

/// True when another process holds the file open for writing (HDF5 locks files it writes).
bool in_use(const std::string& path) {
  const int descriptor = ::open(path.c_str(), O_RDONLY);
  if (descriptor < 0) return false;
  const bool locked = ::flock(descriptor, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  ::close(descriptor);
  return locked;
}

std::unique_ptr<sweep::SweepWriter> open_partial(const SweepOptions& o, const std::string& partial,
                                                 const sweep::SweepSpec& spec,
                                                 const sweep::Design& design,
                                                 const sweep::SweepShape& shape,
                                                 const sweep::Shard& shard) {
  const bool exists = util::path_exists(partial);
  if (exists && in_use(partial)) {
    throw util::InputError({partial, 0, ""}, "is being written by a running sweep");
  }
  if (o.resume) {
    if (!exists) {
      throw util::InputError({partial, 0, "--resume"},
                             "nothing to resume: no interrupted sweep of " + o.output);
    }
    return std::make_unique<sweep::SweepWriter>(partial, spec, design, shape, shard, true);
  }
  if (exists && !o.force) {
    throw util::InputError({partial, 0, ""},
                           "an interrupted sweep is here: --resume continues it, --force starts "
                           "over");
  }
  // A fresh file, not a truncated one: nothing of an old partial file is reused.
  std::error_code ignored;
  std::filesystem::remove(partial, ignored);
  return std::make_unique<sweep::SweepWriter>(partial, spec, design, shape, shard, false);
}

/// What one process runs: the points of `shard` not yet done, into `partial`.
struct ShardRun {
  sweep::SweepSpec spec;
  std::size_t points = 0;
};

ShardRun run_shard(const SweepOptions& o, const sweep::Shard& shard, const std::string& partial,
                   bool show_progress) {
  ShardRun run{sweep::read_sweep(o.sweep)};
  const sweep::SweepSpec& spec = run.spec;
  std::vector<std::string> inputs = engine::input_files(sweep::base_scenario(spec));
  inputs.push_back(o.sweep);
  io::check_output(o.output, {.replace = o.force || o.resume, .inputs = inputs});
  const sweep::Design design = sweep::make_design(spec);
  const sweep::SweepShape shape = sweep::sweep_shape(spec);
  const graph::Graph graph = engine::load_population(sweep::base_scenario(spec));
  auto writer = open_partial(o, partial, spec, design, shape, shard);
  const std::vector<bool> done = writer->done();
  std::vector<std::uint64_t> points;
  for (std::uint64_t p = 0; p < design.points(); ++p) {
    if (shard.owns(p) && !done[p]) points.push_back(p);
  }
  Progress progress(points.size() * spec.replicates, "runs", show_progress);
  PointWriter observer(*writer, progress);
  sweep::run_points(spec, design, shape, graph, points, observer);
  progress.finish();
  run.points = points.size();
  return run;
}

void report_done(const SweepOptions& o, const ShardRun& run, double seconds, int processes) {
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
  const double start = now_seconds();
  std::exception_ptr failure;
  bool input_error = false;
  ShardRun run;
  try {
    if (o.shard != "1/1") {
      throw util::InputError({"--shard", 0, o.shard},
                             "is not for MPI runs: each rank runs its own shard");
    }
    const auto rank = static_cast<std::uint64_t>(world.rank());
    run = run_shard(o, {rank + 1, count}, partial_of(rank), world.rank() == 0 && !o.common.quiet);
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
    sweep::finalise(partials, o.output, true, seconds_since(start), command_line());
    for (const std::string& partial : partials)
      std::filesystem::remove(partial);
    report_done(o, run, seconds_since(start), world.size());
  }
  if (!world.all(true)) throw ChildExit{1};
}

void run_sweep(const SweepOptions& o) {
  const ThreadLimit threads(o.common.threads);
  const MpiWorld world;
  if (world.size() > 1) {
    run_ranks(o, world);
    return;
  }
  const sweep::Shard shard = sweep::parse_shard(o.shard);
  const std::string partial = o.output + ".partial";
  if (o.resume && !util::path_exists(partial) && util::path_exists(o.output)) {
    // A requeued batch task whose sweep had finished: nothing is lost, nothing to do.
    const sweep::SweepSpec spec = sweep::read_sweep(o.sweep);
    if (sweep::is_finished(o.output, sweep::sweep_shape(spec), shard)) {
      inform(o.common, o.output + " is already complete: nothing to resume");
      return;
    }
  }
  const double start = now_seconds();
  ShardRun run;
  try {
    run = run_shard(o, shard, partial, !o.common.quiet);
  } catch (const util::SystemError& e) {
    // The partial file keeps every point written before: --resume continues once there is room.
    throw util::Error(io::write_failure(partial, e.code()) + " (--resume continues it)");
  }
  sweep::finalise({partial}, o.output, shard.count == 1, seconds_since(start), command_line());
  std::filesystem::remove(partial);
  report_done(o, run, seconds_since(start), 1);
}

void merge(const MergeOptions& o) {
  io::check_output(o.output, {.replace = o.force, .inputs = o.inputs});
  const double start = now_seconds();
  sweep::finalise(o.inputs, o.output, true, 0.0, command_line());
  if (!o.common.quiet) print_sensitivity(o.output);
  char line[200];
  std::snprintf(line, sizeof line, "merged %zu files into %s in %.1f s", o.inputs.size(),
                o.output.c_str(), seconds_since(start));
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
