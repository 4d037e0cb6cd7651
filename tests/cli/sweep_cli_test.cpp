// `trek sweep` and `trek merge` as users meet them: shards merge into exactly the unsharded file,
// results do not depend on the thread count, a point is the `trek run` of its scenario, a sweep
// killed with SIGKILL resumes to the same file, and bad input is one line with exit code 2.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "sim/io/h5_array.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;
namespace fs = std::filesystem;

const std::string kSweeps = TREK_SOURCE_DIR "/scenarios/sweeps/";
const std::string kGhent = TREK_SOURCE_DIR "/scenarios/ghent/";

Result trek(const std::string& arguments, bool with_stderr = true) {
  return sim::test::run_trek(arguments, with_stderr);
}

/// A copy of the small test sweep, with its base resolved from the source tree and `extra` lines.
std::string write_sweep(const sim::test::TempDir& dir, const std::string& name,
                        const std::string& extra = "", const std::string& design = "sobol",
                        int samples = 4) {
  const std::string text = "base = \"" + kGhent + "leave_x_redirect.toml\"\n" + "design = \"" +
                           design + "\"\nsamples = " + std::to_string(samples) +
                           "\nseed = 7\nreplicates = 2\nwindow = 4\nbootstrap = 20\n"
                           "outputs = [\"reach_per_message\", \"followers\"]\n"
                           "series = [\"reach_per_message\"]\n" +
                           extra +
                           "\n[set]\n\"population.graph\" = \"follower:n=2000,seed=4\"\n"
                           "\"simulation.weeks\" = 20\n[parameters]\n"
                           "\"platforms.x.switching_cost\" = { min = 0.0, max = 0.5 }\n"
                           "\"events.1.share\" = { min = 0.02, max = 0.3 }\n";
  sim::test::write_text(dir.path(name), text);
  return dir.path(name);
}

std::vector<double> doubles(const std::string& file, const std::string& name) {
  const sim::io::Handle f = sim::io::open_file_read(file);
  return sim::io::read_array<double>(f.get(), name);
}

/// Same content in everything but the run facts (/runtime).
void expect_same_sweep(const std::string& a, const std::string& b) {
  for (const char* group : {"/sweep", "/sensitivity", "/provenance", "/shard"}) {
    const std::string command = std::string("h5diff -q ") + a + " " + b + " " + group + " " + group;
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
  }
}

TEST(SweepCli, ShardsMergeIntoTheUnshardedFile) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml");
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("whole.h5")).code, 0);
  std::string shards;
  for (int i = 1; i <= 3; ++i) {
    const std::string out = dir.path("shard" + std::to_string(i) + ".h5");
    const Result r =
        trek("sweep " + sweep + " --quiet --shard " + std::to_string(i) + "/3 -o " + out);
    ASSERT_EQ(r.code, 0) << r.output;
    shards += " " + out;
  }
  // Any order of the shards.
  const Result merged = trek("merge" + shards + " --quiet -o " + dir.path("merged.h5"));
  ASSERT_EQ(merged.code, 0) << merged.output;
  expect_same_sweep(dir.path("whole.h5"), dir.path("merged.h5"));
  const Result shown = trek("inspect " + dir.path("merged.h5"));
  EXPECT_EQ(shown.code, 0);
  EXPECT_NE(shown.output.find("sobol, 16 of 16 points done, 2 replicates each"), std::string::npos)
      << shown.output;
  const Result shard = trek("inspect " + dir.path("shard2.h5") + " --format json");
  EXPECT_NE(shard.output.find("\"points_done\": 5"), std::string::npos) << shard.output;
  const auto first = doubles(dir.path("merged.h5"), "sensitivity/first_order");
  EXPECT_EQ(first.size(), 2u * 2u * 3u);  // metrics x parameters x (estimate, low, high)
  // A shard set with one missing is refused.
  const Result partial = trek("merge " + dir.path("shard1.h5") + " " + dir.path("shard3.h5") +
                              " -o " + dir.path("bad.h5"));
  EXPECT_EQ(partial.code, 2);
  EXPECT_NE(partial.output.find("points are missing"), std::string::npos) << partial.output;
}

