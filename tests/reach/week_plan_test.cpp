// The week's posting plan: posts per platform (whole and fractional), the union over the week's
// messages against its closed form, and each message of the plan equal, platform by platform, to
// the cross-posted message with the same number.

#include "sim/reach/week_plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "sim/graph/formats/load.hpp"

namespace {

using namespace sim;
using model::AgentState;
using scenario::PlatformParams;
using scenario::Scenario;

PlatformParams platform(const std::string& name, double posts, double feed) {
  PlatformParams p;
  p.name = name;
  p.organisation_present = true;
  p.posts_per_week = posts;
  p.feed_reach = feed;
  return p;
}

/// Every agent active on every platform and following the organisation there.
AgentState everyone_on(std::size_t agents, std::size_t platforms) {
  AgentState state(agents, platforms);
  const auto all = static_cast<std::uint8_t>((1U << platforms) - 1U);
  for (std::size_t i = 0; i < agents; ++i)
    state.account[i] = state.active[i] = state.follows[i] = all;
  return state;
}

TEST(WeekPlan, WholeAndFractionalPostsPerWeek) {
  const graph::Graph graph = graph::formats::load_graph("er:n=10,mean_degree=2,seed=1").graph;
  Scenario s;
  s.weeks = 4000;
  s.seed = 9;
  s.platforms = {platform("a", 14.0, 0.3), platform("b", 2.3, 0.3), platform("c", 0.0, 0.3),
                 platform("d", 5.0, 0.3)};
  s.platforms[3].organisation_present = false;
  const model::ModelContext context(s, graph, {s.seed, 2});
  double b_posts = 0.0;
  for (std::uint32_t week = 0; week < s.weeks; ++week) {
    const std::vector<std::uint32_t> posts = reach::posts_of_week(context, week);
    ASSERT_EQ(posts.size(), 4u);
    EXPECT_EQ(posts[0], 14u);
    EXPECT_TRUE(posts[1] == 2u || posts[1] == 3u) << posts[1];
    EXPECT_EQ(posts[2], 0u);  // posts nothing there
    EXPECT_EQ(posts[3], 0u);  // absent
    b_posts += posts[1];
  }
  // The extra post comes with probability 0.3: the mean is 2.3 within 5 standard errors.
  const double sd = std::sqrt(0.3 * 0.7 / s.weeks);
  EXPECT_NEAR(b_posts / s.weeks, 2.3, 5.0 * sd);
}

TEST(WeekPlan, ReachedAtLeastOnceMatchesTheClosedForm) {
  // No reshares, no discovery, every agent an active follower: each of the n posts is shown to
  // each agent with probability f, independently, so E[reached] = N (1 - (1 - f)^n) and
  // E[impressions] = n f N.
  const graph::Graph graph = graph::formats::load_graph("follower:n=20000,seed=4").graph;
  Scenario s;
  s.weeks = 2;
  s.seed = 5;
  s.platforms = {platform("a", 3.0, 0.2)};
  const model::ModelContext context(s, graph, {s.seed, 0});
  reach::MessageSimulator simulator(context);
  const AgentState state = everyone_on(graph.node_count(), 1);
  const reach::WeekPlanReach plan = reach::simulate_week_plan(simulator, context, state, 1);
  const double n = 3.0, f = 0.2, agents = static_cast<double>(graph.node_count());
  const double once = 1.0 - std::pow(1.0 - f, n);
  std::printf("week plan: reached %.0f (closed form %.0f), impressions %.0f (closed form %.0f)\n",
              plan.reached, agents * once, plan.impressions[0], n * f * agents);
  EXPECT_EQ(plan.week, 1u);
  EXPECT_EQ(plan.posts[0], 3.0);
  EXPECT_NEAR(plan.reached, agents * once, 5.0 * std::sqrt(agents * once * (1.0 - once)));
  EXPECT_NEAR(plan.impressions[0], n * f * agents, 5.0 * std::sqrt(n * agents * f * (1.0 - f)));
  double by_segment = 0.0;
  for (const double count : plan.reached_by_segment)
    by_segment += count;
  EXPECT_EQ(by_segment, plan.reached);
}

TEST(WeekPlan, EachMessageIsTheCrossPostedMessageOnEachPlatform) {
  const graph::Graph graph = graph::formats::load_graph("follower:n=3000,seed=5").graph;
  Scenario s;
  s.weeks = 3;
  s.seed = 11;
  s.platforms = {platform("a", 4.0, 0.3), platform("b", 2.0, 0.5)};
  for (auto& p : s.platforms) {
    p.reshare.fill(0.2);
    p.rebuild = 0.6;
    p.discovery_reach = 0.01;
  }
  const model::ModelContext context(s, graph, {s.seed, 3});
  reach::MessageSimulator simulator(context);
  const AgentState state = everyone_on(graph.node_count(), 2);
  const reach::WeekPlanReach plan = reach::simulate_week_plan(simulator, context, state, 2);
  std::vector<double> impressions(2, 0.0);
  double largest = 0.0;
  for (std::uint32_t post = 0; post < 4; ++post) {
    const reach::MessageReach message = simulator.simulate(state, 2, post);
    impressions[0] += message.viewers[0];
    if (post < 2) impressions[1] += message.viewers[1];
    largest = std::max(largest, message.viewers[0]);
  }
  EXPECT_EQ(plan.impressions, impressions);
  // The week's set holds every message's and no more than all views together.
  EXPECT_GE(plan.reached, largest);
  EXPECT_LE(plan.reached, impressions[0] + impressions[1]);
  EXPECT_LE(plan.reached, static_cast<double>(graph.node_count()));
  // A plan of one post everywhere is the cross-posted message 0.
  s.platforms[0].posts_per_week = s.platforms[1].posts_per_week = 1.0;
  const model::ModelContext single(s, graph, {s.seed, 3});
  reach::MessageSimulator one(single);
  const reach::WeekPlanReach only = reach::simulate_week_plan(one, single, state, 2);
  EXPECT_EQ(only.reached, one.simulate(state, 2, 0).unique);
}

}  // namespace
