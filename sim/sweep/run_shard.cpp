#include "sim/sweep/run_shard.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <memory>
#include <mutex>

#include "sim/engine/population.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/sweep/read_sweep.hpp"
#include "sim/sweep/run_sweep.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

namespace sim::sweep {
namespace {

/// Writes each finished point (one at a time) and advances the progress.
class PointWriter final : public SweepObserver {
 public:
  PointWriter(SweepWriter& writer, util::ProgressSink& progress)
      : writer_(writer), progress_(progress) {}
  void on_point(const PointOutputs& point) override {
    const std::lock_guard lock(mutex_);
    writer_.write(point);
  }
  void on_replicate() override { progress_.advance(); }

 private:
  SweepWriter& writer_;
  util::ProgressSink& progress_;
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

std::unique_ptr<SweepWriter> open_partial(const ShardRequest& r, const SweepSpec& spec,
                                          const Design& design, const SweepShape& shape) {
  const bool exists = util::path_exists(r.partial);
  if (exists && in_use(r.partial)) {
    throw util::InputError({r.partial, 0, ""}, "is being written by a running sweep");
  }
  if (r.resume) {
    if (!exists) {
      throw util::InputError({r.partial, 0, "--resume"},
                             "nothing to resume: no interrupted sweep of " + r.output);
    }
    return std::make_unique<SweepWriter>(r.partial, spec, design, shape, r.shard, true);
  }
  if (exists && !r.force) {
    throw util::InputError({r.partial, 0, ""},
                           "an interrupted sweep is here: --resume continues it, --force starts "
                           "over");
  }
  // A fresh file, not a truncated one: nothing of an old partial file is reused.
  std::error_code ignored;
  std::filesystem::remove(r.partial, ignored);
  return std::make_unique<SweepWriter>(r.partial, spec, design, shape, r.shard, false);
}

}  // namespace

ShardOutcome run_shard(const ShardRequest& r, util::ProgressSink& progress) {
  ShardOutcome outcome{read_sweep(r.sweep_file)};
  const SweepSpec& spec = outcome.spec;
  std::vector<std::string> inputs = engine::input_files(base_scenario(spec));
  inputs.push_back(r.sweep_file);
  io::check_output(r.output, {.replace = r.force || r.resume, .inputs = inputs});
  const Design design = make_design(spec);
  const SweepShape shape = sweep_shape(spec);
  const graph::Graph graph = engine::load_population(base_scenario(spec));
  const std::unique_ptr<SweepWriter> writer = open_partial(r, spec, design, shape);
  const std::vector<bool> done = writer->done();
  std::vector<std::uint64_t> points;
  for (std::uint64_t p = 0; p < design.points(); ++p) {
    if (r.shard.owns(p) && !done[p]) points.push_back(p);
  }
  progress.begin(points.size() * spec.replicates);
  PointWriter observer(*writer, progress);
  run_points(spec, design, shape, graph, points, observer);
  progress.end();
  outcome.points = points.size();
  return outcome;
}

bool already_complete(const ShardRequest& r) {
  if (!r.resume || util::path_exists(r.partial) || !util::path_exists(r.output)) return false;
  return is_finished(r.output, sweep_shape(read_sweep(r.sweep_file)), r.shard);
}

ShardOutcome run_sweep(const ShardRequest& r, const std::string& command_line,
                       util::ProgressSink& progress) {
  const double start = util::now_seconds();
  ShardOutcome outcome;
  try {
    outcome = run_shard(r, progress);
  } catch (const util::SystemError& e) {
    // The partial file keeps every point written before: --resume continues once there is room.
    throw util::Error(io::write_failure(r.partial, e.code()) + " (--resume continues it)");
  }
  finalise({r.partial}, r.output, r.shard.count == 1, util::seconds_since(start), command_line);
  std::filesystem::remove(r.partial);
  return outcome;
}

void finish_shards(const std::vector<std::string>& partials, const std::string& output,
                   double wall_seconds, const std::string& command_line) {
  finalise(partials, output, true, wall_seconds, command_line);
  for (const std::string& partial : partials)
    std::filesystem::remove(partial);
}

}  // namespace sim::sweep
