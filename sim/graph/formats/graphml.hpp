#pragma once
/// GraphML import and export through Boost.Graph's reader and writer.

#include <string>

#include "sim/graph/build.hpp"
#include "sim/graph/graph.hpp"

namespace sim::graph::formats {

/// Reads a GraphML file. Directed edges keep their direction (source -> target is the flow of
/// information); an undirected graph gives both arcs per edge. Nodes are numbered in the order the
/// file lists them; that order is kept as the external id. Data keys are ignored.
/// Throws util::InputError for a missing file or invalid GraphML.
Graph read_graphml(const std::string& path, BuildReport* report = nullptr);

/// Writes a directed GraphML file (no data keys).
void write_graphml(const Graph& graph, const std::string& path);

}  // namespace sim::graph::formats
