// Worlds: a parameter's value in world r depends on the seed, r and its name only; a degenerate
// distribution gives exactly the fixed-value run; identical uncertain scenarios differ by zero;
// runs with worlds are the same at any thread count.

#include "sim/scenario/worlds.hpp"

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <mutex>

#include "sim/engine/comparison.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/scenario/read_scenario.hpp"

namespace sim::scenario {
namespace {

const std::string kScenario = TREK_SOURCE_DIR "/scenarios/ghent/leave_x_redirect.toml";
const std::vector<std::string> kSmall{"population.graph=follower:n=1500,seed=5",
                                      "simulation.weeks=16", "simulation.replicates=4",
                                      "reach.posts=2"};

std::vector<std::string> with(std::vector<std::string> overrides) {
  overrides.insert(overrides.begin(), kSmall.begin(), kSmall.end());
  return overrides;
}

struct Collect final : engine::RunObserver {
  std::mutex mutex;
  std::vector<engine::ReplicateSeries> series;
  void on_replicate(const engine::ReplicateSeries& s) override {
    const std::lock_guard lock(mutex);
    series.push_back(s);
  }
};

std::vector<engine::ReplicateSeries> run(const Scenario& s) {
  const graph::Graph graph = engine::load_population(s);
  Collect collect;
  engine::run_scenario(s, graph, collect);
  std::sort(collect.series.begin(), collect.series.end(),
            [](const auto& a, const auto& b) { return a.replicate < b.replicate; });
  return collect.series;
}

std::vector<double> reach_per_message(const std::vector<engine::ReplicateSeries>& runs) {
  std::vector<double> values;
  for (const auto& r : runs) {
    for (const auto& week : r.reach)
      values.push_back(week.unique);
    for (const auto& week : r.weeks)
      values.insert(values.end(), week.active.begin(), week.active.end());
  }
  return values;
}

TEST(Worlds, AParametersDrawsDoNotDependOnOtherParameters) {
  const Scenario one =
      read_scenario(kScenario, with({"platforms.x.churn={ uniform = [0, 0.01] }"}));
  const Scenario two =
      read_scenario(kScenario, with({"platforms.x.feed_reach={ beta = [2, 20] }",
                                     "platforms.x.churn={ uniform = [0, 0.01] }"}));
  for (std::uint32_t world = 0; world < 4; ++world) {
    const auto a = world_values(one, world);
    const auto b = world_values(two, world);
    ASSERT_EQ(a.size(), 1u);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(a[0].key, b[0].key == a[0].key ? b[0].key : b[1].key);
    EXPECT_EQ(a[0].value, b[0].key == a[0].key ? b[0].value : b[1].value);
  }
  // Worlds differ from each other, and another seed gives other values.
  EXPECT_NE(world_values(one, 0)[0].value, world_values(one, 1)[0].value);
  const Scenario reseeded = read_scenario(
      kScenario, with({"platforms.x.churn={ uniform = [0, 0.01] }", "simulation.seed=99"}));
  EXPECT_NE(world_values(reseeded, 0)[0].value, world_values(one, 0)[0].value);
}

TEST(Worlds, ADegenerateDistributionGivesExactlyTheFixedRun) {
  const auto fixed = run(read_scenario(kScenario, with({"platforms.x.churn=0.0061"})));
  const auto point =
      run(read_scenario(kScenario, with({"platforms.x.churn={ uniform = [0.0061, 0.0061] }"})));
  EXPECT_EQ(reach_per_message(point), reach_per_message(fixed));
  const auto normal =
      run(read_scenario(kScenario, with({"platforms.x.churn={ normal = [0.0061, 0] }"})));
  EXPECT_EQ(reach_per_message(normal), reach_per_message(fixed));
}

TEST(Worlds, WorldsChangeTheRunAndIdenticalScenariosDifferByZero) {
  const std::vector<std::string> uncertain{"platforms.x.churn={ uniform = [0, 0.02] }",
                                           "platforms.x.feed_reach={ uniform = [0.01, 0.1] }"};
  const Scenario s = read_scenario(kScenario, with(uncertain));
  const auto a = run(s);
  const auto b = run(read_scenario(kScenario, with(uncertain)));
  EXPECT_EQ(reach_per_message(a), reach_per_message(b));
  EXPECT_NE(reach_per_message(a), reach_per_message(run(read_scenario(kScenario, kSmall))));
  const auto c =
      engine::compare({"a", "b"}, {a, b}, {s.platform_names(), s.platform_names()}, {8, 16});
  for (const auto& week : c.cells[1]) {
    for (const auto& cell : week) {
      EXPECT_EQ(cell.difference.mean, 0.0);
      EXPECT_EQ(cell.difference.low, 0.0);
      EXPECT_EQ(cell.difference.high, 0.0);
    }
  }
}

TEST(Worlds, RunsWithWorldsAreTheSameAtAnyThreadCount) {
  const Scenario s =
      read_scenario(kScenario, with({"platforms.x.churn={ triangular = [0, 0.005, 0.02] }"}));
  std::vector<double> one;
  {
    const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 1);
    one = reach_per_message(run(s));
  }
  const tbb::global_control limit(tbb::global_control::max_allowed_parallelism, 3);
  EXPECT_EQ(reach_per_message(run(s)), one);
}

}  // namespace
}  // namespace sim::scenario

namespace {

/// A strategy crossed with a what-if keeps the what-if's layers in every world (its events and
/// values), not only in the nominal scenario.
TEST(Worlds, CrossedScenariosKeepTheWhatIfInEveryWorld) {
  const std::string ghent = TREK_SOURCE_DIR "/scenarios/ghent/";
  const sim::scenario::Scenario crossed = sim::scenario::read_crossed_scenario(
      ghent + "leave_x_now.toml", ghent + "toxicity_escalation.toml",
      {"platforms.x.churn={ uniform = [0.004, 0.008] }"});
  const sim::scenario::Scenario plain =
      sim::scenario::read_scenario(ghent + "leave_x_now.toml", {"platforms.x.churn=0.006"});
  ASSERT_NE(crossed.events, plain.events);
  for (std::uint32_t world = 0; world < 3; ++world) {
    const sim::scenario::Scenario w = sim::scenario::scenario_of_world(crossed, world);
    EXPECT_EQ(w.events, crossed.events) << world;
    EXPECT_EQ(w.name, crossed.name);
    EXPECT_NE(w.platforms, crossed.platforms);  // its own churn
  }
}

}  // namespace
