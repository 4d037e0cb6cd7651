#include "sim/graph/build.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "support/test_support.hpp"

namespace sim::graph {
namespace {

std::vector<Arc> random_arcs(NodeId n, std::size_t count, std::uint64_t seed) {
  rng::RandomStream draws({seed, 0}, {.stream = rng::Stream::kGraphArcs});
  std::vector<Arc> arcs(count);
  for (auto& arc : arcs) {
    arc = {static_cast<NodeId>(rng::below(draws, n)), static_cast<NodeId>(rng::below(draws, n))};
  }
  return arcs;
}

TEST(BuildGraph, SmallExampleHasSortedRowsBothWays) {
  // 0 -> 1, 0 -> 2, 2 -> 1, 1 -> 0, plus a duplicate and a self-loop.
  BuildReport report;
  const Graph g = build_graph(3, {{2, 1}, {0, 2}, {1, 0}, {0, 1}, {0, 2}, {1, 1}}, {}, &report);
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.arc_count(), 4u);
  EXPECT_EQ(report.input_arcs, 6u);
  EXPECT_EQ(report.duplicates, 1u);
  EXPECT_EQ(report.self_loops, 1u);
  EXPECT_EQ(std::vector<NodeId>(g.followers(0).begin(), g.followers(0).end()),
            (std::vector<NodeId>{1, 2}));
  EXPECT_EQ(std::vector<NodeId>(g.followees(1).begin(), g.followees(1).end()),
            (std::vector<NodeId>{0, 2}));
  EXPECT_TRUE(g.has_arc(2, 1));
  EXPECT_FALSE(g.has_arc(1, 2));
}

// The parallel builder fills Boost's arrays directly; Boost's own constructor is the reference.
TEST(BuildGraph, EqualsBoostsOwnConstructor) {
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const NodeId n = 200;
    auto arcs = random_arcs(n, 3000, seed);
    const Graph ours = build_graph(n, arcs);
    std::sort(arcs.begin(), arcs.end(), [](Arc a, Arc b) { return arc_key(a) < arc_key(b); });
    arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
    std::erase_if(arcs, [](Arc a) { return a.source == a.target; });
    std::vector<std::pair<NodeId, NodeId>> pairs;
    for (Arc a : arcs)
      pairs.emplace_back(a.source, a.target);
    const BoostCsr reference(boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(), n);
    const auto& csr = ours.boost_graph();
    EXPECT_EQ(csr.m_forward.m_rowstart, reference.m_forward.m_rowstart);
    EXPECT_EQ(csr.m_forward.m_column, reference.m_forward.m_column);
    EXPECT_EQ(csr.m_backward.m_rowstart, reference.m_backward.m_rowstart);
    EXPECT_EQ(csr.m_backward.m_column, reference.m_backward.m_column);
    EXPECT_EQ(csr.m_backward.m_edge_properties, reference.m_backward.m_edge_properties);
    // Boost.Graph's generic interface sees the same arcs.
    EXPECT_EQ(boost::num_edges(csr), arcs.size());
    for (NodeId v = 0; v < n; ++v)
      EXPECT_EQ(boost::in_degree(v, csr), ours.followee_count(v));
  }
}

TEST(BuildGraph, DoesNotDependOnInputOrderOrThreadCount) {
  const NodeId n = 5000;
  const auto arcs = random_arcs(n, 60000, 11);
  Graph reference;
  sim::test::with_threads(1, [&] { reference = build_graph(n, arcs); });
  for (int threads : {2, 4}) {
    auto shuffled = arcs;
    std::reverse(shuffled.begin(), shuffled.end());
    Graph g;
    sim::test::with_threads(threads, [&] { g = build_graph(n, shuffled); });
    EXPECT_TRUE(sim::test::identical(g, reference)) << threads << " threads";
  }
}

TEST(BuildGraph, RejectsIdsOutOfRange) {
  EXPECT_THROW(build_graph(2, {{0, 2}}), std::invalid_argument);
}

TEST(BuildGraph, HandlesEmptyGraphs) {
  const Graph g = build_graph(4, {});
  EXPECT_EQ(g.node_count(), 4u);
  EXPECT_EQ(g.arc_count(), 0u);
  EXPECT_TRUE(g.followers(3).empty());
  EXPECT_EQ(build_graph(0, {}).node_count(), 0u);
}

TEST(ValidateCsr, AcceptsGoodArraysAndNamesEachProblem) {
  EXPECT_EQ(validate_csr({0, 1, 2}, {1, 0}), "");
  EXPECT_NE(validate_csr({}, {}), "");
  EXPECT_NE(validate_csr({1, 2}, {0}).find("start at 0"), std::string::npos);
  EXPECT_NE(validate_csr({0, 1}, {0, 1}).find("last offset"), std::string::npos);
  EXPECT_NE(validate_csr({0, 5, 2}, {1, 0}).find("decrease"), std::string::npos);
  EXPECT_NE(validate_csr({0, 1, 2}, {7, 0}).find("out of range"), std::string::npos);
  EXPECT_NE(validate_csr({0, 1, 2}, {0, 0}).find("self-loop"), std::string::npos);
  EXPECT_NE(validate_csr({0, 2, 2, 2}, {2, 1}).find("strictly increasing"), std::string::npos);
}

TEST(GraphFromCsr, RebuildsTheFolloweeDirection) {
  const Graph g = graph_from_csr({0, 2, 2, 3}, {1, 2, 1});
  EXPECT_EQ(g.followee_count(1), 2u);
  EXPECT_EQ(g.followees(1)[0], 0u);
  EXPECT_EQ(g.followees(1)[1], 2u);
}

}  // namespace
}  // namespace sim::graph
