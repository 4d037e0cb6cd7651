#pragma once
/// `trek calibrate`: read a calibration file, run ABC-SMC on the base scenario against its
/// observations, and write the posterior file atomically.

#include <string>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/read_calibration.hpp"
#include "sim/calibration/recovery.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/util/progress_sink.hpp"

namespace sim::calibration {

struct CalibrationOutcome {
  Calibration calibration;
  AbcResult result;
  double seconds = 0.0;
  std::size_t simulations = 0;
};

/// Runs the calibration of `file` into `output`. Every input is checked before the first
/// simulation; `policy.inputs` gains the calibration, scenario and observation files. Progress
/// advances once per simulation (the total is an upper bound: the proposals each generation may
/// make at most).
CalibrationOutcome run_calibration(const std::string& file, const std::string& output,
                                   io::OutputPolicy policy, const std::string& command,
                                   util::ProgressSink& progress = util::no_progress());

struct RecoveryOutcome {
  Calibration calibration;
  Recovery recovery;
  double seconds = 0.0;
};

/// The recovery study of the calibration in `file` (recovery.hpp): its rows, priors and method
/// on `repetitions` synthetic data sets.
RecoveryOutcome run_recovery(const std::string& file, std::size_t repetitions);

}  // namespace sim::calibration
