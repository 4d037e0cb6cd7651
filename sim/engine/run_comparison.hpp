#pragma once
/// `trek compare` as a library call: every scenario of a plan run into one comparison file
/// (comparison_file.hpp), written atomically, and the comparison table returned.

#include <string>

#include "sim/engine/comparison.hpp"
#include "sim/engine/comparison_plan.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/util/progress_sink.hpp"

namespace sim::engine {

/// Runs the plan into `output` (replacing it only as `policy` allows; the plan's inputs are
/// never replaced). Scenarios with the same population share one graph. `progress` counts
/// replicate-weeks over all scenarios.
Comparison run_comparison(const ComparisonPlan& plan, const std::string& output,
                          io::OutputPolicy policy, const Provenance& provenance,
                          util::ProgressSink& progress = util::no_progress());

}  // namespace sim::engine
