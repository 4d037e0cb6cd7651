#include "sim/rng/philox.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sim::rng {
namespace {

// Known-answer vectors of Philox4x64-10 published with Random123 (kat_vectors).
TEST(Philox, MatchesRandom123KnownAnswers) {
  const r123::Philox4x64 philox;
  auto run = [&](r123::Philox4x64::ctr_type c, r123::Philox4x64::key_type k) {
    return philox(c, k);
  };
  auto zero = run({{0, 0, 0, 0}}, {{0, 0}});
  EXPECT_EQ(zero.v[0], 0x16554d9eca36314cULL);
  EXPECT_EQ(zero.v[3], 0x7e68b68aec7ba23bULL);
  auto ones = run({{~0ULL, ~0ULL, ~0ULL, ~0ULL}}, {{~0ULL, ~0ULL}});
  EXPECT_EQ(ones.v[0], 0x87b092c3013fe90bULL);
  EXPECT_EQ(ones.v[3], 0xa09caebf594f0ba0ULL);
  auto pi = run({{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL,
                  0x082efa98ec4e6c89ULL}},
                {{0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL}});
  EXPECT_EQ(pi.v[0], 0xa528f45403e61d95ULL);
  EXPECT_EQ(pi.v[1], 0x38c72dbd566e9788ULL);
  EXPECT_EQ(pi.v[2], 0xa5a1610e72fd18b5ULL);
  EXPECT_EQ(pi.v[3], 0x57bd43b5e52b7fe6ULL);
}

// Trek's own mapping from (seed, run, stream, entity, week, sub, draw) to bits. These values pin
// the layout of key and counter: if they change, every published result changes.
TEST(DrawBits, KnownValuesOfTheCounterLayout) {
  const DrawAddress at{.stream = Stream::kGraphArcs, .entity = 7, .week = 3, .sub = 2};
  const auto block = philox_block({42, 5}, at, 1);
  const r123::Philox4x64::ctr_type counter{{7, 2, (std::uint64_t{4} << 32) | 3, 1}};
  const auto direct = r123::Philox4x64{}(counter, {{42, 5}});
  EXPECT_EQ(block, direct);
  EXPECT_EQ(draw_bits({42, 5}, at, 6), direct.v[2]);
}

TEST(DrawBits, IsAPureFunctionOfItsArguments) {
  const DrawAddress at{.stream = Stream::kGraphSegment, .entity = 99};
  EXPECT_EQ(draw_bits({1, 0}, at, 10), draw_bits({1, 0}, at, 10));
  EXPECT_NE(draw_bits({1, 0}, at, 10), draw_bits({2, 0}, at, 10));  // seed
  EXPECT_NE(draw_bits({1, 0}, at, 10), draw_bits({1, 1}, at, 10));  // run
  DrawAddress other = at;
  other.week = 1;
  EXPECT_NE(draw_bits({1, 0}, at, 10), draw_bits({1, 0}, other, 10));
  other = at;
  other.sub = 1;
  EXPECT_NE(draw_bits({1, 0}, at, 10), draw_bits({1, 0}, other, 10));
  other = at;
  other.stream = Stream::kGraphActivity;
  EXPECT_NE(draw_bits({1, 0}, at, 10), draw_bits({1, 0}, other, 10));
}

TEST(RandomStream, SequentialDrawsEqualRandomAccess) {
  const DrawAddress at{.stream = Stream::kGraphArcs, .entity = 12345, .week = 9};
  RandomStream stream({77, 3}, at);
  for (std::uint64_t k = 0; k < 23; ++k) {
    EXPECT_EQ(stream.position(), k);
    EXPECT_EQ(stream.next(), draw_bits({77, 3}, at, k)) << "draw " << k;
  }
}

TEST(RandomStream, NeighbouringEntitiesDoNotRepeatEachOther) {
  std::set<std::uint64_t> seen;
  for (std::uint64_t entity = 0; entity < 1000; ++entity) {
    RandomStream stream({1, 0}, {.stream = Stream::kGraphArcs, .entity = entity});
    for (int k = 0; k < 8; ++k)
      seen.insert(stream.next());
  }
  EXPECT_EQ(seen.size(), 8000u);
}

TEST(Mix64, SpreadsConsecutiveIds) {
  EXPECT_NE(mix64(0), mix64(1));
  EXPECT_EQ(mix64(12345), mix64(12345));
  // About half of the bits change between consecutive inputs.
  const int changed = __builtin_popcountll(mix64(1000) ^ mix64(1001));
  EXPECT_GT(changed, 16);
  EXPECT_LT(changed, 48);
}

}  // namespace
}  // namespace sim::rng
