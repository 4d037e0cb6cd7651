// The weekly step: exact agreement with the serial reference model, the same result for any
// thread count, conservation of agents, and the validation against theory (Bass diffusion in the
// well-mixed limit, the external hazard alone).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "model/reference_check.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/model/weekly_step.hpp"
#include "support/test_support.hpp"

namespace {

using namespace sim;
using scenario::Event;
using scenario::ModelOptions;
using scenario::PlatformParams;
using scenario::Scenario;

const graph::Graph& small_graph() {
  static const graph::Graph graph = graph::formats::load_graph("follower:n=1500,seed=3").graph;
  return graph;
}

PlatformParams platform(const std::string& name) {
  PlatformParams p;
  p.name = name;
  return p;
}

/// Three platforms with every process switched on, and events of every kind.
Scenario busy_scenario() {
  Scenario s;
  s.weeks = 30;
  s.seed = 11;
  PlatformParams x = platform("x");
  x.initial_account = 1.0, x.initial_active = 0.7, x.initial_follows = 1.0;
  x.pull = 0.01, x.churn = 0.02, x.toxicity = 0.6, x.toxicity_sensitivity = 0.2;
  x.switching_cost = 0.2, x.lock_in = 0.5, x.delete_share = 0.1, x.rebuild = 1.0;
  x.organisation_present = true;
  PlatformParams bluesky = platform("bluesky");
  bluesky.initial_account = 0.1, bluesky.initial_active = 0.5, bluesky.initial_follows = 0.3;
  bluesky.pull = 0.005, bluesky.imitation = 0.8, bluesky.churn = 0.02, bluesky.novelty_churn = 0.2;
  bluesky.novelty_weeks = 2.0, bluesky.lock_in = 0.4, bluesky.rebuild = 0.4;
  bluesky.discovery = 0.02, bluesky.reactivation = 2.0;
  bluesky.organisation_present = true;
  PlatformParams threads = platform("threads");
  threads.pull = 0.01, threads.hype = 0.1, threads.hype_half_life = 1.5, threads.imitation = 0.3;
  threads.churn = 0.03, threads.novelty_churn = 0.3, threads.rebuild = 0.2, threads.lock_in = 0.3;
  s.platforms = {bluesky, threads, x};
  Event launch{.kind = Event::Kind::kLaunch, .week = 3, .platform = 1};
  Event announce{.kind = Event::Kind::kAnnounce,
                 .week = 5,
                 .platform = 2,
                 .targets = {0, 1},
                 .share = 0.3,
                 .weeks = 3};
  Event join{.kind = Event::Kind::kJoin, .week = 4, .platform = 1};
  Event exit{.kind = Event::Kind::kExit,
             .week = 8,
             .platform = 2,
             .targets = {0},
             .share = 0.5,
             .segments = 0b0110};
  Event toxicity{.kind = Event::Kind::kToxicity, .week = 10, .platform = 2, .value = 0.9};
  Event shock{.kind = Event::Kind::kShock,
              .week = 12,
              .platform = 0,
              .value = 0.05,
              .churn = 0.01,
              .weeks = 2};
  Event leave{.kind = Event::Kind::kLeave, .week = 15, .platform = 2};
  s.events = {launch, join, announce, exit, toxicity, shock, leave};
  return s;
}

void expect_matches_reference(const Scenario& s) {
  test::expect_matches_reference(s, small_graph());
}

TEST(WeeklyStep, MatchesTheSerialReferenceModel) {
  expect_matches_reference(busy_scenario());
}

/// Stayers (no novelty churn) and sign-ups apart from activity, on two platforms with novelty
/// churn: the kernel's stayer bits against the reference's own draws.
TEST(WeeklyStep, MatchesTheReferenceWithStayers) {
  for (const double stay_share : {0.3, 0.9}) {
    Scenario s = busy_scenario();
    s.platforms[0].stay_share = stay_share;
    s.platforms[1].stay_share = 1.0 - stay_share;
    s.platforms[1].activation = 0.5;
    s.platforms[1].hype_rise_weeks = 2.0;
    SCOPED_TRACE(testing::Message() << "stay share " << stay_share);
    expect_matches_reference(s);
  }
}

TEST(WeeklyStep, MatchesTheReferenceInEveryModelVariant) {
  for (const double memory : {0.0, 3.0}) {
    for (const auto influence :
         {ModelOptions::Influence::kNetwork, ModelOptions::Influence::kWellMixed}) {
      for (const auto contagion :
           {ModelOptions::Contagion::kSimple, ModelOptions::Contagion::kThreshold}) {
        Scenario s = busy_scenario();
        s.weeks = 12;
        s.model.memory_weeks = memory;
        s.model.influence = influence;
        s.model.contagion = contagion;
        s.model.threshold = 0.1;
        SCOPED_TRACE(testing::Message() << "memory " << memory);
        expect_matches_reference(s);
      }
    }
  }
}

/// Leaving as a contagion on X and Bluesky (the one platform X's exit sends agents to), with and
/// without lock-in, threshold and simple contagion: the kernel's `left` bits, its bound and its
/// exact hazard against the reference's.
TEST(WeeklyStep, MatchesTheReferenceWithLeaveImitation) {
  for (const double lock_in : {0.0, 0.5}) {
    for (const auto contagion :
         {ModelOptions::Contagion::kSimple, ModelOptions::Contagion::kThreshold}) {
      Scenario s = busy_scenario();
      s.weeks = 16;
      s.model.contagion = contagion;
      s.platforms[2].leave_imitation = 0.4;
      s.platforms[2].lock_in = lock_in;
      s.platforms[0].leave_imitation = 0.2;
      SCOPED_TRACE(testing::Message() << "lock-in " << lock_in);
      expect_matches_reference(s);
    }
  }
}

/// Counts kept up to date from the agents that change equal counts made afresh, for the first
/// scenario and for siblings that differ in where the organisation is and whom it gains.
TEST(WeeklyStep, CountsKeptUpToDateWithSiblingsEqualCountsAfresh) {
  const Scenario lead = busy_scenario();
  Scenario other = lead;
  other.platforms[0].discovery = 0.2;
  other.platforms[1].organisation_present = true;
  other.platforms[1].discovery = 0.1;
  const model::ModelContext context(lead, small_graph(), {lead.seed, 2});
  const model::ModelContext sibling_context(other, small_graph(), {lead.seed, 2}, context);
  model::AgentState now, next;
  model::initialise(context, now);
  next = now;
  std::vector<model::PlatformBits> follows_now = now.follows, follows_next = follows_now;
  std::vector<model::PlatformBits> fresh_next = follows_now;
  model::WeekCounts counts = model::count(context, now), sibling_counts = counts;
  model::WeekCounts sibling_next, sibling_fresh;
  std::size_t changes = 0;
  for (std::uint32_t week = 0; week < lead.weeks; ++week) {
    model::AgentState next_fresh = next;
    const model::Sibling fresh{&sibling_context, &follows_now, &fresh_next, &sibling_fresh};
    const model::WeekCounts afresh =
        model::step(context, week, now, next_fresh, std::span(&fresh, 1));
    const model::Sibling kept{&sibling_context, &follows_now, &follows_next, &sibling_next,
                              &sibling_counts};
    counts = model::step(context, week, now, next, std::span(&kept, 1), &counts);
    ASSERT_EQ(counts, afresh) << "week " << week;
    ASSERT_EQ(sibling_next, sibling_fresh) << "week " << week;
    ASSERT_EQ(follows_next, fresh_next);
    changes += sibling_next.followers != counts.followers ? 1U : 0U;
    sibling_counts = sibling_next;
    std::swap(now, next);
    std::swap(follows_now, follows_next);
  }
  EXPECT_GT(changes, 0U);  // the sibling's followers really differ from the first scenario's
}

/// Threshold contagion counts active followees whatever their age: with a week of memory it
/// spreads as with none (the definition does not vanish with short memory).
TEST(WeeklyStep, ThresholdContagionDoesNotDependOnMemory) {
  Scenario s = busy_scenario();
  s.weeks = 12;
  s.model.contagion = ModelOptions::Contagion::kThreshold;
  s.model.threshold = 0.1;
  std::vector<std::uint32_t> active;
  for (const double memory : {0.0, 1.0, 5.0}) {
    s.model.memory_weeks = memory;
    const model::ModelContext context(s, small_graph(), {s.seed, 2});
    model::AgentState now, next;
    model::initialise(context, now);
    next = now;
    model::WeekCounts counts;
    for (std::uint32_t week = 0; week < s.weeks; ++week) {
      counts = model::step(context, week, now, next);
      std::swap(now, next);
    }
    active.push_back(counts.active[0]);
  }
  EXPECT_EQ(active[0], active[1]);
  EXPECT_EQ(active[0], active[2]);
}

/// Every replicate's weekly counts and snapshots, for comparing runs.
class Recorder final : public engine::RunObserver {
 public:
  void on_snapshot(std::uint32_t replicate, std::uint32_t week,
                   const model::AgentState& state) override {
    const std::lock_guard lock(mutex_);
    snapshots[{replicate, week}] = state.ages;
  }
  void on_replicate(const engine::ReplicateSeries& series) override {
    const std::lock_guard lock(mutex_);
    for (const auto& counts : series.weeks) {
      auto& row = rows[series.replicate];
      for (const auto* values :
           {&counts.accounts, &counts.active, &counts.followers, &counts.activations,
            &counts.deactivations, &counts.flows, &counts.active_by_segment, &counts.deletions}) {
        row.insert(row.end(), values->begin(), values->end());
      }
      row.push_back(counts.active_anywhere);
    }
  }
  std::map<std::uint32_t, std::vector<std::uint32_t>> rows;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::uint64_t>> snapshots;

