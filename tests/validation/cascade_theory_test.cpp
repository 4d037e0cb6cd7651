// The cascade kernels against theory on large random graphs (label `validation`): bond percolation
// on Erdős–Rényi and configuration-model graphs, the seeded final size, and Watts's cascade window.
// Tolerances: 4 Monte Carlo standard errors plus a finite-size allowance stated at each check.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "sim/cascade/study.hpp"
#include "sim/cascade/summary.hpp"
#include "sim/cascade/theory.hpp"
#include "sim/graph/generators/config.hpp"
#include "sim/graph/generators/er.hpp"

namespace {

using namespace sim;

cascade::SizeSummary single_seed_ic(const graph::Graph& graph, double p, std::uint64_t samples,
                                    std::uint32_t share = 1, bool count_rounds = true) {
  cascade::CascadeStudy study;
  study.transmission = cascade::Transmission::uniform(p);
  study.seeds = cascade::parse_seed_rule("random:1");
  study.samples = samples;
  study.cascades_per_live_graph = share;
  study.count_rounds = count_rounds;
  study.run = {2002, 0};
  return cascade::summarise(cascade::run_study(graph, study), 0.05, {}, share);
}

// On G(n, z/n) a single seed starts a large cascade with probability S and then reaches a share S,
// where S = 1 - exp(-z p S). n = 20,000, z = 5, p = 0.4: S = 0.7968.
TEST(PercolationTheory, ErdosRenyiSingleSeed) {
  const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 20000, .mean_degree = 5.0, .directed = false, .seed = 1});
  const double z = static_cast<double>(graph.arc_count()) / graph.node_count();
  const double S = cascade::theory::poisson_giant_share(z, 0.4);
  for (const auto& [share, rounds] :
       {std::pair{1u, true}, std::pair{64u, true}, std::pair{64u, false}}) {
    const auto s = single_seed_ic(graph, 0.4, share == 1 ? 2000 : 6400, share, rounds);
    std::printf(
        "ER z=%.4f p=0.4 share=%u rounds=%d: S=%.4f  P(large)=%.4f +- %.4f  large share=%.4f\n", z,
        share, rounds ? 1 : 0, S, s.p_large, s.p_large_se, s.large_mean_fraction);
    EXPECT_NEAR(s.p_large, S, 4 * s.p_large_se + 0.005) << "share " << share;
    // The giant's size fluctuates little between live graphs (sd ~ 1/sqrt(n)); 0.005 covers
    // finite-size bias.
    EXPECT_NEAR(s.large_mean_fraction, S, 0.005) << "share " << share;
  }
}

// Each node a seed with probability rho: share reached = 1 - (1 - rho) exp(z (theta - 1)), with
// theta = 1 - p + p (1 - rho) exp(z (theta - 1)). Below (p = 0.15) and above (p = 0.4) threshold.
TEST(PercolationTheory, ErdosRenyiSeedFraction) {
  const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 20000, .mean_degree = 5.0, .directed = false, .seed = 2});
  const double z = static_cast<double>(graph.arc_count()) / graph.node_count();
  for (const auto& [p, rho] : {std::pair{0.15, 0.02}, std::pair{0.4, 0.01}}) {
    cascade::CascadeStudy study;
    study.transmission = cascade::Transmission::uniform(p);
    study.seeds = cascade::parse_seed_rule("fraction:" + std::to_string(rho));
    study.samples = 200;
    const auto s = cascade::summarise(cascade::run_study(graph, study), 0.05, {});
    const double expected = cascade::theory::poisson_seeded_share(z, p, rho);
    const double share = s.mean / graph.node_count();
    std::printf("ER z=%.4f p=%.2f rho=%.2f: theory %.4f  observed %.4f +- %.4f\n", z, p, rho,
                expected, share, s.std_error / graph.node_count());
    // Finite-size allowance 0.004: loops (short cycles) in a finite graph lower the share a little.
    EXPECT_NEAR(share, expected, 4 * s.std_error / graph.node_count() + 0.004) << "p " << p;
  }
}

// A power-law configuration model (gamma 2.7, kmin 2): generating functions of its realised
// degree sequence predict P(large) and the large share.
TEST(PercolationTheory, ConfigurationModelGeneratingFunctions) {
  graph::generators::ConfigParams params;
  params.nodes = 20000;
  params.exponent = 2.7;
  params.min_degree = 2;
  params.seed = 3;
  const graph::Graph graph = graph::generators::generate_config(params);
  std::vector<double> nodes_by_degree;
  for (graph::NodeId v = 0; v < graph.node_count(); ++v) {
    const auto k = graph.follower_count(v);
    if (nodes_by_degree.size() <= k) nodes_by_degree.resize(k + 1, 0.0);
    nodes_by_degree[k] += 1.0;
  }
  for (const double p : {0.3, 0.5}) {
    const double S = cascade::theory::configuration_giant_share(nodes_by_degree, p);
    const auto s = single_seed_ic(graph, p, 2000);
    std::printf("config p=%.1f: S=%.4f  P(large)=%.4f +- %.4f  large share=%.4f\n", p, S, s.p_large,
                s.p_large_se, s.large_mean_fraction);
    EXPECT_NEAR(s.p_large, S, 4 * s.p_large_se + 0.01) << "p " << p;
    EXPECT_NEAR(s.large_mean_fraction, S, 0.01) << "p " << p;
  }
}

double global_cascade_frequency(double z, double phi, std::uint64_t samples) {
  double frequency = 0.0;
  const graph::Graph graph = graph::generators::generate_er(
      {.nodes = 10000, .mean_degree = z, .directed = false, .seed = 4});
  cascade::CascadeStudy study;
  study.model = cascade::CascadeStudy::Model::kThreshold;
  study.threshold.mean = phi;
  study.seeds = cascade::parse_seed_rule("random:1");
  study.samples = samples;
  frequency = cascade::summarise(cascade::run_study(graph, study), 0.1, {}).p_large;
  std::printf("Watts phi=%.2f z=%.1f: margin %+.3f  global cascades %.4f\n", phi, z,
              cascade::theory::watts_margin(z, phi), frequency);
  return frequency;
}

// Watts (2002): with phi = 0.18, single seeds trigger global cascades (> 10% of nodes) for mean
// degrees inside the analytical window (1.02, 5.76), and not outside it.
TEST(WattsTheory, GlobalCascadesInsideTheWindowOnly) {
  const auto [low, high] = cascade::theory::watts_window(0.18);
  EXPECT_NEAR(low, 1.02, 0.01);
  EXPECT_NEAR(high, 5.76, 0.01);
  for (const double z : {2.0, 4.0}) {
    EXPECT_GT(cascade::theory::watts_margin(z, 0.18), 0.0);
    EXPECT_GT(global_cascade_frequency(z, 0.18, 400), 0.05) << "inside, z = " << z;
  }
  for (const double z : {0.7, 9.0}) {
    EXPECT_LT(cascade::theory::watts_margin(z, 0.18), 0.0);
    EXPECT_LT(global_cascade_frequency(z, 0.18, 400), 0.005) << "outside, z = " << z;
  }
}

}  // namespace
