// `trek optimize` as users meet it: a small plan gives the same search for one and two threads,
// a search resumed from a checkpoint ends with the same history, the best plan is written as a
// scenario file that `trek validate` accepts, and bad plans exit with code 2 and one line.

#include <gtest/gtest.h>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/optimize/plan_file.hpp"
#include "sim/optimize/read_plan.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;

Result trek(const std::string& arguments) {
  return sim::test::run_trek(arguments, true);
}

/// Leaving X (week and notice) on 1,500 agents over 20 weeks.
std::string write_plan(const sim::test::TempDir& dir, const std::string& extra = "") {
  const std::string text =
      "base = \"" TREK_SOURCE_DIR
      "/scenarios/ghent/stay_on_x.toml\"\n"
      "compare = [\"" TREK_SOURCE_DIR
      "/scenarios/ghent/leave_x_now.toml\"]\n"
      "set = [\"population.graph=\\\"follower:n=1500,seed=2\\\"\", \"simulation.weeks=20\"]\n"
      "seed = 11\nworlds = 3\nverify_worlds = 3\n" +
      extra +
      "[decisions]\nleave = \"x\"\nleave_week = { min = 2, max = 21 }\n"
      "announce_weeks = { min = 0, max = 4 }\n"
      "[[constraints]]\nmetric = \"toxic_exposure\"\nat_most = 1e9\n"
      "[search]\ninitial = 4\nevaluations = 8\nbatch = 2\n";
  sim::test::write_text(dir.path("plan.toml"), text);
  return dir.path("plan.toml");
}

std::vector<double> history(const std::string& path) {
  const sim::io::Handle file = sim::io::open_file_read(path);
  const sim::io::Handle group = sim::io::open_group(file.get(), "history");
  std::vector<double> values = sim::io::read_array<double>(group.get(), "values");
  const auto objective = sim::io::read_vector<double>(group.get(), "objective");
  values.insert(values.end(), objective.begin(), objective.end());
  return values;
}

TEST(OptimizeCli, SearchesAlikeForAnyThreadCountAndWritesTheBestPlan) {
  const sim::test::TempDir dir;
  const std::string plan = write_plan(dir);
  const Result one =
      trek("optimize " + plan + " -o " + dir.path("one.h5") + " --threads 1 --quiet");
  ASSERT_EQ(one.code, 0) << one.output;
  EXPECT_NE(one.output.find("final comparison on 3 fresh worlds"), std::string::npos) << one.output;
  EXPECT_NE(one.output.find("best plan:"), std::string::npos);
  const Result two =
      trek("optimize " + plan + " -o " + dir.path("two.h5") + " --threads 2 --quiet");
  ASSERT_EQ(two.code, 0) << two.output;
  EXPECT_EQ(history(dir.path("one.h5")), history(dir.path("two.h5")));
  // Eight candidates: three decisions each and the objective.
  EXPECT_EQ(history(dir.path("one.h5")).size(), 8U * 4U);
  const Result valid = trek("validate " + dir.path("one.best.toml"));
  EXPECT_EQ(valid.code, 0) << valid.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path("one.h5.partial")));
  // The file holds the final comparison and the trade-off front.
  const sim::io::Handle file = sim::io::open_file_read(dir.path("one.h5"));
  EXPECT_TRUE(sim::io::has_link(file.get(), "verification"));
  EXPECT_TRUE(sim::io::has_link(file.get(), "front"));
  EXPECT_EQ(sim::io::read_uint_attribute(file.get(), "complete"), 1U);
}

TEST(OptimizeCli, ResumesFromACheckpointToTheSameHistory) {
  const sim::test::TempDir dir;
  const std::string plan_path = write_plan(dir);
  ASSERT_EQ(trek("optimize " + plan_path + " -o " + dir.path("whole.h5") + " --quiet").code, 0);
  // The checkpoint a kill after the first round leaves: its first four candidates.
  const sim::optimize::Plan plan = sim::optimize::read_plan(plan_path);
  std::uint64_t hash = 0;
  {
    const sim::io::Handle file = sim::io::open_file_read(dir.path("whole.h5"));
    hash = sim::io::read_uint_attribute(file.get(), "inputs_hash");
  }
  sim::optimize::PlanRecord record =
      sim::optimize::read_plan_checkpoint(dir.path("whole.h5"), plan, hash);
  record.history.resize(4);
  record.rounds.resize(4);
  sim::optimize::write_plan_file(dir.path("resumed.h5.partial"), plan, record, {});
  const Result resumed =
      trek("optimize " + plan_path + " -o " + dir.path("resumed.h5") + " --resume --quiet");
  ASSERT_EQ(resumed.code, 0) << resumed.output;
  EXPECT_EQ(history(dir.path("whole.h5")), history(dir.path("resumed.h5")));
  // Another plan's checkpoint is refused.
  sim::test::write_text(plan_path, sim::test::read_text(plan_path) + "\n# changed\n");
  sim::optimize::write_plan_file(dir.path("other.h5.partial"), plan, record, {});
  const Result other =
      trek("optimize " + plan_path + " -o " + dir.path("other.h5") + " --resume --quiet");
  EXPECT_EQ(other.code, 2) << other.output;
  EXPECT_NE(other.output.find("another plan"), std::string::npos) << other.output;
}

TEST(OptimizeCli, AKilledSearchResumesToTheSameHistory) {
  const sim::test::TempDir dir;
  const std::string plan = write_plan(dir);
  std::string text = sim::test::read_text(plan);
  text.replace(text.find("evaluations = 8"), 15, "evaluations = 24");
  sim::test::write_text(plan, text);
  ASSERT_EQ(trek("optimize " + plan + " -o " + dir.path("whole.h5") + " --quiet").code, 0);
  // Killed once its first checkpoint exists, rounds before the end.
  const std::string out = dir.path("killed.h5");
  static_cast<void>(sim::test::run_trek(
      "optimize " + plan + " -o " + out + " --quiet & pid=$!; for i in $(seq 400); do [ -e " + out +
          ".partial ] && break; sleep 0.01; done; "
          "kill -9 $pid; wait $pid; true #",
      true));
  const Result resumed = trek("optimize " + plan + " -o " + out + " --resume --quiet");
  ASSERT_EQ(resumed.code, 0) << resumed.output;
  EXPECT_EQ(history(dir.path("whole.h5")), history(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
  EXPECT_EQ(sim::test::read_text(dir.path("whole.best.toml")),
            sim::test::read_text(dir.path("killed.best.toml")));
  // Resuming a finished search does nothing.
  EXPECT_EQ(trek("optimize " + plan + " -o " + out + " --resume --quiet").code, 0);
}

TEST(OptimizeCli, BadPlansExitWithCodeTwoAndOneLine) {
  const sim::test::TempDir dir;
  const Result missing = trek("optimize " + dir.path("none.toml") + " -o " + dir.path("o.h5"));
  EXPECT_EQ(missing.code, 2) << missing.output;
  const std::string plan = write_plan(dir, "wrlds = 3\n");
  const Result typo = trek("optimize " + plan + " -o " + dir.path("o.h5"));
  EXPECT_EQ(typo.code, 2) << typo.output;
  EXPECT_NE(typo.output.find("did you mean 'worlds'"), std::string::npos) << typo.output;
  EXPECT_EQ(std::count(typo.output.begin(), typo.output.end(), '\n'), 1) << typo.output;
  EXPECT_FALSE(std::filesystem::exists(dir.path("o.h5")));
  // The output may not replace the plan.
  const std::string good = write_plan(dir);
  EXPECT_EQ(trek("optimize " + good + " -o " + good + " --force").code, 2);
}

}  // namespace
