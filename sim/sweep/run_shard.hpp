#pragma once
/// The sweep workflow of `trek sweep`: a shard's points stream into a partial file as they finish
/// (so a killed sweep loses only the points in flight), --resume continues one, and the final
/// file is made from the partial files when all their points are done (sweep_file.hpp).

#include <string>
#include <vector>

#include "sim/sweep/sweep_file.hpp"
#include "sim/sweep/sweep_spec.hpp"
#include "sim/util/progress_sink.hpp"

namespace sim::sweep {

struct ShardRequest {
  std::string sweep_file;
  std::string output;   ///< the final file
  std::string partial;  ///< where the shard's points stream
  Shard shard;
  bool resume = false;  ///< continue `partial`
  bool force = false;   ///< replace `output` and start over from an old `partial`
};

struct ShardOutcome {
  SweepSpec spec;
  std::size_t points = 0;  ///< points run now (not those done before a --resume)
};

/// Runs the shard's points not yet done into `partial`. InputError when `output` may not be
/// written, `partial` is in use by another sweep, or is there without --resume or --force.
/// `progress` counts replicates.
ShardOutcome run_shard(const ShardRequest& request, util::ProgressSink& progress);

/// True for --resume of a shard whose sweep had already finished: no partial file, and `output`
/// holds every point of the shard (a requeued batch task).
bool already_complete(const ShardRequest& request);

/// A whole sweep in one process: run_shard, then the final file from the partial one, which is
/// removed. A full disk while running says that --resume continues once there is room.
ShardOutcome run_sweep(const ShardRequest& request, const std::string& command_line,
                       util::ProgressSink& progress);

/// The final file from the partial files of every shard (ranks of one MPI job), which are then
/// removed.
void finish_shards(const std::vector<std::string>& partials, const std::string& output,
                   double wall_seconds, const std::string& command_line);

}  // namespace sim::sweep
