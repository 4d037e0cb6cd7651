#pragma once
/// A scenario run into a results file: the one path `trek run` and `trek compare` share. Each
/// replicate goes to the file as it finishes; the series of all come back, in replicate order.

#include <vector>

#include "sim/engine/results_file.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/util/progress_sink.hpp"

namespace sim::engine {

/// Runs every replicate of `scenario` into `file`, writes the run's decision table (/summary)
/// and finishes the file with this execution's facts (wall time from the call, threads, start).
/// `progress` advances once per replicate-week; begin() and end() are the caller's.
std::vector<ReplicateSeries> record_run(const scenario::Scenario& scenario,
                                        const graph::Graph& graph, ResultsFile& file,
                                        util::ProgressSink& progress);

/// Writes the series of a run made elsewhere (in replicate order) into `file`, then its decision
/// table and `facts`, as record_run does.
void record_series(const scenario::Scenario& scenario, const std::vector<ReplicateSeries>& series,
                   ResultsFile& file, const RuntimeFacts& facts);

}  // namespace sim::engine
