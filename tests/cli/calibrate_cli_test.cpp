// `trek calibrate` as users meet it: a small calibration writes a posterior file that is the same
// for one and two threads, a scenario draws its worlds from it, --recovery reports coverage, and
// bad calibration files and observations are one line with file, line and key, exit code 2.

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/scenario/posterior_source.hpp"
#include "support/test_support.hpp"

namespace {

using Result = sim::test::CommandResult;

const std::string kBase = TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml";

Result trek(const std::string& arguments) {
  return sim::test::run_trek(arguments, true);
}

const std::string kObservations =
    "date,platform,metric,value,sd,note\n"
    "2025-01-06,x,followers,1500,20,\n"
    "2025-02-17,x,followers,1494,20,\n"
    "2025-01-06,x,impressions_per_post,30,6,\n"
    "2025-02-17,x,impressions_per_post,26,6,\n"
    "2025-01-06,bluesky,active,1000,,\n"
    "2025-02-17,bluesky,active,1150,,\n";

/// A calibration of two X parameters on 1,500 agents; `extra` is appended.
std::string write_calibration(const sim::test::TempDir& dir, const std::string& extra = "",
                              const std::string& observations = kObservations) {
  sim::test::write_text(dir.path("obs.csv"), observations);
  const std::string text =
      "scenario = \"" + kBase +
      "\"\nseed = 5\nset = [\"population.graph=\\\"follower:n=1500,seed=2\\\"\"]\n" + extra +
      "\n[parameters.platforms.x]\nfeed_reach = { lognormal = [0.03, 0.6] }\n"
      "churn = { uniform = [0.0, 0.012] }\n"
      "[[targets]]\nfile = \"obs.csv\"\n[method]\nparticles = 24\ngenerations = 3\n";
  sim::test::write_text(dir.path("cal.toml"), text);
  return dir.path("cal.toml");
}

std::vector<double> posterior_values(const std::string& path) {
  sim::io::Handle file = sim::io::open_file_read(path);
  sim::io::Handle group = sim::io::open_group(file.get(), "posterior");
  std::vector<double> values = sim::io::read_array<double>(group.get(), "values");
  const std::vector<double> weights = sim::io::read_vector<double>(group.get(), "weights");
  values.insert(values.end(), weights.begin(), weights.end());
  return values;
}

TEST(CalibrateCli, WritesTheSamePosteriorForAnyThreadCount) {
  const sim::test::TempDir dir;
  const std::string calibration = write_calibration(dir);
  const Result one =
      trek("calibrate " + calibration + " -o " + dir.path("one.h5") + " --threads 1 --quiet");
  ASSERT_EQ(one.code, 0) << one.output;
  EXPECT_NE(one.output.find("platforms.x.feed_reach"), std::string::npos) << one.output;
  EXPECT_NE(one.output.find("stopped:"), std::string::npos);
  const Result two =
      trek("calibrate " + calibration + " -o " + dir.path("two.h5") + " --threads 2 --quiet");
  ASSERT_EQ(two.code, 0) << two.output;
  EXPECT_EQ(posterior_values(dir.path("one.h5")), posterior_values(dir.path("two.h5")));
  const auto posterior = sim::scenario::read_posterior_sample(dir.path("one.h5"));
  ASSERT_EQ(posterior.keys.size(), 2U);
  EXPECT_EQ(posterior.values.size(), 24U);
  // Every value lies in its prior's support.
  for (const auto& particle : posterior.values) {
    for (std::size_t k = 0; k < 2; ++k) {
      const double v = particle[k];
      if (posterior.keys[k] == "platforms.x.churn") {
        EXPECT_TRUE(v >= 0.0 && v <= 0.012) << v;
      } else {
        EXPECT_GT(v, 0.0) << posterior.keys[k];
      }
    }
  }
  // The targets and their predictive intervals are in the file.
  sim::io::Handle file = sim::io::open_file_read(dir.path("one.h5"));
  sim::io::Handle targets = sim::io::open_group(file.get(), "targets");
  const auto low = sim::io::read_vector<double>(targets.get(), "predictive_p05");
  const auto high = sim::io::read_vector<double>(targets.get(), "predictive_p95");
  ASSERT_EQ(low.size(), 6U);
  for (std::size_t i = 0; i < low.size(); ++i)
    EXPECT_LE(low[i], high[i]);
  // An existing output is kept without --force.
  const Result again = trek("calibrate " + calibration + " -o " + dir.path("one.h5") + " --quiet");
  EXPECT_EQ(again.code, 2) << again.output;
}

TEST(CalibrateCli, ScenariosDrawTheirWorldsJointlyFromAPosterior) {
  const sim::test::TempDir dir;
  const std::string calibration = write_calibration(dir);
  ASSERT_EQ(trek("calibrate " + calibration + " -o " + dir.path("post.h5") + " --quiet").code, 0);
  const auto posterior = sim::scenario::read_posterior_sample(dir.path("post.h5"));
  sim::test::write_text(dir.path("calibrated.toml"),
                        "extends = \"" + kBase + "\"\nposterior = \"post.h5\"\n");
  const std::string set =
      " --set population.graph=\\\"follower:n=1500,seed=2\\\" --set simulation.weeks=4";
  const Result run = trek("run " + dir.path("calibrated.toml") + set + " --replicates 5 -o " +
                          dir.path("run.h5") + " --quiet");
  ASSERT_EQ(run.code, 0) << run.output;
  sim::io::Handle file = sim::io::open_file_read(dir.path("run.h5"));
  sim::io::Handle worlds = sim::io::open_group(file.get(), "worlds");
  const auto keys = sim::io::read_strings(worlds.get(), "parameters");
  const auto values = sim::io::read_array<double>(worlds.get(), "values");
  ASSERT_EQ(keys, posterior.keys);
  ASSERT_EQ(values.size(), 5 * keys.size());
  // Each world is one particle: its values together, not each drawn on its own.
  for (std::size_t world = 0; world < 5; ++world) {
    bool found = false;
    for (const auto& particle : posterior.values) {
      found = found || (particle[0] == values[world * 2] && particle[1] == values[world * 2 + 1]);
    }
    EXPECT_TRUE(found) << "world " << world;
  }
  // A prior for a parameter the posterior holds, and a damaged posterior file.
  sim::test::write_text(dir.path("both.toml"),
                        "extends = \"" + kBase +
                            "\"\nposterior = \"post.h5\"\n"
                            "[platforms.x]\nchurn = { uniform = [0.0, 0.01] }\n");
  const Result both = trek("validate " + dir.path("both.toml"));
  EXPECT_EQ(both.code, 2) << both.output;
  EXPECT_NE(both.output.find("not both"), std::string::npos) << both.output;
  sim::test::write_text(dir.path("bad.h5"), "not an HDF5 file");
  sim::test::write_text(dir.path("damaged.toml"),
                        "extends = \"" + kBase + "\"\nposterior = \"bad.h5\"\n");
  const Result damaged = trek("validate " + dir.path("damaged.toml"));
  EXPECT_EQ(damaged.code, 2) << damaged.output;
  EXPECT_NE(damaged.output.find("bad.h5"), std::string::npos) << damaged.output;
  EXPECT_EQ(std::count(damaged.output.begin(), damaged.output.end(), '\n'), 1) << damaged.output;
}

TEST(CalibrateCli, AKilledCalibrationResumesToTheSamePosterior) {
  const sim::test::TempDir dir;
  const std::string calibration = write_calibration(dir, "", kObservations);
  std::string text = sim::test::read_text(calibration);
  text.replace(text.find("generations = 3"), 15, "generations = 5");
  sim::test::write_text(calibration, text);
  ASSERT_EQ(trek("calibrate " + calibration + " -o " + dir.path("whole.h5") + " --quiet").code, 0);
  // Killed once its first checkpoint exists (or, on a fast machine, after it finished).
  const std::string out = dir.path("resumed.h5");
  const Result killed = sim::test::run_trek(
      "calibrate " + calibration + " -o " + out +
          " --quiet & pid=$!; for i in $(seq 400); do "
          "[ -e " +
          out + ".partial ] && break; sleep 0.01; done; kill -9 $pid; wait $pid; true #",
      true);
  static_cast<void>(killed);
  const Result resumed = trek("calibrate " + calibration + " -o " + out + " --resume --quiet");
  ASSERT_EQ(resumed.code, 0) << resumed.output;
  EXPECT_EQ(posterior_values(dir.path("whole.h5")), posterior_values(out));
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
  // Resuming a finished calibration does nothing.
  const Result again = trek("calibrate " + calibration + " -o " + out + " --resume --quiet");
  EXPECT_EQ(again.code, 0) << again.output;
}

TEST(CalibrateCli, RecoveryReportsCoverage) {
  const sim::test::TempDir dir;
  const Result r = trek("calibrate " + write_calibration(dir) + " --recovery 2 --quiet");
  ASSERT_EQ(r.code, 0) << r.output;
  EXPECT_NE(r.output.find("coverage"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("platforms.x.churn"), std::string::npos) << r.output;
}

TEST(CalibrateCli, BadInputIsOneLineWithFileLineAndKey) {
  struct Case {
    std::string extra, observations, expected;
  };
  const std::string header = "date,platform,metric,value\n";
  const std::vector<Case> cases{
      {"particels = 3", kObservations, "particels"},
      {"start_date = \"2025-13-01\"", kObservations, "start_date"},
      {"start_date = \"2025-03-01\"", kObservations, "obs.csv:2: 'date'"},
      {"[distance]\nrelative_eror = 0.1", kObservations, "did you mean 'relative_error'"},
      {"", header + "2025-01-06,x,folowers,1\n", "did you mean 'followers'"},
      {"", header + "2025-01-06,twitter,followers,1\n", "obs.csv:2: 'platform'"},
      {"", header + "2031-01-06,x,followers,1\n", "lies after the scenario's last week"},
      {"", header + "2025-01-06,x,active,0\n2025-01-13,x,active,3\n", "must be above 0"},
  };
  for (const Case& c : cases) {
    const sim::test::TempDir dir;
    const Result r = trek("calibrate " + write_calibration(dir, c.extra, c.observations) + " -o " +
                          dir.path("p.h5") + " --quiet");
    EXPECT_EQ(r.code, 2) << c.extra << c.observations << r.output;
    EXPECT_NE(r.output.find(c.expected), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
  // A prior outside the parameter's range, and the population as a free parameter.
  const sim::test::TempDir dir;
  std::string text = sim::test::read_text(write_calibration(dir));
  sim::test::write_text(dir.path("range.toml"),
                        text + "[parameters.platforms.threads]\nchurn = { uniform = [0.5, 2] }\n");
  const Result range = trek("calibrate " + dir.path("range.toml") + " -o " + dir.path("p.h5"));
  EXPECT_EQ(range.code, 2) << range.output;
  EXPECT_NE(range.output.find("platforms.threads.churn"), std::string::npos) << range.output;
  sim::test::write_text(dir.path("none.toml"), "scenario = \"" + kBase + "\"\n");
  const Result none = trek("calibrate " + dir.path("none.toml") + " -o " + dir.path("p.h5"));
  EXPECT_EQ(none.code, 2) << none.output;
  EXPECT_NE(none.output.find("no free parameters"), std::string::npos) << none.output;
  const Result missing = trek("calibrate " + dir.path("nothing.toml") + " -o " + dir.path("p.h5"));
  EXPECT_EQ(missing.code, 2) << missing.output;
  // The method's kernel and prior share ([method] is the file's last table).
  for (const auto& [line, expected] : std::vector<std::pair<std::string, std::string>>{
           {"kernel = \"lokal\"", "did you mean 'local'"},
           {"prior_share = 0.9", "prior_share"},
           {"sampler = \"mooves\"", "did you mean 'moves'"},
           {"moves = 0", "moves"}}) {
    sim::test::write_text(dir.path("method.toml"), text + line + "\n");
    const Result r = trek("calibrate " + dir.path("method.toml") + " -o " + dir.path("p.h5"));
    EXPECT_EQ(r.code, 2) << r.output;
    EXPECT_NE(r.output.find(expected), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("method.toml:"), std::string::npos) << r.output;
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'), 1) << r.output;
  }
}

}  // namespace
