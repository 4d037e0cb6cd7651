// The whole audience: group sizes solved so that the expected followers per platform match the
// counts, the generator sized to the audience, one-line errors for counts the groups cannot
// meet, worlds that keep the population, and initial states by group (also against the serial
// reference model).

#include <gtest/gtest.h>

#include <cmath>

#include "model/reference_check.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/model/weekly_step.hpp"
#include "sim/scenario/priors_file.hpp"
#include "sim/scenario/read_audience.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/sweep/read_sweep.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;
using scenario::Scenario;

const char* const kAudience = R"(name = "audience"
[simulation]
weeks = 10
replicates = 2
seed = 3
[population]
graph = "follower:seed=2"
[platforms.x]
initial_account = 1.0
initial_active = 0.7
initial_follows = 1.0
churn = 0.01
[platforms.facebook]
initial_account = 0.9
initial_active = 0.8
initial_follows = 0.3
[platforms.instagram]
initial_account = 0.6
initial_active = 0.8
initial_follows = 0.3
[audience]
anchor = "x"
[audience.followers]
x = 3000
facebook = 2400
instagram = 1500
[audience.account_share]
x = 0.2
facebook = 0.7
instagram = 0.5
)";

std::string write(const sim::test::TempDir& dir, const std::string& name, const std::string& text) {
  sim::test::write_text(dir.path(name), text);
  return dir.path(name);
}

TEST(Audience, GroupSizesMatchTheCountsInExpectation) {
  const sim::test::TempDir dir;
  const Scenario s = scenario::read_scenario(write(dir, "a.toml", kAudience));
  const auto& a = s.audience;
  // Platforms come in name order: facebook, instagram, x.
  const auto x = static_cast<std::size_t>(s.platform_index("x"));
  ASSERT_EQ(a.group_size.size(), 4u);
  EXPECT_EQ(a.anchor, static_cast<int>(x));
  EXPECT_EQ(a.group_size[0], 3000u);
  EXPECT_EQ(a.group_size[1 + x], 0u);  // the anchor has no group of its own
  std::vector<double> others(3, 0.0);
  for (std::size_t k = 0; k < 3; ++k)
    others[k] = static_cast<double>(a.group_size[1 + k]);
  for (std::size_t k = 0; k < 3; ++k) {
    if (k == x) continue;
    EXPECT_NEAR(scenario::expected_followers(s, k, others), a.followers[k], 1.0)
        << s.platforms[k].name;
  }
  EXPECT_EQ(s.graph, "follower:n=" + std::to_string(a.agents()) + ",seed=2");
  EXPECT_EQ(a.home_of(0), -1);
  EXPECT_EQ(a.home_of(2999), -1);
  EXPECT_EQ(a.home_of(3000), s.platform_index("facebook"));
  EXPECT_EQ(a.home_of(a.agents() - 1), s.platform_index("instagram"));
}

