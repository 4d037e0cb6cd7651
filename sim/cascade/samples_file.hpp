#pragma once
#include "sim/io/atomic_file.hpp"
/// Per-cascade results in HDF5, for researchers who want the raw Monte Carlo samples.
///
/// Layout (format attribute "trek-cascade", version 1):
///   /cascade/reached          uint32 [samples]  final size per cascade (nodes, seeds included)
///   /cascade/seeds            uint32 [samples]  active seeds per cascade
///   /cascade/rounds           uint32 [samples]  hops to the farthest reached node (absent
///                                               when rounds were not counted)
///   /cascade/times_hours      float64 [times]   report times (with delays)
///   /cascade/reached_by_time  uint32 [samples * times] row-major: nodes reached by each time
/// Attributes of /cascade: description of the run (graph, model, seeds, samples, seed, creator).
/// Written atomically: a kill leaves any old file intact.

#include <map>
#include <string>

#include "sim/cascade/study.hpp"

namespace sim::cascade {

void write_samples_file(const std::string& path, const CascadeSamples& samples,
                        const std::vector<double>& times_hours,
                        const std::map<std::string, std::string>& description,
                        const io::OutputPolicy& policy);

}  // namespace sim::cascade
