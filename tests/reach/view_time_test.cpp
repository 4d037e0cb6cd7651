// When viewers look: the fresh-feed mixture against its closed form, notifications inside the feed
// reach (the same agents every message, looking within minutes), and reshares counted at the
// resharer's look.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "sim/graph/formats/load.hpp"
#include "sim/reach/message_reach.hpp"

namespace {

using namespace sim;
using model::AgentState;
using scenario::Scenario;

/// One platform a on which every agent is active and follows the organisation; no reshares.
struct OnePlatform {
  graph::Graph graph = graph::formats::load_graph("er:n=20000,mean_degree=4,seed=2").graph;
  Scenario s;
  AgentState state;
  OnePlatform() {
    s.weeks = 4;
    s.seed = 11;
    s.platforms.resize(1);
    auto& p = s.platforms[0];
    p.name = "a";
    p.organisation_present = true;
    p.posts_per_week = 1;
    p.feed_reach = 0.2;
    p.check_ins_per_day = 8.0;  // a look every 3 hours on average
    state = AgentState(graph.node_count(), 1);
    for (std::size_t i = 0; i < state.agents(); ++i)
      state.account[i] = state.active[i] = state.follows[i] = 1;
  }
};

std::size_t mark_of(double hours) {
  return static_cast<std::size_t>(
      std::find(reach::kCrisisHours.begin(), reach::kCrisisHours.end(), hours) -
      reach::kCrisisHours.begin());
}

reach::MessageReach messages(const OnePlatform& world, std::uint32_t posts) {
  const model::ModelContext context(world.s, world.graph, {world.s.seed, 0});
  reach::MessageSimulator simulator(context);
  reach::MessageReach total(1);
  for (std::uint32_t post = 0; post < posts; ++post)
    total.add(simulator.simulate(world.state, 1, post));
  return total;
}

TEST(ViewTime, FreshViewsFollowTheMixture) {
  OnePlatform world;
  world.s.platforms[0].fresh_share = 0.8;
  world.s.platforms[0].fresh_minutes = 15.0;
  const reach::MessageReach total = messages(world, 10);
  ASSERT_GT(total.unique, 30000.0);
  for (const double hours : {0.5, 1.0, 3.0, 12.0}) {
    const double expected =
        0.8 * (1.0 - std::exp(-hours / 0.25)) + 0.2 * (1.0 - std::exp(-hours / 3.0));
    const double sd = std::sqrt(expected * (1.0 - expected) / total.unique);
    EXPECT_NEAR(total.within[mark_of(hours)] / total.unique, expected, 4.0 * sd) << hours;
  }
}

TEST(ViewTime, NotificationsAreInsideTheFeedReachAndFast) {
  OnePlatform world;
  const reach::MessageReach plain = messages(world, 10);
  world.s.platforms[0].notification_share = 0.1;
  world.s.platforms[0].notification_minutes = 6.0;
  const reach::MessageReach notified = messages(world, 10);
  const double followers = 10.0 * static_cast<double>(world.state.agents());
  // The same share sees it (0.2), but half of the viewers within minutes.
  EXPECT_NEAR(notified.unique / followers, 0.2, 4.0 * std::sqrt(0.2 * 0.8 / followers));
  const std::size_t half_hour = mark_of(0.5);
  const double expected = 0.1 * (1.0 - std::exp(-5.0)) + 0.1 * (1.0 - std::exp(-0.5 / 3.0));
  EXPECT_NEAR(notified.within[half_hour] / followers, expected, 0.005);
  EXPECT_LT(plain.within[half_hour], 0.5 * notified.within[half_hour]);
}

TEST(ViewTime, TheSameFollowersGetNotificationsEveryMessage) {
  OnePlatform world;
  world.s.platforms[0].notification_share = 0.3;
  world.s.platforms[0].feed_reach = 0.3;  // nobody else sees it
  const model::ModelContext context(world.s, world.graph, {world.s.seed, 0});
  reach::MessageSimulator simulator(context);
  std::vector<graph::NodeId> first, later;
  simulator.simulate(world.state, 1, 0, reach::MessageSimulator::kEveryPlatform, &first);
  simulator.simulate(world.state, 3, 2, reach::MessageSimulator::kEveryPlatform, &later);
  std::sort(first.begin(), first.end());
  std::sort(later.begin(), later.end());
  EXPECT_EQ(first, later);
  EXPECT_NEAR(static_cast<double>(first.size()) / static_cast<double>(world.state.agents()), 0.3,
              0.015);
  // An agent who no longer follows gets no notification.
  world.state.follows[first.front()] = 0;
  std::vector<graph::NodeId> after;
  simulator.simulate(world.state, 1, 0, reach::MessageSimulator::kEveryPlatform, &after);
  EXPECT_EQ(after.size() + 1, first.size());
}

TEST(ViewTime, ReshareIsCountedOnceAtTheResharersLook) {
  OnePlatform world;
  world.s.platforms[0].reshare.fill(1.0);  // every viewer reshares
  world.s.platforms[0].feed_reach = 0.05;
  const reach::MessageReach total = messages(world, 4);
  ASSERT_GT(total.unique, 1000.0);
  EXPECT_EQ(total.reshares, total.unique);
  for (std::size_t h = 0; h < reach::kCrisisHours.size(); ++h) {
    EXPECT_EQ(total.reshared_within[h], total.within[h]) << h;
  }
}

}  // namespace
