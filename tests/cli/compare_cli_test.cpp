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
  int rows = 0;
  std::size_t start = r.output.find('\n') + 1;
  while (start < r.output.size()) {
    const std::size_t end = r.output.find('\n', start);
    const std::string row = r.output.substr(start, end - start);
    if (row.rfind("copy,", 0) == 0) {
      ++rows;
      // The last three fields are the paired difference: exactly zero.
      EXPECT_NE(row.find(",0,0,0", row.size() - 6), std::string::npos) << row;
    }
    start = end + 1;
  }
  // 2 report weeks (13, 14) x (reach, 7 platforms, 7 gains, 1 h, 24 h, opinion makers,
  // citizens, toxic exposure, engagements, followers).
  EXPECT_EQ(rows, 2 * 22);
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
  EXPECT_TRUE(sim::io::has_link(file.get(), "scenarios/crosspost/observables/unique_reach"));
  EXPECT_TRUE(sim::io::has_link(file.get(), "scenarios/crosspost/messages/unique_reach"));
  EXPECT_EQ(sim::io::array_dims(file.get(), "comparison/message_reach"), (sim::io::Dims{3, 2, 6}));
  EXPECT_NE(one.output.find("\"single_message_reach\": {\"mean\""), std::string::npos);
}

TEST(CompareCli, TableNamesTheRanking) {
  const sim::test::TempDir dir;
  const Result r = trek("compare " + kGhent + "stay_on_x.toml " + kGhent + "leave_x_now.toml" +
                        kSmall + " -o " + dir.path("c.h5"));
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("ranking by reach per message at week 14:"), std::string::npos);
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
