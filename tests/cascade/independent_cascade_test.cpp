// The independent-cascade kernels against the serial reference, exact enumeration on tiny graphs,
// and determinism across thread counts.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "cascade/reference_cascade.hpp"
#include "sim/cascade/shared_live_cascades.hpp"
#include "sim/cascade/study.hpp"
#include "sim/graph/build.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/graph/generators/follower.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;
using cascade::CascadeKey;
using graph::NodeId;

std::set<NodeId> as_set(std::span<const NodeId> nodes) {
  return {nodes.begin(), nodes.end()};
}

graph::Graph small_er(std::uint64_t seed) {
  return graph::generators::generate_er(
      {.nodes = 300, .mean_degree = 4.0, .directed = true, .seed = seed});
}

TEST(IndependentCascade, MatchesSerialReferenceOnSmallGraphs) {
  for (std::uint64_t g = 1; g <= 3; ++g) {
    const graph::Graph graph = small_er(g);
    const auto t = cascade::Transmission::uniform(0.3);
    cascade::IndependentCascade kernel(graph, t);
    for (std::uint64_t c = 0; c < 50; ++c) {
      const CascadeKey key{{7, g}, 0, c};
      const std::vector<NodeId> seeds{static_cast<NodeId>(c % 300),
                                      static_cast<NodeId>((c * 7) % 300)};
      const auto outcome = kernel.run(key, seeds);
      const auto expected = test::reference_bfs(
          test::live_followers(graph, t, key, rng::Stream::kCascadeLive), seeds);
      EXPECT_EQ(as_set(kernel.reached_nodes()), expected.reached);
      EXPECT_EQ(outcome.reached, expected.reached.size());
      EXPECT_EQ(outcome.rounds, expected.rounds);
    }
  }
}

TEST(IndependentCascade, ActiveSubsetIsRespectedWithoutRebuilding) {
  const graph::Graph graph = small_er(4);
  util::Bitset active(graph.node_count());
  for (NodeId v = 0; v < graph.node_count(); v += 1) {
    if (v % 3 != 0) active.set(v);
  }
  const auto t = cascade::Transmission::uniform(0.5);
  cascade::IndependentCascade kernel(graph, t, &active);
  for (std::uint64_t c = 0; c < 40; ++c) {
    const CascadeKey key{{3, 0}, 2, c};
    const std::vector<NodeId> seeds{1, 2, 3};  // 3 is inactive and must be ignored
    kernel.run(key, seeds);
    const auto expected = test::reference_bfs(
        test::live_followers(graph, t, key, rng::Stream::kCascadeLive), seeds, &active);
    EXPECT_EQ(as_set(kernel.reached_nodes()), expected.reached);
    for (const NodeId v : kernel.reached_nodes())
      EXPECT_TRUE(active.test(v));
  }
}

TEST(IndependentCascade, DelaysChangeTimesNotTheReachedSet) {
  const graph::Graph graph = small_er(5);
  const auto t = cascade::Transmission::uniform(0.35);
  cascade::IndependentCascade kernel(graph, t);
  cascade::DelayModel fixed{cascade::DelayModel::Kind::kFixed, 2.0, 1.0};
  cascade::DelayModel lognormal{cascade::DelayModel::Kind::kLognormal, 1.5, 0.8};
  for (std::uint64_t c = 0; c < 30; ++c) {
    const CascadeKey key{{5, 0}, 0, c};
    const std::vector<NodeId> seeds{static_cast<NodeId>(c)};
    const auto plain = kernel.run(key, seeds);
    const auto plain_set = as_set(kernel.reached_nodes());
    const auto timed = kernel.run_timed(key, seeds, fixed);
    EXPECT_EQ(as_set(kernel.reached_nodes()), plain_set);
    // With a fixed delay of 2 h, arrival time is 2 h per hop of the shortest live path.
    EXPECT_EQ(timed.rounds, plain.rounds);
    const auto hours = kernel.arrival_hours();
    EXPECT_DOUBLE_EQ(hours.back(), 2.0 * plain.rounds);
    EXPECT_TRUE(std::is_sorted(hours.begin(), hours.end()));
    kernel.run_timed(key, seeds, lognormal);
    EXPECT_EQ(as_set(kernel.reached_nodes()), plain_set);
  }
}

TEST(SharedLiveCascades, EachLaneMatchesTheReferenceOnItsLiveGraph) {
  const graph::Graph graph = small_er(6);
  const auto t = cascade::Transmission::uniform(0.3);
  cascade::SharedLiveCascades kernel(graph, t);
  for (std::uint64_t g = 0; g < 4; ++g) {
    const CascadeKey key{{9, 0}, 0, g};
    kernel.sample(key);
    const auto live = test::live_followers(graph, t, key, rng::Stream::kCascadeLiveGraph);
    std::vector<std::vector<NodeId>> seeds(64);
    for (std::size_t lane = 0; lane < 64; ++lane) {
      seeds[lane] = {static_cast<NodeId>((lane * 37 + g) % 300)};
      if (lane % 5 == 0) seeds[lane].push_back(static_cast<NodeId>(lane));
    }
    std::vector<cascade::CascadeOutcome> outcomes(64);
    kernel.run(seeds, outcomes);
    for (std::size_t lane = 0; lane < 64; ++lane) {
      const auto expected = test::reference_bfs(live, seeds[lane]);
      EXPECT_EQ(outcomes[lane].reached, expected.reached.size()) << "lane " << lane;
      EXPECT_EQ(outcomes[lane].rounds, expected.rounds) << "lane " << lane;
    }
  }
}

