// Plan files: a good plan reads with its decisions, and every kind of bad input is one
// InputError naming the plan file, the line and the key, with "did you mean" where a name is
// close to a known one.

#include "sim/optimize/read_plan.hpp"

#include <gtest/gtest.h>

#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace {

const std::string kHeader =
    "base = \"" TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml\"\nseed = 4\nworlds = 3\n";

const std::string kDecisions =
    "[decisions]\nleave = \"x\"\nleave_week = { min = 4, max = 105 }\n"
    "announce_weeks = { min = 0, max = 8 }\njoin = [\"threads\"]\n"
    "[decisions.posts]\nthreads = { min = 2, max = 14 }\n";

std::string error_of(const std::string& text) {
  const sim::test::Files files;
  const std::string path = files.write("plan.toml", text);
  try {
    sim::optimize::read_plan(path);
  } catch (const sim::util::InputError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("plan.toml"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    return message;
  }
  ADD_FAILURE() << "no error for:\n" << text;
  return "";
}

TEST(ReadPlan, ReadsDecisionsObjectiveAndConstraints) {
  const sim::test::Files files;
  const std::string path = files.write(
      "plan.toml", kHeader + kDecisions +
                       "[objective]\nmetric = \"week_reach\"\nstatistic = \"quantile\"\n"
                       "quantile = 0.1\n[[constraints]]\nmetric = \"toxic_exposure\"\n"
                       "at_most = 900\n");
  const sim::optimize::Plan plan = sim::optimize::read_plan(path);
  EXPECT_EQ(plan.weeks, 104U);
  EXPECT_EQ(plan.leave, "x");
  ASSERT_EQ(plan.free_variables().size(), 4U);  // leave, announce, join, posts
  EXPECT_EQ(plan.find("leave_week")->max, 105.0);
  EXPECT_FALSE(plan.find("crosspost_weeks")->free());
  EXPECT_EQ(plan.objective.metric, "week_reach");
  EXPECT_DOUBLE_EQ(plan.objective.quantile, 0.1);
  EXPECT_EQ(plan.objective.week, 104U);
  ASSERT_EQ(plan.constraints.size(), 1U);
  EXPECT_FALSE(plan.constraints[0].goal.higher_is_better);
  EXPECT_EQ(plan.verify_seed, 5U);
}

TEST(ReadPlan, NamesFileLineAndKeyOfEveryProblem) {
  EXPECT_NE(error_of("wrlds = 4\n" + kHeader + kDecisions).find("did you mean 'worlds'"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nleave = \"blusky\"\nleave_week = {min=1,max=9}\n")
                .find("did you mean 'bluesky'"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nleave = \"threads\"\nleave_week = {min=1,max=9}\n")
                .find("not on threads"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\njoin = [\"bluesky\"]\n").find("already on bluesky"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + kDecisions + "[objective]\nmetric = \"reach_per_mesage\"\n")
                .find("did you mean 'reach_per_message'"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + kDecisions +
                     "[[constraints]]\nmetric = \"toxic_exposure\"\n"
                     "at_most = 1\nat_least = 0\n")
                .find("not both"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nleave = \"x\"\nleave_week = { min = 9, max = 9 }\n")
                .find(":6: 'decisions.leave_week': empty range"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nleave = \"x\"\nleave_week = 9\n").find("fixed"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "verify_seed = 4\n" + kDecisions).find("verify_seed"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\njoin = [\"threads\"]\n[decisions.posts]\n"
                               "threads = { min = 0, max = 4 }\n")
                .find("needs posts above 0"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + kDecisions + "[objective]\nmetric = \"week_reach\"\nweek = 40\n")
                .find("plan weeks"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nleave = \"x\"\nleave_week = { min = 1, max = 400 }\n")
                .find("outside [1, 105]"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + kDecisions + "[search]\ninitial = 9\nevaluations = 4\n")
                .find("search.evaluations"),
            std::string::npos);
  EXPECT_NE(error_of("base = \"nowhere.toml\"\n" + kDecisions).find("base"), std::string::npos);
  EXPECT_NE(error_of(kHeader + kDecisions + "[search]\nmethod = \"gird\"\n").find("grid"),
            std::string::npos);
  // A compared scenario that is a second baseline is found before the search.
  EXPECT_NE(error_of("compare = [\"" TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml\"]\n" +
                     kHeader + kDecisions)
                .find("compare"),
            std::string::npos);
}

TEST(ReadPlan, AnnouncesWhileStayingOnAPlatformItIsOn) {
  const sim::test::Files files;
  const std::string path =
      files.write("plan.toml", kHeader +
                                   "[decisions]\nannounce_on = \"x\"\n"
                                   "announce_week = { min = 1, max = 60 }\nannounce_weeks = 4\n");
  const sim::optimize::Plan plan = sim::optimize::read_plan(path);
  EXPECT_EQ(plan.announce_on, "x");
  EXPECT_TRUE(plan.find("announce_week")->free());
  EXPECT_EQ(plan.find("announce_weeks")->min, 4.0);
  EXPECT_NE(error_of(kHeader + "[decisions]\nannounce_weeks = { min = 0, max = 4 }\n")
                .find("announce_on"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nannounce_on = \"threads\"\n"
                               "announce_week = { min = 1, max = 60 }\n")
                .find("not on threads"),
            std::string::npos);
  EXPECT_NE(error_of(kHeader + "[decisions]\nannounce_on = \"x\"\ncrosspost_weeks = 3\n"
                               "announce_week = { min = 1, max = 60 }\n")
                .find("needs a platform to leave"),
            std::string::npos);
}

TEST(ReadPlan, RefusesAScenarioFile) {
  const sim::test::Files files;
  const std::string path = files.write("plan.toml", "extends = \"x.toml\"\n[platforms.x]\n");
  EXPECT_THROW(sim::optimize::read_plan(path), sim::util::InputError);
}

}  // namespace
