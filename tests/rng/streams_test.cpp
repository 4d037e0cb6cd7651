#include "sim/rng/streams.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace sim::rng {
namespace {

TEST(StreamRegistry, ValuesAndNamesAreUnique) {
  std::set<std::uint32_t> values;
  std::set<std::string_view> names;
  for (const auto& entry : kStreamRegistry) {
    EXPECT_TRUE(values.insert(static_cast<std::uint32_t>(entry.stream)).second) << entry.name;
    EXPECT_TRUE(names.insert(entry.name).second) << entry.name;
  }
}

// Append only: released values never change. A new stream adds a line here; none is edited.
TEST(StreamRegistry, ReleasedValuesKeepTheirMeaning) {
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphSegment), 1u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphPopularity), 2u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphActivity), 3u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphArcs), 4u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphClosure), 5u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphReciprocity), 6u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphRewire), 7u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphStubs), 8u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphAttachment), 9u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kGraphDegree), 10u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCascadeLive), 11u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCascadeSeeds), 12u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCascadeDelay), 13u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCascadeThreshold), 14u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCascadeLiveGraph), 15u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelInitial), 16u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelTolerance), 17u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelWeek), 18u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelEvent), 19u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelTie), 20u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachView), 21u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachTime), 22u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachShare), 23u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachArc), 24u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachLink), 25u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kSweepBootstrap), 27u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kWorldParameter), 28u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCompareBootstrap), 29u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kSweepDesign), 26u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelWeekFine), 30u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachViewFine), 31u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachShareFine), 32u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachPlan), 33u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCalibrationProposal), 34u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCalibrationNoise), 35u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kReachNotification), 36u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCrisisRelay), 37u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCrisisChannel), 38u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kCrisisDispatch), 39u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kOptimizeCandidate), 40u);
  EXPECT_EQ(static_cast<std::uint32_t>(Stream::kModelStayer), 41u);
  EXPECT_EQ(kStreamRegistry.size(), 41u);
}

TEST(StreamRegistry, RegistryListsEveryValueInOrder) {
  for (std::size_t i = 0; i < kStreamRegistry.size(); ++i) {
    EXPECT_EQ(static_cast<std::uint32_t>(kStreamRegistry[i].stream), i + 1);
  }
}

}  // namespace
}  // namespace sim::rng
