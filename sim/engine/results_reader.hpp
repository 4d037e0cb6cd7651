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
  /// The week's posting plan (/plan): dataset name and shape; empty without a plan.
  std::vector<std::pair<std::string, io::Dims>> plan;
  std::uint64_t snapshots = 0;  ///< snapshot weeks stored (0: none)
  double wall_seconds = 0.0;
  std::uint64_t threads = 0;
  /// Uncertain parameters (/worlds): "key: distribution" each; empty without worlds.
  std::vector<std::string> uncertain;
};

/// What a run file holds. Every reader here checks the file first (format, version, every
/// dataset's presence, type and shape); any fault is one util::InputError naming the file.
ResultsInfo read_results_info(const std::string& path);

/// The format name and version of a run file (InputError naming `path`).
void check_results_format(const std::string& path, hid_t file);

/// The layout check of a run stored at `run` (a file, or a scenario's group of a comparison).
void check_results_layout(const std::string& path, hid_t run);

/// accounts, active, followers and active_anywhere of every replicate and week.
SeriesTable read_series_table(const std::string& path);

}  // namespace sim::engine
