// Scenarios of more than eight platforms (up to scenario::kMaxPlatforms = 16): the weekly kernel
// matches the serial reference model on every platform, platforms 8-15 draw from their own
// sub-addresses so that adding unused ones changes nothing on the first eight, and results are
// the same for any thread count.

#include <gtest/gtest.h>

#include "model/reference_check.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/graph/formats/load.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;
using scenario::Event;
using scenario::ModelOptions;
using scenario::PlatformParams;
using scenario::Scenario;

const graph::Graph& small_graph() {
  static const graph::Graph graph = graph::formats::load_graph("follower:n=1200,seed=7").graph;
  return graph;
}

/// Platform k of a busy scenario: every process on, with values that differ from platform to
/// platform so that a lane mix-up shows.
PlatformParams busy_platform(std::size_t k) {
  const double f = static_cast<double>(k + 1) / 16.0;
  PlatformParams p;
  p.name = "p" + std::to_string(k);
  p.initial_account = k % 3 == 2 ? 0.0 : 0.2 + 0.5 * f;
  p.initial_active = 0.3 + 0.4 * f;
  p.initial_follows = 0.6;
  p.pull = 0.002 + 0.01 * f;
  p.imitation = k % 4 == 1 ? 0.0 : 0.3 + 0.4 * f;
  p.hype = k % 5 == 0 ? 0.05 : 0.0;
  p.churn = 0.01 + 0.02 * f;
  p.toxicity = k % 2 == 0 ? 0.6 : 0.1;
  p.toxicity_sensitivity = 0.2;
  p.novelty_churn = 0.2 * f;
  p.switching_cost = 0.1;
  p.lock_in = k % 3 == 0 ? 0.5 : 0.0;
  p.delete_share = 0.1;
  p.discovery = 0.02;
  p.reactivation = 1.5;
  p.activation = k % 3 == 1 ? 0.4 : 1.0;  // some platforms: sign-ups that stay dormant
  p.rebuild = k % 2 == 1 ? 0.3 + 0.4 * f : 1.0;
  p.organisation_present = k % 4 == 0;
  p.posts_per_week = p.organisation_present ? 7.0 : 0.0;
  p.reshare.fill(k % 2 == 0 ? 0.05 : 0.0);
  return p;
}

/// `platforms` busy platforms, with events on the upper ones: a launch, a join, an announce and
/// an exit from platform 10 to platforms 2 and 13, a toxicity change and a shock.
Scenario wide_scenario(std::size_t platforms) {
  Scenario s;
  s.weeks = 24;
  s.seed = 19;
  for (std::size_t k = 0; k < platforms; ++k)
    s.platforms.push_back(busy_platform(k));
  Event launch{.kind = Event::Kind::kLaunch, .week = 2, .platform = 11};
  Event join{.kind = Event::Kind::kJoin, .week = 3, .platform = 13};
  Event announce{.kind = Event::Kind::kAnnounce,
                 .week = 5,
                 .platform = 10,
                 .targets = {2, 13},
                 .share = 0.3,
                 .weeks = 3};
  Event exit{.kind = Event::Kind::kExit,
             .week = 8,
             .platform = 10,
             .targets = {2, 13},
             .share = 0.5,
             .segments = 0b0111};
  Event toxicity{.kind = Event::Kind::kToxicity, .week = 9, .platform = 12, .value = 0.9};
  Event shock{.kind = Event::Kind::kShock, .week = 12, .platform = 9, .value = 0.05, .churn = 0.01};
  Event leave{.kind = Event::Kind::kLeave, .week = 15, .platform = 10};
  s.events = {launch, join, announce, exit, toxicity, shock, leave};
  return s;
}

TEST(WideScenario, SixteenPlatformsMatchTheSerialReferenceModel) {
  test::expect_matches_reference(wide_scenario(16), small_graph());
}

TEST(WideScenario, MatchesTheReferenceInEveryModelVariant) {
  for (const auto influence :
       {ModelOptions::Influence::kNetwork, ModelOptions::Influence::kWellMixed}) {
    for (const auto contagion :
         {ModelOptions::Contagion::kSimple, ModelOptions::Contagion::kThreshold}) {
      Scenario s = wide_scenario(14);
      s.weeks = 10;
      s.model.memory_weeks = 3.0;
      s.model.influence = influence;
      s.model.contagion = contagion;
      s.model.threshold = 0.1;
      test::expect_matches_reference(s, small_graph());
    }
  }
}

/// An unused platform: nobody has an account, nothing draws anyone to it, ties half rebuilt.
PlatformParams unused_platform(std::size_t k) {
  PlatformParams p;
  p.name = "unused" + std::to_string(k);
  p.rebuild = 0.5;
  p.churn = 0.05;
  return p;
}

