// The results file: what is written reads back identically, with the documented layout, and
// files that are not Trek run files (or of another version) are refused with an InputError.

#include <gtest/gtest.h>

#include "sim/engine/observables.hpp"
#include "sim/engine/record_run.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/engine/results_reader.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;

struct FinishedRun {
  scenario::Scenario scenario;
  graph::Graph graph;
  std::vector<engine::ReplicateSeries> series;
};

/// Runs the Ghent stay-on-X scenario (or another), shrunk, into `path`.
FinishedRun run_into(const std::string& path, const std::string& scenario = TREK_SOURCE_DIR
                                              "/scenarios/ghent/stay_on_x.toml") {
  FinishedRun run;
  run.scenario = scenario::read_scenario(
      scenario, {"population.graph=follower:n=2000,seed=2", "simulation.weeks=12",
                 "simulation.replicates=3", "output.snapshot_every=4", "reach.posts=3"});
  run.graph = graph::formats::load_graph(run.scenario.graph).graph;
  io::write_atomically(path, [&](const std::string& temporary) {
    engine::ResultsFile file(temporary, run.scenario, run.graph, {"trek test", "trek run test"});
    run.series = engine::record_run(run.scenario, run.graph, file, util::no_progress());
  });
  return run;
}

/// The size in bytes of one element of a dataset.
std::size_t element_bytes(hid_t file, const char* name) {
  const io::Handle dataset(H5Dopen2(file, name, H5P_DEFAULT));
  const io::Handle type(H5Dget_type(dataset.get()));
  return H5Tget_size(type.get());
}

TEST(ResultsFile, ReadsBackWhatWasWritten) {
  const test::TempDir dir;
  const std::string path = dir.path("run.h5");
  const FinishedRun run = run_into(path);
  const engine::ResultsInfo info = engine::read_results_info(path);
  EXPECT_EQ(info.version, engine::kResultsVersion);
  EXPECT_EQ(info.scenario, "Stay on X");
  EXPECT_EQ(info.replicates, 3u);
  EXPECT_EQ(info.weeks, 12u);
  EXPECT_EQ(info.agents, 2000u);
  EXPECT_EQ(info.platforms.size(), 9u);
  EXPECT_EQ(info.platforms.front(), "bluesky");
  EXPECT_EQ(info.snapshots, 4u);  // weeks 0, 4, 8, 12
  EXPECT_GT(info.wall_seconds, 0.0);
  EXPECT_EQ(info.command_line, "trek run test");
  ASSERT_EQ(info.observables.size(),
            engine::observable_names().size() + engine::reach_observable_names().size());
  for (const auto& [name, dims] : info.observables) {
    EXPECT_EQ(dims[0], 3u) << name;
    EXPECT_EQ(dims[1], 13u) << name;
  }
  const engine::SeriesTable table = engine::read_series_table(path);
  const engine::SeriesTable expected = engine::table_of(info.platforms, run.series);
  EXPECT_EQ(table.active, expected.active);
  EXPECT_EQ(table.followers, expected.followers);
  EXPECT_EQ(table.accounts, expected.accounts);
  EXPECT_EQ(table.active_anywhere, expected.active_anywhere);

  const io::Handle file = io::open_file_read(path);
  EXPECT_EQ(
      io::read_string_attribute(io::open_group(file.get(), "provenance").get(), "scenario_toml"),
      run.scenario.resolved_toml);
  const auto flows = io::read_array<std::uint32_t>(file.get(), "observables/flows/value");
  EXPECT_EQ(flows.size(), 3u * 13u * 10u * 9u);
  // Nine platforms: the snapshots hold 16-bit platform sets (8-bit ones up to eight platforms).
  EXPECT_EQ(element_bytes(file.get(), "snapshots/active"), 2u);
  const auto active = io::read_array<std::uint16_t>(file.get(), "snapshots/active");
  EXPECT_EQ(active.size(), 3u * 4u * 2000u);
  std::size_t upper = 0;
  for (const std::uint16_t bits : active)
    upper += (bits >> 8U) != 0 ? 1U : 0U;
  EXPECT_GT(upper, 0u);  // platform 8 (YouTube, in the order of the names) has active agents
  EXPECT_EQ(io::read_vector<std::uint32_t>(file.get(), "observables/active/step").back(), 12u);
}

TEST(ResultsFile, SnapshotsOfAtMostEightPlatformsTakeOneBytePerAgent) {
  const test::TempDir dir;
  test::write_text(dir.path("two.toml"),
                   "name = \"two\"\n[platforms.a]\ninitial_account = 1\ninitial_active = 0.5\n"
                   "[platforms.b]\ninitial_account = 0.5\ninitial_active = 0.5\n"
                   "[strategy.a]\npresent = true\nposts_per_week = 2\n");
  const std::string path = dir.path("run.h5");
  run_into(path, dir.path("two.toml"));
  const io::Handle file = io::open_file_read(path);
  EXPECT_EQ(element_bytes(file.get(), "snapshots/active"), 1u);
  const auto active = io::read_array<std::uint8_t>(file.get(), "snapshots/active");
  ASSERT_EQ(active.size(), 3u * 4u * 2000u);
  // Week 0 of replicate 0 holds the initial state: about half the agents active on a.
  std::size_t on_a = 0;
  for (std::size_t agent = 0; agent < 2000; ++agent)
    on_a += (active[agent] & 1U) != 0 ? 1U : 0U;
  EXPECT_NEAR(static_cast<double>(on_a), 1000.0, 150.0);
}

