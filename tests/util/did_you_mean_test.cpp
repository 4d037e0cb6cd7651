#include "sim/util/did_you_mean.hpp"

#include <gtest/gtest.h>

#include <array>

namespace sim::util {
namespace {

constexpr std::array<std::string_view, 4> kKeys{"n", "mean_degree", "directed", "seed"};

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("abc", ""), 3u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("mean_degre", "mean_degree"), 1u);
  EXPECT_EQ(edit_distance("cuhrn", "churn"), 1u);  // a swap of neighbours is one typo
  EXPECT_EQ(edit_distance("ot", "to"), 1u);
  EXPECT_EQ(edit_distance("abc", "cab"), 2u);
}

TEST(ClosestMatch, SuggestsTyposOnly) {
  EXPECT_EQ(closest_match("mean_degre", kKeys), "mean_degree");
  EXPECT_EQ(closest_match("sed", kKeys), "seed");
  EXPECT_EQ(closest_match("completely_different", kKeys), "");
}

TEST(SuggestionSuffix, ListsChoicesWhenNothingIsClose) {
  EXPECT_EQ(suggestion_suffix("directd", kKeys), " (did you mean 'directed'?)");
  EXPECT_EQ(suggestion_suffix("zzzzzzzz", kKeys),
            " (expected one of: n, mean_degree, directed, seed)");
}

}  // namespace
}  // namespace sim::util
