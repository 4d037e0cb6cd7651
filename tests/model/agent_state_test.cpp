// The word-parallel age operations match their per-platform definitions.

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

}  // namespace
