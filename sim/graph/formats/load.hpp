#pragma once
#include "sim/io/atomic_file.hpp"
/// One entry point for every way to name a graph: a file (edge list, GraphML, Trek HDF5) or a
/// generator spec "NAME:key=value,...".

#include <string>

#include "sim/graph/build.hpp"
#include "sim/graph/formats/edge_list.hpp"
#include "sim/graph/graph.hpp"

namespace sim::graph::formats {

enum class GraphFormat { kEdgeList, kGraphml, kTrekHdf5 };

/// Format implied by a file name: .h5/.hdf5 -> Trek HDF5, .graphml/.xml -> GraphML, else edge list
/// (.txt, .edges, .csv, each optionally .gz).
GraphFormat format_of(const std::string& path);

struct LoadedGraph {
  Graph graph;
  BuildReport report;  ///< self-loops and duplicates dropped while reading
};

/// Loads a file, or runs a generator when `source` names no file and looks like a spec.
/// Throws util::InputError (exit code 2) for every kind of bad input.
LoadedGraph load_graph(const std::string& source, const EdgeListOptions& options = {});

/// Writes a graph in the format its file name implies (Trek HDF5 written atomically).
void save_graph(const Graph& graph, const std::string& path, const std::string& creator,
                const io::OutputPolicy& policy = {.replace = true});

}  // namespace sim::graph::formats
