// The word operations on eight byte lanes match a loop over the bytes.

#include "sim/util/byte_lanes.hpp"

#include <gtest/gtest.h>

#include <random>

namespace {

using namespace sim::util;

std::uint8_t byte_of(std::uint64_t word, unsigned k) {
  return static_cast<std::uint8_t>(word >> (8 * k));
}

TEST(ByteLanes, BytesAtLeastComparesEveryLane) {
  std::mt19937_64 random(3);
  for (int i = 0; i < 300000; ++i) {
    std::uint64_t x = random(), y = random();
    if (i % 3 == 0) y = (x & random()) | (random() & 0x0101010101010101ULL);  // near-equal bytes
    if (i % 7 == 0) y = x;
    const std::uint8_t bits = bytes_at_least(x, y);
    for (unsigned k = 0; k < 8; ++k)
      ASSERT_EQ(((bits >> k) & 1U) != 0, byte_of(x, k) >= byte_of(y, k))
          << std::hex << x << " " << y;
  }
  EXPECT_EQ(bytes_at_least(0, 0), 0xFF);
  EXPECT_EQ(bytes_at_least(0, ~0ULL), 0x00);
  EXPECT_EQ(bytes_at_least(~0ULL, 0), 0xFF);
}

TEST(ByteLanes, SpreadBitsAndBroadcast) {
  for (unsigned bits = 0; bits < 256; ++bits) {
    const std::uint64_t spread = spread_bits(static_cast<std::uint8_t>(bits));
    for (unsigned k = 0; k < 8; ++k)
      ASSERT_EQ(byte_of(spread, k), ((bits >> k) & 1U) != 0 ? 0xFF : 0x00) << bits;
    const std::uint64_t same = broadcast(static_cast<std::uint8_t>(bits));
    for (unsigned k = 0; k < 8; ++k)
      ASSERT_EQ(byte_of(same, k), bits);
  }
}

TEST(ByteLanes, ChosenAtLeastPicksAndComparesSixteenLanes) {
  std::mt19937_64 random(5);
  for (int i = 0; i < 200000; ++i) {
    const Lanes16 set{random(), random()}, clear{random(), random()};
    Lanes16 y{random(), random()};
    if (i % 3 == 0) y = {set.low ^ (random() & 0x0101010101010101ULL), clear.high};  // near ties
    const auto choice = static_cast<std::uint16_t>(random());
    const std::uint16_t bits = chosen_at_least(choice, set, clear, y);
    ASSERT_EQ(chosen_at_least_words(choice, set, clear, y), bits);
    for (unsigned k = 0; k < 16; ++k) {
      const auto lane = [&](const Lanes16& lanes) {
        return byte_of(k < 8 ? lanes.low : lanes.high, k % 8);
      };
      const std::uint8_t x = ((choice >> k) & 1U) != 0 ? lane(set) : lane(clear);
      ASSERT_EQ(((bits >> k) & 1U) != 0, x >= lane(y)) << i << " lane " << k;
    }
  }
}

TEST(ByteLanes, LanesEqualFindsTheByteInSixteenLanes) {
  std::mt19937_64 random(7);
  for (int i = 0; i < 200000; ++i) {
    const auto byte = static_cast<std::uint8_t>(i % 5 == 0 ? 0xFF : random());
    Lanes16 x{random(), random()};
    // Plant the byte and its neighbours in some lanes.
    for (unsigned k = 0; k < 16; ++k) {
      const std::uint64_t roll = random() % 4;
      if (roll == 3) continue;
      const auto value = static_cast<std::uint8_t>(byte + roll - 1);
      std::uint64_t& word = k < 8 ? x.low : x.high;
      const unsigned shift = 8 * (k % 8);
      word = (word & ~(0xFFULL << shift)) | (std::uint64_t{value} << shift);
    }
    const std::uint16_t bits = lanes_equal(x, byte);
    ASSERT_EQ(lanes_equal_words(x, byte), bits);
    for (unsigned k = 0; k < 16; ++k)
      ASSERT_EQ(((bits >> k) & 1U) != 0, byte_of(k < 8 ? x.low : x.high, k % 8) == byte) << i;
  }
}

}  // namespace
