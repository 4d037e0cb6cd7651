// Scenario files: every section read, extends chains, --set overrides, and every class of bad
// input reported as one InputError naming file, line and key (with "did you mean" for typos).

#include <gtest/gtest.h>

#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace {

using sim::scenario::Event;
using sim::scenario::read_scenario;
using sim::scenario::Scenario;

const char* const kBase = R"(name = "base"
[simulation]
weeks = 20
replicates = 3
seed = 7
[population]
graph = "er:n=100,mean_degree=4"
[platforms.x]
initial_account = 1.0
initial_active = 0.5
churn = 0.01
[platforms.bluesky]
pull = 0.02
imitation = 0.3
[strategy.x]
present = true
posts_per_week = 14
[[events]]
type = "toxicity"
platform = "x"
week = 10
value = 0.8
)";

using sim::test::Files;

/// The message of the InputError that reading throws, or "" when it does not throw.
std::string error_of(const std::string& path, const std::vector<std::string>& overrides = {}) {
  try {
    read_scenario(path, overrides);
  } catch (const sim::util::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(ReadScenario, ReadsEverySection) {
  Files files;
  const Scenario s = read_scenario(files.write("base.toml", kBase));
  EXPECT_EQ(s.name, "base");
  EXPECT_EQ(s.weeks, 20u);
  EXPECT_EQ(s.replicates, 3u);
  EXPECT_EQ(s.seed, 7u);
  EXPECT_EQ(s.graph, "er:n=100,mean_degree=4");
  ASSERT_EQ(s.platforms.size(), 2u);
  EXPECT_EQ(s.platforms[0].name, "bluesky");  // platforms in name order
  EXPECT_EQ(s.platform_index("x"), 1);
  EXPECT_DOUBLE_EQ(s.platforms[1].churn, 0.01);
  EXPECT_TRUE(s.platforms[1].organisation_present);
  EXPECT_FALSE(s.platforms[0].organisation_present);
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events[0].kind, Event::Kind::kToxicity);
  EXPECT_EQ(s.events[0].line, 18u);
  EXPECT_NE(s.resolved_toml.find("posts_per_week = 14"), std::string::npos);
}

TEST(ReadScenario, ExtendsOverridesValuesAndAppendsEvents) {
  Files files;
  files.write("base.toml", kBase);
  const std::string child = files.write("child.toml", R"(extends = "base.toml"
name = "child"
[platforms.x]
churn = 0.05
[[events]]
type = "leave"
platform = "x"
week = 5
)");
  const Scenario s = read_scenario(child);
  EXPECT_EQ(s.name, "child");
  EXPECT_DOUBLE_EQ(s.platforms[1].churn, 0.05);
  EXPECT_DOUBLE_EQ(s.platforms[1].initial_active, 0.5);  // kept from the base
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[0].kind, Event::Kind::kLeave);  // sorted by week
  EXPECT_EQ(s.resolved_toml.find("extends"), std::string::npos);
}

TEST(ReadScenario, CrossedScenarioIsTheStrategyWithTheWhatIfsOwnLayersOnTop) {
  Files files;
  files.write("base.toml", kBase);
  const std::string strategy = files.write("leave.toml", R"(extends = "base.toml"
name = "leave"
[platforms.x]
churn = 0.05
discovery = 0.001
[[events]]
type = "leave"
platform = "x"
week = 5
)");
  // The what-if's own chain: a middle layer of its own above the shared base.
  files.write("hate.toml", R"(extends = "base.toml"
name = "hate layer"
[platforms.bluesky]
pull = 0.04
)");
  const std::string what_if = files.write("worse.toml", R"(extends = "hate.toml"
name = "worse"
kind = "what-if"
[platforms.x]
churn = 0.07
[[events]]
type = "toxicity"
platform = "x"
week = 15
value = 0.9
)");
  const Scenario s = sim::scenario::read_crossed_scenario(strategy, what_if);
  EXPECT_EQ(s.name, "leave under worse");
  EXPECT_EQ(s.condition, "worse");
  EXPECT_EQ(s.kind, sim::scenario::ScenarioKind::kStrategy);
  EXPECT_DOUBLE_EQ(s.platforms[1].churn, 0.07);       // the what-if's value on top
  EXPECT_DOUBLE_EQ(s.platforms[1].discovery, 0.001);  // the strategy's own value kept
  EXPECT_DOUBLE_EQ(s.platforms[0].pull, 0.04);        // the what-if's middle layer
  ASSERT_EQ(s.events.size(), 3u);  // the base's toxicity, the strategy's leave, the what-if's
  EXPECT_EQ(s.events[0].kind, Event::Kind::kLeave);
  EXPECT_EQ(s.events[2].week, 15u);
  EXPECT_EQ(s.sources.size(), 4u);  // every file read, each once
  // Only a strategy under a what-if.
  EXPECT_THROW(sim::scenario::read_crossed_scenario(what_if, what_if), sim::util::InputError);
  EXPECT_THROW(sim::scenario::read_crossed_scenario(strategy, strategy), sim::util::InputError);
}

