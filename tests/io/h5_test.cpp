#include "sim/io/h5.hpp"

#include <gtest/gtest.h>

#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace sim::io {
namespace {

TEST(H5, VectorsAndAttributesRoundTrip) {
  sim::test::TempDir dir;
  const std::vector<std::uint64_t> values{1, 2, 3, 1ULL << 40};
  const std::vector<double> reals{0.5, -1.25};
  {
    const Handle file = create_file(dir.path("a.h5"));
    const Handle group = create_group(file.get(), "g");
    write_vector<std::uint64_t>(group.get(), "values", values, true);
    write_vector<double>(group.get(), "reals", reals);
    write_vector<std::uint32_t>(group.get(), "empty", {});
    write_attribute(group.get(), "name", std::string("trek"));
    write_attribute(group.get(), "count", std::uint64_t{42});
  }
  const Handle file = open_file_read(dir.path("a.h5"));
  const Handle group = open_group(file.get(), "g");
  EXPECT_EQ(read_vector<std::uint64_t>(group.get(), "values"), values);
  EXPECT_EQ(read_vector<double>(group.get(), "reals"), reals);
  EXPECT_TRUE(read_vector<std::uint32_t>(group.get(), "empty").empty());
  EXPECT_EQ(read_string_attribute(group.get(), "name"), "trek");
  EXPECT_EQ(read_uint_attribute(group.get(), "count"), 42u);
  EXPECT_TRUE(has_attribute(group.get(), "name"));
  EXPECT_FALSE(has_link(group.get(), "nothing"));
}

TEST(H5, FailuresBecomeErrorsWithHdf5sReason) {
  sim::test::TempDir dir;
  const Handle file = create_file(dir.path("b.h5"));
  try {
    open_group(file.get(), "absent");
    FAIL() << "opened a missing group";
  } catch (const util::Error& e) {
    EXPECT_NE(std::string(e.what()).find("opening group absent: "), std::string::npos);
  }
  EXPECT_THROW(open_file_read(dir.path("none.h5")), util::InputError);
}

TEST(H5, HandlesCloseOnceAndMove) {
  sim::test::TempDir dir;
  Handle file = create_file(dir.path("c.h5"));
  Handle moved = std::move(file);
  EXPECT_FALSE(file.valid());
  EXPECT_TRUE(moved.valid());
}

}  // namespace
}  // namespace sim::io