TEST(SharedLiveCascades, SizesFromComponentsMatchTheReference) {
  // Above and below the percolation threshold, with an active subset, many seeds and none.
  for (const double p : {0.15, 0.5}) {
    const graph::Graph graph = small_er(7);
    util::Bitset active(graph.node_count(), true);
    for (NodeId v = 0; v < graph.node_count(); v += 7)
      active.reset(v);
    const auto t = cascade::Transmission::uniform(p);
    cascade::SharedLiveCascades kernel(graph, t, &active);
    for (std::uint64_t g = 0; g < 6; ++g) {
      const CascadeKey key{{12, 0}, 0, g};
      kernel.sample(key);
      auto live = test::live_followers(graph, t, key, rng::Stream::kCascadeLiveGraph);
      for (NodeId u = 0; u < graph.node_count(); ++u) {
        if (!active.test(u)) live[u].clear();
      }
      std::vector<std::vector<NodeId>> seeds(64);
      for (std::size_t lane = 0; lane < 64; ++lane) {
        for (std::size_t i = 0; i < lane % 4; ++i) {
          seeds[lane].push_back(static_cast<NodeId>((lane * 53 + i * 101 + g) % 300));
        }
      }
      std::vector<cascade::CascadeOutcome> outcomes(64);
      kernel.run_sizes(seeds, outcomes);
      for (std::size_t lane = 0; lane < 64; ++lane) {
        const auto expected = test::reference_bfs(live, seeds[lane], &active);
        EXPECT_EQ(outcomes[lane].reached, expected.reached.size()) << "p " << p << " lane " << lane;
        std::uint64_t arcs = 0;
        for (const NodeId v : expected.reached)
          arcs += graph.follower_count(v);
        EXPECT_EQ(outcomes[lane].arcs_decided, arcs);
      }
    }
  }
}

// A tiny graph whose final-set distribution is computed exactly by enumerating live-arc subsets.
struct Tiny {
  graph::Graph graph;
  std::vector<graph::Arc> arcs;
};

Tiny tiny_graph() {
  std::vector<graph::Arc> arcs{{0, 1}, {0, 2}, {1, 2}, {1, 3}, {2, 3},
                               {3, 4}, {2, 4}, {4, 0}, {3, 1}};
  graph::NodeAttributes attributes;
  attributes.segment = {graph::Segment::kMedia, graph::Segment::kCitizen,
                        graph::Segment::kPolitician, graph::Segment::kCitizen,
                        graph::Segment::kOrganisation};
  Tiny tiny{graph::build_graph(5, arcs, attributes), {}};
  for (NodeId u = 0; u < 5; ++u) {
    for (const NodeId v : tiny.graph.followers(u))
      tiny.arcs.push_back({u, v});
  }
  return tiny;
}

/// Exact probability of each final set (as a bit mask) from seed 0, given p per arc (arc order).
std::map<unsigned, double> exact_final_sets(const Tiny& tiny, const std::vector<double>& p) {
  std::map<unsigned, double> result;
  const std::size_t m = tiny.arcs.size();
  for (unsigned subset = 0; subset < (1U << m); ++subset) {
    double probability = 1.0;
    std::vector<std::vector<NodeId>> live(5);
    for (std::size_t a = 0; a < m; ++a) {
      const bool on = (subset >> a) & 1U;
      probability *= on ? p[a] : 1.0 - p[a];
      if (on) live[tiny.arcs[a].source].push_back(tiny.arcs[a].target);
    }
    unsigned mask = 0;
    for (const NodeId v : test::reference_bfs(live, {0}).reached)
      mask |= 1U << v;
    result[mask] += probability;
  }
  return result;
}

/// Runs the kernel itself (not a study) because the check needs each final set, not only its size.
void expect_matches_exact(const Tiny& tiny, const cascade::Transmission& t,
                          const std::vector<double>& arc_p) {
  constexpr std::uint64_t kSamples = 200000;
  const rng::RunKey run{11, 1};
  std::map<unsigned, double> observed;
  cascade::IndependentCascade kernel(tiny.graph, t);
  const std::vector<NodeId> seeds{0};
  for (std::uint64_t c = 0; c < kSamples; ++c) {
    kernel.run({run, 0, c}, seeds);
    unsigned mask = 0;
    for (const NodeId v : kernel.reached_nodes())
      mask |= 1U << v;
    observed[mask] += 1.0 / kSamples;
  }
  const auto exact = exact_final_sets(tiny, arc_p);
  double total = 0.0;
  for (const auto& [mask, probability] : exact) {
    total += probability;
    const double sigma = std::sqrt(probability * (1.0 - probability) / kSamples);
    EXPECT_NEAR(observed[mask], probability, 4.5 * sigma + 1e-9) << "final set mask " << mask;
  }
  EXPECT_NEAR(total, 1.0, 1e-12);
  for (const auto& [mask, frequency] : observed)
    EXPECT_TRUE(exact.count(mask)) << mask;
}

