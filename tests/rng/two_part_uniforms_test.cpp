// The two-part uniforms: the coarse byte's bound never settles a decision that the full uniform
// would take, the uniform is the coarse byte plus the fine part, and four entities share a block.

#include "sim/rng/two_part_uniforms.hpp"

#include <gtest/gtest.h>

#include <vector>

#include <cmath>

namespace {

using namespace sim::rng;

TEST(TwoPartUniforms, ACoarseByteAboveTheBoundMeansTheUniformIsAtLeastP) {
  const RunKey run{7, 1};
  CoarseBytes coarse(run, Stream::kModelWeek, 3);
  long settled = 0;
  for (std::uint64_t entity = 0; entity < 4000; ++entity) {
    const std::uint64_t bytes = coarse.of(entity);
    const TwoPartUniforms full(run, Stream::kModelWeekFine, entity, 3, 0, bytes);
    for (std::size_t k = 0; k < 8; ++k) {
      // Chances near the byte grid and in between, including exact multiples of 1/256.
      const double p = static_cast<double>(entity % 300) / 256.0 + (k % 2 == 0 ? 0.0 : 1e-7);
      if (coarse_byte(bytes, k) > coarse_below(p)) {
        ++settled;
        EXPECT_GE(full.at(k), p) << "entity " << entity << " platform " << k;
      }
      EXPECT_GE(full.at(k), coarse_byte(bytes, k) / 256.0);
      EXPECT_LT(full.at(k), (coarse_byte(bytes, k) + 1) / 256.0);
    }
  }
  EXPECT_GT(settled, 1000);
}

TEST(TwoPartUniforms, BoundsAtTheEnds) {
  EXPECT_EQ(coarse_below(0.0), -1);
  EXPECT_EQ(coarse_below(-0.5), -1);
  EXPECT_EQ(coarse_below(1.0), 255);
  EXPECT_EQ(coarse_below(2.0), 255);
  EXPECT_EQ(coarse_below(1.0 / 256.0), 0);  // byte 0 may still be below 1/256
  EXPECT_EQ(coarse_below(1.5 / 256.0), 1);  // bytes 0 and 1
  EXPECT_EQ(coarse_below(255.5 / 256.0), 255);
}

TEST(TwoPartUniforms, FourConsecutiveEntitiesShareOneBlock) {
  const RunKey run{11, 0};
  CoarseBytes shared(run, Stream::kReachView, 5, 2);
  for (std::uint64_t entity = 0; entity < 16; ++entity) {
    const auto block = philox_block(run, {Stream::kReachView, entity / 4, 5, 2}, 0);
    EXPECT_EQ(shared.of(entity), block.v[entity % 4]);
  }
  // Any order of asking gives the same bytes.
  CoarseBytes fresh(run, Stream::kReachView, 5, 2);
  EXPECT_EQ(fresh.of(9), shared.of(9));
  EXPECT_EQ(fresh.of(2), shared.of(2));
}

TEST(TwoPartUniforms, RangesGiveTheBytesOfEachEntity) {
  const RunKey run{11, 0};
  CoarseBytes single(run, Stream::kReachView, 5, 2);
  for (std::uint64_t first = 0; first < 9; ++first) {
    for (std::size_t count = 0; count < 14; ++count) {
      CoarseBytes range(run, Stream::kReachView, 5, 2);
      std::vector<std::uint64_t> words(count, 0);
      range.of_range(first, count, words.data());
      for (std::size_t i = 0; i < count; ++i)
        ASSERT_EQ(words[i], single.of(first + i)) << first << " + " << i;
    }
  }
}

TEST(TwoPartUniforms, AreUniform) {
  const RunKey run{3, 0};
  CoarseBytes coarse(run, Stream::kModelWeek, 0);
  const int n = 200000;
  double sum = 0.0, below_tenth = 0.0;
  for (int entity = 0; entity < n; ++entity) {
    const TwoPartUniforms u(run, Stream::kModelWeekFine, static_cast<std::uint64_t>(entity), 0, 0,
                            coarse.of(static_cast<std::uint64_t>(entity)));
    sum += u.at(static_cast<std::size_t>(entity % 8));
    below_tenth += u.at(static_cast<std::size_t>(entity % 8)) < 0.1 ? 1.0 : 0.0;
  }
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(below_tenth / n, 0.1, 4 * std::sqrt(0.09 / n));
}

}  // namespace
