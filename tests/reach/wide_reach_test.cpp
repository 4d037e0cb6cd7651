// Reach with more than eight platforms: exact deduplication across both words of platforms, the
// first platforms' reach unchanged by unused upper ones (they draw from their own sub-addresses),
// and the feed reach on an upper platform right in expectation, with reshares that only add.

#include <gtest/gtest.h>

#include <cmath>

#include "sim/graph/formats/load.hpp"
#include "sim/reach/message_reach.hpp"

namespace {

using namespace sim;
using model::AgentState;
using model::PlatformBits;
using scenario::PlatformParams;
using scenario::Scenario;

PlatformParams platform(std::size_t k, bool posting) {
  PlatformParams p;
  p.name = "p" + std::to_string(k);
  p.organisation_present = posting;
  p.posts_per_week = posting ? 7.0 : 0.0;
  p.feed_reach = 1.0;
  return p;
}

/// `count` platforms; the organisation posts on those in `posting`.
Scenario scenario_of(std::size_t count, PlatformBits posting) {
  Scenario s;
  s.weeks = 4;
  s.seed = 3;
  for (std::size_t k = 0; k < count; ++k)
    s.platforms.push_back(platform(k, model::has(posting, k)));
  return s;
}

AgentState state_of(std::size_t platforms, const std::vector<PlatformBits>& bits) {
  AgentState state(bits.size(), platforms);
  for (std::size_t i = 0; i < bits.size(); ++i)
    state.account[i] = state.active[i] = state.follows[i] = bits[i];
  return state;
}

TEST(WideReach, DeduplicatesExactlyAcrossBothWordsOfPlatforms) {
  const graph::Graph graph = graph::formats::load_graph("er:n=6,mean_degree=2,seed=1").graph;
  // Feed reach 1 everywhere, no reshares: every active follower on a posting platform sees it.
  const Scenario s = scenario_of(12, 0b1110'0000'0011);
  const model::ModelContext context(s, graph, {s.seed, 0});
  reach::MessageSimulator simulator(context);
  const AgentState state = state_of(12, {0b0000'0000'0001, 0b1000'0000'0000, 0b1010'0000'0001,
                                         0b0100'0000'0000, 0b0001'0000'0000, 0b1110'0000'0010});
  const reach::MessageReach r = simulator.simulate(state, 0, 0);
  EXPECT_EQ(r.viewers[0], 2.0);
  EXPECT_EQ(r.viewers[1], 1.0);
  EXPECT_EQ(r.viewers[8], 0.0);  // agent 4's platform: the organisation does not post there
  EXPECT_EQ(r.viewers[9], 2.0);
  EXPECT_EQ(r.viewers[10], 2.0);
  EXPECT_EQ(r.viewers[11], 3.0);
  EXPECT_EQ(r.unique, 5.0);
  EXPECT_EQ(r.only_here[0], 1.0);
  EXPECT_EQ(r.only_here[10], 1.0);
  EXPECT_EQ(r.only_here[11], 1.0);
  EXPECT_EQ(r.only_here[9], 0.0);
  // Posted on the upper platforms alone.
  const reach::MessageReach upper = simulator.simulate(state, 0, 0, 0b1111'0000'0000, nullptr);
  EXPECT_EQ(upper.unique, 4.0);
  EXPECT_EQ(upper.viewers[0], 0.0);
  EXPECT_EQ(upper.viewers[11], 3.0);
}

/// 3,000 agents; every other one on platform `a`, every third on platform `b`; most follow.
AgentState audience_state(const graph::Graph& graph, std::size_t platforms, std::size_t a,
                          std::size_t b) {
  AgentState state(graph.node_count(), platforms);
  for (std::size_t i = 0; i < state.agents(); ++i) {
    PlatformBits bits = 0;
    if (i % 2 == 0) bits = model::with(bits, a);
    if (i % 3 == 0) bits = model::with(bits, b);
    state.account[i] = state.active[i] = bits;
    state.follows[i] = i % 5 == 0 ? 0 : bits;
  }
  return state;
}

const graph::Graph& audience_graph() {
  static const graph::Graph graph = graph::formats::load_graph("follower:n=3000,seed=5").graph;
  return graph;
}

reach::MessageReach reach_on(std::size_t platforms, std::size_t a, std::size_t b, double feed,
                             double reshare, std::uint32_t post) {
  Scenario s = scenario_of(platforms, model::with(model::with(0, a), b));
  for (auto& p : s.platforms) {
    p.feed_reach = feed;
    p.reshare.fill(reshare);
    p.discovery_reach = 0.01;
    p.rebuild = 0.5;
  }
  const model::ModelContext context(s, audience_graph(), {s.seed, 1});
  reach::MessageSimulator simulator(context);
  return simulator.simulate(audience_state(audience_graph(), platforms, a, b), 2, post);
}

TEST(WideReach, UnusedUpperPlatformsChangeNothingOnTheFirstEight) {
  for (std::uint32_t post = 0; post < 3; ++post) {
    const auto narrow = reach_on(2, 0, 1, 0.3, 0.1, post);
    const auto wide = reach_on(16, 0, 1, 0.3, 0.1, post);
    EXPECT_EQ(narrow.unique, wide.unique);
    EXPECT_EQ(narrow.within, wide.within);
    EXPECT_EQ(narrow.unique_by_segment, wide.unique_by_segment);
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_EQ(narrow.viewers[k], wide.viewers[k]);
      EXPECT_EQ(narrow.engagements[k], wide.engagements[k]);
    }
  }
}

TEST(WideReach, FeedReachOnAnUpperPlatformIsRightInExpectation) {
  // No reshares: viewers on platform 13 ~ Binomial(followers there, feed reach), plus discovery
  // among its active non-followers.
  const AgentState state = audience_state(audience_graph(), 14, 9, 13);
  double followers = 0.0, others = 0.0;
  for (std::size_t i = 0; i < state.agents(); ++i) {
    followers += model::has(state.follows[i], 13) ? 1.0 : 0.0;
    others += model::has(state.active[i], 13) && !model::has(state.follows[i], 13) ? 1.0 : 0.0;
  }
  const double feed = 0.25, discovery = 0.01;
  double total = 0.0;
  const int posts = 40;
  for (int post = 0; post < posts; ++post)
    total += reach_on(14, 9, 13, feed, 0.0, static_cast<std::uint32_t>(post)).viewers[13];
  const double expected = posts * (followers * feed + others * discovery);
  const double variance =
      posts * (followers * feed * (1.0 - feed) + others * discovery * (1.0 - discovery));
  EXPECT_NEAR(total, expected, 4.0 * std::sqrt(variance));
}

TEST(WideReach, ResharesOnUpperPlatformsOnlyAdd) {
  for (std::uint32_t post = 0; post < 4; ++post) {
    const auto base = reach_on(14, 9, 13, 0.2, 0.0, post);
    const auto shared = reach_on(14, 9, 13, 0.2, 0.3, post);
    EXPECT_GE(shared.unique, base.unique) << post;
    for (const std::size_t k : {std::size_t{9}, std::size_t{13}})
      EXPECT_GE(shared.viewers[k], base.viewers[k]) << post << " " << k;
    EXPECT_GT(shared.viewers[9] + shared.viewers[13], base.viewers[9] + base.viewers[13]) << post;
  }
}

}  // namespace
