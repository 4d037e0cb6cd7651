#pragma once
/// Erdős–Rényi G(n, p) graphs, with p set from the mean degree.

#include <cstdint>

#include "sim/graph/graph.hpp"

namespace sim::graph::generators {

struct ErParams {
  NodeId nodes = 1000;
  /// Directed: mean out-degree (arcs per node), p = mean_degree / (n - 1) per ordered pair.
  /// Undirected: mean degree, p = mean_degree / (n - 1) per unordered pair, both arcs added.
  double mean_degree = 10.0;
  bool directed = true;
  std::uint64_t seed = 1;
};

/// Each node walks its candidate partners with geometric skips (O(n + m) expected time); draws are
/// keyed by (stream graph_arcs, node), so the graph is the same for any thread count.
Graph generate_er(const ErParams& params);

}  // namespace sim::graph::generators
