// `trek compare` as users meet it: identical scenarios differ by exactly zero (common random
// numbers), results do not depend on the thread count, the machine formats are complete, and a
// set with two baselines is refused.

#include <gtest/gtest.h>

#include <algorithm>

#include "sim/io/h5_array.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;

const std::string kGhent = TREK_SOURCE_DIR "/scenarios/ghent/";
const std::string kSmall =
    " --set population.graph=follower:n=3000,seed=4 --weeks 14 --replicates 4 --quiet --force";

Result trek(const std::string& arguments, bool with_stderr = true) {
  return sim::test::run_trek(arguments, with_stderr);
}

TEST(CompareCli, IdenticalScenariosDifferByZero) {
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("copy.toml"),
                        "extends = \"" + kGhent + "stay_on_x.toml\"\nbaseline = false\n");
  const Result r = trek("compare " + kGhent + "stay_on_x.toml " + dir.path("copy.toml") + kSmall +
                            " --format csv -o " + dir.path("c.h5"),
                        false);
  ASSERT_EQ(r.code, 0) << r.output;
  const auto fields = [](const std::string& line) {
    std::vector<std::string> out;
    std::size_t begin = 0;
    for (std::size_t comma = line.find(',');; comma = line.find(',', begin)) {
      out.push_back(line.substr(begin, comma - begin));
      if (comma == std::string::npos) break;
      begin = comma + 1;
    }
    return out;
  };
  const std::vector<std::string> header = fields(r.output.substr(0, r.output.find('\n')));
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  int rows = 0;
  std::size_t start = r.output.find('\n') + 1;
  while (start < r.output.size()) {
    const std::size_t end = r.output.find('\n', start);
    const std::vector<std::string> row = fields(r.output.substr(start, end - start));
    if (row.front() == "copy") {
      ++rows;
      ASSERT_EQ(row.size(), header.size());
      // The paired difference is exactly zero, in agents and in percent; neither is better.
      for (const char* name : {"diff_mean", "diff_p05", "diff_p95", "diff_pct_mean", "diff_pct_p05",
                               "diff_pct_p95", "regret"}) {
        EXPECT_EQ(row[column(name)], "0") << name;
      }
      EXPECT_EQ(row[column("p_better")], "0.5");
      EXPECT_EQ(row[column("verdict")], "no clear difference");
      EXPECT_EQ(row[column("tier")], "1");
    }
    start = end + 1;
  }
  // 2 report weeks (13, 14) x (reach, 9 platforms, 9 gains, 9 impressions, 1 h, 24 h, crisis
  // 1 h, opinion makers, citizens, toxic exposure, engagements, followers, week reach, week
  // impressions, reach of the anchor's followers).
  EXPECT_EQ(rows, 2 * 39);
}

TEST(CompareCli, SameResultsForAnyThreadCount) {
  const sim::test::TempDir dir;
  const std::string args = "compare " + kGhent + "leave_x_now.toml " + kGhent + "stay_on_x.toml " +
                           kGhent + "crosspost.toml" + kSmall + " --format json -o " +
                           dir.path("c.h5");
  const Result one = trek(args + " --threads 1", false);
  ASSERT_EQ(one.code, 0) << one.output;
  EXPECT_EQ(trek(args + " --threads 2", false).output, one.output);
  // The baseline is the scenario marked baseline = true, whatever the order of the files.
  EXPECT_NE(one.output.find("\"baseline\": \"stay_on_x\""), std::string::npos) << one.output;
  const sim::io::Handle file = sim::io::open_file_read(dir.path("c.h5"));
  EXPECT_EQ(sim::io::read_string_attribute(file.get(), "format"), "trek-compare");
  const auto dims = sim::io::array_dims(file.get(), "comparison/difference");
  ASSERT_EQ(dims.size(), 4u);
  EXPECT_EQ(dims[0], 3u);
  EXPECT_EQ(dims[1], 2u);
  EXPECT_EQ(dims[3], 3u);
  EXPECT_TRUE(sim::io::has_link(file.get(), "scenarios/crosspost/observables/reach_per_message"));
  EXPECT_TRUE(sim::io::has_link(file.get(), "scenarios/crosspost/messages/reach_per_message"));
  EXPECT_EQ(sim::io::array_dims(file.get(), "comparison/message_reach"), (sim::io::Dims{3, 2, 6}));
  EXPECT_NE(one.output.find("\"single_message_reach\": {\"mean\""), std::string::npos);
}

TEST(CompareCli, WhatIfsAreShownApartAndNeverRanked) {
  const sim::test::TempDir dir;
  const Result r =
      trek("compare " + kGhent + "stay_on_x.toml " + kGhent + "toxicity_escalation.toml " + kGhent +
               "crosspost.toml" + kSmall + " --format json -o " + dir.path("c.h5"),
           false);
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("\"ranking_by_reach\": \"crosspost,stay_on_x\""), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\"kind\": \"what-if\""), std::string::npos);
  // A what-if cannot be the baseline, by position or by mark.
  const Result first = trek("compare " + kGhent + "toxicity_escalation.toml " + kGhent +
                            "crosspost.toml" + kSmall + " -o " + dir.path("d.h5"));
  EXPECT_EQ(first.code, 2) << first.output;
  EXPECT_NE(first.output.find("a what-if cannot be the baseline"), std::string::npos)
      << first.output;
}

