// View coins kept for scenarios run together: a simulator that reads them gives exactly the
// messages of one that draws its own, whichever simulator drew them and on which platforms it
// posts; the cache keeps only complete messages of the current week within its budget.

#include "sim/reach/view_coins.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "sim/graph/formats/load.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/reach/crisis_reach.hpp"
#include "sim/reach/message_reach.hpp"
#include "sim/scenario/read_scenario.hpp"

namespace {

using namespace sim;

const std::string kGhent = TREK_SOURCE_DIR "/scenarios/ghent/";

scenario::Scenario ghent(const std::string& file, const std::vector<std::string>& overrides = {}) {
  std::vector<std::string> all{"population.graph=follower:n=1500,seed=3", "simulation.weeks=6",
                               "crisis.messages=2"};
  all.insert(all.end(), overrides.begin(), overrides.end());
  return scenario::read_scenario(kGhent + file, all);
}

TEST(ViewCoins, KeepsOnlyCompleteMessagesOfTheWeekWithTheWordsAskedFor) {
  reach::ViewCoins coins(10);
  const rng::RunKey run{1, 2};
  EXPECT_EQ(coins.find(run, 3, 0, false), nullptr);
  auto* words = coins.make(run, 3, 0, false);
  ASSERT_NE(words, nullptr);
  EXPECT_EQ(words->size(), 10U);
  EXPECT_EQ(coins.find(run, 3, 0, false), nullptr);  // not committed yet
  coins.commit(3, 0);
  EXPECT_EQ(coins.find(run, 3, 0, false), words);
  EXPECT_EQ(coins.find(run, 3, 1, false), nullptr);     // another post
  EXPECT_EQ(coins.find(run, 3, 0, true), nullptr);      // without the upper words
  EXPECT_EQ(coins.find({1, 3}, 3, 0, false), nullptr);  // another run
  coins.make(run, 4, 0, true);                          // a new week drops week 3
  EXPECT_EQ(coins.find(run, 3, 0, false), nullptr);
  coins.commit(4, 0);
  EXPECT_NE(coins.find(run, 4, 0, false), nullptr);  // upper words serve those who need none
  reach::ViewCoins none(10, 0);                      // no budget: nothing kept
  EXPECT_EQ(none.make(run, 3, 0, false), nullptr);
}

TEST(ViewCoins, SimulatorsThatShareThemGiveTheMessagesTheyGiveAlone) {
  // Members of a group that post on different platforms (stay_on_x without YouTube draws no
  // upper words, move_to_threads does), a state a few weeks in, routine and crisis messages.
  const std::vector<scenario::Scenario> scenarios{
      ghent("stay_on_x.toml", {"strategy.youtube.posts_per_week=0"}), ghent("move_to_threads.toml"),
      ghent("stay_on_x.toml"), ghent("crosspost.toml")};
  const graph::Graph graph = graph::formats::load_graph(scenarios.front().graph).graph;
  const rng::RunKey run{scenarios.front().seed, 1};
  const model::ModelContext lead(scenarios.front(), graph, run);
  model::AgentState now, next;
  model::initialise(lead, now);
  next = now;
  for (std::uint32_t week = 0; week < 4; ++week) {
    model::step(lead, week, now, next);
    std::swap(now, next);
  }
  std::vector<std::unique_ptr<model::ModelContext>> contexts;
  for (const scenario::Scenario& s : scenarios)
    contexts.push_back(std::make_unique<model::ModelContext>(s, graph, run, lead));
  for (const std::size_t budget : {std::size_t{64} << 20U, std::size_t{0}, 2 * 1500 * 16UL}) {
    const auto coins = std::make_shared<reach::ViewCoins>(now.agents(), budget);
    std::size_t messages = 0;
    for (std::uint32_t week = 4; week < 6; ++week) {
      for (const auto& context : contexts) {
        reach::MessageSimulator shared(*context), alone(*context);
        shared.share_view_coins(coins);
        for (std::uint32_t post = 0; post < 3; ++post) {
          ASSERT_EQ(shared.simulate(now, week, post), alone.simulate(now, week, post))
              << "week " << week << " post " << post << " budget " << budget;
          ++messages;
        }
        const reach::CrisisReach crisis = shared.simulate_crisis(now, week, 1);
        ASSERT_TRUE(crisis == alone.simulate_crisis(now, week, 1)) << "crisis, week " << week;
      }
    }
    EXPECT_EQ(messages, 2U * 4U * 3U);
  }
}

}  // namespace
