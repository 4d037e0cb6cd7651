#pragma once
/// The observer `trek run` and `trek compare` give the engine: forwards results to the results
/// file, keeps every replicate's series for the summary, and moves the progress bar.

#include <mutex>
#include <vector>

#include "sim/cli/progress.hpp"
#include "sim/engine/results_file.hpp"

namespace sim::cli {

class RunRecorder final : public engine::RunObserver {
 public:
  RunRecorder(engine::ResultsFile& file, Progress& progress) : file_(file), progress_(progress) {}
  void on_snapshot(std::uint32_t replicate, std::uint32_t week,
                   const model::AgentState& state) override {
    file_.on_snapshot(replicate, week, state);
  }
  void on_replicate(const engine::ReplicateSeries& series) override {
    file_.on_replicate(series);
    const std::lock_guard lock(mutex_);
    series_.push_back(series);
  }
  void on_week() override { progress_.advance(); }
  std::vector<engine::ReplicateSeries> take() { return std::move(series_); }

 private:
  engine::ResultsFile& file_;
  Progress& progress_;
  std::mutex mutex_;
  std::vector<engine::ReplicateSeries> series_;
};

}  // namespace sim::cli
