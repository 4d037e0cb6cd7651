// Bad input of every kind, as a careful user meets it: each case is one line naming the file
// (and key), exit code 2, and never a crash, a hang, a wrong number or a damaged file. One test
// per class of defect; each would fail on the behaviour it guards against.

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/io/h5_array.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;
namespace fs = std::filesystem;

const std::string kGhent = TREK_SOURCE_DIR "/scenarios/ghent/";
const std::string kScenario = kGhent + "stay_on_x.toml";
const std::string kSmall =
    " --set population.graph=follower:n=1500,seed=1 --weeks 4 --replicates 2 --quiet";

Result trek(const std::string& arguments) {
  return sim::test::run_trek(arguments);
}

std::size_t lines(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

std::string contents(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Exit code 2, one line, containing every one of `expected`.
void expect_input_error(const std::string& arguments, const std::vector<std::string>& expected) {
  const Result r = trek(arguments);
  EXPECT_EQ(r.code, 2) << arguments << "\n" << r.output;
  EXPECT_EQ(lines(r.output), 1u) << arguments << "\n" << r.output;
  for (const std::string& part : expected)
    EXPECT_NE(r.output.find(part), std::string::npos) << arguments << "\n" << r.output;
}

/// A small sweep over one X parameter whose base is the Ghent redirect scenario.
std::string write_sweep(const sim::test::TempDir& dir, const std::string& name,
                        const std::string& extra = "", const std::string& set = "") {
  sim::test::write_text(dir.path(name),
                        "base = \"" + kGhent + "leave_x_redirect.toml\"\ndesign = \"grid\"\n" +
                            "replicates = 1\noutputs = [\"followers\"]\n" +
                            (extra.find("window") == std::string::npos ? "window = 2\n" : "") +
                            extra +
                            "\n[set]\n\"population.graph\" = \"follower:n=800,seed=4\"\n"
                            "\"simulation.weeks\" = 4\n" +
                            set + "[parameters]\n\"platforms.x.churn\" = [0.0, 0.01, 0.02]\n");
  return dir.path(name);
}

TEST(Hardening, ValuesThatUsedToBeReadWrongAreRefused) {
  expect_input_error("run " + kScenario + kSmall + " --set platforms.x.churn=9007199254740993 -o x",
                     {"platforms.x.churn", "outside [0, 1]"});
  expect_input_error("run " + kScenario + kSmall + " --set platforms.blusky.imitation=0.9 -o x",
                     {"unknown platform 'blusky'", "did you mean 'bluesky'"});
  expect_input_error(
      "run " + kScenario + kSmall + " --set events.99999999999999999999.share=0.1 -o x",
      {"expected an index below"});
  expect_input_error("validate " + kScenario + " --set simulation.start_date=2025-02-30",
                     {"simulation.start_date", "YYYY-MM-DD"});
  expect_input_error("cascade --graph er:n=100,mean_degree=3 --p 0.1 --seed -1", {"seed"});
  expect_input_error("run " + kScenario + kSmall + " --seed '' -o x", {"seed"});
}

TEST(Hardening, EventsTakeExactlyTheirKeys) {
  const sim::test::TempDir dir;
  const auto event = [&](const std::string& body) {
    sim::test::write_text(dir.path("e.toml"),
                          "extends = \"" + kScenario + "\"\n[[events]]\n" + body);
    return "validate " + dir.path("e.toml");
  };
  expect_input_error(event("type = \"toxicity\"\nplatform = \"x\"\nweek = 3\n"),
                     {"e.toml", "'events[1].value'", "needs 'week', 'platform', 'value'"});
  expect_input_error(event("type = \"leave\"\nplatform = \"x\"\nweek = 3\nshare = 0.5\n"),
                     {"'events[1].share'", "does not apply"});
  expect_input_error(event("type = \"leave\"\nplatfrom = \"x\"\nweek = 3\n"),
                     {"did you mean 'platform'"});
}

TEST(Hardening, TyposAreNamedAsTypos) {
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("t.toml"), "extens = \"" + kScenario + "\"\n");
  expect_input_error("validate " + dir.path("t.toml"), {"t.toml:1", "did you mean 'extends'"});
  expect_input_error("comapre " + kScenario, {"unknown command 'comapre'", "'compare'"});
  expect_input_error("graph genrate er:n=10 -o x.h5", {"did you mean 'generate'"});
  expect_input_error("run " + kScenario + " --replicate 3 -o x",
                     {"unknown option '--replicate'", "did you mean '--replicates'"});
  expect_input_error("run " + kGhent + "stay_on_xx.toml -o x",
                     {"does not exist", "did you mean", "stay_on_x.toml"});
  expect_input_error(
      "run " + std::string(TREK_SOURCE_DIR) + "/scenarios/sweeps/small_test.toml -o x",
      {"is a sweep file", "trek sweep"});
  expect_input_error("sweep " + kScenario + " -o x", {"is a scenario file", "trek run"});
  // A very long key is shown by its start only.
  sim::test::write_text(dir.path("long.toml"),
                        "extends = \"" + kScenario + "\"\n" + std::string(100000, 'k') + " = 1\n");
  const Result r = trek("validate " + dir.path("long.toml"));
  EXPECT_EQ(r.code, 2);
  EXPECT_LT(r.output.size(), 400u) << r.output.substr(0, 400);
}

TEST(Hardening, ValidateRunsTheChecksOfTheRun) {
  for (const char* graph :
       {"nosuch:n=300", "follower:n=300,nodez=3", "sbm:n=7,blocks=40", "nothere.txt"}) {
    expect_input_error("validate " + kScenario + " --set population.graph=" + std::string(graph),
                       {"population.graph"});
    expect_input_error(
        "run " + kScenario + " --set population.graph=" + std::string(graph) + " -o x",
        {"population.graph"});
  }
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("d.toml"), "extends = \"" + kScenario + "\"\ndescription = \"" +
                                                std::string(65000, 'd') + "\"\n");
  expect_input_error("validate " + dir.path("d.toml"), {"description", "characters long"});
  const std::string sweep = write_sweep(dir, "dup.toml", "series = [\"active\", \"active\"]\n");
  expect_input_error("sweep " + sweep + " -o " + dir.path("s.h5"), {"listed twice"});
}

