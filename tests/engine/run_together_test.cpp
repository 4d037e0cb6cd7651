// Scenarios run together: each one's series (weekly counts, every message, the week plans) is
// bit for bit the series of running it alone, whichever scenarios it shares a step with, and
// move_alike groups exactly the scenarios whose agents move alike.

#include <gtest/gtest.h>

#include "sim/engine/run_together.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/scenario/read_scenario.hpp"

namespace {

using namespace sim;

const std::string kGhent = TREK_SOURCE_DIR "/scenarios/ghent/";

/// A Ghent scenario, shrunk, with `overrides` after the shrinking ones.
scenario::Scenario ghent(const std::string& file, const std::vector<std::string>& overrides = {}) {
  std::vector<std::string> all{"population.graph=follower:n=1500,seed=3", "simulation.weeks=14",
                               "simulation.replicates=2", "reach.posts=2", "reach.plan_every=5"};
  all.insert(all.end(), overrides.begin(), overrides.end());
  return scenario::read_scenario(kGhent + file, all);
}

/// Each scenario's replicate run together with the others and alone, compared.
void expect_same_as_alone(const std::vector<scenario::Scenario>& scenarios,
                          std::uint32_t replicate) {
  const graph::Graph graph = graph::formats::load_graph(scenarios.front().graph).graph;
  std::vector<const scenario::Scenario*> members;
  for (const scenario::Scenario& s : scenarios)
    members.push_back(&s);
  const std::vector<engine::RunObserver*> observers(members.size(), nullptr);
  const std::vector<engine::ReplicateSeries> together =
      engine::run_replicate_together(members, graph, replicate, observers);
  ASSERT_EQ(together.size(), scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const engine::ReplicateSeries alone = engine::run_replicate(scenarios[i], graph, replicate);
    ASSERT_EQ(alone.weeks.size(), scenarios[i].weeks + 1u);
    EXPECT_TRUE(together[i] == alone) << scenarios[i].name;
  }
}

TEST(RunTogether, EveryScenarioGetsTheSeriesItGetsAlone) {
  // Strategies that move alike (announcements, joining, leaving, other follow chances, posting
  // and reach parameters, initial followers), and what-ifs and exits that do not.
  expect_same_as_alone({ghent("stay_on_x.toml"), ghent("leave_x_redirect.toml"),
                        ghent("crosspost.toml"), ghent("move_to_threads.toml"),
                        ghent("coordinated_exit.toml"), ghent("toxicity_escalation.toml"),
                        ghent("stay_on_x.toml", {"platforms.x.initial_follows=0.6",
                                                 "platforms.bluesky.discovery=0.02",
                                                 "platforms.bluesky.feed_reach=0.4"}),
                        ghent("leave_x_now.toml", {"platforms.x.churn=0.02"})},
                       1);
}

TEST(RunTogether, GroupsLargerThanOneStepHoldAreSplit) {
  std::vector<scenario::Scenario> scenarios;
  for (std::size_t i = 0; i < model::kMaxSiblings + 3; ++i) {
    scenarios.push_back(ghent("stay_on_x.toml", {"platforms.bluesky.discovery=" +
                                                 std::to_string(0.01 * static_cast<double>(i))}));
  }
  expect_same_as_alone(scenarios, 0);
}

TEST(RunTogether, MoveAlikeSeesWhatMovesAgents) {
  const scenario::Scenario stay = ghent("stay_on_x.toml");
  EXPECT_TRUE(engine::move_alike(stay, ghent("leave_x_redirect.toml")));
  EXPECT_TRUE(engine::move_alike(stay, ghent("crosspost.toml")));
  EXPECT_TRUE(engine::move_alike(
      stay, ghent("stay_on_x.toml", {"platforms.x.feed_reach=0.01", "platforms.x.link_share=1",
                                     "platforms.threads.initial_follows=0.5"})));
  EXPECT_FALSE(engine::move_alike(stay, ghent("toxicity_escalation.toml")));
  EXPECT_FALSE(engine::move_alike(stay, ghent("coordinated_exit.toml")));
  EXPECT_FALSE(engine::move_alike(stay, ghent("stay_on_x.toml", {"platforms.x.churn=0.02"})));
  EXPECT_FALSE(engine::move_alike(stay, ghent("stay_on_x.toml", {"simulation.seed=2"})));
  EXPECT_FALSE(engine::move_alike(stay, ghent("stay_on_x.toml", {"simulation.weeks=13"})));
  EXPECT_FALSE(engine::move_alike(stay, ghent("stay_on_x.toml", {"model.memory_weeks=2"})));
  // A coordinated exit's draws are keyed by its place in the event list: an announcement
  // before it in one scenario and not the other moves it.
  scenario::Scenario exit = ghent("coordinated_exit.toml");
  EXPECT_TRUE(engine::move_alike(exit, exit));
  scenario::Scenario shifted = exit;
  shifted.events.insert(shifted.events.begin(), exit.events.front());
  shifted.events.front().kind = scenario::Event::Kind::kJoin;
  shifted.events.front().week = 0;
  EXPECT_FALSE(engine::move_alike(exit, shifted));
}

}  // namespace
