#include "sim/graph/formats/graph_file.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/follower.hpp"
#include "sim/graph/generators/sbm.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace sim::graph::formats {
namespace {

using sim::test::TempDir;

std::string error_of(const std::string& path) {
  try {
    read_graph_file(path);
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(GraphFile, RoundTripKeepsArraysAndAttributes) {
  TempDir dir;
  const Graph g = generators::generate_follower({.nodes = 2000, .seed = 3});
  write_graph_file(g, dir.path("g.h5"), "test");
  EXPECT_TRUE(sim::test::identical(read_graph_file(dir.path("g.h5")), g));
  const Graph blocks = generators::generate_sbm({.nodes = 500, .blocks = 5});
  write_graph_file(blocks, dir.path("b.h5"), "test");
  EXPECT_TRUE(sim::test::identical(read_graph_file(dir.path("b.h5")), blocks));
  // A version 1 file (follower rows only) still loads: the followee rows are rebuilt.
  {
    const auto file = sim::io::open_file_write(dir.path("g.h5"));
    const auto group = sim::io::open_group(file.get(), "graph");
    for (const char* name : {"in_offsets", "in_sources", "in_arcs"})
      H5Ldelete(group.get(), name, H5P_DEFAULT);
    H5Adelete(group.get(), "format_version");
    sim::io::write_attribute(group.get(), "format_version", std::uint64_t{1});
  }
  EXPECT_TRUE(sim::test::identical(read_graph_file(dir.path("g.h5")), g));
}

TEST(GraphFile, NoTemporaryFileIsLeftBehind) {
  TempDir dir;
  write_graph_file(generators::generate_sbm({.nodes = 50}), dir.path("g.h5"), "test");
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path(""))) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(GraphFile, AFailedWriteLeavesTheOldFileIntact) {
  TempDir dir;
  const Graph g = generators::generate_sbm({.nodes = 100});
  write_graph_file(g, dir.path("g.h5"), "test");
  const auto size = std::filesystem::file_size(dir.path("g.h5"));
  // Writing into a directory that does not exist fails before touching anything.
  EXPECT_THROW(write_graph_file(g, dir.path("missing/g.h5"), "test"), util::Error);
  // A write that fails part way (the writer throws) leaves the target as it was.
  EXPECT_THROW(sim::io::write_atomically(dir.path("g.h5"),
                                         [](const std::string& temporary) {
                                           sim::test::write_text(temporary, "partial");
                                           throw util::Error("interrupted");
                                         }),
               util::Error);
  EXPECT_EQ(std::filesystem::file_size(dir.path("g.h5")), size);
  EXPECT_TRUE(sim::test::identical(read_graph_file(dir.path("g.h5")), g));
}

TEST(GraphFile, RejectsFilesThatAreNotTrekGraphs) {
  TempDir dir;
  sim::test::write_text(dir.path("text.h5"), "plain text");
  EXPECT_EQ(error_of(dir.path("text.h5")),
            dir.path("text.h5") + ": not an HDF5 file (or not readable)");
  {
    const auto file = sim::io::create_file(dir.path("other.h5"));
    sim::io::create_group(file.get(), "something");
  }
  EXPECT_NE(error_of(dir.path("other.h5")).find("not a Trek graph file"), std::string::npos);
}

TEST(GraphFile, RejectsOtherVersionsAndDamagedArrays) {
  TempDir dir;
  auto write = [&](const std::string& name, std::uint64_t version, std::vector<ArcIndex> offsets,
                   std::vector<NodeId> targets) {
    const auto file = sim::io::create_file(dir.path(name));
    const auto group = sim::io::create_group(file.get(), "graph");
    sim::io::write_attribute(group.get(), "format", std::string("trek-graph"));
    sim::io::write_attribute(group.get(), "format_version", version);
    sim::io::write_vector<ArcIndex>(group.get(), "out_offsets", offsets);
    sim::io::write_vector<NodeId>(group.get(), "out_targets", targets);
  };
  write("v3.h5", 3, {0, 1, 1}, {1});
  EXPECT_NE(error_of(dir.path("v3.h5")).find("unsupported graph format version 3"),
            std::string::npos);
  // Version 2 stores the followee direction; it must be the exact transpose.
  const auto with_followees = [&](const std::string& name, std::vector<NodeId> sources,
                                  std::vector<ArcIndex> arcs) {
    write(name, 2, {0, 2, 3, 3}, {1, 2, 2});  // 0 -> 1, 0 -> 2, 1 -> 2
    const auto file = sim::io::open_file_write(dir.path(name));
    const auto group = sim::io::open_group(file.get(), "graph");
    sim::io::write_vector<ArcIndex>(group.get(), "in_offsets", std::vector<ArcIndex>{0, 0, 1, 3});
    sim::io::write_vector<NodeId>(group.get(), "in_sources", sources);
    sim::io::write_vector<ArcIndex>(group.get(), "in_arcs", arcs);
  };
  with_followees("transpose.h5", {0, 0, 1}, {0, 1, 2});
  EXPECT_EQ(error_of(dir.path("transpose.h5")), "no error");
  const Graph loaded = read_graph_file(dir.path("transpose.h5"));
  EXPECT_EQ(loaded.followee_arcs(2)[1], 2u);
  with_followees("wrong_arc.h5", {0, 0, 1}, {0, 0, 2});
  EXPECT_NE(error_of(dir.path("wrong_arc.h5")).find("node 2 is not the transpose"),
            std::string::npos);
  with_followees("unsorted.h5", {0, 1, 0}, {0, 2, 1});
  EXPECT_NE(error_of(dir.path("unsorted.h5")).find("not the transpose"), std::string::npos);
  write("range.h5", 1, {0, 1, 1}, {9});
  EXPECT_EQ(error_of(dir.path("range.h5")),
            dir.path("range.h5") + ": '/graph': arc target 9 out of range at arc 0");
  write("offsets.h5", 1, {0, 3, 1}, {1});
  EXPECT_NE(error_of(dir.path("offsets.h5")).find("offsets decrease at node 1"), std::string::npos);
  write("last.h5", 1, {0, 1, 2}, {1});
  EXPECT_NE(error_of(dir.path("last.h5")).find("last offset"), std::string::npos);
  {
    const auto file = sim::io::create_file(dir.path("missing.h5"));
    const auto group = sim::io::create_group(file.get(), "graph");
    sim::io::write_attribute(group.get(), "format", std::string("trek-graph"));
    sim::io::write_attribute(group.get(), "format_version", std::uint64_t{1});
  }
  EXPECT_NE(error_of(dir.path("missing.h5")).find("damaged graph file"), std::string::npos);
}

TEST(GraphFile, AChangedArrayFailsItsChecksum) {
  TempDir dir;
  write_graph_file(generators::generate_follower({.nodes = 3000}), dir.path("g.h5"), "test");
  {
    const auto file = sim::io::open_file_write(dir.path("g.h5"));
    const auto sources = sim::io::open_dataset(file.get(), "graph/in_sources");
    const NodeId other = 7;
    sim::io::write_block(sources.get(), sim::io::Dims{100}, sim::io::Dims{1}, &other);
  }
  EXPECT_NE(error_of(dir.path("g.h5")).find("do not match their checksum"), std::string::npos);
}

TEST(GraphFile, TruncatedFilesAreInputErrors) {
  TempDir dir;
  write_graph_file(generators::generate_follower({.nodes = 3000}), dir.path("g.h5"), "test");
  std::filesystem::resize_file(dir.path("g.h5"), std::filesystem::file_size(dir.path("g.h5")) / 2);
  EXPECT_THROW(read_graph_file(dir.path("g.h5")), util::InputError);
}

// Found by fuzzing: a chunk of nodes/segment stored without filters but 2 bytes short of its
// shape; HDF5 copied past the end of its buffer. Now refused before it is read.
TEST(GraphFile, AShortRawChunkIsAnInputError) {
  const std::string path = TREK_SOURCE_DIR "/tests/fuzz/corpus/graph_file/short_raw_chunk.h5";
  try {
    read_graph_file(path);
    FAIL() << "a damaged file was read";
  } catch (const util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("fewer bytes than its shape needs"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace sim::graph::formats
