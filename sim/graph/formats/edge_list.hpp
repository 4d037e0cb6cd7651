#pragma once
/// Edge-list import: one arc per line, "A B" or "A,B" (further columns such as weights are
/// ignored), '#' starts a comment, files ending in .gz (or any gzip stream) are decompressed.

#include <cstdint>
#include <optional>
#include <string>

#include "sim/graph/build.hpp"
#include "sim/graph/graph.hpp"

namespace sim::graph::formats {

struct EdgeListOptions {
  /// False (default): "A B" means information flows A -> B (B follows A).
  /// True: "A B" means A follows B, stored as the arc B -> A.
  bool follows = false;
  /// When set, ids are dense in [0, node_count) and kept as node ids (isolated nodes allowed);
  /// otherwise the distinct ids are numbered 0.. in increasing order and kept as external ids.
  std::optional<std::uint64_t> node_count;
};

/// Reads an edge list. Throws util::InputError naming file and line for a missing or empty file,
/// a malformed line, an id out of range and a truncated or corrupt gzip stream.
Graph read_edge_list(const std::string& path, const EdgeListOptions& options = {},
                     BuildReport* report = nullptr);

/// Writes a graph as an edge list of external ids (or node ids), information-flow direction.
void write_edge_list(const Graph& graph, const std::string& path);

}  // namespace sim::graph::formats
