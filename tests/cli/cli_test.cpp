// The trek program as users meet it: exit codes, one-line errors, --help and --version.

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;

Result trek(const std::string& arguments) {
  return sim::test::run_trek(arguments);
}

Result trek_shell(const std::string& prefix, const std::string& arguments) {
  return sim::test::run_trek(arguments, true, prefix);
}

int lines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(Cli, VersionNamesProgramAndRevision) {
  const Result r = trek("--version");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.output.rfind("trek 0.", 0), 0u) << r.output;
  EXPECT_NE(r.output.find('('), std::string::npos);
}

TEST(Cli, HelpWorksOnEverySubcommand) {
  for (const char* command :
       {"", "graph", "graph generate", "graph convert", "graph stats", "cascade"}) {
    const Result r = trek(std::string(command) + " --help");
    EXPECT_EQ(r.code, 0) << command;
    EXPECT_NE(r.output.find("Usage"), std::string::npos) << command;
  }
  for (const char* command : {"graph generate", "graph convert", "graph stats", "cascade"}) {
    const Result r = trek(std::string(command) + " --help");
    EXPECT_NE(r.output.find("--threads"), std::string::npos) << command;
    EXPECT_NE(r.output.find("--quiet"), std::string::npos) << command;
  }
  EXPECT_NE(trek("graph generate --help").output.find("follower:"), std::string::npos);
}

TEST(Cli, UsageErrorsExitWithTwoOnOneLine) {
  for (const char* arguments :
       {"", "nonsense", "graph", "graph stats", "graph stats er:n=10 --threads 0",
        "graph stats er:n=10 --format xml", "graph stats --bogus er:n=10"}) {
    const Result r = trek(arguments);
    EXPECT_EQ(r.code, 2) << arguments << ": " << r.output;
    EXPECT_EQ(lines(r.output), 1) << arguments << ": " << r.output;
  }
}

TEST(Cli, BadGraphInputExitsWithTwoNamingTheProblem) {
  sim::test::TempDir dir;
  sim::test::write_text(dir.path("bad.txt"), "1 2\n3 x\n");
  sim::test::write_text(dir.path("empty.txt"), "");
  sim::test::write_text(dir.path("fake.h5"), "not hdf5");
  const std::pair<std::string, std::string> cases[] = {
      {"graph stats " + dir.path("bad.txt"), dir.path("bad.txt") + ":2:"},
      {"graph stats " + dir.path("empty.txt"), "holds no arcs"},
      {"graph stats " + dir.path("missing.txt"), "no such file"},
      {"graph stats " + dir.path("fake.h5"), "not an HDF5 file"},
      {"graph stats er:n=10,mean_degre=2", "did you mean 'mean_degree'"},
      {"graph stats folower:n=10", "did you mean 'follower'"},
      {"graph generate er:n=-5 -o " + dir.path("x.h5"), "expected a non-negative integer"},
      {"graph convert " + dir.path("bad.txt") + " -o " + dir.path("y.h5"), ":2:"},
      {"graph stats " + dir.path("bad.txt") + " --nodes 2", "out of range"},
  };
  for (const auto& [arguments, expected] : cases) {
    const Result r = trek(arguments);
    EXPECT_EQ(r.code, 2) << arguments << ": " << r.output;
    EXPECT_EQ(lines(r.output), 1) << arguments << ": " << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << arguments << ": " << r.output;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.path("x.h5")));
  EXPECT_FALSE(std::filesystem::exists(dir.path("y.h5")));
}

TEST(Cli, GenerateConvertAndStatsWorkTogether) {
  sim::test::TempDir dir;
  const std::string h5 = dir.path("g.h5"), text = dir.path("g.txt");
  EXPECT_EQ(trek("graph generate follower:n=500,seed=4 -o " + h5 + " --quiet").code, 0);
  EXPECT_EQ(trek("graph convert " + h5 + " -o " + text + " -q").code, 0);
  const Result from_h5 = trek("graph stats " + h5 + " --format json");
  const Result from_text = trek("graph stats " + text + " --format json");
  EXPECT_EQ(from_h5.code, 0);
  EXPECT_NE(from_h5.output.find("\"nodes\": 500"), std::string::npos) << from_h5.output;
  // The same figures whichever file they come from (only the file name differs).
  auto without_name = [](std::string s) { return s.substr(s.find("\"nodes\"")); };
  EXPECT_EQ(without_name(from_h5.output), without_name(from_text.output));
}

TEST(Cli, ResultsDoNotDependOnTheThreadCount) {
  sim::test::TempDir dir;
  std::string reference;
  for (int threads : {1, 2, 4}) {
    const Result r = trek("graph stats follower:n=4000,seed=9 --format json --threads " +
                          std::to_string(threads));
    ASSERT_EQ(r.code, 0) << r.output;
    if (reference.empty()) reference = r.output;
    EXPECT_EQ(r.output, reference) << threads << " threads";
  }
}

TEST(Cli, RuntimeErrorsExitWithOne) {
  // Writing into a directory that does not exist is invalid output: exit code 2.
  EXPECT_EQ(trek("graph generate er:n=100 -o /nonexistent-dir/g.h5").code, 2);
  // A write that fails (here past a file-size limit of 64 KiB) is a run-time error: exit code 1,
  // one line that says why, and no file left behind.
  sim::test::TempDir dir;
  const std::string out = dir.path("g.h5");
  const Result r = trek_shell("ulimit -f 64; ", "graph generate er:n=100000 -o " + out);
  EXPECT_EQ(r.code, 1) << r.output;
  EXPECT_EQ(lines(r.output), 1) << r.output;
  EXPECT_NE(r.output.find("file size limit exceeded while writing " + out), std::string::npos)
      << r.output;
  EXPECT_TRUE(std::filesystem::is_empty(dir.path(""))) << r.output;
}

}  // namespace
