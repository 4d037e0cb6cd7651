#pragma once
/// Running the points of a sweep. Replicate r of every point runs with run key {scenario seed, r}
/// (common random numbers across points, so differences between points are not seed noise), and
/// is exactly replicate r of `trek run` on that point's scenario. Results do not depend on the
/// thread count, the shard split or which points run together.

#include <cstdint>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/graph.hpp"
#include "sim/sweep/design.hpp"
#include "sim/sweep/sweep_file.hpp"

namespace sim::sweep {

/// Receives each point when all its replicates are done; calls may come from several threads.
class SweepObserver {
 public:
  virtual ~SweepObserver() = default;
  virtual void on_point(const PointOutputs& point) = 0;
  /// One replicate finished (for progress).
  virtual void on_replicate() {}
};

/// The sweep's outputs of one replicate: each metric's mean over the last `window` weeks.
std::vector<double> replicate_outputs(const SweepSpec& spec, const SweepShape& shape,
                                      const engine::ReplicateSeries& series);

/// Runs `points` (indices into the design), all replicates of each, several at a time.
void run_points(const SweepSpec& spec, const Design& design, const SweepShape& shape,
                const graph::Graph& graph, const std::vector<std::uint64_t>& points,
                SweepObserver& observer);

}  // namespace sim::sweep
