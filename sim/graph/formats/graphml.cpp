// Boost's GraphML reader needs a mutable graph; we read into an adjacency_list and copy the arcs
// into the CSR builder. Boost reports directedness mismatches by throwing directed_graph_error,
// so an undirected file is read a second time into an undirected adjacency_list.

#include "sim/graph/formats/graphml.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphml.hpp>

#include <cerrno>
#include <filesystem>
#include <fstream>

#include "sim/util/error.hpp"

namespace sim::graph::formats {
namespace {

template <class Directed>
Graph read_as(const std::string& path, BuildReport* report) {
  using Adjacency = boost::adjacency_list<boost::vecS, boost::vecS, Directed>;
  std::ifstream in(path);
  if (!in) throw util::InputError({.file = path}, "cannot open the file");
  Adjacency adjacency;
  boost::dynamic_properties properties(boost::ignore_other_properties);
  boost::read_graphml(in, adjacency, properties);
  const auto n = boost::num_vertices(adjacency);
  if (n == 0) throw util::InputError({.file = path}, "the GraphML file holds no nodes");
  if (n > kMaxNodes) throw util::InputError({.file = path}, "too many nodes for 32-bit ids");
  std::vector<Arc> arcs;
  for (auto [edge, end] = boost::edges(adjacency); edge != end; ++edge) {
    const auto a = static_cast<NodeId>(boost::source(*edge, adjacency));
    const auto b = static_cast<NodeId>(boost::target(*edge, adjacency));
    arcs.push_back({a, b});
    if constexpr (std::is_same_v<Directed, boost::undirectedS>) arcs.push_back({b, a});
  }
  NodeAttributes attributes;
  attributes.external_id.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    attributes.external_id[i] = i;
  return build_graph(static_cast<NodeId>(n), std::move(arcs), std::move(attributes), report);
}

/// Boost's XML parser recurses once per nested element, so a file nested thousands deep would
/// overflow the stack: measure the element depth first (GraphML needs four levels). Streams the
/// file once; comments, processing instructions and CDATA hold no elements.
void check_nesting(const std::string& path) {
  constexpr std::size_t kMaxDepth = 64;
  std::ifstream in(path, std::ios::binary);
  std::size_t depth = 0, line = 1;
  char c = 0, previous = 0;
  bool in_tag = false, closing = false, markup = false;
  while (in.get(c)) {
    if (c == '\n') ++line;
    if (!in_tag) {
      if (c == '<') {
        in_tag = true;
        closing = false;
        markup = in.peek() == '!' || in.peek() == '?';
        if (in.peek() == '/') closing = true;
      }
    } else if (c == '>') {
      in_tag = false;
      if (markup) continue;
      if (closing) {
        if (depth > 0) --depth;
      } else if (previous != '/' && ++depth > kMaxDepth) {
        throw util::InputError({.file = path, .line = line},
                               "XML elements nested more than 64 deep; not a GraphML graph");
      }
    }
    previous = c;
  }
}

}  // namespace

Graph read_graphml(const std::string& path, BuildReport* report) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw util::InputError({.file = path}, "no such file");
  }
  check_nesting(path);
  try {
    try {
      return read_as<boost::directedS>(path, report);
    } catch (const boost::undirected_graph_error&) {
      return read_as<boost::undirectedS>(path, report);
    }
  } catch (const util::Error&) {
    throw;
  } catch (const std::exception& e) {
    // Boost reports XML syntax errors (property_tree), unknown node ids and other GraphML
    // problems through several exception types; all of them mean the file is invalid.
    throw util::InputError({.file = path}, std::string("invalid GraphML: ") + e.what());
  }
}

void write_graphml(const Graph& graph, const std::string& path) {
  std::ofstream out(path);
  if (!out) throw util::Error("cannot write " + path);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "  <graph id=\"G\" edgedefault=\"directed\">\n";
  for (NodeId u = 0; u < graph.node_count(); ++u)
    out << "    <node id=\"n" << u << "\"/>\n";
  for (NodeId u = 0; u < graph.node_count(); ++u) {
    for (NodeId v : graph.followers(u)) {
      out << "    <edge source=\"n" << u << "\" target=\"n" << v << "\"/>\n";
    }
  }
  out << "  </graph>\n</graphml>\n";
  out.close();  // the last buffered bytes are written here: check that too
  if (!out) throw util::SystemError(errno, "error while writing " + path);
}

}  // namespace sim::graph::formats
