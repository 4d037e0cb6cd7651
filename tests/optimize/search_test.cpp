// The plan search on plans whose best answer is known in closed form, and the time line a
// candidate's decisions make.

#include "sim/optimize/search.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "sim/optimize/candidate.hpp"
#include "sim/util/error.hpp"

namespace {

using sim::optimize::Evaluation;
using sim::optimize::Plan;
using sim::optimize::Variable;
using sim::optimize::VariableKind;

/// Posts on two platforms within a budget of 10 a week.
Plan posting_plan() {
  Plan p;
  p.file = "toy.toml";
  p.weeks = 10;
  p.platforms = {"a", "b"};
  p.present = {true, true};
  p.base_posts = {1.0, 1.0};
  p.posting_budget = 10.0;
  p.seed = 3;
  p.variables = {{"posts.a", VariableKind::kPosts, 0.0, 10.0, 1},
                 {"posts.b", VariableKind::kPosts, 0.0, 10.0, 2}};
  p.search.initial = 8;
  p.search.evaluations = 30;
  p.search.batch = 2;
  return p;
}

/// Reach over a week with diminishing returns on each platform: concave, so on the budget's edge
/// the best split has equal marginal gains.
double reach(double a, double b) {
  return 100.0 * (1.0 - std::pow(0.8, a)) + 60.0 * (1.0 - std::pow(0.7, b));
}

/// The search loop of run_optimize with `evaluate` in place of the simulator.
std::vector<Evaluation> search(const Plan& plan,
                               const std::function<Evaluation(const std::vector<double>&)>& f) {
  std::vector<Evaluation> history;
  for (std::uint32_t round = 0; history.size() < plan.search.evaluations; ++round) {
    const auto candidates = round == 0 ? sim::optimize::initial_candidates(plan)
                                       : sim::optimize::next_candidates(plan, history, round, 2);
    if (candidates.empty()) break;
    for (const auto& values : candidates)
      history.push_back(f(values));
  }
  return history;
}

Evaluation evaluated(const Plan& plan, const std::vector<double>& values) {
  Evaluation e;
  e.values = values;
  e.objective = reach(values[0], values[1]);
  e.metrics.assign(sim::optimize::history_metrics().size(), 0.0);
  for (const auto& c : plan.constraints) {
    e.constraints.push_back(values[1]);  // the constraint's quantity: posts on b
    e.feasible = e.feasible && c.holds(e.constraints.back());
  }
  return e;
}

TEST(PlanSearch, FindsTheBestSplitOfAPostingBudget) {
  const Plan plan = posting_plan();
  // Closed form: 100 ln(1/0.8) 0.8^a = 60 ln(1/0.7) 0.7^(10 - a) on a + b = 10.
  const double a = (std::log(60.0 * std::log(1 / 0.7)) + 10.0 * std::log(0.7) -
                    std::log(100.0 * std::log(1 / 0.8))) /
                   (std::log(0.8) + std::log(0.7));
  const double best = reach(a, 10.0 - a);
  const auto history = search(plan, [&](const auto& v) { return evaluated(plan, v); });
  for (const Evaluation& e : history)
    EXPECT_LE(e.values[0] + e.values[1], 10.0 + 1e-9) << "a candidate breaks the budget";
  const Evaluation& found = history[sim::optimize::best_index(plan, history)];
  EXPECT_GT(found.objective, best * 0.995) << found.values[0] << " " << found.values[1];
  EXPECT_NEAR(found.values[0], a, 1.0);
}

TEST(PlanSearch, KeepsAConstraintThatBindsAtTheOptimum) {
  Plan plan = posting_plan();
  sim::optimize::Constraint c;
  c.at_most = false;
  c.bound = 5.0;  // at least 5 posts on b: the best is then a = b = 5
  plan.constraints.push_back(c);
  const auto history = search(plan, [&](const auto& v) { return evaluated(plan, v); });
  const Evaluation& found = history[sim::optimize::best_index(plan, history)];
  EXPECT_TRUE(found.feasible);
  EXPECT_GT(found.objective, reach(5.0, 5.0) * 0.995);
  EXPECT_LE(found.objective, reach(5.0, 5.0) + 1e-9);
}

TEST(PlanSearch, IsAPureFunctionOfItsHistory) {
  const Plan plan = posting_plan();
  const auto f = [&](const auto& v) { return evaluated(plan, v); };
  const auto first = search(plan, f), second = search(plan, f);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i)
    EXPECT_EQ(first[i].values, second[i].values);
}

TEST(PlanSearch, GridCoversEveryLevelWithinTheLimits) {
  Plan plan = posting_plan();
  plan.search.grid = true;
  plan.search.steps = 3;  // 0, 5, 10 each; a + b <= 10 leaves 6 of 9
  plan.search.evaluations = 9;
  EXPECT_EQ(sim::optimize::grid_candidates(plan).size(), 6U);
  plan.search.evaluations = 5;
  EXPECT_THROW(sim::optimize::grid_candidates(plan), sim::util::InputError);
}

TEST(PlanSearch, SaysWhenNoCandidateKeepsTheLimits) {
  Plan plan = posting_plan();
  plan.variables[0].min = 6.0;
  plan.variables[1].min = 6.0;  // at least 12 posts a week against a budget of 10
  EXPECT_THROW(sim::optimize::initial_candidates(plan), sim::util::InputError);
}

