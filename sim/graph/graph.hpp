#pragma once
/// The follower graph: a directed graph in compressed sparse row form with both directions, stored
/// in a boost::compressed_sparse_row_graph<bidirectionalS> with 32-bit node ids and 64-bit arc
/// indices. Arcs point the way information flows (u -> v: v follows u), so
///   followers(u) = out-neighbours of u = the accounts that see u's posts,
///   followees(v) = in-neighbours of v  = the accounts v follows.
/// Both neighbour lists are sorted by id and free of duplicates and self-loops.
/// Memory: 16 bytes per node plus 16 bytes per arc (4 forward, 4 + 8 backward).

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include <span>
#include <vector>

#include "sim/graph/attributes.hpp"
#include "sim/graph/types.hpp"

namespace sim::graph {

using BoostCsr =
    boost::compressed_sparse_row_graph<boost::bidirectionalS, boost::no_property,
                                       boost::no_property, boost::no_property, NodeId, ArcIndex>;

class Graph {
 public:
  Graph() = default;

  /// Takes ownership of a finished Boost CSR graph (rows sorted, no duplicates, no self-loops).
  explicit Graph(BoostCsr csr, NodeAttributes attributes = {});

  NodeId node_count() const { return static_cast<NodeId>(csr_.m_forward.m_rowstart.size() - 1); }
  ArcIndex arc_count() const { return csr_.m_forward.m_column.size(); }

  /// Accounts that follow `node` (receive its posts), sorted by id.
  std::span<const NodeId> followers(NodeId node) const { return row(csr_.m_forward, node); }
  /// Accounts that `node` follows (whose posts it receives), sorted by id.
  std::span<const NodeId> followees(NodeId node) const { return row(csr_.m_backward, node); }
  ArcIndex follower_count(NodeId node) const { return row_length(csr_.m_forward, node); }
  ArcIndex followee_count(NodeId node) const { return row_length(csr_.m_backward, node); }

  /// Arc index of each entry of followees(node): the arc followee -> node.
  std::span<const ArcIndex> followee_arcs(NodeId node) const {
    const ArcIndex begin = csr_.m_backward.m_rowstart[node];
    return {csr_.m_backward.m_edge_properties.data() + begin,
            static_cast<std::size_t>(csr_.m_backward.m_rowstart[node + 1] - begin)};
  }

  /// Position of followees(node)[0] in the concatenation of all followee rows ("followee slot"):
  /// slots of one node are contiguous, so per-slot data is read in order.
  ArcIndex first_followee_slot(NodeId node) const { return csr_.m_backward.m_rowstart[node]; }
  /// Arc index of every followee slot.
  std::span<const ArcIndex> slot_arcs() const { return csr_.m_backward.m_edge_properties; }

  /// First arc index of `node`'s follower row: arcs are numbered in (source, target) order.
  ArcIndex first_arc(NodeId node) const { return csr_.m_forward.m_rowstart[node]; }
  /// True when the arc source -> target exists (binary search in the source's row).
  bool has_arc(NodeId source, NodeId target) const;

  /// Forward CSR arrays: offsets (node_count + 1) and targets (arc_count).
  std::span<const ArcIndex> out_offsets() const { return csr_.m_forward.m_rowstart; }
  std::span<const NodeId> out_targets() const { return csr_.m_forward.m_column; }

  /// The Boost.Graph view, for BGL algorithms.
  const BoostCsr& boost_graph() const { return csr_; }

  const NodeAttributes& attributes() const { return attributes_; }
  NodeAttributes& attributes() { return attributes_; }

 private:
  template <class Structure>
  static std::span<const NodeId> row(const Structure& s, NodeId node) {
    const ArcIndex begin = s.m_rowstart[node];
    return {s.m_column.data() + begin, static_cast<std::size_t>(s.m_rowstart[node + 1] - begin)};
  }
  template <class Structure>
  static ArcIndex row_length(const Structure& s, NodeId node) {
    return s.m_rowstart[node + 1] - s.m_rowstart[node];
  }

  BoostCsr csr_{NodeId{0}};
  NodeAttributes attributes_;
};

}  // namespace sim::graph
