#include "sim/util/parse_number.hpp"

#include <gtest/gtest.h>

namespace sim::util {
namespace {

TEST(ParseUnsigned, AcceptsDigitsOnly) {
  EXPECT_EQ(parse_unsigned("0"), 0u);
  EXPECT_EQ(parse_unsigned("18446744073709551615"), 18446744073709551615ull);
  EXPECT_FALSE(parse_unsigned("18446744073709551616"));  // overflow
  EXPECT_FALSE(parse_unsigned("-1"));
  EXPECT_FALSE(parse_unsigned("+1"));
  EXPECT_FALSE(parse_unsigned("12x"));
  EXPECT_FALSE(parse_unsigned(""));
  EXPECT_FALSE(parse_unsigned(" 1"));
}

TEST(ParseReal, AcceptsFiniteNumbers) {
  EXPECT_DOUBLE_EQ(*parse_real("0.25"), 0.25);
  EXPECT_DOUBLE_EQ(*parse_real("-1e-3"), -1e-3);
  EXPECT_FALSE(parse_real("nan"));
  EXPECT_FALSE(parse_real("inf"));
  EXPECT_FALSE(parse_real("1.5.2"));
  EXPECT_FALSE(parse_real(""));
}

TEST(ParseBool, AcceptsCommonSpellings) {
  EXPECT_EQ(parse_bool("true"), true);
  EXPECT_EQ(parse_bool("no"), false);
  EXPECT_FALSE(parse_bool("maybe"));
}

}  // namespace
}  // namespace sim::util
