// The comparison's arithmetic: per-message statistics pool every message of every replicate,
// levels and paired differences are taken replicate by replicate, and the ranking follows the
// mean reach per message.

#include "sim/engine/comparison.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace {

using namespace sim;

/// A replicate of `weeks` + 1 weeks whose message m of week w reached `base` + 10 w + m agents.
engine::ReplicateSeries synthetic(std::uint32_t replicate, double base, std::size_t weeks,
                                  std::size_t posts, std::size_t platforms = 2) {
  const std::size_t kPlatforms = platforms;
  engine::ReplicateSeries series;
  series.replicate = replicate;
  for (std::size_t w = 0; w <= weeks; ++w) {
    series.weeks.emplace_back(kPlatforms);
    std::vector<reach::MessageReach> week;
    for (std::size_t m = 0; m < posts; ++m) {
      reach::MessageReach message(kPlatforms);
      message.unique = base + 10.0 * static_cast<double>(w) + static_cast<double>(m);
      message.viewers.assign(kPlatforms, 0.0);
      for (std::size_t k = 0; k < kPlatforms; ++k)  // platform k: a distinct, known reach
        message.viewers[k] = message.unique + 1000.0 * static_cast<double>(k);
      week.push_back(message);
    }
    series.reach.push_back(reach::mean_of(week, kPlatforms));
    series.messages.push_back(week);
    // A week plan at every week: impressions on platform k are 10 x its reach, 100 000 more.
    reach::WeekPlanReach plan(kPlatforms);
    plan.week = static_cast<std::uint32_t>(w);
    plan.reached = 3.0 * series.reach.back().unique;
    for (std::size_t k = 0; k < kPlatforms; ++k)
      plan.impressions[k] = 10.0 * series.reach.back().viewers[k] + 100000.0;
    series.plans.push_back(plan);
  }
  return series;
}

TEST(Comparison, MessageStatisticsAreQuantilesOfTheValues) {
  std::vector<double> values;
  for (int i = 20; i >= 0; --i)
    values.push_back(i);  // 0..20, unsorted
  const auto s = engine::message_statistics(values);
  EXPECT_DOUBLE_EQ(s[0], 10.0);  // mean
  EXPECT_DOUBLE_EQ(s[1], 1.0);   // 5%: position 0.05 x 20
  EXPECT_DOUBLE_EQ(s[2], 5.0);
  EXPECT_DOUBLE_EQ(s[3], 10.0);
  EXPECT_DOUBLE_EQ(s[4], 15.0);
  EXPECT_DOUBLE_EQ(s[5], 19.0);
}

TEST(Comparison, PoolsEveryMessageOfEveryReplicate) {
  // Two replicates (bases 100 and 200), 4 messages a week: at week 2 the messages reached
  // 120..123 and 220..223 agents.
  const std::vector<std::vector<engine::ReplicateSeries>> runs{
      {synthetic(0, 100.0, 3, 4), synthetic(1, 200.0, 3, 4)}};
  const engine::Comparison c = engine::compare({"only"}, runs, {{"a", "b"}}, {2});
  ASSERT_EQ(c.message_reach.size(), 1u);
  ASSERT_EQ(c.message_reach[0].size(), 1u);
  const auto& s = c.message_reach[0][0];
  EXPECT_DOUBLE_EQ(s[0], 171.5);
  EXPECT_DOUBLE_EQ(s[3], (123.0 + 220.0) / 2.0);  // median of 8 values
  EXPECT_DOUBLE_EQ(s[1], 120.0 + 0.35);           // position 0.35 between 120 and 121
  // The per-replicate mean (121.5 and 221.5) is the level of reach_per_message.
  EXPECT_DOUBLE_EQ(c.cells[0][0][0].level.mean, 171.5);
}

TEST(Comparison, DifferencesArePairedByReplicateAndRankingFollowsReach) {
  // Scenario "more" reaches 5 agents more in each replicate, whatever the order given.
  const std::vector<std::vector<engine::ReplicateSeries>> runs{
      {synthetic(0, 100.0, 1, 1), synthetic(1, 300.0, 1, 1)},
      {synthetic(1, 305.0, 1, 1), synthetic(0, 105.0, 1, 1)}};
  const engine::Comparison c =
      engine::compare({"base", "more"}, runs, {{"a", "b"}, {"a", "b"}}, {1});
  const engine::MetricCell& cell = c.cells[1][0][0];
  EXPECT_DOUBLE_EQ(cell.difference.mean, 5.0);
  EXPECT_DOUBLE_EQ(cell.difference.low, 5.0);  // no spread: the pairing removes it
  EXPECT_DOUBLE_EQ(cell.difference.high, 5.0);
  EXPECT_GT(cell.level.high - cell.level.low, 100.0);  // while the levels spread widely
  EXPECT_EQ(c.ranking, (std::vector<std::size_t>{1, 0}));
}

