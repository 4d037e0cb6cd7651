#pragma once
/// Parallel arc emission for generators whose draws are keyed by node: each node's arcs depend only
/// on its own counter-based draws, and build_graph sorts the union, so the graph does not depend on
/// which thread produced which arcs.

#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <vector>

#include "sim/graph/types.hpp"

namespace sim::graph::generators {

inline constexpr NodeId kGeneratorGrain = 1024;

/// Calls body(node, arcs) for every node in [0, node_count) in parallel, where arcs is a
/// std::vector<Arc>& to append to, and returns all arcs appended.
template <class Body>
std::vector<Arc> collect_arcs(NodeId node_count, Body&& body) {
  tbb::enumerable_thread_specific<std::vector<Arc>> buffers;
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, node_count, kGeneratorGrain),
                    [&](const tbb::blocked_range<NodeId>& range) {
                      std::vector<Arc>& out = buffers.local();
                      for (NodeId node = range.begin(); node != range.end(); ++node)
                        body(node, out);
                    });
  std::size_t total = 0;
  for (const auto& buffer : buffers)
    total += buffer.size();
  std::vector<Arc> arcs;
  arcs.reserve(total);
  for (auto& buffer : buffers) {
    arcs.insert(arcs.end(), buffer.begin(), buffer.end());
    buffer = {};
  }
  return arcs;
}

/// Adds both arcs of an undirected edge.
inline void push_edge(std::vector<Arc>& arcs, NodeId a, NodeId b) {
  arcs.push_back({a, b});
  arcs.push_back({b, a});
}

}  // namespace sim::graph::generators
