// The plan search's surrogate: the Gaussian process interpolates a smooth function and is sure
// where it has data, Nelder-Mead finds a known minimum, and expected improvement has its closed
// form.

#include "sim/optimize/gaussian_process.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "sim/optimize/search.hpp"
#include "sim/util/nelder_mead.hpp"

namespace {

using sim::optimize::GaussianProcess;

TEST(GaussianProcess, InterpolatesASmoothFunction) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i <= 12; ++i) {
    const double u = i / 12.0;
    x.push_back({u});
    y.push_back(std::sin(6.0 * u) + 2.0);
  }
  const GaussianProcess gp = GaussianProcess::fit(x, y);
  for (const double u : {0.04, 0.37, 0.55, 0.91}) {
    const auto p = gp.predict({u});
    EXPECT_NEAR(p.mean, std::sin(6.0 * u) + 2.0, 0.02) << u;
  }
  // Sure at the data, less sure between them, and unsure far outside.
  EXPECT_LT(gp.predict({0.5}).sd, gp.predict({0.5 + 1.0 / 24}).sd + 1e-12);
  EXPECT_GT(gp.predict({3.0}).sd, 10.0 * gp.predict({0.5 + 1.0 / 24}).sd);
}

TEST(GaussianProcess, LearnsThatAnInputDoesNotMatter) {
  // y depends on the first input only: the second one's length scale grows past the first's.
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 5; ++i) {
    for (int j = 0; j < 5; ++j) {
      x.push_back({i / 4.0, j / 4.0});
      y.push_back(std::cos(3.0 * i / 4.0));
    }
  }
  const GaussianProcess gp = GaussianProcess::fit(x, y);
  EXPECT_GT(gp.length_scales()[1], 3.0 * gp.length_scales()[0]);
}

TEST(GaussianProcess, KrigingBelieverShrinksTheSpreadAtTheAddedPoint) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (const double u : {0.0, 0.2, 0.4, 0.8, 1.0}) {
    x.push_back({u});
    y.push_back(std::sin(4.0 * u));
  }
  GaussianProcess gp = GaussianProcess::fit(x, y);
  const double before = gp.predict({0.6}).sd;
  gp.add({0.6}, gp.predict({0.6}).mean);
  EXPECT_LT(gp.predict({0.6}).sd, 0.5 * before);
  EXPECT_NEAR(gp.predict({0.6}).mean, std::sin(2.4), 0.05);
}

TEST(NelderMead, FindsTheMinimumOfAQuadratic) {
  const auto f = [](const std::vector<double>& x) {
    return (x[0] - 1.5) * (x[0] - 1.5) + 3.0 * (x[1] + 0.5) * (x[1] + 0.5) + 2.0;
  };
  const sim::util::Minimum m = sim::util::nelder_mead(f, {0.0, 0.0}, 0.5, 2000, 1e-14);
  EXPECT_NEAR(m.x[0], 1.5, 1e-4);
  EXPECT_NEAR(m.x[1], -0.5, 1e-4);
  EXPECT_NEAR(m.value, 2.0, 1e-8);
}

TEST(ExpectedImprovement, HasItsClosedForm) {
  using sim::optimize::expected_improvement;
  EXPECT_DOUBLE_EQ(expected_improvement(3.0, 0.0, 1.0), 2.0);
  EXPECT_DOUBLE_EQ(expected_improvement(0.0, 0.0, 1.0), 0.0);
  // At mean == best: sd * phi(0).
  EXPECT_NEAR(expected_improvement(1.0, 2.0, 1.0), 2.0 / std::sqrt(2.0 * M_PI), 1e-12);
  // Improvement grows with the spread.
  EXPECT_GT(expected_improvement(0.0, 2.0, 1.0), expected_improvement(0.0, 1.0, 1.0));
}

}  // namespace
