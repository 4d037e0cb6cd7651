#include "sim/rng/distributions.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "sim/rng/philox.hpp"

namespace sim::rng {
namespace {

constexpr int kSamples = 200000;

RandomStream stream_for(std::uint64_t entity) {
  return RandomStream({2024, 0}, {.stream = Stream::kGraphArcs, .entity = entity});
}

struct Moments {
  double mean = 0, variance = 0;
};

template <class Draw>
Moments moments(Draw&& draw) {
  double sum = 0, squares = 0;
  for (int i = 0; i < kSamples; ++i) {
    const double x = draw();
    sum += x;
    squares += x * x;
  }
  const double mean = sum / kSamples;
  return {mean, squares / kSamples - mean * mean};
}

// Tolerances are five standard errors: a correct transform passes, a biased one fails.
double tolerance(double sd) {
  return 5.0 * sd / std::sqrt(double(kSamples));
}

TEST(Uniform, HasMeanHalfAndVarianceOneTwelfth) {
  auto s = stream_for(1);
  const auto m = moments([&] { return uniform01(s); });
  EXPECT_NEAR(m.mean, 0.5, tolerance(std::sqrt(1.0 / 12)));
  EXPECT_NEAR(m.variance, 1.0 / 12, 0.002);
}

TEST(Uniform, StaysInRange) {
  EXPECT_EQ(to_unit(0), 0.0);
  EXPECT_LT(to_unit(~0ULL), 1.0);
  EXPECT_GT(to_unit_open(0), 0.0);
  EXPECT_EQ(to_unit_open(~0ULL), 1.0);
}

TEST(Uniform, PassesAChiSquareTestOnTwentyBins) {
  auto s = stream_for(2);
  std::array<int, 20> bins{};
  for (int i = 0; i < kSamples; ++i)
    ++bins[static_cast<std::size_t>(uniform01(s) * 20)];
  double chi2 = 0;
  const double expected = kSamples / 20.0;
  for (int count : bins)
    chi2 += (count - expected) * (count - expected) / expected;
  EXPECT_LT(chi2, 43.8);  // 99.9% quantile of chi-square with 19 degrees of freedom
}

TEST(Bernoulli, HitsItsProbability) {
  auto s = stream_for(3);
  const auto m = moments([&] { return bernoulli(s, 0.3) ? 1.0 : 0.0; });
  EXPECT_NEAR(m.mean, 0.3, tolerance(std::sqrt(0.21)));
  auto t = stream_for(4);
  EXPECT_FALSE(bernoulli(t, 0.0));
  EXPECT_TRUE(bernoulli(t, 1.0));
}

TEST(Exponential, HasMeanOneOverRate) {
  auto s = stream_for(5);
  const auto m = moments([&] { return exponential(s, 4.0); });
  EXPECT_NEAR(m.mean, 0.25, tolerance(0.25));
  EXPECT_NEAR(m.variance, 0.0625, 0.003);
}

TEST(Normal, HasItsMeanAndVariance) {
  auto s = stream_for(6);
  const auto m = moments([&] { return normal(s, 2.0, 3.0); });
  EXPECT_NEAR(m.mean, 2.0, tolerance(3.0));
  EXPECT_NEAR(m.variance, 9.0, 0.15);
}

TEST(Below, IsUniformOverItsRange) {
  auto s = stream_for(7);
  std::array<int, 7> counts{};
  for (int i = 0; i < kSamples; ++i)
    ++counts[below(s, 7)];
  for (int count : counts)
    EXPECT_NEAR(count, kSamples / 7.0, 5 * std::sqrt(kSamples / 7.0));
}

TEST(IntegerRange, CoversBothEnds) {
  auto s = stream_for(8);
  bool low = false, high = false;
  for (int i = 0; i < 10000; ++i) {
    const auto x = integer_range(s, -3, 3);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 3);
    low |= x == -3;
    high |= x == 3;
  }
  EXPECT_TRUE(low && high);
}

TEST(GeometricSkip, HasMeanFailuresBeforeSuccess) {
  auto s = stream_for(9);
  const double p = 0.2;
  const GeometricSkip skip(p);
  const auto m = moments([&] { return static_cast<double>(skip(s.next())); });
  const double mean = (1 - p) / p, sd = std::sqrt(1 - p) / p;
  EXPECT_NEAR(m.mean, mean, tolerance(sd));
  EXPECT_EQ(GeometricSkip(1.0)(12345), 0u);
  EXPECT_EQ(GeometricSkip(0.0)(12345), GeometricSkip::kNever);
  EXPECT_EQ(GeometricSkip(-0.5)(12345), GeometricSkip::kNever);
  // The smallest positive p still stops at kNever, so an index plus a skip cannot overflow.
  EXPECT_LE(GeometricSkip(1e-300)(1), GeometricSkip::kNever);
}

// The bound's "certain" must never disagree with the skip, also for uniforms right at the
// threshold q^n, and it must settle nearly every row the skip would pass over.
TEST(GeometricSkipBound, IsCertainOnlyWhereTheSkipAgrees) {
  auto s = stream_for(10);
  for (const double p : {0.0, 1e-9, 0.001, 0.05, 0.15, 0.5, 0.99, 1.0}) {
    const GeometricSkip skip(p);
    const GeometricSkipBound bound(p);
    std::size_t passed = 0, settled = 0;
    for (int i = 0; i < 20000; ++i) {
      const std::uint64_t bits = s.next();
      for (const std::uint64_t n : {0U, 1U, 2U, 5U, 10U, 30U, 63U, 64U, 100U}) {
        const bool beyond = skip(bits) >= n;
        if (bound.surely_at_least(bits, n)) {
          ASSERT_TRUE(beyond) << p << " " << n;
        }
        if (beyond && n < GeometricSkipBound::kRows) {
          ++passed;
          settled += bound.surely_at_least(bits, n) ? 1U : 0U;
        }
      }
    }
    EXPECT_GE(static_cast<double>(settled), 0.9999 * static_cast<double>(passed)) << p;
    // Uniforms next to q^n, on both sides of it.
    for (std::uint64_t n = 1; n < GeometricSkipBound::kRows; n += 7) {
      const double edge = std::exp(static_cast<double>(n) * std::log1p(-std::min(p, 1.0)));
      for (const double factor : {1 - 1e-8, 1 - 1e-9, 1 - 1e-12, 1.0, 1 + 1e-12, 1 + 1e-9}) {
        const double u = std::min(edge * factor, 1.0 - 0x1p-53);
        if (!(u > 0)) continue;
        const auto bits = static_cast<std::uint64_t>(u * 0x1p53 - 1) << 11U;
        if (bound.surely_at_least(bits, n)) {
          ASSERT_GE(skip(bits), n) << p << " " << n;
        }
      }
    }
  }
}

TEST(GeometricSkip, MatchesTheProbabilityOfEachSkip) {
  auto s = stream_for(10);
  const double p = 0.5;
  std::array<int, 4> counts{};
  for (int i = 0; i < kSamples; ++i) {
    const auto k = GeometricSkip(p)(s.next());
    if (k < counts.size()) ++counts[k];
  }
  for (std::size_t k = 0; k < counts.size(); ++k) {
    const double expected = kSamples * std::pow(1 - p, double(k)) * p;
    EXPECT_NEAR(counts[k], expected, 5 * std::sqrt(expected)) << "skip " << k;
  }
}

TEST(Streams, AreUncorrelated) {
  // Draws of two streams for the same entity: correlation within Monte Carlo error of zero.
  double sum_xy = 0, sum_x = 0, sum_y = 0;
  for (std::uint64_t e = 0; e < kSamples; ++e) {
    const double x = to_unit(draw_bits({5, 0}, {.stream = Stream::kGraphSegment, .entity = e}, 0));
    const double y = to_unit(draw_bits({5, 0}, {.stream = Stream::kGraphActivity, .entity = e}, 0));
    sum_xy += x * y;
    sum_x += x;
    sum_y += y;
  }
  const double covariance = sum_xy / kSamples - (sum_x / kSamples) * (sum_y / kSamples);
  EXPECT_NEAR(covariance * 12.0, 0.0, 5.0 / std::sqrt(double(kSamples)));
}

TEST(Streams, NeighbouringEntitiesAreUncorrelated) {
  double sum_xy = 0, sum_x = 0;
  for (std::uint64_t e = 0; e < kSamples; ++e) {
    const double x = to_unit(draw_bits({5, 0}, {.stream = Stream::kGraphArcs, .entity = e}, 0));
    const double y = to_unit(draw_bits({5, 0}, {.stream = Stream::kGraphArcs, .entity = e + 1}, 0));
    sum_xy += x * y;
    sum_x += x;
  }
  const double mean = sum_x / kSamples;
  EXPECT_NEAR((sum_xy / kSamples - mean * mean) * 12.0, 0.0, 5.0 / std::sqrt(double(kSamples)));
}

TEST(HalfUniform, ReadsEachHalfOfABlockInOrder) {
  r123::Philox4x64::ctr_type block{};
  block.v[0] = (std::uint64_t{1} << 32) | 0x80000000ULL;  // half 0: 2^31, half 1: 1
  block.v[3] = std::uint64_t{0xFFFFFFFF} << 32;           // half 7: 2^32 - 1
  EXPECT_EQ(half_uniform(block, 0), 0.5);
  EXPECT_EQ(half_uniform(block, 1), 0x1p-32);
  EXPECT_EQ(half_uniform(block, 2), 0.0);
  EXPECT_EQ(half_uniform(block, 7), 1.0 - 0x1p-32);
}

}  // namespace
}  // namespace sim::rng
