#pragma once
/// The figures `trek graph stats` reports for a graph.

#include <cstdint>

#include "sim/graph/build.hpp"
#include "sim/graph/graph.hpp"
#include "sim/graph/stats/degree_summary.hpp"

namespace sim::graph::stats {

struct GraphStats {
  NodeId nodes = 0;
  ArcIndex arcs = 0;
  BuildReport input;              ///< self-loops and duplicates dropped when the graph was read
  double reciprocity = 0;         ///< share of arcs whose reverse arc exists
  DegreeSummary in_degree;        ///< followees per node
  DegreeSummary out_degree;       ///< followers per node
  ArcIndex undirected_edges = 0;  ///< simple edges of the undirected graph
  double mean_undirected_degree = 0;
  double average_clustering = 0;  ///< average local clustering (undirected)
  double transitivity = 0;        ///< global clustering (undirected)
  std::uint64_t triangles = 0;
  std::uint64_t weak_component_count = 0;
  NodeId largest_weak_component = 0;
  std::uint64_t strong_component_count = 0;
  NodeId largest_strong_component = 0;
};

/// Number of arcs u -> v for which v -> u also exists.
ArcIndex reciprocated_arcs(const Graph& graph);

GraphStats compute_stats(const Graph& graph, const BuildReport& input = {});

}  // namespace sim::graph::stats
