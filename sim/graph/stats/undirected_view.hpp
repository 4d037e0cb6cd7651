#pragma once
/// The simple undirected graph underlying a follower graph: u and v are neighbours when either
/// follows the other. Used for clustering and the undirected degree.

#include <span>
#include <vector>

#include "sim/graph/graph.hpp"

namespace sim::graph::stats {

class UndirectedView {
 public:
  explicit UndirectedView(const Graph& graph);

  NodeId node_count() const { return static_cast<NodeId>(offsets_.size() - 1); }
  /// Number of undirected simple edges (a reciprocal pair counts once).
  ArcIndex edge_count() const { return neighbours_.size() / 2; }
  /// Neighbours of `node`, sorted, without duplicates.
  std::span<const NodeId> neighbours(NodeId node) const {
    return {neighbours_.data() + offsets_[node],
            static_cast<std::size_t>(offsets_[node + 1] - offsets_[node])};
  }

 private:
  std::vector<ArcIndex> offsets_;
  std::vector<NodeId> neighbours_;
};

}  // namespace sim::graph::stats
