#include "sim/graph/formats/edge_list.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>

#include "sim/graph/formats/load.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace sim::graph::formats {
namespace {

using sim::test::TempDir;
using sim::test::write_text;

std::string error_of(const std::string& path, const EdgeListOptions& options = {}) {
  try {
    read_edge_list(path, options);
  } catch (const util::InputError& e) {
    return e.what();
  }
  return "no error";
}

void write_gzip(const std::string& path, const std::string& text) {
  gzFile file = gzopen(path.c_str(), "wb");
  gzwrite(file, text.data(), static_cast<unsigned>(text.size()));
  gzclose(file);
}

TEST(EdgeList, AThirdColumnIsRefusedNotIgnored) {
  TempDir dir;
  write_text(dir.path("w.txt"), "1 2\n2 3 0.5\n");
  try {
    read_edge_list(dir.path("w.txt"), {}, nullptr);
    FAIL() << "a weight column was ignored";
  } catch (const sim::util::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("w.txt:2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("third column ('0.5')"), std::string::npos) << e.what();
  }
}

TEST(EdgeList, ReadsWhitespaceCommasCommentsAndBlankLines) {
  TempDir dir;
  write_text(dir.path("g.txt"), "# comment\n10 20\n\n20,30\n  30 ,\t10  # trailing\r\n10 20\n");
  BuildReport report;
  const Graph g = read_edge_list(dir.path("g.txt"), {}, &report);
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.arc_count(), 3u);
  EXPECT_EQ(report.duplicates, 1u);
  EXPECT_EQ(g.attributes().external_id, (std::vector<std::uint64_t>{10, 20, 30}));
  EXPECT_TRUE(g.has_arc(0, 1));  // 10 -> 20
  EXPECT_TRUE(g.has_arc(2, 0));  // 30 -> 10
}

TEST(EdgeList, LargeSparseIdsAreRankedInOrder) {
  TempDir dir;
  write_text(dir.path("g.txt"), "900000000000 5\n5 77\n");
  const Graph g = read_edge_list(dir.path("g.txt"));
  EXPECT_EQ(g.attributes().external_id, (std::vector<std::uint64_t>{5, 77, 900000000000}));
  EXPECT_TRUE(g.has_arc(2, 0));
}

TEST(EdgeList, FollowsOptionReversesArcs) {
  TempDir dir;
  write_text(dir.path("g.txt"), "1 2\n");  // 1 follows 2: information flows 2 -> 1
  const Graph g = read_edge_list(dir.path("g.txt"), {.follows = true});
  EXPECT_TRUE(g.has_arc(1, 0));
  EXPECT_FALSE(g.has_arc(0, 1));
}

TEST(EdgeList, DenseIdsKeepIsolatedNodesAndCheckRange) {
  TempDir dir;
  write_text(dir.path("g.txt"), "0 1\n1 3\n");
  const Graph g = read_edge_list(dir.path("g.txt"), {.node_count = 5});
  EXPECT_EQ(g.node_count(), 5u);
  EXPECT_TRUE(g.attributes().external_id.empty());
  EXPECT_EQ(error_of(dir.path("g.txt"), {.node_count = 3}),
            dir.path("g.txt") + ":2: id 3 out of range [0, 3)");
}

TEST(EdgeList, ReadsGzip) {
  TempDir dir;
  write_gzip(dir.path("g.edges.gz"), "1 2\n2 3\n3 1");  // no final newline
  const Graph g = read_edge_list(dir.path("g.edges.gz"));
  EXPECT_EQ(g.arc_count(), 3u);
}

TEST(EdgeList, MalformedLinesNameFileAndLine) {
  TempDir dir;
  const std::string path = dir.path("bad.txt");
  write_text(path, "1 2\n3\n");
  EXPECT_EQ(error_of(path), path + ":2: expected a second id on the line");
  write_text(path, "1 2\nx 2\n");
  EXPECT_EQ(error_of(path), path + ":2: expected two non-negative integer ids, got 'x'");
  write_text(path, "1 -2\n");
  EXPECT_EQ(error_of(path), path + ":1: expected a non-negative integer id, got '-2'");
  write_text(path, "1 2.5\n");
  EXPECT_EQ(error_of(path), path + ":1: expected a non-negative integer id, got '2.5'");
  write_text(path, "1 99999999999999999999999\n");
  EXPECT_NE(error_of(path).find(":1: expected a non-negative integer id"), std::string::npos);
}

TEST(EdgeList, EmptyAndMissingFilesAreInputErrors) {
  TempDir dir;
  write_text(dir.path("empty.txt"), "");
  EXPECT_EQ(error_of(dir.path("empty.txt")),
            dir.path("empty.txt") + ": the edge list holds no arcs");
  write_text(dir.path("comments.txt"), "# only a comment\n\n");
  EXPECT_NE(error_of(dir.path("comments.txt")).find("no arcs"), std::string::npos);
  EXPECT_EQ(error_of(dir.path("missing.txt")), dir.path("missing.txt") + ": no such file");
}

TEST(EdgeList, TruncatedAndCorruptGzipAreInputErrors) {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 20000; ++i)
    text += std::to_string(i) + " " + std::to_string(i + 1) + "\n";
  write_gzip(dir.path("full.gz"), text);
  std::ifstream in(dir.path("full.gz"), std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), {});
  write_text(dir.path("cut.gz"), bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(error_of(dir.path("cut.gz")).find("truncated"), std::string::npos)
      << error_of(dir.path("cut.gz"));
  std::string corrupt = bytes;
  corrupt[corrupt.size() / 2] = static_cast<char>(corrupt[corrupt.size() / 2] ^ 0x55);
  write_text(dir.path("corrupt.gz"), corrupt);
  EXPECT_NE(error_of(dir.path("corrupt.gz")).find(dir.path("corrupt.gz")), std::string::npos);
  EXPECT_NE(error_of(dir.path("corrupt.gz")), "no error");
}

TEST(EdgeList, RoundTripsThroughWriteAndRead) {
  TempDir dir;
  write_text(dir.path("in.txt"), "5 6\n6 5\n7 5\n");
  const Graph g = read_edge_list(dir.path("in.txt"));
  save_graph(g, dir.path("out.txt"), "test");
  EXPECT_TRUE(sim::test::identical(read_edge_list(dir.path("out.txt")), g));
}

}  // namespace
}  // namespace sim::graph::formats
