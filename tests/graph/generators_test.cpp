#include <gtest/gtest.h>

#include <cctype>
#include <cmath>

#include "sim/graph/generators/ba.hpp"
#include "sim/graph/generators/config.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/graph/generators/sbm.hpp"
#include "sim/graph/generators/ws.hpp"
#include "sim/graph/stats/clustering.hpp"
#include "sim/graph/stats/graph_stats.hpp"
#include "support/test_support.hpp"

namespace sim::graph::generators {
namespace {

Graph from_spec(const std::string& text) {
  return generate(parse_generator_spec(text));
}

// Every generator: the same graph at 1, 2 and 4 threads, and a different one for another seed.
class GeneratorDeterminism : public ::testing::TestWithParam<std::string> {};

TEST_P(GeneratorDeterminism, SameGraphForAnyThreadCount) {
  Graph reference;
  sim::test::with_threads(1, [&] { reference = from_spec(GetParam() + ",seed=7"); });
  EXPECT_GT(reference.arc_count(), 0u);
  for (int threads : {2, 4}) {
    Graph g;
    sim::test::with_threads(threads, [&] { g = from_spec(GetParam() + ",seed=7"); });
    EXPECT_TRUE(sim::test::identical(g, reference)) << GetParam() << " at " << threads;
  }
  const Graph other = from_spec(GetParam() + ",seed=8");
  EXPECT_FALSE(sim::test::identical(other, reference)) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(AllGenerators, GeneratorDeterminism,
                         ::testing::Values("er:n=3000,mean_degree=6",
                                           "er:n=3000,mean_degree=6,directed=false",
                                           "ws:n=3000,k=6,beta=0.2", "ba:n=3000,m=3",
                                           "config:n=3000,gamma=2.5", "sbm:n=3000,blocks=3",
                                           "follower:n=3000",
                                           "follower:n=3000,lurkers=0.05,follow_back_activity=0.5,"
                                           "redraws=10"),
                         [](const auto& test) {
                           // "er:n=3000,directed=false" -> "er_n_3000_directed_false"
                           std::string name = test.param;
                           for (char& c : name) {
                             if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
                           }
                           return name;
                         });

TEST(Er, DirectedArcCountMatchesExpectation) {
  const Graph g = generate_er({.nodes = 20000, .mean_degree = 8, .directed = true, .seed = 3});
  const double expected = 20000.0 * 8;
  EXPECT_NEAR(double(g.arc_count()), expected, 5 * std::sqrt(expected));
  // Out-degrees are Binomial(n - 1, p): variance close to the mean.
  const auto out = stats::out_degree_summary(g);
  EXPECT_NEAR(out.mean, 8.0, 0.1);
  EXPECT_NEAR(double(out.zeros) / 20000, std::exp(-8.0), 0.001);
}

TEST(Er, UndirectedGraphIsSymmetric) {
  const Graph g = generate_er({.nodes = 5000, .mean_degree = 5, .directed = false, .seed = 3});
  EXPECT_EQ(stats::reciprocated_arcs(g), g.arc_count());
  EXPECT_NEAR(double(g.arc_count()) / 5000, 5.0, 5 * std::sqrt(5.0 / 5000) * 2);
}

TEST(Ws, UnrewiredLatticeHasTheoreticalClustering) {
  const Graph g = generate_ws({.nodes = 1000, .neighbours = 10, .rewire = 0.0, .seed = 1});
  EXPECT_EQ(g.arc_count(), 10000u);
  for (NodeId u = 0; u < 1000; ++u)
    ASSERT_EQ(g.follower_count(u), 10u);
  const auto c = stats::clustering(stats::UndirectedView(g));
  EXPECT_NEAR(c.average_local, 3.0 * (10 - 2) / (4.0 * (10 - 1)), 1e-12);
}

TEST(Ws, RewiringLowersClusteringAsWattsStrogatz) {
  // C(beta) ~ C(0) (1 - beta)^3 (Barrat & Weigt 2000).
  const Graph g = generate_ws({.nodes = 20000, .neighbours = 10, .rewire = 0.2, .seed = 1});
  const auto c = stats::clustering(stats::UndirectedView(g));
  EXPECT_NEAR(c.average_local, (2.0 / 3.0) * std::pow(0.8, 3), 0.02);
}

TEST(Ba, ArcCountIsExactAndDegreesAreHeavyTailed) {
  const Graph g = generate_ba({.nodes = 5000, .links = 3, .directed = true, .seed = 2});
  EXPECT_EQ(g.arc_count(), 4u * 3 + (5000u - 4) * 3);
  for (NodeId v = 4; v < 5000; ++v)
    ASSERT_EQ(g.followee_count(v), 3u);
  EXPECT_GT(stats::out_degree_summary(g).max, 100u);  // hubs far above the mean of 3
}

TEST(Config, KeepsADegreeSequenceUpToErasedEdges) {
  ConfigParams params;
  params.degrees.assign(4000, 4);
  const Graph g = generate_config(params);
  ArcIndex total = 0;
  for (NodeId u = 0; u < 4000; ++u) {
    ASSERT_LE(g.follower_count(u), 4u);
    total += g.follower_count(u);
  }
  // Erased self-loops and repeated edges: about (k - 1)^2 / 2 + (k - 1) / 2 = 6 stub pairs in all
  // are expected for k = 4, so losing more than 40 arcs would mean a matching bug.
  EXPECT_GT(total, 4000u * 4 - 40);
}

TEST(Config, PowerLawDegreesFollowTheirDistribution) {
  ConfigParams params;
  params.nodes = 50000;
  params.exponent = 2.5;
  params.min_degree = 2;
  params.max_degree = 100;
  const auto pmf = power_law_pmf(2.5, 2, 100);
  double mean = 0;
  for (std::size_t i = 0; i < pmf.size(); ++i)
    mean += double(i + 2) * pmf[i];
  const Graph g = generate_config(params);
  EXPECT_NEAR(double(g.arc_count()) / params.nodes, mean, 0.05 * mean);
}

TEST(Sbm, ArcsInsideAndAcrossBlocksMatchTheirMeans) {
  const SbmParams params{.nodes = 8000, .blocks = 4, .mean_degree_in = 8, .mean_degree_out = 2};
  const Graph g = generate_sbm(params);
  ArcIndex inside = 0, across = 0;
  for (NodeId u = 0; u < g.node_count(); ++u) {
    for (NodeId v : g.followers(u)) {
      (g.attributes().community[u] == g.attributes().community[v] ? inside : across) += 1;
    }
  }
  EXPECT_NEAR(double(inside) / 8000, 8.0, 0.15);
  EXPECT_NEAR(double(across) / 8000, 2.0, 0.08);
  EXPECT_EQ(g.attributes().community.size(), 8000u);
  EXPECT_EQ(g.attributes().community[7999], 3u);
}

}  // namespace
}  // namespace sim::graph::generators
