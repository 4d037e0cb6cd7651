// The word-parallel age operations match their per-platform definitions, on one word (eight
// platforms) and on both words of sixteen.

#include "sim/model/agent_state.hpp"

#include <gtest/gtest.h>

#include <random>

namespace {

using namespace sim::model;

std::uint64_t random_ages(std::mt19937_64& random) {
  std::uint64_t ages = random();
  for (std::size_t k = 0; k < 8; ++k) {
    switch (random() % 4) {
      case 0:
        ages = with_age(ages, k, kInactive);
        break;
      case 1:
        ages = with_age(ages, k, kLongAgo);
        break;
      case 2:
        ages = with_age(ages, k, static_cast<std::uint8_t>(random() % 12));
        break;
      default:
        break;
    }
  }
  return ages;
}

TEST(AgentState, OlderAgesAgesEveryPlatformByOneWeek) {
  std::mt19937_64 random(1);
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t ages = random_ages(random);
    const std::uint64_t aged = older_ages(ages);
    for (std::size_t k = 0; k < 8; ++k)
      ASSERT_EQ(age_in(aged, k), older(age_in(ages, k))) << std::hex << ages << " platform " << k;
  }
}

TEST(AgentState, RecentBitsMarkAgesBelowTheHorizon) {
  std::mt19937_64 random(2);
  for (int i = 0; i < 200000; ++i) {
    const std::uint64_t ages = random_ages(random);
    const auto horizon = static_cast<std::uint8_t>(1 + random() % 254);
    const std::uint8_t bits = recent_bits(ages, horizon);
    for (std::size_t k = 0; k < 8; ++k)
      ASSERT_EQ(has(bits, k), age_in(ages, k) < horizon) << std::hex << ages << " platform " << k;
  }
}

Ages random_wide_ages(std::mt19937_64& random) {
  Ages ages;
  ages.low = random_ages(random);
  // A third of the agents use none of the upper platforms, the common case the step skips.
  ages.high = random() % 3 == 0 ? kAllInactive : random_ages(random);
  return ages;
}

TEST(AgentState, SixteenPlatformsAgeAndReadTheirOwnLanes) {
  std::mt19937_64 random(3);
  for (int i = 0; i < 100000; ++i) {
    const Ages ages = random_wide_ages(random);
    const Ages aged = older_ages(ages);
    const auto horizon = static_cast<std::uint8_t>(1 + random() % 254);
    const PlatformBits bits = recent_bits(ages, horizon);
    for (std::size_t k = 0; k < 16; ++k) {
      ASSERT_EQ(age_in(aged, k), older(age_in(ages, k))) << "platform " << k;
      ASSERT_EQ(has(bits, k), age_in(ages, k) < horizon) << "platform " << k;
    }
  }
}

TEST(AgentState, WithAgeChangesOnlyItsPlatform) {
  std::mt19937_64 random(4);
  for (int i = 0; i < 20000; ++i) {
    const Ages ages = random_wide_ages(random);
    const std::size_t platform = random() % 16;
    const auto age = static_cast<std::uint8_t>(random());
    const Ages changed = with_age(ages, platform, age);
    for (std::size_t k = 0; k < 16; ++k)
      ASSERT_EQ(age_in(changed, k), k == platform ? age : age_in(ages, k)) << "platform " << k;
  }
}

TEST(AgentState, SeenWordsAndPlatformSetsHoldSixteenPlatforms) {
  const PlatformBits active = with(with(0, 0), 15), recent = with(with(0, 9), 15);
  const std::uint32_t seen = seen_word(active, recent);
  EXPECT_EQ(active_part(seen), active);
  EXPECT_EQ(recent_part(seen), recent);
  std::vector<std::size_t> visited;
  for (PlatformBits set = with(with(with(0, 3), 8), 15); set != 0; set = drop_lowest(set))
    visited.push_back(lowest(set));
  EXPECT_EQ(visited, (std::vector<std::size_t>{3, 8, 15}));
  EXPECT_FALSE(has(without(kEveryPlatform, 12), 12));
  EXPECT_TRUE(has(without(kEveryPlatform, 12), 13));
}

}  // namespace
