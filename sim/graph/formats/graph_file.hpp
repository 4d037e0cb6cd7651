#pragma once
#include "sim/io/atomic_file.hpp"
/// Trek's own graph format in HDF5: the forward CSR arrays plus node attributes. Loading reads two
/// contiguous arrays and rebuilds the followee direction in parallel. Layout in docs/graph.md.

#include <string>

#include "sim/graph/graph.hpp"

namespace sim::graph::formats {

inline constexpr std::string_view kGraphFormatName = "trek-graph";
inline constexpr std::uint64_t kGraphFormatVersion = 2;

/// Writes `graph` to `path` atomically (a temporary file renamed into place).
void write_graph_file(const Graph& graph, const std::string& path, const std::string& creator,
                      const io::OutputPolicy& policy = {.replace = true});

/// Reads and validates a Trek graph file. Throws util::InputError when the file is not a Trek
/// graph, has an unsupported version, or holds inconsistent arrays.
Graph read_graph_file(const std::string& path);

}  // namespace sim::graph::formats
