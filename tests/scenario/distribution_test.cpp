// Distributions of uncertain parameters: each family's draws follow it (Kolmogorov-Smirnov over
// 10^4 worlds, at a level of 1e-6 so that the fixed seed cannot sit near the bound by chance),
// truncation keeps draws inside the range, and bad distributions are refused with their key.

#include "sim/scenario/distribution.hpp"

#include <gtest/gtest.h>

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

#include "sim/scenario/priors_file.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace sim::scenario {
namespace {

constexpr int kDraws = 10000;
const std::string kScenario = TREK_SOURCE_DIR "/scenarios/ghent/stay_on_x.toml";

std::vector<double> draws(const Distribution& d, const std::string& key) {
  std::vector<double> values;
  for (std::uint32_t world = 0; world < kDraws; ++world)
    values.push_back(quantile(d, world_uniform(7, world, key)));
  std::sort(values.begin(), values.end());
  return values;
}

/// The Kolmogorov-Smirnov distance between sorted draws and a distribution function.
double ks_distance(const std::vector<double>& sorted, const std::function<double(double)>& cdf) {
  double distance = 0.0;
  const auto n = static_cast<double>(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double f = cdf(sorted[i]);
    distance = std::max({distance, std::abs(f - static_cast<double>(i) / n),
                         std::abs(static_cast<double>(i + 1) / n - f)});
  }
  return distance;
}

// sqrt(-ln(alpha / 2) / (2 n)) at alpha = 1e-6.
const double kBound = std::sqrt(-std::log(0.5e-6) / (2.0 * kDraws));

TEST(Distribution, UniformTriangularAndBetaFollowTheirLaws) {
  const Distribution uniform{Family::kUniform, {0.01, 0.1}, 0.0, 1.0};
  EXPECT_LT(ks_distance(draws(uniform, "a"), [](double x) { return (x - 0.01) / 0.09; }), kBound);
  const Distribution triangle{Family::kTriangular, {0.0, 0.2, 1.0}, 0.0, 1.0};
  const auto triangular_cdf = [](double x) {
    return x < 0.2 ? x * x / 0.2 : 1.0 - (1.0 - x) * (1.0 - x) / 0.8;
  };
  EXPECT_LT(ks_distance(draws(triangle, "b"), triangular_cdf), kBound);
  const Distribution beta{Family::kBeta, {2.0, 5.0}, 0.0, 1.0};
  const boost::math::beta_distribution<double> law(2.0, 5.0);
  EXPECT_LT(ks_distance(draws(beta, "c"), [&](double x) { return boost::math::cdf(law, x); }),
            kBound);
}

TEST(Distribution, NormalAndLognormalAreTruncatedToTheRange) {
  const Distribution normal{Family::kNormal, {0.005, 0.004}, 0.0, 1.0};
  const boost::math::normal_distribution<double> n(0.005, 0.004);
  const double below = boost::math::cdf(n, 0.0);
  const auto values = draws(normal, "d");
  EXPECT_GE(values.front(), 0.0);  // about 11% of the untruncated mass lies below 0
  EXPECT_LT(
      ks_distance(values, [&](double x) { return (boost::math::cdf(n, x) - below) / (1 - below); }),
      kBound);
  const Distribution lognormal{Family::kLognormal, {0.3, 1.0}, 0.0, 1.0};
  const boost::math::lognormal_distribution<double> l(std::log(0.3), 1.0);
  const double inside = boost::math::cdf(l, 1.0);
  const auto positive = draws(lognormal, "e");
  EXPECT_LE(positive.back(), 1.0);
  EXPECT_LT(ks_distance(positive, [&](double x) { return boost::math::cdf(l, x) / inside; }),
            kBound);
}

TEST(Distribution, ChoiceTakesEachValueEquallyOften) {
  const Distribution choice{Family::kChoice, {1.0, 2.0, 4.0, 8.0}, 0.0, 10.0};
  const auto values = draws(choice, "f");
  for (const double v : {1.0, 2.0, 4.0, 8.0}) {
    const auto count = std::count(values.begin(), values.end(), v);
    // Binomial(10^4, 1/4): sd 43; 6 sd cannot be crossed by chance.
    EXPECT_NEAR(static_cast<double>(count), kDraws / 4.0, 6 * 43.3) << v;
  }
}

TEST(Distribution, DegenerateOnesGiveTheirPointExactly) {
  for (const Distribution& d : {Distribution{Family::kUniform, {0.07, 0.07}, 0, 1},
                                Distribution{Family::kNormal, {0.07, 0}, 0, 1},
                                Distribution{Family::kLognormal, {0.07, 0}, 0, 1},
                                Distribution{Family::kTriangular, {0.07, 0.07, 0.07}, 0, 1},
                                Distribution{Family::kChoice, {0.07}, 0, 1}}) {
    for (const double u : {1e-9, 0.3, 0.999999})
      EXPECT_EQ(quantile(d, u), 0.07) << describe(d);
  }
}

TEST(Distribution, ScenarioValuesMayBeDistributionsInFilesAndThroughSet) {
  const Scenario s = read_scenario(kScenario, {"platforms.x.feed_reach={ uniform = [0.01, 0.1] }",
                                               "platforms.x.churn={ normal = [0.005, 0.003] }"});
  ASSERT_EQ(s.uncertain.size(), 2u);
  const auto x = static_cast<std::size_t>(s.platform_index("x"));
  EXPECT_DOUBLE_EQ(s.platforms[x].feed_reach, 0.055);  // the median stands in for the value
  EXPECT_EQ(s.uncertain[1].key, "platforms.x.feed_reach");
  EXPECT_EQ(describe(s.uncertain[1].distribution), "uniform [0.01, 0.1]");
  // A later value fixes it again.
  EXPECT_TRUE(read_scenario(kScenario, {"platforms.x.feed_reach={ uniform = [0.01, 0.1] }",
                                        "platforms.x.feed_reach=0.05"})
                  .uncertain.empty());
}

std::string error_of(const std::string& override_text) {
  try {
    read_scenario(kScenario, {override_text});
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "";
}

TEST(Distribution, BadDistributionsAreRefusedWithTheirKey) {
  const auto contains = [](const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  };
  std::string e = error_of("platforms.x.feed_reach={ unifrom = [0.01, 0.1] }");
  EXPECT_TRUE(contains(e, "platforms.x.feed_reach") && contains(e, "did you mean 'uniform'")) << e;
  e = error_of("platforms.x.feed_reach={ uniform = [0.5, 2] }");
  EXPECT_TRUE(contains(e, "outside [0, 1]")) << e;
  e = error_of("platforms.x.feed_reach={ normal = [0.5] }");
  EXPECT_TRUE(contains(e, "takes 2 numbers")) << e;
  e = error_of("platforms.x.feed_reach={ uniform = [0.2, 0.1] }");
  EXPECT_TRUE(contains(e, "min <= max")) << e;
  e = error_of("platforms.x.feed_reach={ normal = [2, 0.1] }");
  EXPECT_TRUE(contains(e, "mean 2 lies outside")) << e;
  e = error_of("reach.posts={ uniform = [1, 4] }");
  EXPECT_TRUE(contains(e, "whole number")) << e;
  e = error_of("platforms.x.feed_reach={ uniform = [0.1, 0.2], normal = [0.1, 0.1] }");
  EXPECT_TRUE(contains(e, "one family")) << e;
  e = error_of("kind=\"what-if\"");  // stay_on_x is the baseline
  EXPECT_TRUE(contains(e, "kind") && contains(e, "cannot be the baseline")) << e;
}

TEST(Distribution, APriorsFileBecomesOverridesAndNamesItsBadLines) {
  const test::TempDir dir;
  test::write_text(dir.path("p.toml"),
                   "[platforms.x]\nfeed_reach = { lognormal = [0.03, 0.6] }\nchurn = 0.007\n");
  const auto overrides = priors_overrides(dir.path("p.toml"));
  ASSERT_EQ(overrides.size(), 2u);  // in key order
  EXPECT_EQ(overrides[0], "platforms.x.churn=0.0070000000000000001");
  EXPECT_EQ(overrides[1],
            "platforms.x.feed_reach={ lognormal = [0.029999999999999999, 0.59999999999999998] }");
  const Scenario s = read_scenario(kScenario, overrides);
  ASSERT_EQ(s.uncertain.size(), 1u);
  EXPECT_EQ(describe(s.uncertain[0].distribution), "lognormal [0.03, 0.6]");
  // The Ghent priors read and check against every Ghent scenario.
  const auto ghent = priors_overrides(TREK_SOURCE_DIR "/scenarios/ghent/common/priors.toml");
  EXPECT_GT(read_scenario(kScenario, ghent).uncertain.size(), 30u);
  test::write_text(dir.path("bad.toml"), "[platforms.x]\n\nfeed_reach = \"high\"\n");
  try {
    priors_overrides(dir.path("bad.toml"));
    FAIL() << "a string was taken as a prior";
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:3"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("platforms.x.feed_reach"), std::string::npos);
  }
}

}  // namespace
}  // namespace sim::scenario