 private:
  std::mutex mutex_;
};

/// The busy scenario, and the same with threshold contagion and leaving as a contagion.
TEST(RunScenario, IdenticalForAnyThreadCount) {
  for (const bool contagions : {false, true}) {
    Scenario s = busy_scenario();
    s.replicates = 3;
    s.snapshot_every = 10;
    if (contagions) {
      s.model.contagion = ModelOptions::Contagion::kThreshold;
      s.platforms[2].leave_imitation = 0.3;
    }
    std::vector<Recorder> runs(3);
    const int threads[] = {1, 2, 4};
    for (std::size_t i = 0; i < 3; ++i) {
      test::with_threads(threads[i], [&] { engine::run_scenario(s, small_graph(), runs[i]); });
    }
    ASSERT_EQ(runs[0].rows.size(), 3u);
    ASSERT_EQ(runs[0].snapshots.size(), 3u * 4u);
    for (std::size_t i = 1; i < 3; ++i) {
      EXPECT_EQ(runs[i].rows, runs[0].rows) << threads[i] << " threads, " << contagions;
      EXPECT_EQ(runs[i].snapshots, runs[0].snapshots) << threads[i] << " threads, " << contagions;
    }
    EXPECT_NE(runs[0].rows.at(0), runs[0].rows.at(1));  // replicates differ
  }
}

/// Followees who leave X raise one's own hazard of leaving: with leave imitation X keeps fewer
/// active agents, and the more so the stronger it is.
TEST(RunScenario, LeaveImitationSpeedsAbandonment) {
  std::vector<double> active;
  for (const double imitation : {0.0, 0.2, 0.6}) {
    Scenario s = busy_scenario();
    s.events.clear();
    s.platforms[2].leave_imitation = imitation;
    double total = 0.0;
    for (std::uint32_t replicate = 0; replicate < 3; ++replicate)
      total += engine::run_replicate(s, small_graph(), replicate).weeks.back().active[2];
    active.push_back(total);
  }
  EXPECT_LT(active[1], active[0]);
  EXPECT_LT(active[2], active[1]);
}

TEST(RunScenario, CommonRandomNumbersAcrossScenarios) {
  // Two scenarios that differ from week 10 on (X's toxicity rises then or not at all) give
  // identical weeks 0..10, then differ.
  const Scenario a = busy_scenario();
  Scenario b = a;
  std::erase_if(b.events, [](const Event& e) { return e.kind == Event::Kind::kToxicity; });
  const auto first = engine::run_replicate(a, small_graph(), 0);
  const auto second = engine::run_replicate(b, small_graph(), 0);
  for (std::uint32_t week = 0; week <= 10; ++week) {
    EXPECT_EQ(first.weeks[week].active, second.weeks[week].active) << week;
    EXPECT_EQ(first.weeks[week].followers, second.weeks[week].followers) << week;
  }
  EXPECT_LT(first.weeks[14].active[2], second.weeks[14].active[2]);
}

TEST(RunScenario, ConservesAgentsAndFlows) {
  const Scenario s = busy_scenario();
  const auto series = engine::run_replicate(s, small_graph(), 0);
  const std::size_t p = s.platforms.size();
  const std::uint32_t n = small_graph().node_count();
  for (std::size_t week = 0; week < series.weeks.size(); ++week) {
    const auto& c = series.weeks[week];
    std::uint32_t max_active = 0;
    for (std::size_t k = 0; k < p; ++k) {
      EXPECT_LE(c.followers[k], c.active[k]);
      EXPECT_LE(c.active[k], c.accounts[k]);
      EXPECT_LE(c.accounts[k], n);
      std::uint32_t by_segment = 0, flows_in = 0;
      for (std::size_t g = 0; g < graph::kSegmentCount; ++g)
        by_segment += c.active_by_segment[g * p + k];
      for (std::size_t home = 0; home <= p; ++home)
        flows_in += c.flows[home * p + k];
      EXPECT_EQ(by_segment, c.active[k]);
      EXPECT_EQ(flows_in, c.activations[k]);
      EXPECT_LE(c.deletions[k], c.deactivations[k]);
      if (week > 0) {
        const auto& before = series.weeks[week - 1];
        EXPECT_EQ(static_cast<std::int64_t>(c.active[k]) - before.active[k],
                  static_cast<std::int64_t>(c.activations[k]) - c.deactivations[k])
            << "week " << week << " platform " << k;
      }
      max_active = std::max(max_active, c.active[k]);
    }
    EXPECT_LE(c.active_anywhere, n);
    EXPECT_GE(c.active_anywhere, max_active);
  }
}

/// One platform, nobody on it at first, no churn: adoption only.
Scenario adoption_scenario(double pull, double imitation, std::uint32_t weeks) {
  Scenario s;
  s.weeks = weeks;
  s.seed = 5;
  PlatformParams p = platform("new");
  p.pull = pull;
  p.imitation = imitation;
  s.platforms = {p};
  s.model.influence = ModelOptions::Influence::kWellMixed;
  s.model.memory_weeks = 0.0;  // every adopter keeps influencing, as in the Bass model
  return s;
}

TEST(Validation, WellMixedAdoptionFollowsTheBassRecursion) {
  // Discrete Bass: F(t+1) = F(t) + (p + q F(t)) (1 - F(t)).
  const graph::Graph graph = graph::formats::load_graph("er:n=40000,mean_degree=2,seed=1").graph;
  const double p = 0.01, q = 0.4;
  const Scenario s = adoption_scenario(p, q, 40);
  const auto series = engine::run_replicate(s, graph, 0);
  double bass = 0.0, worst = 0.0;
  for (std::uint32_t week = 1; week <= s.weeks; ++week) {
    bass += (p + q * bass) * (1.0 - bass);
    const double simulated = series.weeks[week].active[0] / 40000.0;
    worst = std::max(worst, std::abs(simulated - bass));
  }
  // Binomial noise of a share of 40,000 is below 0.0025; the recursion amplifies it a little
  // during the take-off.
  std::printf("Bass recursion: largest |simulated - recursion| share over 40 weeks: %.4f\n", worst);
  EXPECT_LT(worst, 0.015);
  EXPECT_GT(bass, 0.99);
}

TEST(Validation, SmallStepsApproachTheBassClosedForm) {
  // With p and q per week small, the weekly recursion approaches the continuous Bass curve
  // F(t) = (1 - e^{-(p+q)t}) / (1 + (q/p) e^{-(p+q)t}).
  const graph::Graph graph = graph::formats::load_graph("er:n=40000,mean_degree=2,seed=1").graph;
  const double p = 0.002, q = 0.05;
  const Scenario s = adoption_scenario(p, q, 200);
  const auto series = engine::run_replicate(s, graph, 0);
  double worst = 0.0;
  for (std::uint32_t week = 1; week <= s.weeks; ++week) {
    const double e = std::exp(-(p + q) * week);
    const double closed = (1.0 - e) / (1.0 + (q / p) * e);
    worst = std::max(worst, std::abs(series.weeks[week].active[0] / 40000.0 - closed));
  }
  std::printf("Bass closed form: largest |simulated - closed form| share over 200 weeks: %.4f\n",
              worst);
  EXPECT_LT(worst, 0.03);
}

/// The hype's share of its peak `age` weeks after the launch, as docs/model.md 3.3.2 writes it:
/// rising as (age + 1) / (rise + 1) for ages below the rise, then halving every half-life.
double hype_share(double age, double rise, double half_life) {
  return age < rise ? (age + 1.0) / (rise + 1.0) : std::exp2(-(age - rise) / half_life);
}

TEST(Validation, WithoutPeersAdoptionFollowsTheExternalHazardExactly) {
  // Imitation 0, a launch hype (at once, or rising over 2.5 weeks): P(not adopted by t) =
  // prod_s (1 - h_s), each agent independent, so the count is Binomial(n, 1 - prod) at every
  // week; check within 4.5 standard deviations over several replicates and weeks.
  const graph::Graph& graph = small_graph();
  for (const double rise : {0.0, 2.5}) {
    Scenario s = adoption_scenario(0.01, 0.0, 30);
    s.platforms[0].hype = 0.08;
    s.platforms[0].hype_half_life = 2.0;
    s.platforms[0].hype_rise_weeks = rise;
    s.events = {Event{.kind = Event::Kind::kLaunch, .week = 5, .platform = 0}};
    const double n = graph.node_count();
    int checked = 0;
    double largest_z = 0.0;
    for (std::uint32_t replicate = 0; replicate < 8; ++replicate) {
      const auto series = engine::run_replicate(s, graph, replicate);
      double none = 1.0;
      for (std::uint32_t week = 0; week < s.weeks; ++week) {
        const double h = week < 5 ? 0.0 : 0.01 + 0.08 * hype_share(week - 5.0, rise, 2.0);
        none *= 1.0 - h;
        const double share = 1.0 - none;
        const double expected = n * share, sd = std::sqrt(n * share * (1.0 - share));
        if (week < 5) {
          EXPECT_EQ(series.weeks[week + 1].active[0], 0u);
          continue;
        }
        EXPECT_NEAR(series.weeks[week + 1].active[0], expected, 4.5 * sd + 1e-9) << week;
        largest_z = std::max(largest_z, std::abs(series.weeks[week + 1].active[0] - expected) / sd);
        ++checked;
      }
    }
    EXPECT_EQ(checked, 8 * 25);
    std::printf(
        "external hazard, rise %.1f weeks: largest deviation %.2f standard deviations "
        "over %d checks\n",
        rise, largest_z, checked);
  }
}

TEST(Validation, StayersKeepTheSurvivalPlateauOfTheNoveltyChurn) {
  // Everyone adopts in the launch week (hazard 1), nobody can come back (the hype is gone a
  // week later, no pull), no churn but the novelty churn nu e^(-g / V): the share still active
  // g weeks later is beta + (1 - beta) prod_{a < g} (1 - nu e^(-a / V)), beta the stay share.
  const graph::Graph& graph = small_graph();
  const double nu = 0.9, time_constant = 3.0, beta = 0.35;
  Scenario s = adoption_scenario(0.0, 0.0, 26);
  s.platforms[0].hype = 1.0;
  s.platforms[0].hype_half_life = 0.01;
  s.platforms[0].novelty_churn = nu;
  s.platforms[0].novelty_weeks = time_constant;
  s.platforms[0].stay_share = beta;
  s.events = {Event{.kind = Event::Kind::kLaunch, .week = 1, .platform = 0}};
  const double n = graph.node_count();
  double largest_z = 0.0;
  for (std::uint32_t replicate = 0; replicate < 6; ++replicate) {
    const auto series = engine::run_replicate(s, graph, replicate);
    ASSERT_EQ(series.weeks[2].active[0], n);
    double others = 1.0;  // the survival of an agent who is not a stayer
    for (std::uint32_t age = 0; age + 2 < s.weeks; ++age) {
      const double novelty = nu * std::exp(-static_cast<double>(age) / time_constant);
      others *= 1.0 - static_cast<double>(static_cast<float>(novelty));
      const double share = beta + (1.0 - beta) * others;
      // Both draws are binomial: the stayers among n, and the survivors among the others.
      const double sd = std::sqrt(n * (beta * (1.0 - beta) * (1.0 - others) * (1.0 - others) +
                                       (1.0 - beta) * others * (1.0 - others)));
      const double simulated = series.weeks[age + 3].active[0];
      EXPECT_NEAR(simulated, n * share, 4.5 * sd + 1e-9) << age;
      largest_z = std::max(largest_z, std::abs(simulated - n * share) / sd);
    }
    // Late on almost only the stayers remain: the plateau is their share.
    ASSERT_LT(others, 0.01);
    EXPECT_NEAR(series.weeks[s.weeks].active[0] / n, beta, 4.5 * std::sqrt(beta * (1 - beta) / n));
  }
  std::printf("stayers: largest deviation %.2f standard deviations\n", largest_z);
}

}  // namespace