TEST(Comparison, ScenariosWithOtherPlatformsAreAlignedByName) {
  // The baseline has platforms {x, y}; "wider" adds z; "narrower" has only y. Reach on platform
  // k of a scenario is unique + 1000 k in its own order, so a misaligned column shows at once.
  const std::vector<std::vector<engine::ReplicateSeries>> runs{{synthetic(0, 100.0, 1, 1, 2)},
                                                               {synthetic(0, 100.0, 1, 1, 3)},
                                                               {synthetic(0, 100.0, 1, 1, 1)}};
  const std::vector<std::vector<std::string>> platforms{{"x", "y"}, {"y", "x", "z"}, {"y"}};
  const engine::Comparison c = engine::compare({"base", "wider", "narrower"}, runs, platforms, {1});
  std::vector<std::string> names;
  for (const auto& m : c.metrics)
    names.push_back(m.name);
  const auto at = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
  };
  ASSERT_LT(at("reach_z"), names.size());
  const double unique = 110.0;  // week 1, message 0
  EXPECT_DOUBLE_EQ(c.cells[0][0][at("reach_x")].level.mean, unique);
  EXPECT_DOUBLE_EQ(c.cells[0][0][at("reach_y")].level.mean, unique + 1000.0);
  EXPECT_DOUBLE_EQ(c.cells[0][0][at("reach_z")].level.mean, 0.0);     // the baseline lacks z
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("reach_y")].level.mean, unique);  // y is wider's first
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("reach_x")].level.mean, unique + 1000.0);
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("reach_z")].level.mean, unique + 2000.0);
  EXPECT_DOUBLE_EQ(c.cells[2][0][at("reach_y")].level.mean, unique);
  EXPECT_DOUBLE_EQ(c.cells[2][0][at("reach_x")].level.mean, 0.0);
  EXPECT_DOUBLE_EQ(c.cells[2][0][at("reach_y")].difference.mean, unique - (unique + 1000.0));
  // Impressions follow their platform too, and the plan's scalars their place.
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("impressions_z")].level.mean,
                   10.0 * (unique + 2000.0) + 100000.0);
  EXPECT_DOUBLE_EQ(c.cells[0][0][at("impressions_z")].level.mean, 0.0);
  EXPECT_DOUBLE_EQ(c.cells[2][0][at("impressions_y")].level.mean, 10.0 * unique + 100000.0);
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("week_reach")].level.mean, 3.0 * unique);
  EXPECT_DOUBLE_EQ(c.cells[1][0][at("week_impressions")].level.mean,
                   10.0 * (3 * unique + 3000.0) + 300000.0);
  // The scalar metrics after the per-platform ones stay in place.
  EXPECT_EQ(names.size(), 1 + 3 * 3 + 11u);
  EXPECT_EQ(names[1 + 3 * 3], "within_1h");
  EXPECT_EQ(names.back(), "reach_anchor");
}

TEST(Comparison, CrossedGroupsAreDecidedAgainstTheirOwnReference) {
  // Worlds 0..3. Given: base, "a" (base + 5), what-if "w" (base - 50). Crossed with w: base
  // under w (base - 50), "a" under w (base - 70): a beats the baseline but loses under w.
  const auto run = [](double offset) {
    std::vector<engine::ReplicateSeries> worlds;
    for (std::uint32_t r = 0; r < 4; ++r)
      worlds.push_back(synthetic(r, 100.0 * (r + 1) + offset, 1, 1));
    return worlds;
  };
  const std::vector<std::vector<engine::ReplicateSeries>> runs{run(0), run(5), run(-50), run(-50),
                                                               run(-70)};
  const std::vector<std::vector<std::string>> platforms(5, {"x", "y"});
  const engine::Comparison c =
      engine::compare({"base", "a", "w", "base_under_w", "a_under_w"}, runs, platforms, {1},
                      {true, true, false, true, true}, nullptr, {0, 0, 0, 3, 3});
  const auto& a = c.cells[1][0][0];
  EXPECT_DOUBLE_EQ(a.difference.mean, 5.0);
  EXPECT_EQ(a.decision.verdict, engine::Verdict::kBetter);
  EXPECT_DOUBLE_EQ(c.cells[2][0][0].difference.mean, -50.0);  // the what-if against the baseline
  const auto& crossed = c.cells[4][0][0];
  EXPECT_DOUBLE_EQ(crossed.difference.mean, -20.0);  // against base_under_w, not base
  EXPECT_EQ(crossed.decision.verdict, engine::Verdict::kWorse);
  EXPECT_DOUBLE_EQ(crossed.decision.p_best, 0.0);
  EXPECT_DOUBLE_EQ(c.cells[3][0][0].decision.p_best, 1.0);  // best of its own group
  EXPECT_DOUBLE_EQ(crossed.decision.regret, 20.0);
  EXPECT_EQ(c.cells[3][0][0].decision.verdict, engine::Verdict::kBaseline);
  EXPECT_EQ(c.ranking, (std::vector<std::size_t>{1, 0}));
  ASSERT_EQ(c.crossed_rankings.size(), 1u);
  EXPECT_EQ(c.crossed_rankings[0], (std::vector<std::size_t>{3, 4}));
  // A reference must lead its own group and be a strategy.
  EXPECT_ANY_THROW(engine::compare({"base", "a", "w", "base_under_w", "a_under_w"}, runs, platforms,
                                   {1}, {true, true, false, true, true}, nullptr, {0, 0, 0, 4, 3}));
  EXPECT_ANY_THROW(engine::compare({"base", "a", "w", "base_under_w", "a_under_w"}, runs, platforms,
                                   {1}, {true, true, false, true, true}, nullptr, {0, 0, 2, 3, 3}));
}

}  // namespace
