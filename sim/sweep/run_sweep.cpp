#include "sim/sweep/run_sweep.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <map>
#include <mutex>

#include "sim/engine/comparison.hpp"
#include "sim/engine/observables.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/sweep/read_sweep.hpp"

namespace sim::sweep {
namespace {

/// Replicates of points still running, until their last replicate arrives.
class PointCollector {
 public:
  PointCollector(const SweepSpec& spec, const SweepShape& shape, SweepObserver& observer)
      : spec_(spec), shape_(shape), observer_(observer) {}

  void add(std::uint64_t point, std::uint32_t replicate, const engine::ReplicateSeries& series) {
    const std::vector<double> outputs = replicate_outputs(spec_, shape_, series);
    std::vector<std::vector<double>> kept;
    for (const std::string& name : spec_.series)
      kept.push_back(engine::observable_values(series, name));
    std::unique_lock lock(mutex_);
    Partial& partial = partial_[point];
    if (partial.outputs.empty()) {
      partial.outputs.resize(spec_.replicates * shape_.metrics.size());
      partial.series.resize(spec_.series.size());
      for (std::size_t i = 0; i < kept.size(); ++i)
        partial.series[i].resize(kept[i].size() * spec_.replicates);
    }
    std::copy(
        outputs.begin(), outputs.end(),
        partial.outputs.begin() + static_cast<std::ptrdiff_t>(replicate * shape_.metrics.size()));
    for (std::size_t i = 0; i < kept.size(); ++i) {
      std::copy(
          kept[i].begin(), kept[i].end(),
          partial.series[i].begin() + static_cast<std::ptrdiff_t>(replicate * kept[i].size()));
    }
    if (++partial.replicates < spec_.replicates) return;
    PointOutputs done{point, std::move(partial.outputs), std::move(partial.series)};
    partial_.erase(point);
    lock.unlock();
    observer_.on_point(done);
  }

 private:
  struct Partial {
    std::uint32_t replicates = 0;
    std::vector<double> outputs;
    std::vector<std::vector<double>> series;
  };
  const SweepSpec& spec_;
  const SweepShape& shape_;
  SweepObserver& observer_;
  std::mutex mutex_;
  std::map<std::uint64_t, Partial> partial_;
};

}  // namespace

std::vector<double> replicate_outputs(const SweepSpec& spec, const SweepShape& shape,
                                      const engine::ReplicateSeries& series) {
  const std::size_t last = series.weeks.size() - 1;
  const std::size_t window = std::min<std::size_t>(spec.window, last + 1);
  std::vector<double> out(shape.columns.size(), 0.0);
  // The week-plan and crisis metrics exist at the plan and crisis weeks alone (the last week among
  // them): they are averaged over those weeks inside the window, the others over every week of it.
  std::vector<double> weeks_counted(shape.columns.size(), 0.0);
  for (std::size_t week = last + 1 - window; week <= last; ++week) {
    const std::vector<double> values = engine::metric_values(series, week);
    const bool planned = engine::plan_at(series, week) != nullptr;
    const bool crisis = engine::crisis_at(series, week) != nullptr;
    for (std::size_t m = 0; m < shape.columns.size(); ++m) {
      if (!planned && engine::is_week_plan_metric(shape.metrics[m])) continue;
      if (!crisis && engine::is_crisis_metric(shape.metrics[m])) continue;
      out[m] += values[shape.columns[m]];
      weeks_counted[m] += 1.0;
    }
  }
  for (std::size_t m = 0; m < out.size(); ++m) {
    if (weeks_counted[m] > 0.0) out[m] /= weeks_counted[m];
  }
  return out;
}

void run_points(const SweepSpec& spec, const Design& design, const SweepShape& shape,
                const graph::Graph& graph, const std::vector<std::uint64_t>& points,
                SweepObserver& observer) {
  PointCollector collector(spec, shape, observer);
  const std::size_t tasks = points.size() * spec.replicates;
  // Tasks of one point are adjacent, so points finish roughly in order and few are in flight.
  tbb::parallel_for(std::size_t{0}, tasks, [&](std::size_t task) {
    const std::uint64_t point = points[task / spec.replicates];
    const auto replicate = static_cast<std::uint32_t>(task % spec.replicates);
    // Reading the point's scenario (a few TOML files, well under a millisecond) per replicate
    // keeps no per-point state alive between tasks; a replicate takes a second.
    const scenario::Scenario scenario = point_scenario(spec, design.values[point]);
    const engine::ReplicateSeries series =
        engine::run_replicate(scenario::scenario_of_world(scenario, replicate), graph, replicate);
    observer.on_replicate();
    collector.add(point, replicate, series);
  });
}

}  // namespace sim::sweep