TEST(CompareCli, WhatIfsCrossedWithEveryStrategy) {
  const sim::test::TempDir dir;
  const std::string files =
      kGhent + "stay_on_x.toml " + kGhent + "toxicity_escalation.toml " + kGhent + "crosspost.toml";
  const Result r =
      trek("compare " + files + kSmall + " --cross-what-ifs --format json -o " + dir.path("c.h5"),
           false);
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("\"crossed_rankings\": {\"stay_on_x_under_toxicity_escalation\": "),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("\"reference\": \"stay_on_x_under_toxicity_escalation\""),
            std::string::npos);
  const sim::io::Handle file = sim::io::open_file_read(dir.path("c.h5"));
  EXPECT_EQ(sim::io::read_strings(file.get(), "comparison/scenarios"),
            (std::vector<std::string>{"stay_on_x", "toxicity_escalation", "crosspost",
                                      "stay_on_x_under_toxicity_escalation",
                                      "crosspost_under_toxicity_escalation"}));
  EXPECT_EQ(sim::io::read_vector<std::uint64_t>(file.get(), "comparison/reference"),
            (std::vector<std::uint64_t>{0, 0, 0, 3, 3}));
  // Staying is the Ghent base with nothing of its own, so staying under the escalation is the
  // what-if itself, draw for draw.
  const auto reach = [&](const std::string& name) {
    return sim::io::read_array<double>(file.get(),
                                       "scenarios/" + name + "/messages/reach_per_message/value");
  };
  EXPECT_EQ(reach("stay_on_x_under_toxicity_escalation"), reach("toxicity_escalation"));
  // The crossed cross-posting carries both event lists: its toxicity differs from plain
  // cross-posting, and its Threads join from staying under the escalation.
  EXPECT_NE(reach("crosspost_under_toxicity_escalation"), reach("crosspost"));
  EXPECT_NE(reach("crosspost_under_toxicity_escalation"),
            reach("stay_on_x_under_toxicity_escalation"));
  // Without a what-if there is nothing to cross.
  const Result none = trek("compare " + kGhent + "stay_on_x.toml " + kGhent + "crosspost.toml" +
                           kSmall + " --cross-what-ifs -o " + dir.path("d.h5"));
  EXPECT_EQ(none.code, 2) << none.output;
  EXPECT_NE(none.output.find("no scenario is a what-if"), std::string::npos) << none.output;
}

TEST(CompareCli, TheSummaryFitsEightyColumns) {
  const sim::test::TempDir dir;
  const Result r =
      trek("compare " + kGhent + "stay_on_x.toml " + kGhent + "leave_x_now.toml " + kGhent +
               "toxicity_escalation.toml" + kSmall + " -o " + dir.path("c.h5"),
           false);
  ASSERT_EQ(r.code, 0) << r.output;
  std::size_t begin = 0, lines = 0;
  for (std::size_t end = r.output.find('\n'); end != std::string::npos;
       begin = end + 1, end = r.output.find('\n', begin), ++lines) {
    EXPECT_LE(end - begin, 80u) << r.output.substr(begin, end - begin);
  }
  EXPECT_GT(lines, 20u);
  // The human names, the baseline's levels, the verdicts, the what-if apart, the tiers.
  for (const char* expected :
       {"Stay on X (stay_on_x)", "the baseline: agents", "Leave X at once (leave_x_now)",
        "against stay_on_x: P(better)", "(a what-if, not ranked)", "week of posts",
        "tiers by reach per message at month 3: ", "week 14 (month 3)",
        "simulation noise of 4 replicates alone"}) {
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  }
}

TEST(CompareCli, TableNamesTheRanking) {
  const sim::test::TempDir dir;
  const Result r = trek("compare " + kGhent + "stay_on_x.toml " + kGhent + "leave_x_now.toml" +
                        kSmall + " --wide -o " + dir.path("c.h5"));
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("tiers by reach per message at week 14:"), std::string::npos);
  EXPECT_NE(r.output.find("P(better)"), std::string::npos);
  EXPECT_NE(r.output.find("(baseline)"), std::string::npos);
  EXPECT_NE(r.output.find("reach of single messages at week 14"), std::string::npos);
  const Result shown = trek("inspect " + dir.path("c.h5"));
  EXPECT_EQ(shown.code, 0) << shown.output;
  EXPECT_NE(shown.output.find("stay_on_x, leave_x_now (baseline first)"), std::string::npos)
      << shown.output;
}

TEST(CompareCli, TwoBaselinesAreRefused) {
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("other.toml"),
                        "extends = \"" + kGhent + "stay_on_x.toml\"\nname = \"other\"\n");
  const Result r = trek("compare " + kGhent + "stay_on_x.toml " + dir.path("other.toml") + " -o " +
                        dir.path("c.h5"));
  EXPECT_EQ(r.code, 2) << r.output;
  EXPECT_NE(r.output.find("baseline"), std::string::npos) << r.output;
  EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1);
}

}  // namespace

namespace {

TEST(CompareCli, ABatchJobLogsALineAsEachScenarioFinishes) {
  // Without a terminal and without --quiet: one line per scenario on stderr, none with --quiet.
  const sim::test::TempDir dir;
  const std::string args = "compare " + kGhent + "stay_on_x.toml " + kGhent +
                           "crosspost.toml --set population.graph=follower:n=2000,seed=4 "
                           "--weeks 4 --replicates 2 --force --format csv -o " +
                           dir.path("c.h5");
  const Result logged = trek(args);
  ASSERT_EQ(logged.code, 0) << logged.output;
  EXPECT_NE(logged.output.find("trek: scenario stay_on_x (1 of 2) done after"), std::string::npos)
      << logged.output;
  EXPECT_NE(logged.output.find("trek: scenario crosspost (2 of 2) done after"), std::string::npos)
      << logged.output;
  const Result quiet = trek(args + " --quiet");
  ASSERT_EQ(quiet.code, 0) << quiet.output;
  EXPECT_EQ(quiet.output.find("trek: scenario"), std::string::npos) << quiet.output;
}

}  // namespace