// A base with an uncertain parameter: each point's replicate r runs in world r, and the shard
// split still gives exactly the unsharded file.
TEST(SweepCli, WorldsInASweepAreTheSameForAnyShardSplit) {
  const sim::test::TempDir dir;
  std::string text = sim::test::read_text(write_sweep(dir, "plain.toml"));
  const std::string marker = "\"simulation.weeks\" = 20\n";
  text.replace(text.find(marker), marker.size(),
               marker + "\"platforms.x.churn\" = { uniform = [0.0, 0.02] }\n");
  sim::test::write_text(dir.path("s.toml"), text);
  const std::string sweep = dir.path("s.toml");
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("whole.h5")).code, 0);
  ASSERT_EQ(trek("sweep " + sweep + " --quiet --shard 1/2 -o " + dir.path("a.h5")).code, 0);
  ASSERT_EQ(trek("sweep " + sweep + " --quiet --shard 2/2 -o " + dir.path("b.h5")).code, 0);
  ASSERT_EQ(trek("merge " + dir.path("b.h5") + " " + dir.path("a.h5") + " --quiet -o " +
                 dir.path("merged.h5"))
                .code,
            0);
  expect_same_sweep(dir.path("whole.h5"), dir.path("merged.h5"));
  // The worlds do change the outputs.
  ASSERT_EQ(trek("sweep " + dir.path("plain.toml") + " --quiet -o " + dir.path("plain.h5")).code,
            0);
  EXPECT_NE(doubles(dir.path("whole.h5"), "sweep/outputs"),
            doubles(dir.path("plain.h5"), "sweep/outputs"));
}

TEST(SweepCli, SameResultsForAnyThreadCount) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml", "", "morris", 3);
  ASSERT_EQ(trek("sweep " + sweep + " --quiet --threads 1 -o " + dir.path("one.h5")).code, 0);
  ASSERT_EQ(trek("sweep " + sweep + " --quiet --threads 2 -o " + dir.path("two.h5")).code, 0);
  expect_same_sweep(dir.path("one.h5"), dir.path("two.h5"));
  EXPECT_FALSE(doubles(dir.path("one.h5"), "sensitivity/mu_star").empty());
}

TEST(SweepCli, APointIsTheRunOfItsScenario) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml", "", "lhs", 3);
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("s.h5")).code, 0);
  const auto values = doubles(dir.path("s.h5"), "sweep/values");  // [point][parameter]
  const auto parameters = [&] {
    const sim::io::Handle f = sim::io::open_file_read(dir.path("s.h5"));
    return sim::io::read_strings(f.get(), "sweep/parameters");
  }();
  const std::size_t point = 2;
  std::string sets = " --set population.graph=follower:n=2000,seed=4 --weeks 20 --replicates 2";
  for (std::size_t j = 0; j < parameters.size(); ++j) {
    char value[64];
    std::snprintf(value, sizeof value, "%.17g", values[point * parameters.size() + j]);
    sets += " --set " + parameters[j] + "=" + value;
  }
  const Result run =
      trek("run " + kGhent + "leave_x_redirect.toml" + sets + " --quiet -o " + dir.path("run.h5"));
  ASSERT_EQ(run.code, 0) << run.output;
  const auto swept = doubles(dir.path("s.h5"), "sweep/series/reach_per_message");  // [p][r][week]
  const auto ran = doubles(dir.path("run.h5"), "observables/reach_per_message/value");  // [r][week]
  ASSERT_EQ(swept.size(), 3 * ran.size());
  EXPECT_EQ(
      std::vector<double>(swept.begin() + static_cast<std::ptrdiff_t>(point * ran.size()),
                          swept.begin() + static_cast<std::ptrdiff_t>((point + 1) * ran.size())),
      ran);
}

TEST(SweepCli, AKilledSweepResumesToTheSameFile) {
  const sim::test::TempDir dir;
  // 120 points x 2 replicates of 104 weeks: about five seconds here, killed after one and a half.
  const std::string sweep = write_sweep(dir, "s.toml", "", "morris", 40);
  const std::string longer = "\"simulation.weeks\" = 104";
  {
    std::ifstream in(sweep);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    all.replace(all.find("\"simulation.weeks\" = 20"), 23, longer);
    sim::test::write_text(sweep, all);
  }
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("clean.h5")).code, 0);
  const std::string out = dir.path("s.h5");
  const std::string command = std::string(TREK_BINARY) + " sweep " + sweep +
                              " --quiet --threads 2 -o " + out +
                              " & sleep 1.5; kill -9 $!; wait $! 2>/dev/null";
  ASSERT_NE(std::system(("bash -c '" + command + "'").c_str()), -1);
  ASSERT_FALSE(fs::exists(out));
  ASSERT_TRUE(fs::exists(out + ".partial"));
  // Without --resume an interrupted sweep is not overwritten by accident.
  const Result refused = trek("sweep " + sweep + " -o " + out);
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.output.find("--resume"), std::string::npos) << refused.output;
  const Result resumed = trek("sweep " + sweep + " --resume -o " + out);
  ASSERT_EQ(resumed.code, 0) << resumed.output;
  std::smatch ran;
  ASSERT_TRUE(std::regex_search(resumed.output, ran, std::regex(R"(: (\d+) points x)")));
  EXPECT_LT(std::stoi(ran[1]), 120) << "the kill came after the sweep had finished";
  EXPECT_FALSE(fs::exists(out + ".partial"));
  expect_same_sweep(dir.path("clean.h5"), out);
}

