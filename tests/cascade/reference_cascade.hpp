#pragma once
// Serial reference implementations the cascade kernels are checked against: the live arcs of every
// node are listed first (with the kernel's own keyed draws), then a textbook breadth-first search,
// or a textbook threshold iteration, runs on them.

#include <algorithm>
#include <queue>
#include <set>
#include <vector>

#include "sim/cascade/threshold_cascade.hpp"
#include "sim/cascade/transmission.hpp"

namespace sim::test {

struct ReferenceOutcome {
  std::set<graph::NodeId> reached;
  std::uint32_t rounds = 0;
};

/// Live arcs (as follower lists) of every node for one cascade key and stream.
inline std::vector<std::vector<graph::NodeId>> live_followers(const graph::Graph& graph,
                                                              const cascade::Transmission& t,
                                                              const cascade::CascadeKey& key,
                                                              rng::Stream stream) {
  std::vector<std::vector<graph::NodeId>> live(graph.node_count());
  for (graph::NodeId u = 0; u < graph.node_count(); ++u) {
    t.for_each_live_arc(graph, key, stream, u,
                        [&](graph::ArcIndex arc) { live[u].push_back(graph.out_targets()[arc]); });
  }
  return live;
}

/// Breadth-first search over live arcs with a distance per node.
inline ReferenceOutcome reference_bfs(const std::vector<std::vector<graph::NodeId>>& live,
                                      const std::vector<graph::NodeId>& seeds,
                                      const util::Bitset* active = nullptr) {
  auto ok = [&](graph::NodeId v) { return active == nullptr || active->test(v); };
  std::vector<int> distance(live.size(), -1);
  std::queue<graph::NodeId> queue;
  ReferenceOutcome out;
  for (const auto s : seeds) {
    if (ok(s) && distance[s] < 0) {
      distance[s] = 0;
      queue.push(s);
    }
  }
  while (!queue.empty()) {
    const auto u = queue.front();
    queue.pop();
    out.reached.insert(u);
    out.rounds = std::max(out.rounds, static_cast<std::uint32_t>(distance[u]));
    for (const auto v : live[u]) {
      if (ok(v) && distance[v] < 0) {
        distance[v] = distance[u] + 1;
        queue.push(v);
      }
    }
  }
  return out;
}

/// Synchronous threshold rounds by full sweeps over all nodes (count thresholds given per node;
/// kNever marks nodes that cannot adopt).
inline ReferenceOutcome reference_threshold(const graph::Graph& graph,
                                            const std::vector<std::uint32_t>& need,
                                            const std::vector<graph::NodeId>& seeds) {
  constexpr std::uint32_t kNever = ~std::uint32_t{0};
  std::vector<bool> adopted(graph.node_count(), false);
  for (const auto s : seeds)
    adopted[s] = true;
  for (graph::NodeId v = 0; v < graph.node_count(); ++v) {
    if (need[v] == 0) adopted[v] = true;
  }
  ReferenceOutcome out;
  while (true) {
    std::vector<graph::NodeId> fresh;
    for (graph::NodeId v = 0; v < graph.node_count(); ++v) {
      if (adopted[v] || need[v] == kNever) continue;
      std::uint32_t count = 0;
      for (const auto u : graph.followees(v))
        count += adopted[u] ? 1U : 0U;
      if (count >= need[v]) fresh.push_back(v);
    }
    if (fresh.empty()) break;
    ++out.rounds;
    for (const auto v : fresh)
      adopted[v] = true;
  }
  for (graph::NodeId v = 0; v < graph.node_count(); ++v) {
    if (adopted[v]) out.reached.insert(v);
  }
  return out;
}

}  // namespace sim::test
