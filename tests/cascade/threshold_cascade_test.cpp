// The threshold model: Granovetter's riot, the serial reference, per-node and drawn thresholds.

#include <gtest/gtest.h>

#include <cmath>

#include "cascade/reference_cascade.hpp"
#include "sim/cascade/study.hpp"
#include "sim/graph/build.hpp"
#include "sim/graph/generators/er.hpp"

namespace {

using namespace sim;
using graph::NodeId;

graph::Graph complete_graph(NodeId n) {
  std::vector<graph::Arc> arcs;
  for (NodeId u = 0; u < n; ++u) {
    for (NodeId v = 0; v < n; ++v) {
      if (u != v) arcs.push_back({u, v});
    }
  }
  return graph::build_graph(n, arcs);
}

std::uint32_t riot_size(const graph::Graph& crowd, std::vector<double> thresholds) {
  cascade::ThresholdRule rule;
  rule.kind = cascade::ThresholdRule::Kind::kCount;
  rule.per_node = std::move(thresholds);
  rule.validate_for(crowd);
  cascade::ThresholdCascade kernel(crowd, rule);
  return kernel.run({{1, 0}, 0, 0}, {}).reached;
}

// Granovetter (1978): thresholds 0, 1, ..., 99 riot entirely, one after another; raising the single
// threshold of 1 to 2 stops the riot at the instigator.
TEST(ThresholdCascade, GranovetterRiot) {
  const graph::Graph crowd = complete_graph(100);
  std::vector<double> thresholds(100);
  for (int i = 0; i < 100; ++i)
    thresholds[static_cast<std::size_t>(i)] = i;
  cascade::ThresholdRule rule;
  rule.kind = cascade::ThresholdRule::Kind::kCount;
  rule.per_node = thresholds;
  cascade::ThresholdCascade kernel(crowd, rule);
  const auto outcome = kernel.run({{1, 0}, 0, 0}, {});
  EXPECT_EQ(outcome.reached, 100u);
  EXPECT_EQ(outcome.rounds, 99u);  // one new rioter per round
  thresholds[1] = 2;
  EXPECT_EQ(riot_size(crowd, thresholds), 1u);
}

std::vector<std::uint32_t> fraction_needs(const graph::Graph& graph, double phi) {
  std::vector<std::uint32_t> need(graph.node_count());
  for (NodeId v = 0; v < graph.node_count(); ++v) {
    const auto k = graph.followee_count(v);
    need[v] = k == 0 ? ~std::uint32_t{0}
                     : static_cast<std::uint32_t>(std::ceil(phi * static_cast<double>(k) - 1e-9));
  }
  return need;
}

TEST(ThresholdCascade, MatchesSerialReference) {
  for (std::uint64_t g = 1; g <= 3; ++g) {
    const graph::Graph graph = graph::generators::generate_er(
        {.nodes = 400, .mean_degree = 3.0, .directed = false, .seed = g});
    for (const double phi : {0.15, 0.25, 0.4}) {
      cascade::ThresholdRule rule;
      rule.mean = phi;
      cascade::ThresholdCascade kernel(graph, rule);
      const auto need = fraction_needs(graph, phi);
      for (NodeId s = 0; s < 40; ++s) {
        const std::vector<NodeId> seeds{s, static_cast<NodeId>(s + 100)};
        const auto outcome = kernel.run({{1, g}, 0, s}, seeds);
        const auto expected = test::reference_threshold(graph, need, seeds);
        EXPECT_EQ(std::set<NodeId>(kernel.reached_nodes().begin(), kernel.reached_nodes().end()),
                  expected.reached);
        EXPECT_EQ(outcome.rounds, expected.rounds);
      }
    }
  }
}

TEST(ThresholdCascade, DrawnThresholdsAreKeyedByCascadeAndNode) {
  const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 2000, .mean_degree = 4.0, .directed = false, .seed = 3});
  cascade::ThresholdRule rule;
  rule.mean = 0.2;
  rule.sd = 0.1;
  cascade::ThresholdCascade a(graph, rule);
  cascade::ThresholdCascade b(graph, rule);
  std::uint64_t differing = 0;
  for (std::uint64_t c = 0; c < 50; ++c) {
    const std::vector<NodeId> seeds{static_cast<NodeId>(c)};
    const auto first = a.run({{4, 0}, 0, c}, seeds).reached;
    b.run({{4, 0}, 0, c + 1000}, seeds);  // a different cascade in between must not matter
    EXPECT_EQ(b.run({{4, 0}, 0, c}, seeds).reached, first);
    differing += a.run({{4, 0}, 0, c + 1}, seeds).reached != first ? 1U : 0U;
  }
  EXPECT_GT(differing, 0u);  // thresholds really are redrawn per cascade
}

}  // namespace
