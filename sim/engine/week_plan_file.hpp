#pragma once
/// The week's posting plan in a run file (docs/output.md, section /plan):
///   /plan/week                        uint32 [plan week]: the weeks simulated (engine::plan_weeks)
///   /plan/posts                       float64 [replicate][plan week][platform]: messages posted
///   /plan/reached                     float64 [replicate][plan week]: agents reached at least once
///   /plan/reached_by_segment          float64 [replicate][plan week][segment]
///   /plan/impressions                 float64 [replicate][plan week][platform]: views
///   /plan/engagements                 float64 [replicate][plan week][platform]: expected
///   /plan/toxic_exposure              float64 [replicate][plan week][platform]: expected
/// The group is absent when the run simulates no plan.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/io/h5.hpp"

namespace sim::engine {

/// The names of the /plan datasets after `week`, in file order.
const std::vector<std::string>& week_plan_datasets();

class WeekPlanFile {
 public:
  /// Creates /plan under `run` for `replicates` replicates of a scenario with `platforms`
  /// platforms, at `weeks` (not empty).
  WeekPlanFile(hid_t run, std::uint32_t replicates, std::size_t platforms,
               std::vector<std::uint32_t> weeks);

  /// Writes the plans of one replicate (one per plan week, in order).
  void write(const ReplicateSeries& series);

 private:
  std::size_t platforms_;
  std::vector<std::uint32_t> weeks_;
  std::vector<io::Handle> datasets_;  // in the order of week_plan_datasets()
};

/// Checks /plan under `run` when present: every dataset's type and shape against the run's
/// replicates and platforms, and plan weeks ascending within 0..weeks (InputError otherwise).
void check_week_plan_layout(hid_t run, std::uint64_t replicates, std::uint64_t weeks,
                            std::size_t platforms);

}  // namespace sim::engine
