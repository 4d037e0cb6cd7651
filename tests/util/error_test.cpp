#include "sim/util/error.hpp"

#include <gtest/gtest.h>

namespace sim::util {
namespace {

TEST(InputError, NamesFileLineAndKeyOnOneLine) {
  const InputError error({.file = "a.txt", .line = 12, .key = "seed"}, "bad\nvalue");
  EXPECT_STREQ(error.what(), "a.txt:12: 'seed': bad value");
  EXPECT_EQ(error.where().line, 12u);
}

TEST(InputError, LeavesOutMissingParts) {
  EXPECT_STREQ(InputError({.file = "g.h5"}, "not a graph").what(), "g.h5: not a graph");
  EXPECT_STREQ(InputError("plain").what(), "plain");
}

TEST(InputError, IsAnError) {
  EXPECT_THROW(throw InputError("x"), Error);
}

}  // namespace
}  // namespace sim::util