TEST(Hardening, NestingAndLoopsAreBounded) {
  const sim::test::TempDir dir;
  std::string dotted = "a";
  for (int i = 0; i < 50000; ++i)
    dotted += ".a";
  sim::test::write_text(dir.path("deep.toml"), dotted + " = 1\n");
  expect_input_error("validate " + dir.path("deep.toml"), {"deep.toml:1", "nested more than 64"});
  sim::test::write_text(dir.path("arrays.toml"),
                        "a = " + std::string(50000, '[') + std::string(50000, ']') + "\n");
  expect_input_error("validate " + dir.path("arrays.toml"), {"nested more than 64"});
  std::string xml = "<graphml>";
  for (int i = 0; i < 50000; ++i)
    xml += "<a>";
  sim::test::write_text(dir.path("deep.graphml"), xml);
  expect_input_error("graph stats " + dir.path("deep.graphml"), {"deep.graphml", "nested"});
  sim::test::write_text(dir.path("self.toml"), "extends = \"self.toml\"\n");
  expect_input_error("validate " + dir.path("self.toml"), {"loops back"});
  sim::test::write_text(dir.path("long.toml"), "extends = \"" + std::string(5000, 'x') + "\"\n");
  expect_input_error("validate " + dir.path("long.toml"), {"long.toml:1", "'extends'"});
  // A block of one node, and a mean degree of 0, end (they used to run until memory ran out).
  EXPECT_EQ(trek("graph generate sbm:n=7,blocks=4 --quiet -o " + dir.path("sbm.h5")).code, 0);
  EXPECT_EQ(
      trek("graph generate er:n=50,mean_degree=0,directed=false --quiet -o " + dir.path("er.h5"))
          .code,
      0);
}

