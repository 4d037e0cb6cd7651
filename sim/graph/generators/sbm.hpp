#pragma once
/// Stochastic block model: communities with dense links inside and sparse links between.

#include <cstdint>

#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct SbmParams {
  NodeId nodes = 1000;
  std::uint32_t blocks = 4;      ///< communities of (nearly) equal size, contiguous id ranges
  double mean_degree_in = 8.0;   ///< expected arcs from a node into its own block
  double mean_degree_out = 2.0;  ///< expected arcs from a node into all other blocks together
  bool directed = true;
  std::uint64_t seed = 1;
};

/// Block of node u: floor(u * blocks / n).
NodeId block_of(NodeId node, const SbmParams& params);

/// Each node walks each block with geometric skips at that block's arc probability; draws keyed by
/// (stream graph_arcs, node, block). Stores each node's block as the `community` attribute.
Graph generate_sbm(const SbmParams& params);

}  // namespace sim::graph::generators
