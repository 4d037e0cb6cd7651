#pragma once
/// Posterior files (`trek calibrate -o posterior.h5`; layout in docs/output.md, "Posterior
/// files"): the weighted particles of the last generation, every generation's particles and
/// diagnostics, the targets and the posterior predictive interval of each.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/read_calibration.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/scenario/posterior_source.hpp"

namespace sim::calibration {

using scenario::kPosteriorFormat;
using scenario::kPosteriorVersion;

/// What a calibration leaves besides its particles.
struct PosteriorRecord {
  std::string command;  ///< the command line
  std::string trek_version;
  double seconds = 0.0;  ///< wall time
  /// The model's value of each row in each final particle's own simulation ([particle][row]).
  std::vector<std::vector<double>> predictions;
  bool complete = true;           ///< false: a checkpoint of an unfinished calibration
  std::uint64_t inputs_hash = 0;  ///< of the calibration's files, to resume only the same one
};

void write_posterior(const std::string& path, const Calibration& calibration,
                     const AbcResult& result, const PosteriorRecord& record,
                     const io::OutputPolicy& policy);

/// The complete generations of a checkpoint (`OUT.partial`) and the last one's predictions.
struct Checkpoint {
  std::vector<Generation> generations;
  std::vector<std::vector<double>> predictions;
};

/// Reads a checkpoint written by this calibration (`inputs_hash`); InputError naming the file
/// when it is damaged or was written by another calibration.
Checkpoint read_checkpoint(const std::string& path, std::uint64_t inputs_hash);

/// The quantity the distance compares for row i (predictions.hpp): the value itself, or for a
/// platform-level series the relative change against its first row.
double fitted(const Calibration& calibration, const std::vector<double>& row_values, std::size_t i);

}  // namespace sim::calibration
