#pragma once
/// The summary `trek run` prints at the end and `trek inspect` prints for a file: per platform,
/// accounts, active users and followers of the organisation at a few weeks (13, 52, 104 and the
/// last), each as the mean across replicates with its 90% band.

#include <string>
#include <vector>

#include "sim/cli/json.hpp"
#include "sim/engine/run_summary.hpp"

namespace sim::cli {

/// "mean [low, high]" of a band, with explicit signs for differences.
std::string band_text(const engine::Band& band, bool sign = false);

void print_run_summary(const engine::SeriesTable& table);

JsonObject run_summary_json(const engine::SeriesTable& table);

}  // namespace sim::cli
