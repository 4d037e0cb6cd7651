#pragma once
/// The scenario's population: its follower graph, from a generator spec or a file named relative
/// to the scenario's own folder.

#include <string>
#include <vector>

#include "sim/graph/graph.hpp"
#include "sim/scenario/scenario.hpp"

namespace sim::engine {

/// Where population.graph points: a file path (resolved against the scenario's folder when it
/// exists there) or the spec as written.
std::string resolve_graph_source(const scenario::Scenario& scenario);

/// The files a run of the scenario reads (its extends chain and a graph file), which no output
/// may replace.
std::vector<std::string> input_files(const scenario::Scenario& scenario);

/// Checks population.graph without loading or generating: an existing graph file, or a
/// generator spec whose name, keys and values are valid. The same check runs before every
/// run (load_population) and in `trek validate`. InputError naming the scenario and key.
void check_population_source(const scenario::Scenario& scenario);

/// Loads or generates the graph; errors name the scenario file and the key population.graph.
graph::Graph load_population(const scenario::Scenario& scenario);

}  // namespace sim::engine
