// A run recorded while it goes: an observer forwards snapshots and finished replicates to the
// results file (which serialises its own writes) and keeps each replicate's series for the
// caller's summary; the wall time and start time are taken here, around the run.

#include "sim/engine/record_run.hpp"

#include <algorithm>
#include <mutex>

#include "sim/engine/comparison.hpp"
#include "sim/engine/comparison_plan.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/thread_limit.hpp"

namespace sim::engine {
namespace {

/// Forwards results to the file, keeps every replicate's series and moves the progress.
class Recorder final : public RunObserver {
 public:
  Recorder(ResultsFile& file, util::ProgressSink& progress) : file_(file), progress_(progress) {}
  void on_snapshot(std::uint32_t replicate, std::uint32_t week,
                   const model::AgentState& state) override {
    file_.on_snapshot(replicate, week, state);
  }
  void on_replicate(const ReplicateSeries& series) override {
    file_.on_replicate(series);
    const std::lock_guard lock(mutex_);
    series_.push_back(series);
  }
  void on_week() override { progress_.advance(); }
  std::vector<ReplicateSeries> take() { return std::move(series_); }

 private:
  ResultsFile& file_;
  util::ProgressSink& progress_;
  std::mutex mutex_;
  std::vector<ReplicateSeries> series_;
};

void write_summary_and_facts(const scenario::Scenario& scenario,
                             const std::vector<ReplicateSeries>& series, ResultsFile& file,
                             const RuntimeFacts& facts) {
  file.write_summary(compare({scenario.name}, {series}, {scenario.platform_names()},
                             report_weeks(scenario.weeks)));
  file.finish(facts);
}

}  // namespace

std::vector<ReplicateSeries> record_run(const scenario::Scenario& scenario,
                                        const graph::Graph& graph, ResultsFile& file,
                                        util::ProgressSink& progress) {
  const double start = util::now_seconds();
  const std::string started = util::utc_now();
  Recorder recorder(file, progress);
  run_scenario(scenario, graph, recorder);
  std::vector<ReplicateSeries> series = recorder.take();
  // Replicates finish in any order; their order here is their number.
  std::sort(series.begin(), series.end(),
            [](const auto& a, const auto& b) { return a.replicate < b.replicate; });
  write_summary_and_facts(scenario, series, file,
                          {util::seconds_since(start), util::active_threads(), started});
  return series;
}

void record_series(const scenario::Scenario& scenario, const std::vector<ReplicateSeries>& series,
                   ResultsFile& file, const RuntimeFacts& facts) {
  for (const ReplicateSeries& replicate : series)
    file.on_replicate(replicate);
  write_summary_and_facts(scenario, series, file, facts);
}

}  // namespace sim::engine
