#pragma once
/// Reading a `trek run` results file back: what it holds, and its weekly series as a SeriesTable.
/// A file that is not a Trek run file, or of a version this build does not read, is an InputError.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "sim/engine/run_summary.hpp"
#include "sim/io/h5_array.hpp"

namespace sim::engine {

struct ResultsInfo {
  std::string path;
  std::uint64_t version = 0;
  std::string creator;
  std::string scenario, description, organisation, start_date;
  std::string scenario_file, command_line;
  std::uint64_t replicates = 0, weeks = 0, agents = 0, arcs = 0, master_seed = 0;
  std::vector<std::string> platforms;
  /// Observable name and the shape of its value dataset.
  std::vector<std::pair<std::string, io::Dims>> observables;
  std::uint64_t snapshots = 0;  ///< snapshot weeks stored (0: none)
  double wall_seconds = 0.0;
  std::uint64_t threads = 0;
};

ResultsInfo read_results_info(const std::string& path);

/// accounts, active, followers and active_anywhere of every replicate and week.
SeriesTable read_series_table(const std::string& path);

}  // namespace sim::engine
