// Crisis messages: the tallies add up by segment and by route, alert channels reach their
// registered agents (the same ones every message) after the dispatch and reading delays, crisis
// relay shares replace the reshare shares, and relays wait their own delay.

#include <gtest/gtest.h>

#include <cmath>

#include <map>
#include <mutex>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/reach/crisis_reach.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;
using model::AgentState;
using scenario::Scenario;

constexpr std::size_t kHalfHour = reach::crisis_index(0.5);
constexpr std::size_t kHour = reach::crisis_index(1.0);
constexpr std::size_t kThreeHours = reach::crisis_index(3.0);

/// One platform on which every agent is active and follows the organisation; a crisis message
/// per report week.
struct CrisisWorld {
  graph::Graph graph = graph::formats::load_graph("er:n=5000,mean_degree=6,seed=4").graph;
  Scenario s;
  AgentState state;
  CrisisWorld() {
    s.weeks = 4;
    s.seed = 5;
    s.crisis.messages = 1;
    s.platforms.resize(1);
    auto& p = s.platforms[0];
    p.name = "a";
    p.organisation_present = true;
    p.posts_per_week = 1;
    p.feed_reach = 0.1;
    state = AgentState(graph.node_count(), 1);
    for (std::size_t i = 0; i < state.agents(); ++i)
      state.account[i] = state.active[i] = state.follows[i] = 1;
  }
  reach::CrisisReach message(std::uint32_t week, std::uint32_t message) const {
    const model::ModelContext context(s, graph, {s.seed, 0});
    reach::MessageSimulator simulator(context);
    return simulator.simulate_crisis(state, week, message);
  }
};

scenario::AlertChannel alert(double reach) {
  scenario::AlertChannel channel;
  channel.name = "be_alert";
  channel.reach = reach;
  channel.dispatch_minutes = 15.0;
  channel.dispatch_sigma = 0.0;  // sent 15 minutes after the post
  channel.read_minutes = 5.0;
  return channel;
}

TEST(CrisisReach, TalliesAddUpBySegmentAndRoute) {
  CrisisWorld world;
  world.s.platforms[0].reshare.fill(0.2);
  world.s.platforms[0].notification_share = 0.05;
  world.s.crisis.channels = {alert(0.1)};
  const reach::CrisisReach r = world.message(1, 0);
  ASSERT_GT(r.unique, 500.0);
  for (std::size_t h = 0; h < reach::kCrisisHours.size(); ++h) {
    double by_segment = 0.0, by_route = 0.0;
    for (const auto& curve : r.within_by_segment)
      by_segment += curve[h];
    for (const auto& curve : r.within_by_route)
      by_route += curve[h];
    EXPECT_EQ(by_segment, r.within[h]) << h;
    EXPECT_EQ(by_route, r.within[h]) << h;
    if (h > 0) {
      EXPECT_GE(r.within[h], r.within[h - 1]);
    }
  }
  EXPECT_LE(r.within.back(), r.unique);
  for (std::size_t route = 0; route < reach::kRouteCount; ++route)
    EXPECT_GT(r.within_by_route[route].back(), 0.0) << reach::kRouteNames[route];
}

TEST(CrisisReach, AlertChannelsReachTheirRegisteredAgentsAfterTheDelays) {
  CrisisWorld world;
  world.s.platforms[0].organisation_present = false;  // the alert alone
  world.s.crisis.channels = {alert(0.3)};
  const reach::CrisisReach first = world.message(1, 0);
  const double agents = static_cast<double>(world.state.agents());
  EXPECT_NEAR(first.unique / agents, 0.3, 4.0 * std::sqrt(0.3 * 0.7 / agents));
  EXPECT_EQ(first.within[kHalfHour], first.within_by_route[3][kHalfHour]);
  // Sent at 15 minutes, read after an exponential wait of mean 5: 1 - exp(-3) within half an hour.
  EXPECT_NEAR(first.within[kHalfHour] / first.unique, 1.0 - std::exp(-3.0), 0.02);
  // The same agents are registered for every message; only the wait differs.
  EXPECT_EQ(world.message(3, 5).unique, first.unique);
  world.s.crisis.channels[0].use_share = 0.0;
  EXPECT_EQ(world.message(1, 0).unique, 0.0);
}

TEST(CrisisReach, RelaySharesReplaceReshareSharesAndWaitTheirDelay) {
  CrisisWorld world;
  auto& p = world.s.platforms[0];
  p.reshare.fill(0.0);
  p.fresh_share = 1.0;
  p.fresh_minutes = 2.0;  // direct viewers look within minutes
  const reach::CrisisReach quiet = world.message(1, 0);
  EXPECT_EQ(quiet.within_by_route[2].back(), 0.0);  // no reshares without relay shares
  world.s.crisis.relay[0] = 0.5;                    // citizens (the only segment here)
  world.s.crisis.relay_minutes = 120.0;
  world.s.crisis.relay_sigma = 0.0;  // every relay two hours after the relayer's look
  const reach::CrisisReach relayed = world.message(1, 0);
  EXPECT_EQ(relayed.within_by_route[2][kHour], 0.0);
  EXPECT_GT(relayed.within_by_route[2][kThreeHours], 50.0);
  // The direct viewers are the same coins: relays only add.
  EXPECT_EQ(relayed.within_by_route[0][kHour], quiet.within_by_route[0][kHour]);
  EXPECT_GT(relayed.unique, quiet.unique);
}

/// Keeps each replicate's crisis weeks and routine reach.
class CrisisRecorder : public engine::RunObserver {
 public:
  void on_replicate(const engine::ReplicateSeries& series) override {
    const std::lock_guard lock(mutex_);
    crises[series.replicate] = series.crises;
    reach[series.replicate] = series.reach;
  }
  std::map<std::uint32_t, std::vector<reach::CrisisWeek>> crises;
  std::map<std::uint32_t, std::vector<reach::MessageReach>> reach;

 private:
  std::mutex mutex_;
};

TEST(CrisisReach, RunsAreIdenticalForAnyThreadCount) {
  CrisisWorld world;
  world.s.weeks = 14;
  world.s.replicates = 3;
  world.s.crisis.messages = 3;
  world.s.crisis.relay[1] = 0.6;
  world.s.crisis.channels = {alert(0.2)};
  auto& p = world.s.platforms[0];
  p.initial_account = p.initial_active = p.initial_follows = 1.0;
  p.churn = 0.05;
  p.reshare.fill(0.1);
  p.notification_share = 0.05;
  p.fresh_share = 0.9;
  std::vector<CrisisRecorder> runs(3);
  const int threads[] = {1, 2, 4};
  for (std::size_t i = 0; i < 3; ++i)
    test::with_threads(threads[i], [&] { engine::run_scenario(world.s, world.graph, runs[i]); });
  ASSERT_EQ(runs[0].crises.size(), 3u);
  ASSERT_FALSE(runs[0].crises.at(0).empty());
  EXPECT_EQ(runs[0].crises.at(0).front().messages.size(), 3u);
  EXPECT_GT(runs[0].crises.at(0).back().messages.front().unique, 0.0);
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(runs[i].crises, runs[0].crises) << threads[i] << " threads";
    EXPECT_EQ(runs[i].reach, runs[0].reach) << threads[i] << " threads";
  }
  EXPECT_NE(runs[0].crises.at(0), runs[0].crises.at(1));  // replicates differ
}

}  // namespace