TEST(IndependentCascadeExact, UniformProbabilityMatchesEnumeration) {
  const Tiny tiny = tiny_graph();
  expect_matches_exact(tiny, cascade::Transmission::uniform(0.4),
                       std::vector<double>(tiny.arcs.size(), 0.4));
}

TEST(IndependentCascadeExact, SegmentProbabilitiesMatchEnumeration) {
  const Tiny tiny = tiny_graph();
  const std::array<double, 4> by_segment{0.2, 0.7, 0.5, 0.9};
  std::vector<double> arc_p;
  for (const auto& arc : tiny.arcs) {
    arc_p.push_back(
        by_segment[static_cast<std::size_t>(tiny.graph.attributes().segment[arc.source])]);
  }
  expect_matches_exact(tiny, cascade::Transmission::per_segment(by_segment), arc_p);
}

TEST(IndependentCascadeExact, ArcProbabilitiesMatchEnumeration) {
  const Tiny tiny = tiny_graph();
  std::vector<float> p_float{0.1f, 0.9f, 0.5f, 0.3f, 0.6f, 0.8f, 0.25f, 0.45f, 0.7f};
  const std::vector<double> arc_p(p_float.begin(), p_float.end());
  expect_matches_exact(tiny, cascade::Transmission::per_arc(p_float), arc_p);
}

TEST(SharedLiveCascadesExact, FinalSizeDistributionMatchesEnumeration) {
  const Tiny tiny = tiny_graph();
  const auto exact = exact_final_sets(tiny, std::vector<double>(tiny.arcs.size(), 0.4));
  std::array<double, 6> exact_size{};
  for (const auto& [mask, probability] : exact)
    exact_size[static_cast<std::size_t>(std::popcount(mask))] += probability;
  cascade::CascadeStudy study;
  study.transmission = cascade::Transmission::uniform(0.4);
  study.seeds = cascade::parse_seed_rule("ids:0");
  study.samples = 64 * 4000;
  study.cascades_per_live_graph = 64;
  const auto samples = cascade::run_study(tiny.graph, study);
  std::array<double, 6> observed{};
  for (const auto size : samples.reached)
    observed[size] += 1.0 / static_cast<double>(study.samples);
  for (std::size_t size = 1; size <= 5; ++size) {
    // Cascades on one live graph from the same seed are identical, so the effective sample size is
    // the number of live graphs (4000).
    const double sigma = std::sqrt(exact_size[size] * (1.0 - exact_size[size]) / 4000.0);
    EXPECT_NEAR(observed[size], exact_size[size], 4.5 * sigma + 1e-9) << "size " << size;
  }
}

cascade::CascadeSamples study_at(int threads, cascade::CascadeStudy study,
                                 const graph::Graph& graph) {
  cascade::CascadeSamples samples;
  test::with_threads(threads, [&] { samples = cascade::run_study(graph, study); });
  return samples;
}

void expect_identical(const cascade::CascadeSamples& a, const cascade::CascadeSamples& b) {
  EXPECT_EQ(a.reached, b.reached);
  EXPECT_EQ(a.rounds, b.rounds);
  EXPECT_EQ(a.seeds, b.seeds);
  EXPECT_EQ(a.arcs_decided, b.arcs_decided);
  EXPECT_EQ(a.reached_by_time, b.reached_by_time);
}

TEST(CascadeStudy, IdenticalForAnyThreadCount) {
  const graph::Graph graph = graph::generators::generate_follower({.nodes = 3000, .seed = 2});
  std::vector<cascade::CascadeStudy> studies(4);
  studies[0].transmission = cascade::Transmission::uniform(0.2);
  studies[0].seeds = cascade::parse_seed_rule("random:3");
  studies[1] = studies[0];
  studies[1].cascades_per_live_graph = 64;
  studies[1].seeds = cascade::parse_seed_rule("fraction:0.01");
  studies.push_back(studies[1]);
  studies.back().count_rounds = false;
  studies[2].transmission = cascade::Transmission::per_segment({0.1, 0.4, 0.3, 0.5});
  studies[2].seeds = cascade::parse_seed_rule("feed:0.05");
  studies[2].delay = cascade::parse_delay("lognormal:1,1");
  studies[2].times_hours = {1, 6, 24};
  studies[3].model = cascade::CascadeStudy::Model::kThreshold;
  studies[3].threshold.mean = 0.1;
  studies[3].threshold.sd = 0.05;
  studies[3].seeds = cascade::parse_seed_rule("top:5");
  for (auto& study : studies) {
    study.samples = 300;
    const auto one = study_at(1, study, graph);
    expect_identical(one, study_at(2, study, graph));
    expect_identical(one, study_at(4, study, graph));
  }
}

}  // namespace