/// Leaving x, joining threads, with bluesky already there.
Plan leaving_plan() {
  Plan p;
  p.file = "leave.toml";
  p.weeks = 52;
  p.platforms = {"x", "bluesky", "threads"};
  p.present = {true, true, false};
  p.base_posts = {14.0, 7.0, 0.0};
  p.leave = "x";
  p.joinable = {"threads"};
  p.variables = {{"leave_week", VariableKind::kWeeks, 4, 53, 1},
                 {"crosspost_weeks", VariableKind::kWeeks, 0, 26, 2},
                 {"announce_weeks", VariableKind::kWeeks, 0, 8, 3},
                 {"join.threads", VariableKind::kChoice, 0, 1, 4},
                 {"posts.threads", VariableKind::kPosts, 1, 14, 5}};
  return p;
}

TEST(PlanCandidate, MakesTheTimeLineOfItsDecisions) {
  const Plan plan = leaving_plan();
  const auto t = sim::optimize::timeline_of(plan, {20, 5, 3, 1, 7});
  EXPECT_TRUE(t.leaves);
  EXPECT_EQ(t.leave_week, 20U);
  EXPECT_EQ(t.join_week, 15U);
  EXPECT_EQ(t.announce_start, 17U);
  EXPECT_EQ(t.announce_weeks, 3U);
  EXPECT_EQ(t.announced, (std::vector<std::string>{"bluesky", "threads"}));
  const auto peak = sim::optimize::peak_usage(plan, t);
  EXPECT_EQ(peak.platforms, 3U);
  EXPECT_DOUBLE_EQ(peak.posts_per_week, 28.0);
  const std::string text = sim::optimize::candidate_toml(plan, {20, 5, 3, 1, 7}, "base.toml", "c");
  EXPECT_NE(text.find("type = \"join\"\nplatform = \"threads\"\nweek = 15"), std::string::npos)
      << text;
  EXPECT_NE(text.find("type = \"leave\"\nplatform = \"x\"\nweek = 20"), std::string::npos);
  EXPECT_LT(text.find("type = \"join\""), text.find("type = \"announce\""));
  EXPECT_NE(text.find("baseline = false"), std::string::npos);
}

TEST(PlanCandidate, StaysJoinsEarlyOrNotAtAll) {
  const Plan plan = leaving_plan();
  // A leave week after the run: it stays; the join still comes crosspost_weeks before it.
  auto t = sim::optimize::timeline_of(plan, {53, 5, 3, 1, 7});
  EXPECT_FALSE(t.leaves);
  EXPECT_EQ(t.announce_weeks, 0U);
  EXPECT_EQ(t.join_week, 48U);
  // More weeks of cross-posting than weeks before leaving: it joins in week 1.
  t = sim::optimize::timeline_of(plan, {6, 20, 8, 1, 7});
  EXPECT_EQ(t.join_week, 1U);
  EXPECT_EQ(t.announce_start, 1U);
  EXPECT_EQ(t.announce_weeks, 5U);
  // Not joining: threads gets nothing, and the limits count two platforms.
  t = sim::optimize::timeline_of(plan, {6, 20, 8, 0, 7});
  EXPECT_FALSE(t.joins);
  EXPECT_EQ(sim::optimize::peak_usage(plan, t).platforms, 2U);
  const std::string text = sim::optimize::candidate_toml(plan, {6, 20, 8, 0, 7}, "b.toml", "c");
  EXPECT_EQ(text.find("threads\"\nweek"), std::string::npos) << text;
}

TEST(PlanCandidate, AnnouncesWhileStaying) {
  Plan plan = leaving_plan();
  plan.leave.clear();
  plan.announce_on = "x";
  plan.joinable.clear();
  plan.variables = {{"announce_week", VariableKind::kWeeks, 1, 52, 1},
                    {"announce_weeks", VariableKind::kWeeks, 0, 8, 2}};
  const auto t = sim::optimize::timeline_of(plan, {30, 6});
  EXPECT_FALSE(t.leaves);
  EXPECT_EQ(t.announce_on, "x");
  EXPECT_EQ(t.announce_start, 30U);
  EXPECT_EQ(t.announce_weeks, 6U);
  EXPECT_EQ(t.announced, (std::vector<std::string>{"bluesky"}));
  const std::string text = sim::optimize::candidate_toml(plan, {30, 6}, "b.toml", "c");
  EXPECT_NE(text.find("type = \"announce\"\nplatform = \"x\"\nto = [\"bluesky\"]\nweek = 30\n"
                      "weeks = 6"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("type = \"leave\""), std::string::npos);
  EXPECT_EQ(sim::optimize::timeline_of(plan, {30, 0}).announce_weeks, 0U);
  EXPECT_EQ(sim::optimize::describe(plan, {30, 6}), "announce on x from week 30 for 6 weeks");
}

TEST(PlanCandidate, SnapsWeeksAndChoices) {
  const Variable week{"leave_week", VariableKind::kWeeks, 4, 53, 0};
  EXPECT_EQ(week.snapped(17.4), 17.0);
  EXPECT_EQ(week.snapped(99.0), 53.0);
  const Variable choice{"join.threads", VariableKind::kChoice, 0, 1, 0};
  EXPECT_EQ(choice.snapped(0.49), 0.0);
  EXPECT_EQ(choice.snapped(0.51), 1.0);
}

}  // namespace
