// Reach of the organisation's messages: exact deduplication on small cases, monotone where it
// must be (coin by coin, since every coin is keyed), crisis reach non-decreasing in time, and the
// feed reach right in expectation.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/graph/formats/load.hpp"
#include "sim/reach/message_reach.hpp"

namespace {

using namespace sim;
using model::AgentState;
using scenario::PlatformParams;
using scenario::Scenario;

PlatformParams posting_platform(const std::string& name) {
  PlatformParams p;
  p.name = name;
  p.organisation_present = true;
  p.posts_per_week = 7;
  p.feed_reach = 1.0;
  return p;
}

Scenario two_platforms() {
  Scenario s;
  s.weeks = 4;
  s.seed = 3;
  s.platforms = {posting_platform("a"), posting_platform("b")};
  return s;
}

/// State with `active`/`follows` bits given per agent (the same bits for both).
AgentState state_of(const std::vector<std::uint8_t>& bits) {
  AgentState state(bits.size(), 2);
  for (std::size_t i = 0; i < bits.size(); ++i) {
    state.account[i] = state.active[i] = state.follows[i] = bits[i];
  }
  return state;
}

TEST(MessageReach, DeduplicatesExactlyAcrossPlatforms) {
  const graph::Graph graph = graph::formats::load_graph("er:n=6,mean_degree=2,seed=1").graph;
  const Scenario s = two_platforms();  // feed reach 1, no reshare, no discovery
  const model::ModelContext context(s, graph, {s.seed, 0});
  reach::MessageSimulator simulator(context);
  // Agents 0, 1 on a only; 2 on both; 3 on b only; 4 on nothing; 5 on both.
  const AgentState state = state_of({0b01, 0b01, 0b11, 0b10, 0b00, 0b11});
  const reach::MessageReach r = simulator.simulate(state, 0, 0);
  EXPECT_EQ(r.viewers[0], 4.0);
  EXPECT_EQ(r.viewers[1], 3.0);
  EXPECT_EQ(r.unique, 5.0);
  EXPECT_EQ(r.only_here[0], 2.0);
  EXPECT_EQ(r.only_here[1], 1.0);
  // Simulating again gives the same (scratch arrays are reset).
  const reach::MessageReach again = simulator.simulate(state, 0, 0);
  EXPECT_EQ(again.unique, 5.0);
  EXPECT_EQ(again.within, r.within);
}

TEST(MessageReach, NothingWhereTheOrganisationIsAbsent) {
  const graph::Graph graph = graph::formats::load_graph("er:n=6,mean_degree=2,seed=1").graph;
  Scenario s = two_platforms();
  s.platforms[1].organisation_present = false;
  const model::ModelContext context(s, graph, {s.seed, 0});
  reach::MessageSimulator simulator(context);
  const reach::MessageReach r =
      simulator.simulate(state_of({0b01, 0b01, 0b11, 0b10, 0b00, 0b11}), 0, 0);
  EXPECT_EQ(r.viewers[1], 0.0);
  EXPECT_EQ(r.unique, 4.0);
}

struct Audience {
  graph::Graph graph = graph::formats::load_graph("follower:n=3000,seed=5").graph;
  AgentState state;
  Audience() {
    state = AgentState(graph.node_count(), 2);
    for (std::size_t i = 0; i < state.agents(); ++i) {
      // Every other agent on a, every third on b; most follow the organisation.
      const std::uint8_t bits =
          static_cast<std::uint8_t>((i % 2 == 0 ? 1 : 0) | (i % 3 == 0 ? 2 : 0));
      state.account[i] = state.active[i] = bits;
      state.follows[i] = i % 5 == 0 ? 0 : bits;
    }
  }
};

reach::MessageReach reach_with(const Audience& audience, double feed, double reshare,
                               double discovery, std::uint32_t post) {
  Scenario s = two_platforms();
  for (auto& p : s.platforms) {
    p.feed_reach = feed;
    p.reshare.fill(reshare);
    p.discovery_reach = discovery;
    p.rebuild = 0.5;
  }
  const model::ModelContext context(s, audience.graph, {s.seed, 1});
  reach::MessageSimulator simulator(context);
  return simulator.simulate(audience.state, 2, post);
}

TEST(MessageReach, MoreFeedReachOrResharingNeverLowersReach) {
  const Audience audience;
  for (std::uint32_t post = 0; post < 5; ++post) {
    const auto base = reach_with(audience, 0.2, 0.1, 0.01, post);
    const auto more_feed = reach_with(audience, 0.4, 0.1, 0.01, post);
    const auto more_share = reach_with(audience, 0.2, 0.3, 0.01, post);
    const auto more_discovery = reach_with(audience, 0.2, 0.1, 0.05, post);
    for (const auto* more : {&more_feed, &more_share, &more_discovery}) {
      EXPECT_GE(more->unique, base.unique) << post;
      for (std::size_t k = 0; k < 2; ++k)
        EXPECT_GE(more->viewers[k], base.viewers[k]) << post;
    }
    EXPECT_GT(more_feed.unique, base.unique);
    EXPECT_GT(more_share.viewers[0], base.viewers[0]);
  }
}

TEST(MessageReach, CrisisReachGrowsWithTime) {
  const Audience audience;
  const auto r = reach_with(audience, 0.3, 0.2, 0.0, 0);
  const std::size_t hour = reach::crisis_index(1.0);
  EXPECT_GT(r.within[hour], 0.0);
  for (std::size_t h = 1; h < r.within.size(); ++h)
    EXPECT_LE(r.within[h - 1], r.within[h]) << h;
  EXPECT_LE(r.within.back(), r.unique);
  EXPECT_LT(r.within[hour], r.unique);  // two check-ins a day: most look later than an hour
}

TEST(MessageReach, FeedReachIsRightInExpectation) {
  // No reshares, no discovery: viewers on a ~ Binomial(followers on a, feed reach).
  const Audience audience;
  double followers = 0.0;
  for (std::size_t i = 0; i < audience.state.agents(); ++i) {
    followers += (audience.state.follows[i] & 1U) != 0 ? 1.0 : 0.0;
  }
  const double feed = 0.25;
  double total = 0.0;
  const int posts = 40;
  for (int post = 0; post < posts; ++post) {
    total += reach_with(audience, feed, 0.0, 0.0, static_cast<std::uint32_t>(post)).viewers[0];
  }
  const double expected = posts * followers * feed;
  const double sd = std::sqrt(posts * followers * feed * (1.0 - feed));
  EXPECT_NEAR(total, expected, 4.0 * sd);
}

}  // namespace

