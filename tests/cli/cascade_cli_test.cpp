// `trek cascade` as users meet it: results, determinism across threads, per-cascade HDF5 output,
// and bad input (exit code 2, one line).

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;

Result trek(const std::string& arguments, bool with_stderr = true) {
  return sim::test::run_trek(arguments, with_stderr);
}

const std::string kGraph = "--graph er:n=2000,mean_degree=6,directed=false";

TEST(CascadeCli, JsonIsIdenticalForAnyThreadCount) {
  for (const std::string model :
       {"--p 0.25 --seeds random:2", "--p 0.25 --share 64 --seeds fraction:0.01",
        "--p 0.25 --share 64 --no-rounds", "--p 0.3 --delay exp:2 --times 1,6,24",
        "--model threshold --phi 0.2"}) {
    const std::string args = "cascade " + kGraph + " " + model + " --samples 200 --format json";
    const Result one = trek(args + " --threads 1", false);
    ASSERT_EQ(one.code, 0) << one.output;
    EXPECT_NE(one.output.find("\"p_large\""), std::string::npos);
    EXPECT_EQ(trek(args + " --threads 2", false).output, one.output) << model;
    EXPECT_EQ(trek(args + " --threads 4", false).output, one.output) << model;
  }
}

TEST(CascadeCli, NoRoundsGivesTheSameSizesWithoutRounds) {
  const std::string args = "cascade " + kGraph + " --p 0.25 --share 64 --samples 128 --format json";
  const Result with = trek(args, false);
  const Result without = trek(args + " --no-rounds", false);
  ASSERT_EQ(without.code, 0) << without.output;
  EXPECT_NE(with.output.find("\"mean_rounds\""), std::string::npos);
  EXPECT_EQ(without.output.find("\"mean_rounds\""), std::string::npos);
  const auto mean = [](const std::string& json) {
    const auto at = json.find("\"mean\": ");
    return json.substr(at, json.find(',', at) - at);
  };
  EXPECT_EQ(mean(with.output), mean(without.output));
}

TEST(CascadeCli, TableAndSamplesFile) {
  const sim::test::TempDir dir;
  const Result r = trek("cascade " + kGraph + " --p 0.3 --samples 100 -o " + dir.path("c.h5"));
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("P(large cascade)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("mean rounds"), std::string::npos) << r.output;
  EXPECT_TRUE(std::filesystem::exists(dir.path("c.h5")));
}

TEST(CascadeCli, BadInputExitsWithTwoOnOneLine) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"--p 1.5", "outside [0, 1]"},
      {"--p -0.1", "outside [0, 1]"},
      {"--model threshold --phi 1.2", "outside [0, 1]"},
      {"--model threshold --theta -1", "outside"},
      {"--p 0.1 --seeds random:5000", "only 2000 nodes"},
      {"--p 0.1 --samples 0", "samples"},
      {"--p 0.1 --seeds randm:2", "did you mean 'random'"},
      {"--p 0.1 --delay exq:1", "did you mean 'exp'"},
      {"--p 0.1 --times 1", "needs a per-hop delay"},
      {"--p 0.1 --share 65", "1 to 64"},
      {"--phi 0.2", "--model threshold"},
      {"", "exactly one of --p"},
      {"--p 0.1 --p-segment citizen=0.1", "exactly one of --p"},
  };
  for (const auto& [args, message] : cases) {
    const Result r = trek("cascade " + kGraph + " " + args);
    EXPECT_EQ(r.code, 2) << args << ": " << r.output;
    EXPECT_NE(r.output.find(message), std::string::npos) << args << ": " << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << args << ": " << r.output;
  }
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("empty.txt"), "");
  const Result empty = trek("cascade --graph " + dir.path("empty.txt") + " --p 0.1");
  EXPECT_EQ(empty.code, 2) << empty.output;
}

}  // namespace
