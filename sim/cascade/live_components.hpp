#pragma once
/// The strongly connected components of a sampled live-arc graph, as final cascade sizes need them.
///
/// In a live-arc graph every seed that can reach the largest strongly connected component (the
/// giant) reaches all of the giant's out-component, and nothing it reaches from there lies outside
/// it. So the final size of a cascade whose seeds reach the giant is |out-component| plus the nodes
/// it reaches on the way that lie outside it (its tendrils, which are small above the threshold);
/// a cascade whose seeds cannot reach the giant stays small. Computing the components once per
/// live graph makes each further cascade on it cost only its tendrils.

#include <cstdint>
#include <span>
#include <vector>

#include "sim/graph/types.hpp"
#include "sim/util/bitset.hpp"

namespace sim::cascade {

class LiveComponents {
 public:
  /// Components of the graph given by CSR arrays (offsets: nodes + 1 entries). Iterative Tarjan,
  /// O(nodes + arcs), no recursion.
  void compute(std::span<const graph::ArcIndex> offsets, std::span<const graph::NodeId> targets);

  /// True when `node` can reach the giant component (members of the giant included).
  bool reaches_giant(graph::NodeId node) const {
    return reaches_giant_[node_[node].component] != 0;
  }
  /// True when `node` is reachable from the giant component (members included).
  bool in_giant_out(graph::NodeId node) const { return giant_out_.test(node); }
  /// Nodes reachable from the giant component, members included.
  std::uint32_t giant_out_size() const { return giant_out_size_; }
  /// Members of the out-component, in no particular order.
  std::span<const graph::NodeId> giant_out_nodes() const { return giant_out_nodes_; }
  std::uint32_t component_count() const { return component_count_; }

 private:
  void tarjan(std::span<const graph::ArcIndex> offsets, std::span<const graph::NodeId> targets);
  void mark_reaches_giant(std::span<const graph::ArcIndex> offsets,
                          std::span<const graph::NodeId> targets);
  void mark_giant_out(std::span<const graph::ArcIndex> offsets,
                      std::span<const graph::NodeId> targets);

  // Per node, together so that one cache line serves a visit: Tarjan's index and low-link, and the
  // component id (ids in order of completion, so sinks first).
  struct NodeState {
    std::uint32_t index;
    std::uint32_t low;
    std::uint32_t component;
  };
  std::vector<NodeState> node_;
  std::vector<std::uint32_t> component_size_;
  std::vector<std::uint8_t> reaches_giant_;  // per component
  std::uint32_t component_count_ = 0;
  std::uint32_t giant_ = 0;
  util::Bitset giant_out_;
  std::uint32_t giant_out_size_ = 0;
  std::vector<graph::NodeId> giant_out_nodes_;
  // Scratch, kept between calls.
  std::vector<graph::NodeId> stack_;
  std::vector<std::uint32_t> first_of_component_;
  std::vector<graph::NodeId> by_component_;
  struct Frame {
    graph::NodeId node;
    graph::ArcIndex next_arc;
  };
  std::vector<Frame> calls_;
};

}  // namespace sim::cascade
