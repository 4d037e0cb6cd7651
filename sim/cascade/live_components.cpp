// An iterative Tarjan over the live-arc CSR (no recursion: graphs have millions of nodes) gives
// components in reverse topological order, so one pass in component order marks what reaches
// the giant and a breadth-first pass from it marks its out-component.

#include "sim/cascade/live_components.hpp"

#include <algorithm>

namespace sim::cascade {

using graph::ArcIndex;
using graph::NodeId;

namespace {
constexpr std::uint32_t kUnvisited = ~std::uint32_t{0};
}  // namespace

void LiveComponents::compute(std::span<const ArcIndex> offsets, std::span<const NodeId> targets) {
  tarjan(offsets, targets);
  giant_ = static_cast<std::uint32_t>(
      std::max_element(component_size_.begin(), component_size_.end()) - component_size_.begin());
  mark_reaches_giant(offsets, targets);
  mark_giant_out(offsets, targets);
}

void LiveComponents::tarjan(std::span<const ArcIndex> offsets, std::span<const NodeId> targets) {
  const auto n = static_cast<NodeId>(offsets.size() - 1);
  node_.assign(n, NodeState{kUnvisited, 0, kUnvisited});
  component_size_.clear();
  stack_.clear();
  std::uint32_t next_index = 0;
  for (NodeId root = 0; root < n; ++root) {
    if (node_[root].index != kUnvisited) continue;
    calls_.push_back({root, offsets[root]});
    node_[root].index = node_[root].low = next_index++;
    stack_.push_back(root);
    while (!calls_.empty()) {
      Frame& frame = calls_.back();
      const NodeId u = frame.node;
      if (frame.next_arc < offsets[u + 1]) {
        const NodeId v = targets[frame.next_arc++];
        NodeState& to = node_[v];
        if (to.index == kUnvisited) {
          to.index = to.low = next_index++;
          stack_.push_back(v);
          calls_.push_back({v, offsets[v]});
        } else if (to.component == kUnvisited) {  // v is on the stack
          node_[u].low = std::min(node_[u].low, to.index);
        }
        continue;
      }
      calls_.pop_back();
      if (!calls_.empty()) {
        const NodeId parent = calls_.back().node;
        node_[parent].low = std::min(node_[parent].low, node_[u].low);
      }
      if (node_[u].low != node_[u].index) continue;
      // u roots a component: pop it.
      const auto id = static_cast<std::uint32_t>(component_size_.size());
      std::uint32_t size = 0;
      NodeId member;
      do {
        member = stack_.back();
        stack_.pop_back();
        node_[member].component = id;
        ++size;
      } while (member != u);
      component_size_.push_back(size);
    }
  }
  component_count_ = static_cast<std::uint32_t>(component_size_.size());
}

// Components complete sinks first: every component reachable from c has a smaller id. So one pass
// over the nodes sorted by component id settles each component after all its successors.
void LiveComponents::mark_reaches_giant(std::span<const ArcIndex> offsets,
                                        std::span<const NodeId> targets) {
  const auto n = static_cast<NodeId>(offsets.size() - 1);
  std::vector<std::uint32_t>& first = first_of_component_;
  first.assign(component_count_ + 1, 0);
  for (NodeId u = 0; u < n; ++u)
    ++first[node_[u].component + 1];
  for (std::uint32_t c = 0; c < component_count_; ++c)
    first[c + 1] += first[c];
  by_component_.resize(n);
  for (NodeId u = 0; u < n; ++u)
    by_component_[first[node_[u].component]++] = u;
  reaches_giant_.assign(component_count_, 0);
  reaches_giant_[giant_] = 1;
  for (const NodeId u : by_component_) {
    const std::uint32_t c = node_[u].component;
    if (reaches_giant_[c] != 0) continue;
    for (ArcIndex a = offsets[u]; a < offsets[u + 1]; ++a) {
      if (reaches_giant_[node_[targets[a]].component] != 0) {
        reaches_giant_[c] = 1;
        break;
      }
    }
  }
}

void LiveComponents::mark_giant_out(std::span<const ArcIndex> offsets,
                                    std::span<const NodeId> targets) {
  const auto n = static_cast<NodeId>(offsets.size() - 1);
  giant_out_ = util::Bitset(n);
  giant_out_nodes_.clear();
  for (NodeId u = 0; u < n; ++u) {
    if (node_[u].component == giant_) {
      giant_out_.set(u);
      giant_out_nodes_.push_back(u);
    }
  }
  for (std::size_t head = 0; head < giant_out_nodes_.size(); ++head) {
    const NodeId u = giant_out_nodes_[head];
    for (ArcIndex a = offsets[u]; a < offsets[u + 1]; ++a) {
      if (!giant_out_.test_and_set(targets[a])) giant_out_nodes_.push_back(targets[a]);
    }
  }
  giant_out_size_ = static_cast<std::uint32_t>(giant_out_nodes_.size());
}

}  // namespace sim::cascade
