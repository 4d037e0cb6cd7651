// Both kernels share one reached-bit set, cleared bit by bit after each cascade (O(reached), not
// O(nodes)). Without delays a frontier queue walks live arcs found by geometric skips, one level
// at a time; with delays a heap with lazy deletion settles nodes in arrival order and draws a
// node's live arcs once, when it is settled, so both see the same live arcs.

#include "sim/cascade/independent_cascade.hpp"

#include <algorithm>
#include <queue>

#include "sim/util/prefetch.hpp"

namespace sim::cascade {

using graph::ArcIndex;
using graph::NodeId;

IndependentCascade::IndependentCascade(const graph::Graph& graph, const Transmission& transmission,
                                       const util::Bitset* active)
    : graph_(&graph), transmission_(&transmission), active_(active), reached_(graph.node_count()) {
  queue_.reserve(graph.node_count());
}

void IndependentCascade::clear_reached() {
  // Clearing only the reached bits costs O(reached), not O(nodes), for small cascades.
  if (queue_.size() * 8 < reached_.size() / 64) {
    for (const NodeId node : queue_)
      reached_.reset(node);
  } else {
    reached_.clear();
  }
  queue_.clear();
}

void IndependentCascade::start(std::span<const NodeId> seeds) {
  clear_reached();
  arrival_.clear();
  for (const NodeId seed : seeds) {
    if (active_ != nullptr && !active_->test(seed)) continue;
    if (reached_.test_and_set(seed)) continue;
    util::prefetch(&graph_->out_offsets()[seed]);
    queue_.push_back(seed);
  }
}

CascadeOutcome IndependentCascade::run(const CascadeKey& key, std::span<const NodeId> seeds) {
  start(seeds);
  CascadeOutcome outcome;
  const auto offsets = graph_->out_offsets();
  const auto targets = graph_->out_targets();
  // Level by level, in two passes: first the live arcs of every node of the level (random numbers
  // only), each arc's target fetched ahead, then the targets themselves. A target is a cache miss
  // in a large graph; waited for one at a time they took most of a subcritical cascade's time.
  // The nodes come out in the order of a plain breadth-first search.
  std::size_t level_begin = 0;
  while (level_begin < queue_.size()) {
    const std::size_t level_end = queue_.size();
    live_.clear();
    for (std::size_t i = level_begin; i < level_end; ++i) {
      const NodeId node = queue_[i];
      outcome.arcs_decided += offsets[node + 1] - offsets[node];
      transmission_->for_each_live_arc(*graph_, key, rng::Stream::kCascadeLive, node,
                                       [&](ArcIndex arc) {
                                         util::prefetch(&targets[arc]);
                                         live_.push_back(arc);
                                       });
    }
    for (const ArcIndex arc : live_) {
      const NodeId follower = targets[arc];
      if (active_ != nullptr && !active_->test(follower)) continue;
      if (reached_.test_and_set(follower)) continue;
      util::prefetch(&offsets[follower]);
      queue_.push_back(follower);
    }
    if (queue_.size() > level_end) ++outcome.rounds;
    level_begin = level_end;
  }
  outcome.reached = static_cast<std::uint32_t>(queue_.size());
  return outcome;
}

CascadeOutcome IndependentCascade::run_timed(const CascadeKey& key, std::span<const NodeId> seeds,
                                             const DelayModel& delay) {
  // Dijkstra over live arcs. A node's live arcs are drawn when it is settled; it is settled once,
  // so they are the same arcs run() would use. `reached_` marks settled nodes; tentative arrival
  // times live in a heap with lazy deletion.
  clear_reached();
  arrival_.clear();
  struct Entry {
    double hours;
    NodeId node;
    std::uint32_t hops;
    bool operator>(const Entry& other) const {
      return hours != other.hours ? hours > other.hours : node > other.node;
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> frontier;
  for (const NodeId seed : seeds) {
    if (active_ == nullptr || active_->test(seed)) frontier.push({0.0, seed, 0});
  }
  CascadeOutcome outcome;
  const auto offsets = graph_->out_offsets();
  const auto targets = graph_->out_targets();
  while (!frontier.empty()) {
    const Entry entry = frontier.top();
    frontier.pop();
    if (reached_.test_and_set(entry.node)) continue;
    queue_.push_back(entry.node);
    arrival_.push_back(entry.hours);
    outcome.rounds = std::max(outcome.rounds, entry.hops);
    outcome.arcs_decided += offsets[entry.node + 1] - offsets[entry.node];
    transmission_->for_each_live_arc(
        *graph_, key, rng::Stream::kCascadeLive, entry.node, [&](ArcIndex arc) {
          const NodeId follower = targets[arc];
          if (active_ != nullptr && !active_->test(follower)) return;
          if (reached_.test(follower)) return;
          frontier.push({entry.hours + delay.hours_for(key, arc), follower, entry.hops + 1});
        });
  }
  outcome.reached = static_cast<std::uint32_t>(queue_.size());
  return outcome;
}

}  // namespace sim::cascade
