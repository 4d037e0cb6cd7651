// Designs: the Sobol sequence against published values, each design's size and structure, and
// points that depend on their index and seed only.

#include "sim/sweep/design.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "sim/sweep/sobol_sequence.hpp"

namespace {

using namespace sim::sweep;

SweepSpec spec_of(DesignKind kind, std::size_t parameters, std::uint64_t samples) {
  SweepSpec spec;
  spec.design = kind;
  spec.samples = samples;
  for (std::size_t j = 0; j < parameters; ++j) {
    const double low = 10.0 * static_cast<double>(j);
    spec.parameters.push_back({"p" + std::to_string(j), low, low + 2.0, {}, 0});
  }
  return spec;
}

TEST(SobolSequence, MatchesJoeKuoValues) {
  // Points 1..7 of the unscrambled Joe-Kuo sequence in dimensions 1, 2, 3, 6 and 21
  // (as printed by scipy.stats.qmc.Sobol(d=21, scramble=False)).
  const SobolSequence sequence(21);
  const std::vector<std::vector<double>> expected{
      {0.5, 0.5, 0.5, 0.5, 0.5},           {0.75, 0.25, 0.25, 0.75, 0.25},
      {0.25, 0.75, 0.75, 0.25, 0.75},      {0.375, 0.375, 0.625, 0.125, 0.125},
      {0.875, 0.875, 0.125, 0.625, 0.625}, {0.625, 0.125, 0.875, 0.875, 0.375},
      {0.125, 0.625, 0.375, 0.375, 0.875}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto point = sequence.point(i + 1);
    const std::vector<double> picked{point[0], point[1], point[2], point[5], point[20]};
    EXPECT_EQ(picked, expected[i]) << "point " << i + 1;
  }
  EXPECT_EQ(sequence.point(0), std::vector<double>(21, 0.0));
}

TEST(SobolSequence, EveryDimensionStratifiesPowersOfTwo) {
  // The first 2^k points put exactly one point in each interval [m / 2^k, (m + 1) / 2^k).
  const SobolSequence sequence(21);
  for (std::size_t d = 0; d < 21; ++d) {
    std::set<int> cells;
    for (std::uint64_t i = 0; i < 256; ++i)
      cells.insert(static_cast<int>(sequence.point(i)[d] * 256.0));
    EXPECT_EQ(cells.size(), 256u) << "dimension " << d;
  }
  EXPECT_THROW(SobolSequence(22), std::invalid_argument);
}

TEST(Design, GridIsEveryCombinationLastFastest) {
  SweepSpec spec = spec_of(DesignKind::kGrid, 2, 0);
  spec.parameters[0].values = {1.0, 2.0};
  spec.parameters[1].values = {5.0, 6.0, 7.0};
  const Design design = make_design(spec);
  ASSERT_EQ(design.points(), 6u);
  EXPECT_EQ(design_points(spec), 6u);
  EXPECT_EQ(design.values[0], (std::vector<double>{1.0, 5.0}));
  EXPECT_EQ(design.values[1], (std::vector<double>{1.0, 6.0}));
  EXPECT_EQ(design.values[5], (std::vector<double>{2.0, 7.0}));
  EXPECT_DOUBLE_EQ(design.unit[1][1], 0.5);
}

TEST(Design, LatinHypercubeFillsEveryStratumOnce) {
  const SweepSpec spec = spec_of(DesignKind::kLatinHypercube, 3, 50);
  const Design design = make_design(spec);
  ASSERT_EQ(design.points(), 50u);
  for (std::size_t j = 0; j < 3; ++j) {
    std::set<int> strata;
    for (const auto& u : design.unit)
      strata.insert(static_cast<int>(u[j] * 50.0));
    EXPECT_EQ(strata.size(), 50u);
    for (const auto& v : design.values) {
      EXPECT_GE(v[j], spec.parameters[j].min);
      EXPECT_LE(v[j], spec.parameters[j].max);
    }
  }
  // The seed, and nothing else, decides the points.
  SweepSpec other = spec;
  EXPECT_EQ(make_design(other).values, design.values);
  other.seed = 2;
  EXPECT_NE(make_design(other).values, design.values);
}

TEST(Design, SaltelliRowsAreABAndTheMixes) {
  const SweepSpec spec = spec_of(DesignKind::kSobol, 3, 16);
  const Design design = make_design(spec);
  ASSERT_EQ(design.points(), 16u * 5u);
  EXPECT_EQ(design_points(spec), 80u);
  for (std::size_t row = 0; row < 16; ++row) {
    const auto& a = design.unit[row * 5];
    const auto& b = design.unit[row * 5 + 1];
    for (std::size_t i = 0; i < 3; ++i) {
      const auto& mix = design.unit[row * 5 + 2 + i];
      for (std::size_t j = 0; j < 3; ++j)
        EXPECT_EQ(mix[j], j == i ? b[j] : a[j]);
    }
  }
}

TEST(Design, MorrisTrajectoriesMoveOneParameterByDelta) {
  SweepSpec spec = spec_of(DesignKind::kMorris, 4, 10);
  spec.levels = 4;
  const Design design = make_design(spec);
  ASSERT_EQ(design.points(), 10u * 5u);
  for (std::size_t t = 0; t < 10; ++t) {
    std::set<std::size_t> moved;
    for (std::size_t k = t * 5; k + 1 < t * 5 + 5; ++k) {
      std::size_t changes = 0;
      for (std::size_t j = 0; j < 4; ++j) {
        const double step = design.unit[k + 1][j] - design.unit[k][j];
        if (step == 0.0) continue;
        ++changes;
        moved.insert(j);
        EXPECT_NEAR(std::abs(step), 2.0 / 3.0, 1e-12);  // p / (2 (p - 1)) with p = 4
      }
      EXPECT_EQ(changes, 1u);
    }
    EXPECT_EQ(moved.size(), 4u);  // each parameter moves once per trajectory
    for (std::size_t k = t * 5; k < t * 5 + 5; ++k) {
      for (const double u : design.unit[k]) {
        EXPECT_GE(u, -1e-12);
        EXPECT_LE(u, 1.0 + 1e-12);
      }
    }
  }
}

}  // namespace
