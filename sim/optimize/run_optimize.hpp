#pragma once
/// `trek optimize`: read a plan, search it (search.hpp) round by round with a checkpoint after
/// each, compare the best plan with the baseline and the hand-written strategies on fresh
/// worlds, and write the plan file and the best plan as a scenario file, each atomically.

#include <string>

#include "sim/engine/comparison.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/optimize/plan_file.hpp"
#include "sim/util/progress_sink.hpp"
#include "sim/util/spread.hpp"

namespace sim::optimize {

struct OptimizeRequest {
  std::string plan_file;
  std::string output;   ///< the plan file (HDF5)
  bool force = false;   ///< replace `output` and the best scenario file
  bool resume = false;  ///< continue `output`.partial
  std::string command;  ///< the command line, for provenance
  std::string creator;
};

struct OptimizeOutcome {
  Plan plan;
  PlanRecord record;
  std::string best_file;  ///< where the best plan was written as a scenario file
  /// The final comparison (baseline, best plan, hand-written strategies), on fresh worlds.
  engine::Comparison verification;
};

/// The scenario file of the best plan beside `output`: plan.h5 -> plan.best.toml.
std::string best_scenario_path(const std::string& output);

/// Runs the whole workflow. Every input is checked before the first simulation. `progress`
/// counts candidate-weeks of the search. With a spread over several processes (util/spread.hpp;
/// every process calls this with the same arguments), each evaluates its share of every round's
/// candidates, and process 0 alone writes checkpoints, runs the final comparison and writes the
/// outputs (the others return with the history only); the history is the one-process history,
/// bit for bit.
OptimizeOutcome run_optimize(const OptimizeRequest& request,
                             util::ProgressSink& progress = util::no_progress(),
                             const util::Spread& spread = {});

}  // namespace sim::optimize
