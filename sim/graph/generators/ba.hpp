#pragma once
/// Barabási–Albert preferential attachment.

#include <cstdint>

#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct BaParams {
  NodeId nodes = 1000;
  std::uint32_t links = 5;  ///< m: accounts each new node follows (edges each new node adds)
  bool directed = true;     ///< directed: the new node follows m nodes chosen by follower count
  std::uint64_t seed = 1;
};

/// Growth is sequential by nature; draws are keyed by (stream graph_attachment, new node), so the
/// result is the same for any thread count. Time O(n m).
Graph generate_ba(const BaParams& params);

}  // namespace sim::graph::generators
