// The attribution estimators on toy cases whose answers are known in closed form.

#include "sim/engine/attribution.hpp"

#include <gtest/gtest.h>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"

namespace sim::engine {
namespace {

constexpr std::size_t kWorlds = 2000;

/// Independent uniforms and normals for the toy worlds.
struct Toy {
  std::vector<double> x1, x2, noise;
  Toy() {
    rng::RandomStream draws({3, 0}, {.stream = rng::Stream::kWorldParameter});
    for (std::size_t r = 0; r < kWorlds; ++r) {
      x1.push_back(rng::uniform01(draws));
      x2.push_back(rng::uniform01(draws));
      noise.push_back(rng::normal(draws));
    }
  }
};

TEST(Attribution, OneParameterThatMattersAndOneThatDoesNot) {
  const Toy t;
  // D = 2 (x1 - 1/2) + 0.2 e: Var = 4/12 + 0.04, so x1's share is (1/3) / (1/3 + 0.04) = 0.893.
  std::vector<double> d;
  for (std::size_t r = 0; r < kWorlds; ++r)
    d.push_back(2.0 * (t.x1[r] - 0.5) + 0.2 * t.noise[r]);
  EXPECT_NEAR(first_order_share(t.x1, d), (1.0 / 3.0) / (1.0 / 3.0 + 0.04), 0.02);
  EXPECT_NEAR(first_order_share(t.x2, d), 0.0, 0.01);
  const Band band = first_order_band(t.x1, d, 5, "toy", 100);
  EXPECT_LT(band.low, band.mean);
  EXPECT_GT(band.high, band.mean);
  EXPECT_GT(band.low, 0.85);
  // Choosing between D and 0: knowing x1 gains E[max(0, 2 (x1 - 1/2))] = 1/4; x2 nothing.
  const std::vector<std::vector<double>> options{std::vector<double>(kWorlds, 0.0), d};
  EXPECT_NEAR(evppi(t.x1, options, 1, "x1"), 0.25, 0.02);
  EXPECT_NEAR(evppi(t.x2, options, 1, "x2"), 0.0, 0.01);
  // With 40 worlds and more noise, an irrelevant parameter's raw estimate is biased up; the
  // noise floor takes it back to near 0 while the relevant one keeps most of its value.
  std::vector<double> x1(t.x1.begin(), t.x1.begin() + 40), x2(t.x2.begin(), t.x2.begin() + 40);
  std::vector<double> noisy;
  for (std::size_t r = 0; r < 40; ++r)
    noisy.push_back(2.0 * (x1[r] - 0.5) + 0.5 * t.noise[r]);
  const std::vector<std::vector<double>> few{std::vector<double>(40, 0.0), noisy};
  EXPECT_LT(evppi(x2, few, 1, "x2"), 0.05);
  EXPECT_NEAR(evppi(x1, few, 1, "x1"), 0.25, 0.12);
}

TEST(Attribution, TwoParametersWithKnownShares) {
  const Toy t;
  // D = 3 x1 + x2: shares 9/10 and 1/10 (Var x = 1/12 each). A quadratic term is captured too.
  std::vector<double> d, curved;
  for (std::size_t r = 0; r < kWorlds; ++r) {
    d.push_back(3.0 * t.x1[r] + t.x2[r]);
    curved.push_back((t.x1[r] - 0.5) * (t.x1[r] - 0.5));
  }
  EXPECT_NEAR(first_order_share(t.x1, d), 0.9, 0.02);
  EXPECT_NEAR(first_order_share(t.x2, d), 0.1, 0.02);
  EXPECT_NEAR(first_order_share(t.x1, curved), 1.0, 1e-6);
}

TEST(Attribution, DegenerateInputsGiveZero) {
  EXPECT_EQ(first_order_share({1, 2, 3}, {1, 2, 3}), 0.0);  // too few worlds
  EXPECT_EQ(first_order_share({1, 2, 3, 4, 5, 6}, {2, 2, 2, 2, 2, 2}), 0.0);
  EXPECT_EQ(first_order_share({1, 1, 1, 1, 1, 1}, {1, 2, 3, 4, 5, 6}), 0.0);
  EXPECT_EQ(evppi({1, 2, 3}, {}, 1, "none"), 0.0);
}

}  // namespace
}  // namespace sim::engine
