// `trek run`, `trek validate` and `trek inspect` as users meet them: results identical for any
// thread count, an existing file kept without --force, a killed run leaving the old file intact,
// and bad input answered with one line and exit code 2.

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "sim/engine/observables.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/io/h5_array.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;
namespace fs = std::filesystem;

const std::string kScenario = TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml";
const std::string kSmall =
    " --set population.graph=follower:n=3000,seed=4 --weeks 15 --replicates 3";

Result trek(const std::string& arguments, bool with_stderr = true) {
  return sim::test::run_trek(arguments, with_stderr);
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every observable's values, for comparing files.
std::vector<std::vector<std::uint32_t>> observables(const std::string& path) {
  const sim::io::Handle file = sim::io::open_file_read(path);
  std::vector<std::vector<std::uint32_t>> values;
  for (const auto& name : sim::engine::observable_names()) {
    values.push_back(
        sim::io::read_array<std::uint32_t>(file.get(), "observables/" + name + "/value"));
  }
  return values;
}

int line_count(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n'));
}

TEST(RunCli, ResultsAreIdenticalForAnyThreadCount) {
  const sim::test::TempDir dir;
  for (const int threads : {1, 2, 4}) {
    const std::string out = dir.path("t" + std::to_string(threads) + ".h5");
    const Result r =
        trek("run " + kScenario + kSmall + " --threads " + std::to_string(threads) + " -o " + out);
    ASSERT_EQ(r.code, 0) << r.output;
  }
  for (const int threads : {1, 2, 4}) {  // --threads is in force, as the provenance records
    const sim::io::Handle file =
        sim::io::open_file_read(dir.path("t" + std::to_string(threads) + ".h5"));
    const sim::io::Handle runtime = sim::io::open_group(file.get(), "runtime");
    EXPECT_EQ(sim::io::read_uint_attribute(runtime.get(), "threads"),
              static_cast<std::uint64_t>(threads));
  }
  const auto one = observables(dir.path("t1.h5"));
  EXPECT_EQ(observables(dir.path("t2.h5")), one);
  EXPECT_EQ(observables(dir.path("t4.h5")), one);
  EXPECT_GT(one[1].size(), 0u);
}

TEST(RunCli, PrintsASummaryAndInspectReadsTheFile) {
  const sim::test::TempDir dir;
  const std::string out = dir.path("run.h5");
  const Result r = trek("run " + kScenario + kSmall + " --snapshot-every 5 -o " + out);
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("week 15: active anywhere"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("wrote " + out), std::string::npos) << r.output;
  const Result table = trek("inspect " + out);
  ASSERT_EQ(table.code, 0) << table.output;
  EXPECT_NE(table.output.find("4 weeks stored"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("/observables/flows"), std::string::npos) << table.output;
  EXPECT_NE(table.output.find("--snapshot-every 5"), std::string::npos) << table.output;
  const Result json = trek("inspect " + out + " --format json", false);
  ASSERT_EQ(json.code, 0);
  EXPECT_EQ(json.output.front(), '{');
  EXPECT_NE(json.output.find("\"summary\""), std::string::npos);
  EXPECT_EQ(line_count(json.output), 1);
  const Result quiet = trek("run " + kScenario + kSmall + " --quiet --force -o " + out);
  EXPECT_EQ(quiet.code, 0);
  EXPECT_EQ(quiet.output, "");
}

TEST(RunCli, ExistingOutputNeedsForce) {
  const sim::test::TempDir dir;
  const std::string out = dir.path("keep.h5");
  sim::test::write_text(out, "precious");
  const Result r = trek("run " + kScenario + kSmall + " -o " + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.output.find("--force"), std::string::npos) << r.output;
  EXPECT_EQ(line_count(r.output), 1) << r.output;
  EXPECT_EQ(contents(out), "precious");
  EXPECT_EQ(trek("run " + kScenario + kSmall + " --quiet --force -o " + out).code, 0);
  EXPECT_NE(contents(out), "precious");
}

TEST(RunCli, AKilledRunLeavesTheOldFileIntact) {
  const sim::test::TempDir dir;
  const std::string out = dir.path("old.h5");
  sim::test::write_text(out, "old results");
  const std::string command = std::string(TREK_BINARY) + " run " + kScenario +
                              " --weeks 2000 --replicates 4 --force --quiet -o " + out +
                              " & sleep 2; kill -9 $!; wait $! 2>/dev/null";
  ASSERT_NE(std::system(("bash -c '" + command + "'").c_str()), -1);
  EXPECT_EQ(contents(out), "old results");
  for (const auto& entry : fs::directory_iterator(dir.path(""))) {
    const std::string name = entry.path().filename().string();
    EXPECT_TRUE(name == "old.h5" || name == ".old.h5.lock" ||
                name.rfind(".old.h5.partial-", 0) == 0)
        << name;
  }
  // The next write to the path removes what the killed run left.
  const Result again = trek("run " + kScenario + " --weeks 2 --replicates 1 --force --quiet " +
                            " --set population.graph=follower:n=3000,seed=4 -o " + out);
  EXPECT_EQ(again.code, 0) << again.output;
  for (const auto& entry : fs::directory_iterator(dir.path(""))) {
    EXPECT_EQ(entry.path().filename().string(), "old.h5");
  }
}

TEST(RunCli, BadInputIsOneLineAndExitCodeTwo) {
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("typo.toml"),
                        "extends = \"" + kScenario + "\"\n[platforms.x]\nchurm = 0.1\n");
  sim::test::write_text(dir.path("notes.txt"), "not a results file\n");
  const std::vector<std::pair<std::string, std::string>> cases{
      {"run " + dir.path("typo.toml") + " -o " + dir.path("a.h5"), "did you mean 'churn'"},
      {"run " + kScenario + " --set model.influence=global -o " + dir.path("a.h5"), "influence"},
      {"run " + kScenario + " --set population.graph=nothere.txt -o " + dir.path("a.h5"),
       "population.graph"},
      {"run " + kScenario + " -o " + dir.path("missing/a.h5"), "folder does not exist"},
      {"run " + kScenario + " -o " + dir.path(""), "is a folder"},
      {"run " + kScenario + " --weeks 0 -o " + dir.path("a.h5"), "weeks"},
      {"run " + kScenario, "--output"},
      {"run " + dir.path("absent.toml") + " -o " + dir.path("a.h5"), "absent.toml"},
      {"validate " + dir.path("typo.toml"), "typo.toml:3"},
      {"inspect " + dir.path("notes.txt"), "not an HDF5 file"},
      {"inspect " + dir.path("absent.h5"), "absent.h5"},
  };
  for (const auto& [arguments, expected] : cases) {
    const Result r = trek(arguments);
    EXPECT_EQ(r.code, 2) << arguments << "\n" << r.output;
    EXPECT_EQ(line_count(r.output), 1) << arguments << "\n" << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << arguments << "\n" << r.output;
  }
  EXPECT_FALSE(fs::exists(dir.path("a.h5")));
}

TEST(RunCli, ValidateAcceptsTheGhentScenarios) {
  const Result r =
      trek("validate " TREK_SOURCE_DIR "/scenarios/ghent/common/base.toml " TREK_SOURCE_DIR
           "/scenarios/ghent/*.toml");
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_EQ(line_count(r.output), 8) << r.output;
  // With the Ghent priors every scenario has its uncertain parameters; a bad priors file is one
  // line naming it, exit 2.
  const Result priors =
      trek("validate " TREK_SOURCE_DIR "/scenarios/ghent/*.toml --priors " TREK_SOURCE_DIR
           "/scenarios/ghent/common/priors.toml");
  EXPECT_EQ(priors.code, 0) << priors.output;
  EXPECT_NE(priors.output.find("50 uncertain"), std::string::npos) << priors.output;
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("p.toml"), "[platforms.x]\nfeed_reach = { unifrom = [0, 1] }\n");
  const Result bad = trek("validate " TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml --priors " +
                          dir.path("p.toml"));
  EXPECT_EQ(bad.code, 2) << bad.output;
  EXPECT_EQ(line_count(bad.output), 1) << bad.output;
  EXPECT_NE(bad.output.find("did you mean 'uniform'"), std::string::npos) << bad.output;
}

}  // namespace
