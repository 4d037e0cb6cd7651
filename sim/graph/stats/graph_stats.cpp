#include "sim/graph/stats/graph_stats.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_reduce.h>

#include <functional>

#include "sim/graph/stats/clustering.hpp"
#include "sim/graph/stats/components.hpp"
#include "sim/graph/stats/undirected_view.hpp"

namespace sim::graph::stats {

ArcIndex reciprocated_arcs(const Graph& graph) {
  // Integer counts: the reduction order cannot change the result.
  return tbb::parallel_reduce(
      tbb::blocked_range<NodeId>(0, graph.node_count(), 1024), ArcIndex{0},
      [&](const tbb::blocked_range<NodeId>& range, ArcIndex count) {
        for (NodeId u = range.begin(); u != range.end(); ++u) {
          for (NodeId v : graph.followers(u))
            count += graph.has_arc(v, u) ? 1u : 0u;
        }
        return count;
      },
      std::plus<>{});
}

GraphStats compute_stats(const Graph& graph, const BuildReport& input) {
  GraphStats stats;
  stats.nodes = graph.node_count();
  stats.arcs = graph.arc_count();
  stats.input = input;
  if (stats.arcs > 0) {
    stats.reciprocity =
        static_cast<double>(reciprocated_arcs(graph)) / static_cast<double>(stats.arcs);
  }
  stats.in_degree = in_degree_summary(graph);
  stats.out_degree = out_degree_summary(graph);
  {
    const UndirectedView view(graph);
    stats.undirected_edges = view.edge_count();
    if (stats.nodes > 0) {
      stats.mean_undirected_degree =
          2.0 * static_cast<double>(view.edge_count()) / static_cast<double>(stats.nodes);
    }
    const Clustering c = clustering(view);
    stats.average_clustering = c.average_local;
    stats.transitivity = c.transitivity;
    stats.triangles = c.triangles;
  }
  const auto weak = summarize_components(weak_components(graph));
  stats.weak_component_count = weak.count;
  stats.largest_weak_component = weak.largest;
  const auto strong = summarize_components(strong_components(graph));
  stats.strong_component_count = strong.count;
  stats.largest_strong_component = strong.largest;
  return stats;
}

}  // namespace sim::graph::stats
