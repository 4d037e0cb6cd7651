#pragma once
/// Clustering of the undirected simple graph: average local clustering and global transitivity
/// (the definitions of networkx's average_clustering and transitivity on the undirected graph).

#include <vector>

#include "sim/graph/stats/undirected_view.hpp"

namespace sim::graph::stats {

struct Clustering {
  double average_local = 0;  ///< mean over all nodes of t(u) / (d(u)(d(u)-1)/2), 0 when d < 2
  double transitivity = 0;   ///< 3 * triangles / connected triples
  std::uint64_t triangles = 0;
};

/// Triangles through each node: the number of edges among its neighbours.
std::vector<std::uint64_t> triangles_per_node(const UndirectedView& view);

Clustering clustering(const UndirectedView& view);

}  // namespace sim::graph::stats
