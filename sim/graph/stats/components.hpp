#pragma once
/// Weakly and strongly connected components (Boost.Graph algorithms).

#include <cstdint>
#include <vector>

#include "sim/graph/graph.hpp"

namespace sim::graph::stats {

struct ComponentSummary {
  std::uint64_t count = 0;  ///< number of components
  NodeId largest = 0;       ///< nodes in the largest component
};

/// Component id of each node when arcs are taken as undirected (boost::incremental_components).
std::vector<NodeId> weak_components(const Graph& graph);

/// Component id of each node under directed reachability (boost::strong_components, Tarjan).
std::vector<NodeId> strong_components(const Graph& graph);

/// Count and largest size of a component labelling.
ComponentSummary summarize_components(const std::vector<NodeId>& component_of);

}  // namespace sim::graph::stats
