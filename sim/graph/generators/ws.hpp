#pragma once
/// Watts–Strogatz small-world graphs: a ring lattice with random rewiring.

#include <cstdint>

#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct WsParams {
  NodeId nodes = 1000;
  std::uint32_t neighbours = 10;  ///< k: each node links to k/2 ring neighbours on each side (even)
  double rewire = 0.1;            ///< beta: probability that a lattice edge gets a random far end
  bool directed = false;          ///< undirected: both arcs of each edge
  std::uint64_t seed = 1;
};

/// Draws keyed by (stream graph_rewire, node, ring offset). Rewired edges that duplicate an
/// existing one collapse, so the mean degree can fall slightly below k for large beta.
Graph generate_ws(const WsParams& params);

}  // namespace sim::graph::generators
