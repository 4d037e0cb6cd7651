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

/// A dataset of `length` 64-bit words whose storage is never written (or only its first chunk).
void write_unfilled(hid_t parent, const char* name, hsize_t length, bool one_chunk) {
  const Handle space(H5Screate_simple(1, &length, nullptr));
  const Handle properties(H5Pcreate(H5P_DATASET_CREATE));
  const hsize_t chunk = 1 << 16;
  if (one_chunk) H5Pset_chunk(properties.get(), 1, &chunk);
  const Handle dataset(H5Dcreate2(parent, name, H5T_NATIVE_UINT64, space.get(), H5P_DEFAULT,
                                  properties.get(), H5P_DEFAULT));
  if (!one_chunk) return;
  const std::vector<std::uint64_t> words(chunk, 7);
  const Handle memory(H5Screate_simple(1, &chunk, nullptr));
  const hsize_t start = 0;
  H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &start, nullptr, &chunk, nullptr);
  H5Dwrite(dataset.get(), H5T_NATIVE_UINT64, memory.get(), space.get(), H5P_DEFAULT, words.data());
}

TEST(H5, LargeClaimsMustBeStoredWhole) {
  sim::test::TempDir dir;
  const std::vector<std::uint8_t> zeros(std::size_t{8} << 20, 0);  // deflates about 1000-fold
  {
    const Handle file = create_file(dir.path("c.h5"));
    write_vector<std::uint8_t>(file.get(), "zeros", zeros, true);
    write_unfilled(file.get(), "never_written", hsize_t{32} << 20, false);
    write_unfilled(file.get(), "one_chunk", hsize_t{32} << 20, true);
  }
  const Handle file = open_file_read(dir.path("c.h5"));
  EXPECT_EQ(read_vector<std::uint8_t>(file.get(), "zeros"), zeros);
  for (const char* name : {"never_written", "one_chunk"}) {
    try {
      static_cast<void>(read_vector<std::uint64_t>(file.get(), name));
      FAIL() << name << " was read";
    } catch (const util::InputError& e) {
      EXPECT_NE(std::string(e.what()).find("stores only part"), std::string::npos) << e.what();
    }
  }
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
