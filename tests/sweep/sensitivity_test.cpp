// Sensitivity estimators on functions whose indices are known in closed form: the Ishigami
// function and the Sobol G-function (first-order and total Sobol indices), and Morris effects
// on a linear function.

#include "sim/sweep/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace {

using namespace sim::sweep;

SweepSpec unit_spec(DesignKind kind, std::size_t parameters, std::uint64_t samples) {
  SweepSpec spec;
  spec.design = kind;
  spec.samples = samples;
  for (std::size_t j = 0; j < parameters; ++j)
    spec.parameters.push_back({"x" + std::to_string(j), 0.0, 1.0, {}, 0});
  return spec;
}

template <class Function>
std::vector<double> evaluate(const Design& design, Function f) {
  std::vector<double> out;
  for (const auto& u : design.unit)
    out.push_back(f(u));
  return out;
}

TEST(Sensitivity, IshigamiIndicesMatchTheory) {
  // f = sin x1 + 7 sin^2 x2 + 0.1 x3^4 sin x1, x_i uniform on [-pi, pi].
  const Design design = make_design(unit_spec(DesignKind::kSobol, 3, 8192));
  const auto f = evaluate(design, [](const std::vector<double>& u) {
    const double pi = std::numbers::pi;
    const double x1 = -pi + 2 * pi * u[0], x2 = -pi + 2 * pi * u[1], x3 = -pi + 2 * pi * u[2];
    return std::sin(x1) + 7.0 * std::pow(std::sin(x2), 2) + 0.1 * std::pow(x3, 4) * std::sin(x1);
  });
  const SobolIndices s = sobol_indices(f, 3, 200, 1);
  const double first[] = {0.3139, 0.4424, 0.0}, total[] = {0.5576, 0.4424, 0.2437};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NEAR(s.first[i].estimate, first[i], 0.02) << i;
    EXPECT_NEAR(s.total[i].estimate, total[i], 0.02) << i;
    // The 90% bootstrap interval covers the truth (up to a small margin) and has width.
    EXPECT_LE(s.first[i].low, first[i] + 0.01) << i;
    EXPECT_GE(s.first[i].high, first[i] - 0.01) << i;
    EXPECT_LT(s.total[i].low, s.total[i].high) << i;
  }
}

TEST(Sensitivity, SobolGFunctionIndicesMatchTheory) {
  // g = prod (|4 x_i - 2| + a_i) / (1 + a_i); V_i = 1 / (3 (1 + a_i)^2).
  const std::vector<double> a{0.0, 1.0, 4.5, 9.0, 99.0, 99.0};
  const std::size_t d = a.size();
  const Design design = make_design(unit_spec(DesignKind::kSobol, d, 8192));
  const auto f = evaluate(design, [&](const std::vector<double>& u) {
    double g = 1.0;
    for (std::size_t i = 0; i < d; ++i)
      g *= (std::abs(4.0 * u[i] - 2.0) + a[i]) / (1.0 + a[i]);
    return g;
  });
  std::vector<double> partial(d);
  double product = 1.0;
  for (std::size_t i = 0; i < d; ++i) {
    partial[i] = 1.0 / (3.0 * (1.0 + a[i]) * (1.0 + a[i]));
    product *= 1.0 + partial[i];
  }
  const double variance = product - 1.0;
  const SobolIndices s = sobol_indices(f, d, 100, 2);
  for (std::size_t i = 0; i < d; ++i) {
    const double first = partial[i] / variance;
    const double total = partial[i] * product / (1.0 + partial[i]) / variance;
    EXPECT_NEAR(s.first[i].estimate, first, 0.03) << i;
    EXPECT_NEAR(s.total[i].estimate, total, 0.03) << i;
  }
  // Ranking: x1 matters most, x5 and x6 hardly.
  EXPECT_GT(s.total[0].estimate, s.total[1].estimate);
  EXPECT_LT(s.total[5].estimate, 0.01);
}

TEST(Sensitivity, MorrisEffectsOfALinearFunctionAreItsSlopes) {
  const Design design = make_design(unit_spec(DesignKind::kMorris, 3, 20));
  const auto f = evaluate(
      design, [](const std::vector<double>& u) { return 3.0 * u[0] - 2.0 * u[1] + 0.0 * u[2]; });
  const MorrisEffects m = morris_effects(design, f);
  EXPECT_NEAR(m.mu[0], 3.0, 1e-9);
  EXPECT_NEAR(m.mu[1], -2.0, 1e-9);
  EXPECT_NEAR(m.mu_star[1], 2.0, 1e-9);
  EXPECT_NEAR(m.mu_star[2], 0.0, 1e-12);
  EXPECT_NEAR(m.sigma[0], 0.0, 1e-9);  // linear: the same effect everywhere
}

TEST(Sensitivity, MorrisSeesInteractionsAsSpread) {
  const Design design = make_design(unit_spec(DesignKind::kMorris, 2, 40));
  const auto f = evaluate(design, [](const std::vector<double>& u) { return u[0] * u[1]; });
  const MorrisEffects m = morris_effects(design, f);
  EXPECT_GT(m.sigma[0], 0.1);
  EXPECT_GT(m.mu_star[0], 0.1);
}

TEST(Sensitivity, ConstantOutputsGiveZeroIndices) {
  const Design design = make_design(unit_spec(DesignKind::kSobol, 2, 64));
  const SobolIndices s = sobol_indices(std::vector<double>(design.points(), 5.0), 2, 10, 1);
  EXPECT_EQ(s.first[0].estimate, 0.0);
  EXPECT_EQ(s.total[1].estimate, 0.0);
}

}  // namespace