TEST(SweepCli, BadInputIsOneLineAndExitCodeTwo) {
  const sim::test::TempDir dir;
  const std::string good = write_sweep(dir, "good.toml");
  sim::test::write_text(dir.path("typo.toml"),
                        "base = \"" + kGhent +
                            "stay_on_x.toml\"\ndesign = \"sobol\"\nsamples = 4\n"
                            "[parameters]\n\"platforms.x.toxicty\" = { min = 0.1, max = 0.5 }\n");
  sim::test::write_text(dir.path("empty.toml"),
                        "base = \"" + kGhent +
                            "stay_on_x.toml\"\ndesign = \"lhs\"\nsamples = 4\n"
                            "[parameters]\n\"platforms.x.churn\" = { min = 0.5, max = 0.1 }\n");
  sim::test::write_text(dir.path("design.toml"),
                        "base = \"" + kGhent + "stay_on_x.toml\"\ndesign = \"sobel\"\n");
  const std::string outputs = write_sweep(dir, "outputs.toml", "", "lhs", 3);
  {
    std::ifstream in(outputs);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    all.replace(all.find("\"followers\""), 11, "\"folowers\"");
    sim::test::write_text(outputs, all);
  }
  // A series under its name of run format 5 and earlier gets its new name.
  const std::string renamed = write_sweep(dir, "renamed.toml");
  {
    std::ifstream in(renamed);
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string series = "series = [\"reach_per_message\"]";
    all.replace(all.find(series), series.size(), "series = [\"unique_reach\"]");
    sim::test::write_text(renamed, all);
  }
  ASSERT_EQ(trek("sweep " + good + " --quiet --shard 1/2 -o " + dir.path("a1.h5")).code, 0);
  const std::string other = write_sweep(dir, "other.toml", "", "sobol", 6);
  ASSERT_EQ(trek("sweep " + other + " --quiet --shard 2/2 -o " + dir.path("b2.h5")).code, 0);
  const std::vector<std::pair<std::string, std::string>> cases{
      {"sweep " + dir.path("typo.toml") + " -o " + dir.path("x.h5"), "did you mean 'toxicity'"},
      {"sweep " + dir.path("empty.toml") + " -o " + dir.path("x.h5"), "empty range"},
      {"sweep " + dir.path("design.toml") + " -o " + dir.path("x.h5"), "did you mean 'sobol'"},
      {"sweep " + outputs + " -o " + dir.path("x.h5"), "did you mean 'followers'"},
      {"sweep " + renamed + " -o " + dir.path("x.h5"), "renamed 'reach_per_message'"},
      {"sweep " + good + " --shard 0/4 -o " + dir.path("x.h5"), "--shard"},
      {"sweep " + good + " --shard 5/4 -o " + dir.path("x.h5"), "--shard"},
      {"sweep " + good + " --resume -o " + dir.path("x.h5"), "nothing to resume"},
      {"merge " + dir.path("a1.h5") + " " + dir.path("b2.h5") + " -o " + dir.path("m.h5"),
       "another sweep"},
      {"merge " + good + " -o " + dir.path("m.h5"), "not an HDF5 file"},
  };
  for (const auto& [arguments, expected] : cases) {
    const Result r = trek(arguments);
    EXPECT_EQ(r.code, 2) << arguments << "\n" << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << arguments << "\n" << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
}

TEST(SweepCli, ResumingWithAChangedSweepFileIsRefused) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml");
  const std::string out = dir.path("s.h5");
  ASSERT_EQ(trek("sweep " + sweep + " --quiet --shard 1/2 -o " + out).code, 0);
  // Pretend the run was interrupted: the finished shard file is a valid partial file too.
  fs::rename(out, out + ".partial");
  write_sweep(dir, "s.toml", "# changed\n");
  const Result r = trek("sweep " + sweep + " --shard 1/2 --resume -o " + out);
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.output.find("another sweep file"), std::string::npos) << r.output;
}

}  // namespace
