#pragma once
/// Transmission probabilities from text: per segment ("citizen=0.1,media=0.3,...") or per arc from
/// a file (one probability per line, arcs in the graph's order: by source, then by target).

#include <array>
#include <string>
#include <vector>

#include "sim/graph/attributes.hpp"

namespace sim::cascade {

/// Parses "segment=p,..." naming all four segments. Throws InputError (with "did you mean").
std::array<double, graph::kSegmentCount> parse_segment_probabilities(const std::string& text);

/// Reads one probability per line ('#' comments and blank lines skipped). Throws InputError naming
/// the file and line of a bad value.
std::vector<float> read_arc_probabilities(const std::string& path);

}  // namespace sim::cascade
