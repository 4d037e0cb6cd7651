// Triangles through u = (1/2) sum over neighbours v of |N(u) ∩ N(v)|, by merging sorted rows.
// Per-node counts are integers; the averages are summed serially in node order, so the results
// are the same for any thread count.

#include "sim/graph/stats/clustering.hpp"

#include <tbb/parallel_for.h>

namespace sim::graph::stats {
namespace {

std::uint64_t common_count(std::span<const NodeId> a, std::span<const NodeId> b) {
  std::uint64_t count = 0;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) {
      ++i;
    } else if (b[j] < a[i]) {
      ++j;
    } else {
      ++count, ++i, ++j;
    }
  }
  return count;
}

}  // namespace

std::vector<std::uint64_t> triangles_per_node(const UndirectedView& view) {
  std::vector<std::uint64_t> triangles(view.node_count());
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, view.node_count(), 256), [&](const auto& range) {
    for (NodeId u = range.begin(); u != range.end(); ++u) {
      std::uint64_t twice = 0;
      for (NodeId v : view.neighbours(u))
        twice += common_count(view.neighbours(u), view.neighbours(v));
      triangles[u] = twice / 2;
    }
  });
  return triangles;
}

Clustering clustering(const UndirectedView& view) {
  const auto triangles = triangles_per_node(view);
  Clustering result;
  double local_sum = 0;
  std::uint64_t triangle_corners = 0, triples = 0;
  for (NodeId u = 0; u < view.node_count(); ++u) {
    const std::uint64_t degree = view.neighbours(u).size();
    const std::uint64_t pairs = degree * (degree - (degree > 0 ? 1 : 0)) / 2;
    if (pairs > 0) local_sum += static_cast<double>(triangles[u]) / static_cast<double>(pairs);
    triangle_corners += triangles[u];
    triples += pairs;
  }
  if (view.node_count() > 0) result.average_local = local_sum / view.node_count();
  if (triples > 0)
    result.transitivity = static_cast<double>(triangle_corners) / static_cast<double>(triples);
  result.triangles = triangle_corners / 3;
  return result;
}

}  // namespace sim::graph::stats
