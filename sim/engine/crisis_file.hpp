#pragma once
/// Crisis messages in a run file (docs/output.md, section /crisis), hours as in
/// /parameters/crisis_hours:
///   /crisis/week               uint32 [crisis week]: the weeks simulated (engine::crisis_weeks)
///   /crisis/unique             float64 [replicate][crisis week][message]: agents reached
///   /crisis/within             float64 [replicate][crisis week][message][hours]
///   /crisis/within_by_segment  float64 [replicate][crisis week][message][segment][hours]
///   /crisis/within_by_route    float64 [replicate][crisis week][message][route][hours], routes
///                              feed, notification, reshare, alert (the one that came first)
/// The group is absent when the run simulates no crisis messages.

#include <cstdint>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/io/h5.hpp"

namespace sim::engine {

class CrisisFile {
 public:
  /// Creates /crisis under `run` for `replicates` replicates of `messages` crisis messages at
  /// `weeks` (not empty).
  CrisisFile(hid_t run, std::uint32_t replicates, std::uint32_t messages,
             std::vector<std::uint32_t> weeks);

  /// Writes the crisis messages of one replicate (one CrisisWeek per crisis week, in order).
  void write(const ReplicateSeries& series);

 private:
  std::uint32_t messages_;
  std::vector<std::uint32_t> weeks_;
  std::vector<io::Handle> datasets_;  // unique, within, within_by_segment, within_by_route
};

/// Checks /crisis under `run` when present: every dataset's type and shape against the run's
/// replicates, and crisis weeks ascending within 0..weeks (InputError otherwise).
void check_crisis_layout(hid_t run, std::uint64_t replicates, std::uint64_t weeks);

}  // namespace sim::engine