TEST(ReadScenario, SetOverridesAnyValue) {
  Files files;
  const std::string path = files.write("base.toml", kBase);
  const Scenario s = read_scenario(
      path, {"platforms.x.churn=0.2", "simulation.weeks=30", "model.contagion=threshold",
             "name=renamed", "platforms.x.leave_imitation=0.02", "platforms.x.fresh_share=0.9",
             "platforms.x.notification_share=0.01"});
  EXPECT_DOUBLE_EQ(s.platforms[1].fresh_share, 0.9);
  EXPECT_DOUBLE_EQ(s.platforms[1].notification_share, 0.01);
  EXPECT_DOUBLE_EQ(s.platforms[0].fresh_share, 0.0);  // off unless set
  EXPECT_DOUBLE_EQ(s.platforms[1].churn, 0.2);
  EXPECT_DOUBLE_EQ(s.platforms[1].leave_imitation, 0.02);
  EXPECT_DOUBLE_EQ(s.platforms[0].leave_imitation, 0.0);  // off unless set
  EXPECT_EQ(s.weeks, 30u);
  EXPECT_EQ(s.model.contagion, sim::scenario::ModelOptions::Contagion::kThreshold);
  EXPECT_EQ(s.name, "renamed");
}

TEST(ReadScenario, SetReachesIntoTheEventsByIndex) {
  const std::string redirect = TREK_SOURCE_DIR "/scenarios/ghent/leave_x_redirect.toml";
  // In file order, the base's events first: the base has one, so index 1 is the announcement.
  const Scenario s = read_scenario(redirect, {"events.1.share=0.25"});
  const auto announce = std::find_if(s.events.begin(), s.events.end(), [](const auto& e) {
    return e.kind == Event::Kind::kAnnounce;
  });
  ASSERT_NE(announce, s.events.end());
  EXPECT_DOUBLE_EQ(announce->share, 0.25);
  EXPECT_NE(error_of(redirect, {"events.7.share=0.1"}).find("expected an index below 3"),
            std::string::npos);
  EXPECT_NE(error_of(redirect, {"events.1.shar=0.1"}).find("did you mean 'share'"),
            std::string::npos);
}

TEST(ReadScenario, TyposGetDidYouMeanWithFileLineAndKey) {
  Files files;
  const std::string path =
      files.write("typo.toml", std::string(kBase) + "[platforms.mastodon]\nchrun = 0.1\n");
  const std::string message = error_of(path);
  EXPECT_NE(message.find("typo.toml:24"), std::string::npos) << message;
  EXPECT_NE(message.find("platforms.mastodon.chrun"), std::string::npos) << message;
  EXPECT_NE(message.find("did you mean 'churn'"), std::string::npos) << message;
  EXPECT_EQ(message.find('\n'), std::string::npos);  // one line
  const std::string set = error_of(files.write("ok.toml", kBase), {"simulation.wekks=3"});
  EXPECT_NE(set.find("did you mean 'weeks'"), std::string::npos) << set;
}

