// Simple against complex contagion (docs/validation.md, "Contagion options"): on a ring lattice
// and a random regular graph of the same degree, threshold contagion spreads faster on the
// clustered lattice and simple contagion on the random graph (Centola 2010). A small version of
// analysis/contagion_check.py, with one platform shaped like the Ghent defaults' Bluesky.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/config.hpp"
#include "sim/graph/generators/ws.hpp"

namespace {

using namespace sim;
using scenario::ModelOptions;

constexpr graph::NodeId kAgents = 20000;
constexpr std::uint32_t kDegree = 10;

scenario::Scenario adoption(ModelOptions::Contagion contagion, double threshold) {
  scenario::Scenario s;
  s.weeks = 52;
  s.seed = 5;
  s.model.contagion = contagion;
  s.model.threshold = threshold;
  scenario::PlatformParams p;
  p.name = "bluesky";  // the Ghent defaults' values
  p.initial_account = 0.05, p.initial_active = 0.4, p.pull = 0.0005, p.imitation = 0.5;
  p.churn = 0.01, p.novelty_churn = 0.1, p.novelty_weeks = 2.0;
  s.platforms = {p};
  s.reach.posts = 0;
  return s;
}

/// Agents active at the last week, summed over replicates.
double adopters(const scenario::Scenario& s, const graph::Graph& graph) {
  double total = 0.0;
  for (std::uint32_t replicate = 0; replicate < 6; ++replicate)
    total += engine::run_replicate(s, graph, replicate).weeks.back().active[0];
  return total;
}

struct Graphs {
  graph::Graph lattice, random;
};

const Graphs& graphs() {
  static const Graphs g = [] {
    graph::generators::WsParams ws;
    ws.nodes = kAgents, ws.neighbours = kDegree, ws.rewire = 0.0, ws.seed = 1;
    graph::generators::ConfigParams config;
    config.degrees.assign(kAgents, kDegree);
    config.seed = 1;
    return Graphs{graph::generators::generate_ws(ws), graph::generators::generate_config(config)};
  }();
  return g;
}

TEST(Contagion, ComplexSpreadsFasterOnTheClusteredGraph) {
  const auto s = adoption(ModelOptions::Contagion::kThreshold, 0.3);
  const double lattice = adopters(s, graphs().lattice), random = adopters(s, graphs().random);
  // Measured: 13.9% of the agents on the lattice against 3.1% on the random graph at week 52
  // (the Ghent comparison at full size, docs/validation.md: 14.8% against 3.3%).
  EXPECT_GT(lattice, 2.0 * random) << lattice << " on the lattice, " << random << " random";
}

TEST(Contagion, SimpleSpreadsFasterOnTheRandomGraph) {
  const auto s = adoption(ModelOptions::Contagion::kSimple, 0.3);
  const double lattice = adopters(s, graphs().lattice), random = adopters(s, graphs().random);
  // Measured: 5.1% against 5.6% at week 52 (about four standard errors of the difference of
  // six replicates apart); the Ghent comparison at full size gives the same, 5.1% and 5.6%.
  EXPECT_LT(lattice, random) << lattice << " on the lattice, " << random << " random";
}

/// Leaving as a contagion in its analytic limit: on a complete graph, with everyone active at
/// first and nobody coming back, an active agent's share of followees who left is
/// (n - A) / (n - 1), so the expected number active follows the recursion
/// A(t+1) = A(t) (1 - c - chi (n - A(t)) / (n - 1)) (the discrete irSIR abandonment of
/// Cannarella and Spechler 2014, without adoption).
TEST(Contagion, LeavingOnACompleteGraphFollowsTheIrSirRecursion) {
  constexpr double kCompleteAgents = 1000, kChurn = 0.01, kImitation = 0.05;
  const graph::Graph complete = graph::formats::load_graph("er:n=1000,mean_degree=999").graph;
  ASSERT_EQ(complete.arc_count(), 999000u);
  scenario::Scenario s;
  s.weeks = 60;
  s.seed = 9;
  scenario::PlatformParams x;
  x.name = "x";
  x.initial_account = 1.0, x.initial_active = 1.0, x.churn = kChurn;
  x.leave_imitation = kImitation;
  s.platforms = {x};
  s.reach.posts = 0;
  constexpr std::uint32_t kReplicates = 64;
  std::vector<double> mean(s.weeks + 1, 0.0);
  for (std::uint32_t replicate = 0; replicate < kReplicates; ++replicate) {
    const auto series = engine::run_replicate(s, complete, replicate);
    for (std::uint32_t week = 0; week <= s.weeks; ++week)
      mean[week] += series.weeks[week].active[0] / (kCompleteAgents * kReplicates);
  }
  double active = kCompleteAgents, worst = 0.0;
  for (std::uint32_t week = 1; week <= s.weeks; ++week) {
    active *= 1.0 - kChurn - kImitation * (kCompleteAgents - active) / (kCompleteAgents - 1.0);
    worst = std::max(worst, std::abs(mean[week] - active / kCompleteAgents));
  }
  std::printf(
      "irSIR recursion: largest |simulated - recursion| share over 60 weeks: %.4f "
      "(share active at week 60: %.3f)\n",
      worst, active / kCompleteAgents);
  // Measured: 0.0032 with 64 replicates (0.0099 with 16: the take-off's timing noise).
  EXPECT_LT(worst, 0.008);
  // The contagion, not the churn, empties the platform: churn alone would keep 0.99^60 = 55%.
  EXPECT_LT(mean[s.weeks], 0.5 * std::pow(1.0 - kChurn, s.weeks));
}

}  // namespace
