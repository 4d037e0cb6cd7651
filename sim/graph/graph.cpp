#include "sim/graph/graph.hpp"

#include <algorithm>
#include <stdexcept>

namespace sim::graph {

Graph::Graph(BoostCsr csr, NodeAttributes attributes)
    : csr_(std::move(csr)), attributes_(std::move(attributes)) {
  if (!attributes_.consistent_with(node_count())) {
    throw std::invalid_argument("node attribute arrays do not match the node count");
  }
}

bool Graph::has_arc(NodeId source, NodeId target) const {
  const auto row_of_source = followers(source);
  return std::binary_search(row_of_source.begin(), row_of_source.end(), target);
}

}  // namespace sim::graph