TEST(ReadScenario, EveryErrorClassIsAnInputError) {
  Files files;
  const std::string base = kBase;
  const std::vector<std::pair<std::string, std::string>> cases{
      {base + "[output]\nsnapshot_every = \"often\"\n", "must be a whole number"},
      {base + "[model]\nthreshold = 1.5\n", "outside [0, 1]"},
      {base + "[model]\ncontagion = \"complex\"\n", "contagion"},
      {base + "[[events]]\ntype = \"leave\"\nplatform = \"blusky\"\nweek = 1\n",
       "did you mean 'bluesky'"},
      {base + "[[events]]\ntype = \"leave\"\nplatform = \"bluesky\"\nweek = 1\n", "not on bluesky"},
      {base + "[[events]]\ntype = \"join\"\nplatform = \"x\"\nweek = 1\n", "already on x"},
      {base + "[[events]]\ntype = \"leave\"\nplatform = \"x\"\nweek = 6000\n", "week"},
      {base + "[[events]]\ntype = \"announce\"\nplatform = \"x\"\nweek = 2\n",
       "type 'announce' needs 'week', 'platform', 'to', 'share'"},
      {base + "[[events]]\ntype = \"exit\"\nplatform = \"x\"\nweek = 2\nshare = 0.5\n", "segments"},
      {base + "[[events]]\ntype = \"exit\"\nplatform = \"x\"\nweek = 2\nshare = 0.5\n"
              "segments = [\"press\"]\n",
       "unknown segment"},
      {base + "[[events]]\ntype = \"tweet\"\nplatform = \"x\"\nweek = 2\n", "type"},
      {base + "[strategy.threads]\npresent = true\n", "unknown platform 'threads'"},
      {"name = \"empty\"\n", "at least one platform"},
      {base + "[simulation.extra]\n", "simulation.extra"},
      {"extends = \"missing.toml\"\n", "missing.toml"},
      {"extends = \"loop.toml\"\n", "loops back"},
      {"[platforms.x\n", "TOML syntax"},
      {base + "[platforms.mastodon]\nleave_imitation = 1.5\n", "outside [0, 1]"},
      {base + "[platforms.mastodon]\nleave_imitaton = 0.1\n", "did you mean 'leave_imitation'"},
      {base + "[platforms.mastodon]\nfresh_share = 1.2\n", "outside [0, 1]"},
      {base + "[crisis]\nrelay_medi = 0.5\n", "did you mean 'relay_media'"},
      {base + "[crisis]\nrelay_media = 1.5\n", "outside [0, 1]"},
      {base + "[crisis.channels.be_alert]\nreach = 0.1\nread_minuts = 5\n",
       "did you mean 'read_minutes'"},
      {base + "[crisis.channels.be_alert]\nreach = -0.1\n", "crisis.channels.be_alert.reach"},
      {base + "[crisis]\nmessages = -2\n", "crisis.messages"},
      {base + "[platforms.mastodon]\nnotification_minutes = -1\n", "notification_minutes"},
      {base + "[platforms.mastodon]\nnotifcation_share = 0.1\n",
       "did you mean 'notification_share'"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const std::string name = i + 1 == 16 ? "loop.toml" : "case" + std::to_string(i) + ".toml";
    const std::string message = error_of(files.write(name, cases[i].first));
    EXPECT_FALSE(message.empty()) << "case " << i;
    EXPECT_EQ(message.find('\n'), std::string::npos) << message;
    EXPECT_NE(message.find(cases[i].second), std::string::npos) << "case " << i << ": " << message;
    EXPECT_NE(message.find(name), std::string::npos) << message;
  }
  EXPECT_FALSE(error_of(files.dir.path("absent.toml")).empty());
  EXPECT_NE(error_of(files.write("ok2.toml", kBase), {"no_equals"}).find("--set"),
            std::string::npos);
}

TEST(ReadScenario, GhentScenariosAreValid) {
  int baselines = 0;
  for (const char* name :
       {"common/base", "stay_on_x", "leave_x_now", "leave_x_redirect", "move_to_threads",
        "crosspost", "coordinated_exit", "toxicity_escalation"}) {
    const Scenario s =
        read_scenario(std::string(TREK_SOURCE_DIR) + "/scenarios/ghent/" + name + ".toml");
    baselines += s.baseline ? 1 : 0;
    EXPECT_EQ(s.platforms.size(), 9u) << name;
    EXPECT_DOUBLE_EQ(s.platforms[static_cast<std::size_t>(s.platform_index("x"))].initial_follows,
                     1.0);
  }
  EXPECT_EQ(baselines, 1);
}

/// Every one-letter typo (a letter dropped, doubled, replaced or swapped with its neighbour) of
/// every key and section name of a scenario gets "did you mean" the key it was meant to be.
TEST(ReadScenario, EveryOneLetterTypoOfAKeyGetsDidYouMean) {
  const std::string text = R"(name = "all keys"
description = "d"
baseline = false
[simulation]
weeks = 20
replicates = 3
seed = 7
start_date = "2025-01-06"
[population]
graph = "er:n=100,mean_degree=4"
organisation = "City"
[model]
influence = "network"
contagion = "simple"
memory_weeks = 1.0
threshold = 0.2
tolerance_mean = 0.5
tolerance_sd = 0.2
[reach]
posts = 1
[output]
snapshot_every = 0
[platforms.x]
initial_account = 1.0
initial_active = 0.5
churn = 0.01
feed_reach = 0.1
toxicity = 0.5
switching_cost = 0.2
[platforms.bluesky]
pull = 0.02
imitation = 0.3
[strategy.x]
present = true
posts_per_week = 14
[strategy.bluesky]
present = false
[[events]]
type = "toxicity"
platform = "x"
week = 10
value = 0.8
[[events]]
type = "announce"
platform = "x"
to = ["bluesky"]
week = 2
share = 0.1
weeks = 2
)";
  Files files;
  ASSERT_EQ(error_of(files.write("clean.toml", text)), "");
  std::size_t typos = 0, caught = 0;
  std::string missed;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    const std::size_t line_end = text.find('\n', line_start);
    const std::string line = text.substr(line_start, line_end - line_start);
    // The word to mistype: a key before " = ", or the section name of a header.
    std::size_t begin = 0, end = line.find(" = ");
    if (line.rfind("[[", 0) == 0) {
      begin = 2, end = line.find(']');
    } else if (line.rfind('[', 0) == 0) {
      begin = 1, end = std::min(line.find('.'), line.find(']'));
    }
    if (end != std::string::npos && end > begin) {
      const std::string word = line.substr(begin, end - begin);
      const std::size_t at = word.size() / 2;
      std::vector<std::string> variants{
          word.substr(0, at) + word.substr(at + 1),                                  // dropped
          word.substr(0, at) + word[at] + word.substr(at),                           // doubled
          word.substr(0, at) + (word[at] == 'q' ? 'z' : 'q') + word.substr(at + 1),  // replaced
      };
      if (at + 1 < word.size() && word[at] != word[at + 1]) {
        std::string swapped = word;
        std::swap(swapped[at], swapped[at + 1]);
        variants.push_back(swapped);  // swapped
      }
      for (const std::string& typo : variants) {
        std::string mutated = text;
        mutated.replace(line_start + begin, word.size(), typo);
        const std::string message = error_of(files.write("typo.toml", mutated));
        ++typos;
        if (message.find("did you mean '" + word + "'") != std::string::npos) {
          ++caught;
        } else {
          missed += "\n  " + word + " -> " + typo + ": " + message;
        }
      }
    }
    if (line_end == std::string::npos) break;
    line_start = line_end + 1;
  }
  // A platform table one letter off another is a typo too, not an eighth platform.
  const std::string near =
      error_of(files.write("near.toml", text + "[platforms.blueksy]\nimitation = 0.9\n"));
  EXPECT_NE(near.find("differ by one letter"), std::string::npos) << near;
  EXPECT_GT(typos, 150u);
  EXPECT_EQ(caught, typos) << "typos without a suggestion:" << missed;
}

}  // namespace

namespace {

/// A scenario of `count` platforms named p0, p1, ...; the organisation posts on the last.
std::string platforms_scenario(std::size_t count) {
  std::string text = "name = \"wide\"\n[population]\ngraph = \"er:n=50,mean_degree=4\"\n";
  for (std::size_t k = 0; k < count; ++k)
    text += "[platforms.p" + std::to_string(k) + "]\ninitial_account = 0.5\n";
  text += "[strategy.p" + std::to_string(count - 1) + "]\npresent = true\nposts_per_week = 3\n";
  return text;
}

TEST(ReadScenario, HoldsSixteenPlatformsAndRejectsSeventeen) {
  Files files;
  const Scenario s = read_scenario(files.write("sixteen.toml", platforms_scenario(16)), {});
  ASSERT_EQ(s.platforms.size(), 16u);
  for (const auto& platform : s.platforms)
    EXPECT_EQ(platform.organisation_present, platform.name == "p15") << platform.name;
  const std::string message = error_of(files.write("seventeen.toml", platforms_scenario(17)));
  EXPECT_NE(message.find("at most 16 platforms"), std::string::npos) << message;
  EXPECT_NE(message.find("seventeen.toml"), std::string::npos) << message;
}

}  // namespace