namespace {

TEST(MessageReach, CheckInWaitsAreExponentialWithThePlatformsMean) {
  // Viewers on one platform, no reshares: the share reached within h hours is 1 - exp(-h / mean)
  // with mean = 24 / check_ins_per_day (the wait comes from the view's rescaled uniform).
  const Audience audience;
  AgentState state(audience.graph.node_count(), 2);
  for (std::size_t i = 0; i < state.agents(); ++i)
    state.account[i] = state.active[i] = state.follows[i] = 1;
  Scenario s = two_platforms();
  s.platforms[0].feed_reach = 0.2;
  s.platforms[0].reshare.fill(0.0);
  s.platforms[0].check_ins_per_day = 8.0;  // a look every 3 hours on average
  s.platforms[1].organisation_present = false;
  const model::ModelContext context(s, audience.graph, {s.seed, 4});
  reach::MessageSimulator simulator(context);
  reach::MessageReach total(2);
  for (std::uint32_t post = 0; post < 20; ++post)
    total.add(simulator.simulate(state, 1, post));
  ASSERT_GT(total.unique, 5000.0);
  for (const double hours : {0.5, 1.0, 2.0, 6.0, 12.0}) {
    const std::size_t mark = static_cast<std::size_t>(
        std::find(reach::kCrisisHours.begin(), reach::kCrisisHours.end(), hours) -
        reach::kCrisisHours.begin());
    const double expected = 1.0 - std::exp(-hours / 3.0);
    const double sd = std::sqrt(expected * (1.0 - expected) / total.unique);
    EXPECT_NEAR(total.within[mark] / total.unique, expected, 4.0 * sd) << hours << " h";
  }
}

}  // namespace
