#include "sim/engine/population.hpp"

#include <filesystem>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/io/load.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {

std::string resolve_graph_source(const scenario::Scenario& s) {
  namespace fs = std::filesystem;
  const fs::path beside = fs::path(s.file).parent_path() / s.graph;
  if (!fs::path(s.graph).is_absolute() && fs::exists(beside)) return beside.string();
  return s.graph;
}

std::vector<std::string> input_files(const scenario::Scenario& s) {
  std::vector<std::string> files;
  for (const auto& source : s.sources)
    files.push_back(source.path);
  const std::string graph = resolve_graph_source(s);
  if (std::filesystem::exists(graph)) files.push_back(graph);
  return files;
}

graph::Graph load_population(const scenario::Scenario& s) {
  graph::Graph graph;
  try {
    graph = graph::io::load_graph(resolve_graph_source(s)).graph;
  } catch (const util::InputError& e) {
    throw util::InputError({s.file, 0, "population.graph"}, e.what());
  }
  check_population(s, graph);
  return graph;
}

}  // namespace sim::engine