TEST(Hardening, SweepsRefuseWhatTheyCannotDo) {
  const sim::test::TempDir dir;
  sim::test::write_text(dir.path("weeks.toml"),
                        "base = \"" + kGhent +
                            "stay_on_x.toml\"\ndesign = \"grid\"\n"
                            "[parameters]\n\"simulation.weeks\" = [4, 8]\n");
  expect_input_error("sweep " + dir.path("weeks.toml") + " -o " + dir.path("s.h5"),
                     {"simulation.weeks", "cannot be swept"});
  const std::string window = write_sweep(dir, "window.toml", "window = 10\n");
  expect_input_error("sweep " + window + " -o " + dir.path("s.h5"),
                     {"'window'", "longer than the run"});
}

TEST(Hardening, OutputsNeverReplaceInputsFoldersOrSpecialFiles) {
  const sim::test::TempDir dir;
  const std::string input = dir.path("scenario.toml");
  sim::test::write_text(input, "extends = \"" + kScenario + "\"\n");
  expect_input_error("run " + input + kSmall + " --force -o " + input, {"is an input"});
  ASSERT_EQ(::mkfifo(dir.path("fifo").c_str(), 0644), 0);
  expect_input_error("run " + kScenario + kSmall + " --force -o " + dir.path("fifo"),
                     {"not a regular file"});
  expect_input_error("run " + kScenario + kSmall + " -o ''", {"empty"});
  sim::test::write_text(dir.path("old.h5"), "keep");
  for (const std::string command : {"graph generate er:n=20 -o ", "graph convert er:n=20 -o ",
                                    "cascade --graph er:n=20 --p 0.1 --samples 10 -o "}) {
    expect_input_error(command + dir.path("old.h5"), {"exists; use --force"});
  }
  EXPECT_EQ(contents(dir.path("old.h5")), "keep");
  EXPECT_EQ(trek("graph generate er:n=20 --force --quiet -o " + dir.path("old.h5")).code, 0);
}

TEST(Hardening, TwoWritersOfOnePathNeverLoseAResult) {
  const sim::test::TempDir dir;
  const std::string out = dir.path("run.h5");
  const std::string slow = std::string(TREK_BINARY) + " run " + kScenario +
                           " --set population.graph=follower:n=20000,seed=1 --weeks 5000"
                           " --replicates 4 --quiet -o " +
                           out;
  ASSERT_NE(
      std::system(("bash -c '" + slow + " & echo $! > " + dir.path("pid") + "; sleep 2'").c_str()),
      -1);
  expect_input_error("run " + kScenario + kSmall + " -o " + out, {"another trek process"});
  std::system(("kill -9 $(cat " + dir.path("pid") + ")").c_str());
}

TEST(Hardening, AFinishedSweepResumesToAlreadyComplete) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml");
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("s.h5")).code, 0);
  const Result r = trek("sweep " + sweep + " --resume -o " + dir.path("s.h5"));
  EXPECT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("already complete"), std::string::npos) << r.output;
}

/// Replaces dataset `name` of `path` with a zero-filled one of extents `dims` (type double, or
/// uint8 for /sweep/done, uint32 for observables).
void reshape(const std::string& path, const std::string& name, const sim::io::Dims& dims) {
  const sim::io::Handle file = sim::io::open_file_write(path);
  ASSERT_GE(H5Ldelete(file.get(), name.c_str(), H5P_DEFAULT), 0) << name;
  if (name.find("done") != std::string::npos) {
    sim::io::create_fixed_array<std::uint8_t>(file.get(), name, dims, 0);
  } else if (name.rfind("observables/", 0) == 0) {
    sim::io::create_fixed_array<std::uint32_t>(file.get(), name, dims, 0);
  } else {
    sim::io::create_fixed_array<double>(file.get(), name, dims, 0.0);
  }
}