TEST(ResultsFile, KeepsEveryMessageAndTheirMean) {
  const test::TempDir dir;
  const std::string path = dir.path("run.h5");
  run_into(path);
  const io::Handle file = io::open_file_read(path);
  for (const std::string& name : engine::reach_observable_names()) {
    const auto mean_dims = io::array_dims(file.get(), "observables/" + name + "/value");
    const auto dims = io::array_dims(file.get(), "messages/" + name + "/value");
    ASSERT_EQ(dims.size(), mean_dims.size() + 1) << name;
    EXPECT_EQ(dims[2], 3u) << name;  // reach.posts = 3 messages per week
  }
  // [replicate][week][message] against [replicate][week]: the series is the messages' mean.
  const auto messages = io::read_array<double>(file.get(), "messages/reach_per_message/value");
  const auto mean = io::read_array<double>(file.get(), "observables/reach_per_message/value");
  ASSERT_EQ(messages.size(), 3 * mean.size());
  std::size_t differing_weeks = 0;
  for (std::size_t i = 0; i < mean.size(); ++i) {
    const double* week = &messages[3 * i];
    EXPECT_NEAR((week[0] + week[1] + week[2]) / 3.0, mean[i], 1e-9 * (1.0 + mean[i]));
    if (week[0] != week[1] || week[1] != week[2]) ++differing_weeks;
  }
  // Messages of one week draw their own coins, so they differ.
  EXPECT_GT(differing_weeks, mean.size() / 2);
}

TEST(ResultsFile, KeepsTheWeekPlanAtThePlanWeeks) {
  const test::TempDir dir;
  const std::string path = dir.path("run.h5");
  const FinishedRun run = run_into(path);
  // A 12-week run reports its last week only; reach.plan_every adds none here.
  EXPECT_EQ(engine::plan_weeks(run.scenario), std::vector<std::uint32_t>{12});
  const engine::ResultsInfo info = engine::read_results_info(path);
  ASSERT_EQ(info.plan.size(), engine::week_plan_datasets().size());
  const engine::SeriesTable table = engine::read_series_table(path);
  const engine::SeriesTable expected = engine::table_of(info.platforms, run.series);
  EXPECT_EQ(table.plan_weeks, expected.plan_weeks);
  EXPECT_EQ(table.plan_impressions, expected.plan_impressions);
  EXPECT_EQ(table.plan_reached, expected.plan_reached);
  EXPECT_EQ(table.plan_posts, expected.plan_posts);
  const engine::WeekSummary week = engine::summarise_week(table, 12);
  EXPECT_TRUE(week.has_plan);
  EXPECT_GT(week.week_reached.mean, 0.0);
  EXPECT_FALSE(engine::summarise_week(table, 11).has_plan);

  scenario::Scenario s = run.scenario;
  s.weeks = 60;
  s.reach.plan_every = 25;
  EXPECT_EQ(engine::plan_weeks(s), (std::vector<std::uint32_t>{0, 13, 25, 50, 52, 60}));
  s.reach.week_plan = false;
  EXPECT_TRUE(engine::plan_weeks(s).empty());
  s.reach.week_plan = true;
  s.reach.posts = 0;
  EXPECT_TRUE(engine::plan_weeks(s).empty());
}

TEST(ResultsFile, RefusesADamagedWeekPlan) {
  const test::TempDir dir;
  const std::string path = dir.path("run.h5");
  run_into(path);
  {
    // Plan weeks that are not a rising list of the run's weeks.
    const io::Handle file = io::open_file_write(path);
    const io::Handle plan = io::open_group(file.get(), "plan");
    io::check(H5Ldelete(plan.get(), "week", H5P_DEFAULT), "deleting");
    io::write_vector<std::uint32_t>(plan.get(), "week", std::vector<std::uint32_t>{99});
  }
  try {
    engine::read_series_table(path);
    FAIL() << "no error";
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("plan/week"), std::string::npos) << e.what();
  }
}

TEST(ResultsFile, RefusesOtherFilesWithAnInputError) {
  const test::TempDir dir;
  test::write_text(dir.path("text.h5"), "not hdf5");
  EXPECT_THROW(engine::read_results_info(dir.path("text.h5")), util::InputError);
  {
    const io::Handle other = io::create_file(dir.path("other.h5"));
    io::write_attribute(other.get(), "format", "trek-cascade");
  }
  EXPECT_THROW(engine::read_results_info(dir.path("other.h5")), util::InputError);
  {
    const io::Handle newer = io::create_file(dir.path("newer.h5"));
    io::write_attribute(newer.get(), "format", engine::kResultsFormat);
    io::write_attribute(newer.get(), "version", std::uint64_t{99});
  }
  try {
    engine::read_series_table(dir.path("newer.h5"));
    FAIL() << "no error";
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("version 99 is not supported"), std::string::npos);
  }
}

}  // namespace
