// Resolves `population.graph` the same way for checking and loading: a generator spec is
// checked without generating; anything else is a file named relative to the scenario's folder
// and must exist. Both paths give InputErrors naming the scenario file and the key.

#include "sim/engine/population.hpp"

#include <filesystem>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/formats/load.hpp"
#include "sim/graph/generators/generator.hpp"
#include "sim/graph/generators/generator_spec.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"

namespace sim::engine {

std::string resolve_graph_source(const scenario::Scenario& s) {
  namespace fs = std::filesystem;
  const fs::path beside = fs::path(s.file).parent_path() / s.graph;
  if (!fs::path(s.graph).is_absolute() && util::path_exists(beside.string()))
    return beside.string();
  return s.graph;
}

std::vector<std::string> input_files(const scenario::Scenario& s) {
  std::vector<std::string> files;
  for (const auto& source : s.sources)
    files.push_back(source.path);
  const std::string graph = resolve_graph_source(s);
  if (util::path_exists(graph)) files.push_back(graph);
  return files;
}

void check_population_source(const scenario::Scenario& s) {
  const std::string source = resolve_graph_source(s);
  const util::InputLocation where{s.file, 0, "population.graph"};
  try {
    const bool looks_like_spec = source.find(':') != std::string::npos &&
                                 !util::path_exists(source) &&
                                 source.find('/') == std::string::npos;
    if (looks_like_spec || graph::generators::is_generator_spec(source)) {
      graph::generators::check_spec(graph::generators::parse_generator_spec(source));
      return;
    }
    util::check_input_file(source);
  } catch (const util::InputError& e) {
    throw util::InputError(where, e.what());
  }
}

graph::Graph load_population(const scenario::Scenario& s) {
  check_population_source(s);
  graph::Graph graph;
  try {
    graph = graph::formats::load_graph(resolve_graph_source(s)).graph;
  } catch (const util::InputError& e) {
    throw util::InputError({s.file, 0, "population.graph"}, e.what());
  }
  check_population(s, graph);
  return graph;
}

}  // namespace sim::engine