TEST(Hardening, DamagedSweepFilesAreNamedNotCrashedOn) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml");
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + dir.path("s.h5")).code, 0);
  const auto damaged = [&](const std::string& name) {
    fs::copy_file(dir.path("s.h5"), dir.path(name), fs::copy_options::overwrite_existing);
    return dir.path(name);
  };
  reshape(damaged("short_done.h5"), "sweep/done", {1});
  expect_input_error("merge " + dir.path("short_done.h5") + " -o " + dir.path("m.h5"),
                     {"short_done.h5", "sweep/done"});
  reshape(damaged("no_points.h5"), "sweep/outputs", {0, 1, 1});
  expect_input_error("merge " + dir.path("no_points.h5") + " -o " + dir.path("m.h5"),
                     {"no_points.h5", "sweep/outputs"});
  std::string bytes = contents(dir.path("s.h5"));
  for (std::size_t i = 600; i < bytes.size(); i += 97)
    bytes[i] = static_cast<char>(bytes[i] ^ 0x5a);
  sim::test::write_text(dir.path("flipped.h5"), bytes);
  const Result flipped = trek("merge " + dir.path("flipped.h5") + " -o " + dir.path("m.h5"));
  EXPECT_EQ(flipped.code, 2) << flipped.output;
  EXPECT_EQ(lines(flipped.output), 1u) << flipped.output;
  EXPECT_NE(flipped.output.find("flipped.h5"), std::string::npos) << flipped.output;
  EXPECT_FALSE(fs::exists(dir.path("m.h5")));
}

TEST(Hardening, ResumeRefusesAPartialFileOfAnotherShape) {
  const sim::test::TempDir dir;
  const std::string sweep = write_sweep(dir, "s.toml");
  const std::string out = dir.path("s.h5");
  // A partial file as a killed sweep leaves it has the layout of the finished file.
  ASSERT_EQ(trek("sweep " + sweep + " --quiet -o " + out).code, 0);
  fs::rename(out, out + ".partial");
  reshape(out + ".partial", "sweep/outputs", {30, 4, 4});
  expect_input_error("sweep " + sweep + " --resume -o " + out, {"sweep/outputs", "has shape"});
}

TEST(Hardening, InspectChecksShapesBeforeReading) {
  const sim::test::TempDir dir;
  const std::string run = dir.path("r.h5");
  ASSERT_EQ(trek("run " + kScenario + kSmall + " -o " + run).code, 0);
  fs::copy_file(run, dir.path("empty.h5"));
  reshape(dir.path("empty.h5"), "observables/followers/value", {0});
  expect_input_error("inspect " + dir.path("empty.h5"),
                     {"empty.h5", "observables/followers/value"});
  fs::copy_file(run, dir.path("short.h5"));
  reshape(dir.path("short.h5"), "observables/accounts/value", {2, 3, 7});
  expect_input_error("inspect " + dir.path("short.h5"), {"short.h5", "has shape 2 x 3 x 7"});
}

TEST(Hardening, CompareAlignsPlatformsByName) {
  const sim::test::TempDir dir;
  sim::test::write_text(
      dir.path("wider.toml"),
      "extends = \"" + kGhent +
          "crosspost.toml\"\nname = \"wider\"\n"
          "baseline = false\n[platforms.pinterest]\ninitial_account = 0.5\ninitial_active = 0.8\n"
          "initial_follows = 0.5\nfeed_reach = 0.3\n"
          "[strategy.pinterest]\npresent = true\nposts_per_week = 3\n");
  const Result r = trek("compare " + kScenario + " " + dir.path("wider.toml") + kSmall +
                        " --format csv -o " + dir.path("c.h5"));
  ASSERT_EQ(r.code, 0) << r.output;
  // The baseline has no Pinterest: its reach there is 0, the wider scenario's is not.
  std::istringstream csv(r.output);
  std::string line;
  bool baseline_zero = false, wider_positive = false;
  while (std::getline(csv, line)) {
    if (line.find(",reach_pinterest,") == std::string::npos) continue;
    const bool zero = line.find(",reach_pinterest,0,") != std::string::npos;
    if (line.rfind("stay_on_x,", 0) == 0) baseline_zero = zero;
    if (line.rfind("wider,", 0) == 0 && !zero) wider_positive = true;
  }
  EXPECT_TRUE(baseline_zero) << r.output;
  EXPECT_TRUE(wider_positive) << r.output;
}

}  // namespace
