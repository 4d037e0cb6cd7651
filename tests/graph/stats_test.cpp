#include "sim/graph/stats/graph_stats.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/graph/build.hpp"
#include "sim/graph/stats/clustering.hpp"
#include "sim/graph/stats/components.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::graph::stats {
namespace {

// Hand-checked: triangle 0->1->2->0, a reciprocal pair 0<->3, an isolated node 4, an arc 5->6.
Graph hand_graph() {
  return build_graph(7, {{0, 1}, {1, 2}, {2, 0}, {0, 3}, {3, 0}, {5, 6}});
}

TEST(GraphStats, HandCheckedTinyGraph) {
  const GraphStats s = compute_stats(hand_graph());
  EXPECT_EQ(s.nodes, 7u);
  EXPECT_EQ(s.arcs, 6u);
  EXPECT_DOUBLE_EQ(s.reciprocity, 2.0 / 6.0);
  EXPECT_EQ(s.undirected_edges, 5u);
  EXPECT_EQ(s.triangles, 1u);
  // Local clustering: node 0 1/3, nodes 1 and 2: 1, all others 0.
  EXPECT_DOUBLE_EQ(s.average_clustering, (1.0 / 3 + 1 + 1) / 7);
  // Triples: node 0 has 3, nodes 1 and 2 one each: 3 * 1 / 5.
  EXPECT_DOUBLE_EQ(s.transitivity, 3.0 / 5.0);
  EXPECT_EQ(s.weak_component_count, 3u);
  EXPECT_EQ(s.largest_weak_component, 4u);
  EXPECT_EQ(s.strong_component_count, 4u);
  EXPECT_EQ(s.largest_strong_component, 4u);
  EXPECT_EQ(s.out_degree.max, 2u);    // node 0 -> 1, 3
  EXPECT_EQ(s.in_degree.max, 2u);     // node 0 <- 2, 3
  EXPECT_EQ(s.out_degree.zeros, 2u);  // nodes 4 and 6
  EXPECT_DOUBLE_EQ(s.in_degree.mean, 6.0 / 7.0);
}

TEST(DegreeSummary, NearestRankPercentiles) {
  std::vector<std::uint64_t> degrees;
  for (std::uint64_t d = 1; d <= 100; ++d)
    degrees.push_back(d);
  const auto s = summarize_degrees(degrees);
  EXPECT_EQ(s.p50, 50u);
  EXPECT_EQ(s.p90, 90u);
  EXPECT_EQ(s.p99, 99u);
  EXPECT_EQ(s.max, 100u);
  EXPECT_DOUBLE_EQ(s.mean, 50.5);
  EXPECT_DOUBLE_EQ(s.top1_share, 100.0 / 5050.0);  // one node of 100 holds degree 100
}

TEST(DegreeSummary, TopOnePercentShare) {
  // 101 nodes: the top ceil(101 / 100) = 2 hold 50 + 30 of a total of 80 + 99 x 1.
  std::vector<std::uint64_t> degrees(99, 1);
  degrees.push_back(30);
  degrees.push_back(50);
  EXPECT_DOUBLE_EQ(summarize_degrees(degrees).top1_share, 80.0 / 179.0);
  EXPECT_DOUBLE_EQ(summarize_degrees(std::vector<std::uint64_t>(5, 0)).top1_share, 0.0);
}

// Serial reference: adjacency matrices and brute force, on small random graphs.
struct Reference {
  explicit Reference(const Graph& g) : n(g.node_count()), arc(n, std::vector<bool>(n)) {
    for (NodeId u = 0; u < n; ++u) {
      for (NodeId v : g.followers(u))
        arc[u][v] = true;
    }
  }
  bool linked(NodeId a, NodeId b) const { return arc[a][b] || arc[b][a]; }
  NodeId n;
  std::vector<std::vector<bool>> arc;
};

Graph random_graph(NodeId n, std::size_t arcs, std::uint64_t seed) {
  rng::RandomStream draws({seed, 0}, {.stream = rng::Stream::kGraphArcs});
  std::vector<Arc> list;
  for (std::size_t i = 0; i < arcs; ++i) {
    list.push_back(
        {static_cast<NodeId>(rng::below(draws, n)), static_cast<NodeId>(rng::below(draws, n))});
  }
  return build_graph(n, list);
}

TEST(GraphStats, AgreesWithBruteForceOnRandomGraphs) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Graph g = random_graph(40, 30 * seed, seed);
    const Reference ref(g);
    std::uint64_t reciprocal = 0, arcs = 0, triangle_corners = 0, triples = 0;
    double local = 0;
    for (NodeId u = 0; u < ref.n; ++u) {
      std::vector<NodeId> neighbours;
      for (NodeId v = 0; v < ref.n; ++v) {
        arcs += ref.arc[u][v];
        reciprocal += ref.arc[u][v] && ref.arc[v][u];
        if (v != u && ref.linked(u, v)) neighbours.push_back(v);
      }
      std::uint64_t links = 0;
      for (std::size_t i = 0; i < neighbours.size(); ++i) {
        for (std::size_t j = i + 1; j < neighbours.size(); ++j) {
          links += ref.linked(neighbours[i], neighbours[j]);
        }
      }
      const std::uint64_t pairs =
          neighbours.size() * (neighbours.size() - (neighbours.empty() ? 0 : 1)) / 2;
      if (pairs > 0) local += double(links) / double(pairs);
      triangle_corners += links;
      triples += pairs;
    }
    const GraphStats s = compute_stats(g);
    EXPECT_EQ(s.arcs, arcs);
    EXPECT_DOUBLE_EQ(s.reciprocity, arcs ? double(reciprocal) / double(arcs) : 0.0);
    EXPECT_EQ(s.triangles, triangle_corners / 3);
    EXPECT_NEAR(s.average_clustering, local / ref.n, 1e-12);
    if (triples > 0) {
      EXPECT_NEAR(s.transitivity, double(triangle_corners) / double(triples), 1e-12);
    }
  }
}

TEST(Components, AgreeWithTransitiveClosure) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Graph g = random_graph(30, 20 + 8 * seed, seed + 100);
    Reference ref(g);
    auto reach = ref.arc;
    auto weak = ref.arc;
    for (NodeId u = 0; u < ref.n; ++u)
      reach[u][u] = weak[u][u] = true;
    for (NodeId u = 0; u < ref.n; ++u) {
      for (NodeId v = 0; v < ref.n; ++v)
        weak[u][v] = weak[u][v] || ref.arc[v][u];
    }
    for (NodeId k = 0; k < ref.n; ++k) {  // Floyd–Warshall closure
      for (NodeId i = 0; i < ref.n; ++i) {
        for (NodeId j = 0; j < ref.n; ++j) {
          reach[i][j] = reach[i][j] || (reach[i][k] && reach[k][j]);
          weak[i][j] = weak[i][j] || (weak[i][k] && weak[k][j]);
        }
      }
    }
    const auto strong = strong_components(g);
    const auto weakly = weak_components(g);
    for (NodeId i = 0; i < ref.n; ++i) {
      for (NodeId j = 0; j < ref.n; ++j) {
        ASSERT_EQ(strong[i] == strong[j], reach[i][j] && reach[j][i]) << i << "," << j;
        ASSERT_EQ(weakly[i] == weakly[j], bool(weak[i][j])) << i << "," << j;
      }
    }
  }
}

}  // namespace
}  // namespace sim::graph::stats