TEST(Audience, BadCountsAndSpecsAreOneLineErrors) {
  const sim::test::TempDir dir;
  const std::string base = kAudience;
  auto error_of = [&](const std::string& text) {
    try {
      scenario::read_scenario(write(dir, "bad.toml", text));
    } catch (const util::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string low = base;
  low.replace(low.find("facebook = 2400"), 15, "facebook = 100");
  EXPECT_NE(error_of(low).find("audience.followers.facebook"), std::string::npos) << error_of(low);
  std::string sized = base;
  sized.replace(sized.find("follower:seed=2"), 15, "follower:n=500,seed=2");
  EXPECT_NE(error_of(sized).find("leave n out"), std::string::npos) << error_of(sized);
  std::string typo = base;
  typo.replace(typo.find("instagram = 1500"), 16, "instagam = 1500");
  EXPECT_NE(error_of(typo).find("did you mean 'instagram'"), std::string::npos) << error_of(typo);
  std::string no_anchor = base;
  no_anchor.replace(no_anchor.find("x = 3000"), 8, "");
  EXPECT_NE(error_of(no_anchor).find("anchor"), std::string::npos) << error_of(no_anchor);
  for (const std::string& text : {low, sized, typo, no_anchor})
    EXPECT_EQ(error_of(text).find('\n'), std::string::npos);
}

TEST(Audience, WorldsKeepThePopulation) {
  const sim::test::TempDir dir;
  std::string text = kAudience;
  // Wide enough that some worlds' X followers alone exceed the Facebook count: the groups are
  // the nominal ones in every world, not solved again.
  text.replace(text.find("initial_follows = 0.3\n[platforms.instagram]"), 21,
               "initial_follows = { uniform = [0.1, 0.9] }");
  text.replace(text.find("facebook = 2400"), 15, "facebook = 2000");  // 2,700 f from X alone
  const Scenario s = scenario::read_scenario(write(dir, "u.toml", text));
  ASSERT_EQ(s.uncertain.size(), 1u);
  for (std::uint32_t world = 0; world < 16; ++world) {
    const Scenario w = scenario::scenario_of_world(s, world);
    EXPECT_EQ(w.audience.group_size, s.audience.group_size);
    EXPECT_EQ(w.graph, s.graph);
  }
}

// The counts build the population that every world, sweep point and calibration simulation
// shares, so they cannot vary between them: a prior or a swept count is refused where it is
// written, and a swept parameter that the groups are solved from keeps the base's groups.
TEST(Audience, CountsCannotVaryAndSweepPointsKeepThePopulation) {
  const sim::test::TempDir dir;
  const std::string base = write(dir, "a.toml", kAudience);
  const auto error_of = [](auto&& read) {
    try {
      read();
    } catch (const util::InputError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  std::string uncertain = kAudience;
  uncertain.replace(uncertain.find("facebook = 2400"), 15, "facebook = { uniform = [2400, 4000] }");
  const std::string in_file = write(dir, "u.toml", uncertain);
  EXPECT_NE(error_of([&] {
              scenario::read_scenario(in_file);
            }).find("u.toml:25: 'audience.followers.facebook': builds the population"),
            std::string::npos)
      << error_of([&] { scenario::read_scenario(in_file); });
  const std::string priors =
      write(dir, "p.toml", "[audience.followers]\nfacebook = { uniform = [2400, 4000] }\n");
  EXPECT_NE(error_of([&] {
              scenario::priors_overrides(priors);
            }).find("p.toml:2: 'audience.followers.facebook'"),
            std::string::npos)
      << error_of([&] { scenario::priors_overrides(priors); });
  const std::string head = "base = \"a.toml\"\ndesign = \"grid\"\nreplicates = 1\nwindow = 2\n";
  const std::string swept_count =
      write(dir, "s1.toml",
            head + "[parameters]\n\"audience.followers.facebook\" = { values = [2400, 3000] }\n");
  EXPECT_NE(error_of([&] {
              sweep::read_sweep(swept_count);
            }).find("s1.toml:6: 'parameters.audience.followers.facebook': "),
            std::string::npos)
      << error_of([&] { sweep::read_sweep(swept_count); });
  // Facebook's follow share enters the solved groups: each point keeps the base's.
  const sweep::SweepSpec spec = sweep::read_sweep(write(
      dir, "s2.toml",
      head + "[parameters]\n\"platforms.facebook.initial_follows\" = { values = [0.1, 0.6] }\n"));
  const Scenario nominal = scenario::read_scenario(base);
  for (const double follows : {0.1, 0.6}) {
    const Scenario point = sweep::point_scenario(spec, {follows});
    EXPECT_EQ(point.audience.group_size, nominal.audience.group_size) << follows;
    EXPECT_DOUBLE_EQ(point.platforms[0].initial_follows, follows);
    // Read alone, the same value would solve other groups (so the test can fail).
    const Scenario alone = scenario::read_scenario(
        base, {"platforms.facebook.initial_follows=" + std::to_string(follows)});
    EXPECT_NE(alone.audience.group_size, nominal.audience.group_size) << follows;
  }
}

TEST(Audience, GroupsMayBeGivenInsteadOfSolved) {
  const sim::test::TempDir dir;
  const std::string head =
      std::string(kAudience).substr(0, std::string(kAudience).find("[audience]"));
  const Scenario s = scenario::read_scenario(
      write(dir, "g.toml", head + "[audience]\nanchor = \"x\"\ngroups = [100, 20, 30, 0]\n"));
  EXPECT_EQ(s.audience.group_size, (std::vector<std::uint64_t>{100, 20, 30, 0}));
  EXPECT_EQ(s.audience.agents(), 150u);
  for (const std::string bad :
       {"[100, 20]", "[100, 20, 30, 5]", "[0, 20, 30, 0]", "[100, -1, 3, 0]"}) {
    try {
      scenario::read_scenario(
          write(dir, "b.toml", head + "[audience]\nanchor = \"x\"\ngroups = " + bad + "\n"));
      ADD_FAILURE() << bad;
    } catch (const util::InputError& e) {
      EXPECT_NE(std::string(e.what()).find("audience.groups"), std::string::npos) << e.what();
    }
  }
}

TEST(Audience, InitialStatesFollowTheGroups) {
  const sim::test::TempDir dir;
  const Scenario s = scenario::read_scenario(write(dir, "a.toml", kAudience));
  const graph::Graph graph = graph::formats::load_graph(s.graph).graph;
  ASSERT_EQ(graph.node_count(), s.audience.agents());
  const model::ModelContext context(s, graph, {s.seed, 0});
  model::AgentState state;
  model::initialise(context, state);
  const auto x = static_cast<std::size_t>(s.platform_index("x"));
  std::vector<double> follows(3, 0.0), x_accounts_outside(1, 0.0);
  double outside = 0.0;
  for (std::size_t agent = 0; agent < state.agents(); ++agent) {
    const int home = s.audience.home_of(agent);
    if (home >= 0) {
      EXPECT_TRUE(model::has(state.follows[agent], static_cast<std::size_t>(home)));
      EXPECT_FALSE(model::has(state.follows[agent], x));  // not an X follower
      outside += 1.0;
      x_accounts_outside[0] += model::has(state.account[agent], x) ? 1.0 : 0.0;
    } else {
      EXPECT_TRUE(model::has(state.follows[agent], x));
    }
    for (std::size_t k = 0; k < 3; ++k)
      follows[k] += model::has(state.follows[agent], k) ? 1.0 : 0.0;
  }
  // The drawn followers per platform match the counts within sampling error.
  for (std::size_t k = 0; k < 3; ++k)
    EXPECT_NEAR(follows[k], s.audience.followers[k], 4.0 * std::sqrt(s.audience.followers[k]));
  EXPECT_NEAR(x_accounts_outside[0] / outside, 0.2, 4.0 * std::sqrt(0.2 * 0.8 / outside));
  test::expect_matches_reference(s, graph);
}

}  // namespace