TEST(WideScenario, SignUpsBecomeActiveAtTheActivationShare) {
  // Platform 2 has no accounts at first, a steady pull and no reactivation: with activation 0
  // its sign-ups all keep dormant accounts; with 0.25 about a quarter of them become active.
  Scenario s = wide_scenario(3);
  s.events.clear();
  s.weeks = 6;
  PlatformParams& p = s.platforms[2];
  p.initial_account = 0.0;
  p.pull = 0.05;
  p.imitation = 0.0;
  p.churn = 0.0;
  p.novelty_churn = 0.0;
  p.hype = 0.0;
  p.reactivation = 0.0;  // dormant accounts never return: only sign-ups become active
  p.activation = 0.0;
  const auto none = engine::run_replicate(s, small_graph(), 0);
  EXPECT_GT(none.weeks.back().accounts[2], 100U);
  EXPECT_EQ(none.weeks.back().active[2], 0U);
  EXPECT_EQ(none.weeks.back().activations[2], 0U);
  p.activation = 0.25;
  const auto quarter = engine::run_replicate(s, small_graph(), 0);
  double sign_ups = 0.0, activations = 0.0;
  for (std::size_t week = 1; week < quarter.weeks.size(); ++week) {
    sign_ups += quarter.weeks[week].accounts[2] - quarter.weeks[week - 1].accounts[2];
    activations += quarter.weeks[week].activations[2];
  }
  EXPECT_GT(sign_ups, 200.0);
  // Binomial: 0.25 of about 300 sign-ups, sd about 7.5: within 5 sd.
  EXPECT_NEAR(activations / sign_ups, 0.25, 5.0 * std::sqrt(0.25 * 0.75 / sign_ups));
  test::expect_matches_reference(s, small_graph());
}

TEST(WideScenario, UnusedUpperPlatformsChangeNothingOnTheFirstEight) {
  Scenario narrow = wide_scenario(8);
  narrow.events.clear();
  narrow.reach.posts = 2;
  Scenario wide = narrow;
  for (std::size_t k = 8; k < 16; ++k)
    wide.platforms.push_back(unused_platform(k));
  const auto a = engine::run_replicate(narrow, small_graph(), 1);
  const auto b = engine::run_replicate(wide, small_graph(), 1);
  ASSERT_EQ(a.weeks.size(), b.weeks.size());
  for (std::size_t week = 0; week < a.weeks.size(); ++week) {
    const auto& x = a.weeks[week];
    const auto& y = b.weeks[week];
    for (std::size_t k = 0; k < 8; ++k) {
      EXPECT_EQ(x.accounts[k], y.accounts[k]) << week << " " << k;
      EXPECT_EQ(x.active[k], y.active[k]) << week << " " << k;
      EXPECT_EQ(x.followers[k], y.followers[k]) << week << " " << k;
      EXPECT_EQ(x.activations[k], y.activations[k]) << week << " " << k;
    }
    for (std::size_t k = 8; k < 16; ++k)
      EXPECT_EQ(y.accounts[k], 0u) << week << " " << k;
    EXPECT_EQ(x.active_anywhere, y.active_anywhere) << week;
  }
  ASSERT_EQ(a.reach.size(), b.reach.size());
  for (std::size_t week = 0; week < a.reach.size(); ++week) {
    EXPECT_EQ(a.reach[week].unique, b.reach[week].unique) << week;
    EXPECT_EQ(a.reach[week].within, b.reach[week].within) << week;
    for (std::size_t k = 0; k < 8; ++k)
      EXPECT_EQ(a.reach[week].viewers[k], b.reach[week].viewers[k]) << week << " " << k;
  }
}

TEST(WideScenario, IdenticalForAnyThreadCount) {
  Scenario s = wide_scenario(16);
  s.reach.posts = 2;
  std::vector<engine::ReplicateSeries> runs;
  for (const int threads : {1, 2, 4}) {
    test::with_threads(threads,
                       [&] { runs.push_back(engine::run_replicate(s, small_graph(), 0)); });
  }
  for (std::size_t i = 1; i < runs.size(); ++i) {
    for (std::size_t week = 0; week < runs[0].weeks.size(); ++week) {
      EXPECT_EQ(runs[i].weeks[week].active, runs[0].weeks[week].active) << week;
      EXPECT_EQ(runs[i].weeks[week].flows, runs[0].weeks[week].flows) << week;
    }
    for (std::size_t week = 0; week < runs[0].reach.size(); ++week)
      EXPECT_EQ(runs[i].reach[week].viewers, runs[0].reach[week].viewers) << week;
  }
  // The upper platforms are used: someone is active on each platform that starts with accounts.
  for (std::size_t k = 8; k < 16; ++k) {
    if (s.platforms[k].initial_account > 0.0) {
      EXPECT_GT(runs[0].weeks[0].active[k], 0u) << k;
    }
  }
}

}  // namespace
