// The plan search on a simulated plan whose best answer is known in closed form: a fixed
// audience on two platforms (everyone active on both, following the organisation on platform k
// with probability phi_k, shown each post with probability f_k, nothing reshared), a posting
// budget of 10 a week to split between them, and the week's reach as the objective. An agent is
// reached unless every post on every platform misses it:
//   E[reach] / N = 1 - g_a(x_a) g_b(x_b),  g_k(n) = 1 - phi_k + phi_k (1 - f_k)^n
// with fractional posts the mixture of the two whole numbers around x_k (a coin per platform and
// week), so g_k is linear between whole numbers. The search must find a split whose closed-form
// reach is within 1% of the best.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "sim/optimize/candidate.hpp"
#include "sim/optimize/run_optimize.hpp"
#include "sim/optimize/search.hpp"
#include "support/test_support.hpp"

namespace {

constexpr double kPhiA = 0.6, kFeedA = 0.2, kPhiB = 0.3, kFeedB = 0.4;

double g(double phi, double feed, double posts) {
  const double whole = std::floor(posts), fraction = posts - whole;
  const auto at = [&](double n) { return 1.0 - phi + phi * std::pow(1.0 - feed, n); };
  return (1.0 - fraction) * at(whole) + fraction * at(whole + 1.0);
}

double reach_share(double a, double b) {
  return 1.0 - g(kPhiA, kFeedA, a) * g(kPhiB, kFeedB, b);
}

const char* kScenario = R"(name = "Toy: a fixed audience on two platforms"
baseline = true
[simulation]
weeks = 4
seed = 3
[population]
graph = "er:n=4000,mean_degree=4,seed=1"
[platforms.a]
initial_account = 1.0
initial_active = 1.0
initial_follows = 0.6
feed_reach = 0.2
[platforms.b]
initial_account = 1.0
initial_active = 1.0
initial_follows = 0.3
feed_reach = 0.4
[strategy.a]
present = true
posts_per_week = 5
[strategy.b]
present = true
posts_per_week = 5
)";

const char* kPlan = R"(base = "toy.toml"
seed = 5
worlds = 8
verify_worlds = 8
[decisions]
posting_budget = 10
[decisions.posts]
a = { min = 0, max = 10 }
b = { min = 0, max = 10 }
[objective]
metric = "week_reach"
[search]
initial = 8
evaluations = 24
batch = 2
)";

TEST(PlanSearchValidation, FindsTheClosedFormBestSplitOfAPostingBudget) {
  const sim::test::Files files;
  files.write("toy.toml", kScenario);
  const std::string plan = files.write("plan.toml", kPlan);
  const auto outcome =
      sim::optimize::run_optimize({plan, files.dir.path("plan.h5"), false, false, "test", "test"});
  double best = 0.0, best_a = 0.0;
  for (int i = 0; i <= 1000; ++i) {
    const double a = i / 100.0;
    if (reach_share(a, 10.0 - a) > best) best = reach_share(a, 10.0 - a), best_a = a;
  }
  const auto& history = outcome.record.history;
  for (const auto& e : history)
    EXPECT_LE(e.values[0] + e.values[1], 10.0 + 1e-9);
  const auto& found = history[sim::optimize::best_index(outcome.plan, history)];
  const double a = found.values[0], b = found.values[1];
  std::printf(
      "best split a %.2f b %.2f: closed form %.1f agents (simulated %.1f); the best "
      "split a %.2f: %.1f agents\n",
      a, b, 4000.0 * reach_share(a, b), found.objective, best_a, 4000.0 * best);
  EXPECT_GT(reach_share(a, b), 0.99 * best);
  // The simulation agrees with the closed form at the plan it chose (8 worlds of 4,000 agents).
  EXPECT_NEAR(found.objective, 4000.0 * reach_share(a, b), 0.02 * 4000.0 * reach_share(a, b));
}

// An analytic limit: with common random numbers an agent that follows the organisation on a
// platform keeps following it (only deleting the account ends it), so joining earlier can only add
// followers in every world; the best join week for followers at the end is the first.
TEST(PlanSearchValidation, JoinsAtOnceWhenFollowersOnlyGrowWithTime) {
  const sim::test::Files files;
  const std::string plan = files.write(
      "plan.toml", "base = \"" TREK_SOURCE_DIR
                   "/scenarios/ghent/stay_on_x.toml\"\n"
                   "set = [\"population.graph=\\\"follower:n=3000,seed=2\\\"\", "
                   "\"simulation.weeks=30\"]\nworlds = 4\nverify_worlds = 4\n"
                   "[decisions]\njoin = [\"threads\"]\njoin_week = { min = 1, max = 30 }\n"
                   "[decisions.posts]\nthreads = 7\n[objective]\nmetric = \"followers\"\n"
                   "[search]\ninitial = 5\nevaluations = 14\n");
  const auto outcome =
      sim::optimize::run_optimize({plan, files.dir.path("plan.h5"), false, false, "test", "test"});
  const auto& history = outcome.record.history;
  const auto& best = history[sim::optimize::best_index(outcome.plan, history)];
  EXPECT_EQ(sim::optimize::value_of(outcome.plan, best.values, "join.threads"), 1.0);
  EXPECT_EQ(sim::optimize::value_of(outcome.plan, best.values, "join_week"), 1.0);
  // Every evaluated plan that joins has at least the followers of every later join.
  for (const auto& a : history) {
    for (const auto& b : history) {
      const double wa = sim::optimize::value_of(outcome.plan, a.values, "join_week");
      const double wb = sim::optimize::value_of(outcome.plan, b.values, "join_week");
      if (a.values == b.values ||
          sim::optimize::value_of(outcome.plan, a.values, "join.threads") < 1 ||
          sim::optimize::value_of(outcome.plan, b.values, "join.threads") < 1 || wa > wb)
        continue;
      EXPECT_GE(a.objective, b.objective) << wa << " " << wb;
    }
  }
}

}  // namespace
