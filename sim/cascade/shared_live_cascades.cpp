// Samples the live arcs of one live graph into a CSR of its own, then runs up to 64 cascades as
// bit lanes of one 64-bit word per node, a frontier pass per round for all lanes; size-only runs
// use LiveComponents to skip the giant's out-component.

#include "sim/cascade/shared_live_cascades.hpp"

#include <bit>

namespace sim::cascade {

using graph::ArcIndex;
using graph::NodeId;

SharedLiveCascades::SharedLiveCascades(const graph::Graph& graph, const Transmission& transmission,
                                       const util::Bitset* active)
    : graph_(&graph),
      transmission_(&transmission),
      active_(active),
      live_offsets_(std::size_t{graph.node_count()} + 1, 0),
      lanes_(graph.node_count()),
      current_(graph.node_count(), 0),
      visited_(graph.node_count()) {}

void SharedLiveCascades::sample(const CascadeKey& key) {
  const NodeId n = graph_->node_count();
  const auto targets = graph_->out_targets();
  live_targets_.clear();
  for (NodeId node = 0; node < n; ++node) {
    live_offsets_[node] = live_targets_.size();
    if (active_ != nullptr && !active_->test(node)) continue;
    transmission_->for_each_live_arc(*graph_, key, rng::Stream::kCascadeLiveGraph, node,
                                     [&](ArcIndex arc) {
                                       const NodeId follower = targets[arc];
                                       if (active_ == nullptr || active_->test(follower)) {
                                         live_targets_.push_back(follower);
                                       }
                                     });
  }
  live_offsets_[n] = live_targets_.size();
  components_ready_ = false;
}

void SharedLiveCascades::reset() {
  for (const NodeId node : touched_)
    lanes_[node].reached = 0;
  touched_.clear();
  frontier_.clear();
  upcoming_.clear();
}

void SharedLiveCascades::seed_lanes(std::span<const std::vector<NodeId>> seeds) {
  for (std::size_t lane = 0; lane < seeds.size(); ++lane) {
    const std::uint64_t bit = std::uint64_t{1} << lane;
    for (const NodeId seed : seeds[lane]) {
      Lanes& node = lanes_[seed];
      if ((active_ != nullptr && !active_->test(seed)) || (node.reached & bit) != 0) continue;
      if (node.reached == 0) touched_.push_back(seed);
      node.reached |= bit;
      if (current_[seed] == 0) frontier_.push_back(seed);
      current_[seed] |= bit;
    }
  }
}

void SharedLiveCascades::run(std::span<const std::vector<NodeId>> seeds,
                             std::span<CascadeOutcome> outcomes) {
  reset();
  seed_lanes(seeds);
  for (CascadeOutcome& outcome : outcomes)
    outcome = {};
  std::uint32_t round = 0;
  while (!frontier_.empty()) {
    ++round;
    std::uint64_t lanes_moved = 0;
    for (const NodeId node : frontier_) {
      const std::uint64_t lanes = current_[node];
      current_[node] = 0;
      for (ArcIndex a = live_offsets_[node]; a < live_offsets_[node + 1]; ++a) {
        const NodeId follower = live_targets_[a];
        Lanes& to = lanes_[follower];
        const std::uint64_t fresh = lanes & ~to.reached;
        if (fresh == 0) continue;
        if (to.reached == 0) touched_.push_back(follower);
        to.reached |= fresh;
        if (to.next == 0) upcoming_.push_back(follower);
        to.next |= fresh;
        lanes_moved |= fresh;
      }
    }
    for (const NodeId node : upcoming_) {
      current_[node] = lanes_[node].next;
      lanes_[node].next = 0;
    }
    for (std::uint64_t moved = lanes_moved; moved != 0; moved &= moved - 1) {
      const auto lane = static_cast<std::size_t>(std::countr_zero(moved));
      if (lane < outcomes.size()) outcomes[lane].rounds = round;
    }
    frontier_.swap(upcoming_);
    upcoming_.clear();
  }
  count_reached(outcomes);
}

void SharedLiveCascades::count_reached(std::span<CascadeOutcome> outcomes) const {
  for (const NodeId node : touched_) {
    for (std::uint64_t lanes = lanes_[node].reached; lanes != 0; lanes &= lanes - 1) {
      const auto lane = static_cast<std::size_t>(std::countr_zero(lanes));
      if (lane >= outcomes.size()) continue;
      ++outcomes[lane].reached;
      outcomes[lane].arcs_decided += degree(node);
    }
  }
}

void SharedLiveCascades::run_sizes(std::span<const std::vector<NodeId>> seeds,
                                   std::span<CascadeOutcome> outcomes) {
  if (!components_ready_) {
    components_.compute(live_offsets_, live_targets_);
    giant_out_arcs_ = 0;
    for (const NodeId node : components_.giant_out_nodes())
      giant_out_arcs_ += degree(node);
    components_ready_ = true;
  }
  for (std::size_t lane = 0; lane < seeds.size(); ++lane)
    outcomes[lane] = size_of(seeds[lane]);
}

// Breadth-first search over live arcs that, when the seeds reach the giant, neither counts nor
// expands the giant's out-component: it is reached whole and leads nowhere else.
CascadeOutcome SharedLiveCascades::size_of(std::span<const NodeId> seeds) {
  auto active = [this](NodeId node) { return active_ == nullptr || active_->test(node); };
  bool giant = false;
  for (const NodeId seed : seeds)
    giant = giant || (active(seed) && components_.reaches_giant(seed));
  auto visit = [&](NodeId node) {
    if ((giant && components_.in_giant_out(node)) || visited_.test_and_set(node)) return;
    visit_.push_back(node);
  };
  visit_.clear();
  for (const NodeId seed : seeds) {
    if (active(seed)) visit(seed);
  }
  for (std::size_t head = 0; head < visit_.size(); ++head) {
    const NodeId node = visit_[head];
    for (ArcIndex a = live_offsets_[node]; a < live_offsets_[node + 1]; ++a)
      visit(live_targets_[a]);
  }
  CascadeOutcome outcome;
  outcome.reached =
      static_cast<std::uint32_t>(visit_.size()) + (giant ? components_.giant_out_size() : 0);
  outcome.arcs_decided = giant ? giant_out_arcs_ : 0;
  for (const NodeId node : visit_) {
    outcome.arcs_decided += degree(node);
    visited_.reset(node);
  }
  return outcome;
}

}  // namespace sim::cascade
