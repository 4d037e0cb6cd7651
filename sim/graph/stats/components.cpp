#include "sim/graph/stats/components.hpp"

#include <boost/graph/incremental_components.hpp>
#include <boost/graph/strong_components.hpp>
#include <boost/pending/disjoint_sets.hpp>

#include <algorithm>

namespace sim::graph::stats {

std::vector<NodeId> weak_components(const Graph& graph) {
  const NodeId n = graph.node_count();
  std::vector<NodeId> rank(n), parent(n);
  const boost::typed_identity_property_map<NodeId> identity;
  auto rank_map = boost::make_iterator_property_map(rank.begin(), identity);
  auto parent_map = boost::make_iterator_property_map(parent.begin(), identity);
  boost::disjoint_sets<decltype(rank_map), decltype(parent_map)> sets(rank_map, parent_map);
  boost::initialize_incremental_components(graph.boost_graph(), sets);
  boost::incremental_components(graph.boost_graph(), sets);
  std::vector<NodeId> component(n);
  for (NodeId u = 0; u < n; ++u)
    component[u] = sets.find_set(u);
  return component;
}

std::vector<NodeId> strong_components(const Graph& graph) {
  std::vector<NodeId> component(graph.node_count());
  if (graph.node_count() == 0) return component;
  boost::strong_components(
      graph.boost_graph(),
      boost::make_iterator_property_map(component.begin(),
                                        boost::get(boost::vertex_index, graph.boost_graph())));
  return component;
}

ComponentSummary summarize_components(const std::vector<NodeId>& component_of) {
  std::vector<NodeId> size(component_of.size(), 0);
  for (NodeId c : component_of)
    ++size[c];
  ComponentSummary summary;
  for (NodeId s : size) {
    summary.count += s > 0 ? 1 : 0;
    summary.largest = std::max(summary.largest, s);
  }
  return summary;
}

}  // namespace sim::graph::stats
