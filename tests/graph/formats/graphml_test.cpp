#include "sim/graph/formats/graphml.hpp"

#include <gtest/gtest.h>

#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/er.hpp"
#include "sim/util/error.hpp"
#include "support/test_support.hpp"

namespace sim::graph::formats {
namespace {

using sim::test::TempDir;
using sim::test::write_text;

constexpr const char* kDirected = R"(<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph id="G" edgedefault="directed">
    <node id="a"/><node id="b"/><node id="c"/>
    <edge source="a" target="b"><data key="w">1.5</data></edge>
    <edge source="c" target="a"/>
    <edge source="c" target="c"/>
  </graph>
</graphml>
)";

TEST(Graphml, ReadsDirectedGraphsInNodeOrder) {
  TempDir dir;
  write_text(dir.path("g.graphml"), kDirected);
  BuildReport report;
  const Graph g = read_graphml(dir.path("g.graphml"), &report);
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.arc_count(), 2u);
  EXPECT_EQ(report.self_loops, 1u);
  EXPECT_TRUE(g.has_arc(0, 1));
  EXPECT_TRUE(g.has_arc(2, 0));
}

TEST(Graphml, UndirectedEdgesGiveBothArcs) {
  TempDir dir;
  std::string text = kDirected;
  text.replace(text.find("\"directed\""), 10, "\"undirected\"");
  write_text(dir.path("u.graphml"), text);
  const Graph g = read_graphml(dir.path("u.graphml"));
  EXPECT_EQ(g.arc_count(), 4u);
  EXPECT_TRUE(g.has_arc(1, 0));
}

TEST(Graphml, RoundTrip) {
  TempDir dir;
  const Graph g = generators::generate_er({.nodes = 300, .mean_degree = 4, .seed = 9});
  save_graph(g, dir.path("g.graphml"), "test");
  const Graph back = load_graph(dir.path("g.graphml")).graph;
  EXPECT_EQ(back.boost_graph().m_forward.m_column, g.boost_graph().m_forward.m_column);
  EXPECT_EQ(back.boost_graph().m_forward.m_rowstart, g.boost_graph().m_forward.m_rowstart);
}

TEST(Graphml, InvalidFilesAreInputErrorsNamingTheFile) {
  TempDir dir;
  for (const std::string text :
       {"<graphml><graph><node id=", "not xml at all",
        "<graphml><graph edgedefault=\"directed\"></graph></graphml>", "<graphml></graphml>"}) {
    write_text(dir.path("bad.graphml"), text);
    try {
      read_graphml(dir.path("bad.graphml"));
      ADD_FAILURE() << "accepted: " << text;
    } catch (const util::InputError& e) {
      EXPECT_NE(std::string(e.what()).find(dir.path("bad.graphml")), std::string::npos);
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
    }
  }
  EXPECT_THROW(read_graphml(dir.path("missing.graphml")), util::InputError);
}

}  // namespace
}  // namespace sim::graph::formats
