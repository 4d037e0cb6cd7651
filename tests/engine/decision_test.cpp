// The decision statistics on a case small enough to compute by hand: four worlds, a baseline,
// two strategies and a what-if.

#include "sim/engine/decision.hpp"

#include <gtest/gtest.h>

#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

const std::vector<std::vector<double>> kValues{
    {10, 10, 10, 10},  // the baseline
    {12, 11, 9, 13},   // A: better in worlds 0, 1 and 3
    {11, 9, 8, 9},     // B: better in world 0 only
    {5, 5, 5, 5},      // W: a what-if
};
const std::vector<bool> kStrategy{true, true, true, false};

TEST(Decision, ProbabilitiesRegretVerdictsAndTiersByHand) {
  const auto d = decide(kValues, kStrategy, true);
  ASSERT_EQ(d.size(), 4u);
  EXPECT_DOUBLE_EQ(d[1].p_better, 0.75);
  EXPECT_DOUBLE_EQ(d[2].p_better, 0.25);
  EXPECT_DOUBLE_EQ(d[3].p_better, 0.0);
  // Each world's best strategy: A, A, the baseline, A.
  EXPECT_DOUBLE_EQ(d[0].p_best, 0.25);
  EXPECT_DOUBLE_EQ(d[1].p_best, 0.75);
  EXPECT_DOUBLE_EQ(d[2].p_best, 0.0);
  EXPECT_DOUBLE_EQ(d[3].p_best, 0.0);  // a what-if is never the best choice
  EXPECT_DOUBLE_EQ(d[0].regret, (2 + 1 + 0 + 3) / 4.0);
  EXPECT_DOUBLE_EQ(d[1].regret, (0 + 0 + 1 + 0) / 4.0);
  EXPECT_DOUBLE_EQ(d[2].regret, (1 + 2 + 2 + 4) / 4.0);
  EXPECT_DOUBLE_EQ(d[1].difference_pct.mean, (20 + 10 - 10 + 30) / 4.0);
  EXPECT_EQ(d[0].verdict, Verdict::kBaseline);
  EXPECT_EQ(d[1].verdict, Verdict::kNoClearDifference);
  EXPECT_EQ(d[2].verdict, Verdict::kNoClearDifference);
  EXPECT_EQ(d[3].verdict, Verdict::kWorse);
  // A leads; the baseline beats A in one world of four (> 10%): not clearly worse, same tier.
  // B never beats A: the next tier. The what-if is not ranked.
  EXPECT_EQ(d[1].tier, 1u);
  EXPECT_EQ(d[0].tier, 1u);
  EXPECT_EQ(d[2].tier, 2u);
  EXPECT_EQ(d[3].tier, 0u);
}

TEST(Decision, LowerIsBetterTurnsEveryComparisonAround) {
  const auto d = decide(kValues, kStrategy, false);
  EXPECT_DOUBLE_EQ(d[2].p_better, 0.75);
  EXPECT_DOUBLE_EQ(d[3].p_better, 1.0);
  EXPECT_EQ(d[3].verdict, Verdict::kBetter);
  EXPECT_EQ(d[2].tier, 1u);  // B has the lowest mean
  // Lowest per world among strategies: the baseline (10), then B (9, 8, 9).
  EXPECT_DOUBLE_EQ(d[2].regret, (1 + 0 + 0 + 0) / 4.0);
  EXPECT_DOUBLE_EQ(d[0].regret, (0 + 1 + 2 + 1) / 4.0);
  EXPECT_DOUBLE_EQ(d[2].p_best, 0.75);
}

TEST(Decision, ClearCasesAndTies) {
  const std::vector<std::vector<double>> values{{1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                                                {2, 2, 2, 2, 2, 2, 2, 2, 2, 2},
                                                {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}};
  const auto d = decide(values, {true, true, true}, true);
  EXPECT_EQ(d[1].verdict, Verdict::kBetter);
  EXPECT_DOUBLE_EQ(d[2].p_better, 0.5);  // ties count half
  EXPECT_DOUBLE_EQ(d[0].p_best, 0.0);
  EXPECT_EQ(d[0].tier, 2u);
  EXPECT_EQ(d[2].tier, 2u);
  EXPECT_THROW(decide(values, {false, true, true}, true), util::Error);
}

}  // namespace
}  // namespace sim::engine
