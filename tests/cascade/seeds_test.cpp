// Seed rules: parsing, exact counts, independence of inclusion, the audience and active subsets.

#include <gtest/gtest.h>

#include <cmath>

#include "sim/cascade/seeds.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/util/error.hpp"

namespace {

using namespace sim;
using graph::NodeId;

const graph::Graph& graph1000() {
  static const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 1000, .mean_degree = 5.0, .directed = true, .seed = 1});
  return graph;
}

TEST(Seeds, RandomDrawsDistinctNodesUniformly) {
  const cascade::SeedSampler sampler(graph1000(), cascade::parse_seed_rule("random:10"));
  std::vector<NodeId> seeds;
  std::vector<int> hits(1000, 0);
  for (std::uint64_t c = 0; c < 5000; ++c) {
    sampler.draw({{1, 0}, 0, c}, seeds);
    ASSERT_EQ(seeds.size(), 10u);
    EXPECT_TRUE(std::adjacent_find(seeds.begin(), seeds.end()) == seeds.end());
    for (const NodeId s : seeds)
      ++hits[s];
  }
  // Each node is a seed with probability 0.01: 50 expected hits, sd ~7.
  for (const int h : hits)
    EXPECT_NEAR(h, 50, 40);
  const cascade::SeedSampler many(graph1000(), cascade::parse_seed_rule("random:900"));
  many.draw({{1, 0}, 0, 0}, seeds);
  EXPECT_EQ(seeds.size(), 900u);
  EXPECT_TRUE(std::adjacent_find(seeds.begin(), seeds.end()) == seeds.end());
}

TEST(Seeds, FractionIncludesEachNodeIndependently) {
  const cascade::SeedSampler sampler(graph1000(), cascade::parse_seed_rule("fraction:0.05"));
  std::vector<NodeId> seeds;
  double total = 0;
  for (std::uint64_t c = 0; c < 2000; ++c) {
    sampler.draw({{2, 0}, 0, c}, seeds);
    total += static_cast<double>(seeds.size());
  }
  // Mean 50 per cascade; standard error sqrt(1000 * 0.05 * 0.95 / 2000) = 0.154.
  EXPECT_NEAR(total / 2000.0, 50.0, 0.7);
}

TEST(Seeds, TopDegreeIdsFeedAndActiveSubset) {
  const graph::Graph& graph = graph1000();
  std::vector<NodeId> seeds;
  cascade::SeedSampler top(graph, cascade::parse_seed_rule("top:3"));
  top.draw({}, seeds);
  ASSERT_EQ(seeds.size(), 3u);
  std::vector<graph::ArcIndex> degrees;
  for (NodeId v = 0; v < graph.node_count(); ++v)
    degrees.push_back(graph.follower_count(v));
  std::sort(degrees.rbegin(), degrees.rend());
  for (const NodeId s : seeds)
    EXPECT_GE(graph.follower_count(s), degrees[2]);

  util::Bitset active(1000, true);
  active.reset(5);
  cascade::SeedSampler ids(graph, cascade::parse_seed_rule("ids:7,5,7,9"), &active);
  ids.draw({}, seeds);
  EXPECT_EQ(seeds, (std::vector<NodeId>{7, 9}));

  util::Bitset audience(1000);
  for (NodeId v = 0; v < 100; ++v)
    audience.set(v);
  cascade::SeedSampler feed(graph, cascade::parse_seed_rule("feed:0.5"), &active, &audience);
  EXPECT_EQ(feed.candidate_count(), 99u);
  for (std::uint64_t c = 0; c < 20; ++c) {
    feed.draw({{3, 0}, 0, c}, seeds);
    for (const NodeId s : seeds) {
      EXPECT_LT(s, 100u);
      EXPECT_NE(s, 5u);
    }
  }
}

TEST(Seeds, BadRulesAreInputErrors) {
  for (const char* text : {"randm:3", "random:0", "random:x", "fraction:1.5", "ids:1,x",
                           "top:", "feed:-0.1", "nonsense"}) {
    EXPECT_THROW(cascade::parse_seed_rule(text), util::InputError) << text;
  }
  try {
    cascade::parse_seed_rule("randm:3");
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean 'random'"), std::string::npos) << e.what();
  }
  EXPECT_THROW(cascade::SeedSampler(graph1000(), cascade::parse_seed_rule("random:1001")),
               util::InputError);
  EXPECT_THROW(cascade::SeedSampler(graph1000(), cascade::parse_seed_rule("ids:1000")),
               util::InputError);
  EXPECT_THROW(cascade::SeedSampler(graph::Graph{}, cascade::parse_seed_rule("random:1")),
               util::InputError);
  const util::Bitset too_small(999, true);
  EXPECT_THROW(cascade::SeedSampler(graph1000(), cascade::parse_seed_rule("random:1"), &too_small),
               util::InputError);
  EXPECT_THROW(
      cascade::SeedSampler(graph1000(), cascade::parse_seed_rule("feed:0.5"), nullptr, &too_small),
      util::InputError);
}

}  // namespace
