#include "sim/graph/formats/load.hpp"

#include <filesystem>

#include "sim/graph/formats/graph_file.hpp"
#include "sim/graph/formats/graphml.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/io/atomic_file.hpp"
#include "sim/util/error.hpp"

namespace sim::graph::formats {
namespace {

bool ends_with(const std::string& text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

GraphFormat format_of(const std::string& path) {
  if (ends_with(path, ".h5") || ends_with(path, ".hdf5")) return GraphFormat::kTrekHdf5;
  if (ends_with(path, ".graphml") || ends_with(path, ".xml")) return GraphFormat::kGraphml;
  return GraphFormat::kEdgeList;
}

LoadedGraph load_graph(const std::string& source, const EdgeListOptions& options) {
  std::error_code error;
  const bool is_file = std::filesystem::exists(source, error);
  if (!is_file &&
      (source.find(':') != std::string::npos || generators::is_generator_spec(source))) {
    return {generators::generate(generators::parse_generator_spec(source)), {}};
  }
  if (!is_file) throw util::InputError({.file = source}, "no such file");
  LoadedGraph loaded;
  switch (format_of(source)) {
    case GraphFormat::kTrekHdf5:
      loaded.graph = read_graph_file(source);
      break;
    case GraphFormat::kGraphml:
      loaded.graph = read_graphml(source, &loaded.report);
      break;
    case GraphFormat::kEdgeList:
      loaded.graph = read_edge_list(source, options, &loaded.report);
      break;
  }
  return loaded;
}

void save_graph(const Graph& graph, const std::string& path, const std::string& creator,
                const io::OutputPolicy& policy) {
  switch (format_of(path)) {
    case GraphFormat::kTrekHdf5:
      write_graph_file(graph, path, creator, policy);
      break;
    case GraphFormat::kGraphml:
      io::write_atomically(
          path, [&](const std::string& to) { write_graphml(graph, to); }, policy);
      break;
    case GraphFormat::kEdgeList:
      io::write_atomically(
          path, [&](const std::string& to) { write_edge_list(graph, to); }, policy);
      break;
  }
}

}  // namespace sim::graph::formats
