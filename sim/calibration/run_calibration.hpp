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
/// simulation; `policy.inputs` gains the calibration, scenario and observation files. After
/// each generation the sequence so far is written to `output`.partial (atomically); with
/// `resume` a run continues from that checkpoint when it was written by the same calibration, to
/// the same posterior as an uninterrupted run; the checkpoint is removed once `output` is
/// written. Progress advances once per simulation (the total is an upper bound).
/// With a spread over several processes (abc_smc.hpp, Spread; every process calls this with the
/// same arguments), each runs its share of the simulations and process 0 alone writes the
/// checkpoints and `output`; the posterior is the one-process posterior, bit for bit, and
/// `simulations` counts those of every process.
CalibrationOutcome run_calibration(const std::string& file, const std::string& output,
                                   io::OutputPolicy policy, const std::string& command,
                                   bool resume = false,
                                   util::ProgressSink& progress = util::no_progress(),
                                   const Spread& spread = {});

struct RecoveryOutcome {
  Calibration calibration;
  Recovery recovery;
  double seconds = 0.0;
};

/// The recovery study of the calibration in `file` (recovery.hpp): its rows, priors and method
/// on `repetitions` synthetic data sets.
RecoveryOutcome run_recovery(const std::string& file, std::size_t repetitions);

}  // namespace sim::calibration
