// Parallel deterministic CSR construction.
//
// Input arcs are sorted by (source, target) with tbb::parallel_sort; self-loops and duplicates are
// dropped in a single pass. The forward offsets come from a binary search per node. The backward
// (followee) rows are filled by atomic cursors, whose order depends on scheduling, and then each
// row is sorted, so the final arrays depend only on the arc set. Boost's bidirectional CSR exposes
// its arrays as public members (m_forward, m_backward); we fill them directly, in parallel, which
// the tests check against Boost's own (serial) constructor.

#include "sim/graph/build.hpp"

#include <tbb/parallel_for.h>
#include <tbb/parallel_sort.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>

namespace sim::graph {
namespace {

constexpr std::size_t kNodeGrain = 4096;
constexpr std::size_t kArcGrain = 1 << 16;

void sort_and_compact(std::vector<Arc>& arcs, BuildReport& report) {
  tbb::parallel_sort(arcs.begin(), arcs.end(),
                     [](const Arc& a, const Arc& b) { return arc_key(a) < arc_key(b); });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    const Arc arc = arcs[i];
    if (arc.source == arc.target) {
      ++report.self_loops;
    } else if (kept > 0 && arcs[kept - 1] == arc) {
      ++report.duplicates;
    } else {
      arcs[kept++] = arc;
    }
  }
  arcs.resize(kept);
  arcs.shrink_to_fit();
}

std::vector<ArcIndex> forward_offsets(NodeId node_count, const std::vector<Arc>& arcs) {
  std::vector<ArcIndex> offsets(std::size_t{node_count} + 1);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, offsets.size(), kNodeGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t node = range.begin(); node != range.end(); ++node) {
                        const auto first = std::lower_bound(
                            arcs.begin(), arcs.end(), node,
                            [](const Arc& arc, std::size_t u) { return arc.source < u; });
                        offsets[node] = static_cast<ArcIndex>(first - arcs.begin());
                      }
                    });
  return offsets;
}

std::vector<NodeId> forward_targets(const std::vector<Arc>& arcs) {
  std::vector<NodeId> targets(arcs.size());
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, arcs.size(), kArcGrain),
                    [&](const tbb::blocked_range<std::size_t>& range) {
                      for (std::size_t i = range.begin(); i != range.end(); ++i) {
                        targets[i] = arcs[i].target;
                      }
                    });
  return targets;
}

/// Exclusive prefix sum of counts into offsets (size counts.size() + 1).
std::vector<ArcIndex> offsets_from_counts(const std::vector<ArcIndex>& counts) {
  std::vector<ArcIndex> offsets(counts.size() + 1, 0);
  for (std::size_t i = 0; i < counts.size(); ++i)
    offsets[i + 1] = offsets[i] + counts[i];
  return offsets;
}

/// Fills the backward (followee) structure of `csr` from its forward structure.
void transpose(BoostCsr& csr, NodeId node_count) {
  const auto& out_offsets = csr.m_forward.m_rowstart;
  const auto& out_targets = csr.m_forward.m_column;
  std::vector<ArcIndex> in_counts(node_count, 0);
  auto for_each_source = [&](auto&& body) {
    tbb::parallel_for(tbb::blocked_range<NodeId>(0, node_count, kNodeGrain),
                      [&](const tbb::blocked_range<NodeId>& range) {
                        for (NodeId source = range.begin(); source != range.end(); ++source) {
                          for (ArcIndex a = out_offsets[source]; a < out_offsets[source + 1]; ++a) {
                            body(source, a);
                          }
                        }
                      });
  };
  for_each_source([&](NodeId, ArcIndex a) {
    std::atomic_ref<ArcIndex>(in_counts[out_targets[a]]).fetch_add(1, std::memory_order_relaxed);
  });
  std::vector<ArcIndex> in_offsets = offsets_from_counts(in_counts);
  std::vector<ArcIndex>& cursor = in_counts;
  std::copy(in_offsets.begin(), in_offsets.end() - 1, cursor.begin());
  std::vector<NodeId> in_sources(out_targets.size());
  std::vector<ArcIndex> in_arc(out_targets.size());
  for_each_source([&](NodeId source, ArcIndex a) {
    const ArcIndex slot =
        std::atomic_ref<ArcIndex>(cursor[out_targets[a]]).fetch_add(1, std::memory_order_relaxed);
    in_sources[slot] = source;
    in_arc[slot] = a;
  });
  // Arc indices grow with the source (arcs are numbered in source order), so sorting each row's
  // sources and arc indices separately keeps every pair together and needs no lookups.
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, node_count, kNodeGrain / 4),
                    [&](const tbb::blocked_range<NodeId>& range) {
                      for (NodeId target = range.begin(); target != range.end(); ++target) {
                        const auto first = static_cast<std::ptrdiff_t>(in_offsets[target]);
                        const auto last = static_cast<std::ptrdiff_t>(in_offsets[target + 1]);
                        std::sort(in_sources.begin() + first, in_sources.begin() + last);
                        std::sort(in_arc.begin() + first, in_arc.begin() + last);
                      }
                    });
  csr.m_backward.m_rowstart = std::move(in_offsets);
  csr.m_backward.m_column = std::move(in_sources);
  csr.m_backward.m_edge_properties = std::move(in_arc);
}

}  // namespace

Graph graph_from_csr(std::vector<ArcIndex> offsets, std::vector<NodeId> targets,
                     NodeAttributes attributes) {
  if (offsets.empty()) throw std::invalid_argument("CSR offsets must hold node_count + 1 entries");
  const auto node_count = static_cast<NodeId>(offsets.size() - 1);
  BoostCsr csr(node_count);
  csr.m_forward.m_rowstart = std::move(offsets);
  csr.m_forward.m_column = std::move(targets);
  transpose(csr, node_count);
  return Graph(std::move(csr), std::move(attributes));
}

Graph build_graph(NodeId node_count, std::vector<Arc> arcs, NodeAttributes attributes,
                  BuildReport* report) {
  const bool in_range = std::all_of(arcs.begin(), arcs.end(), [node_count](const Arc& arc) {
    return arc.source < node_count && arc.target < node_count;
  });
  if (!in_range) throw std::invalid_argument("arc endpoint out of range in build_graph");
  BuildReport local;
  local.input_arcs = arcs.size();
  sort_and_compact(arcs, local);
  std::vector<ArcIndex> offsets = forward_offsets(node_count, arcs);
  std::vector<NodeId> targets = forward_targets(arcs);
  arcs = {};
  if (report != nullptr) *report = local;
  return graph_from_csr(std::move(offsets), std::move(targets), std::move(attributes));
}

Graph graph_from_both(std::vector<ArcIndex> offsets, std::vector<NodeId> targets,
                      std::vector<ArcIndex> in_offsets, std::vector<NodeId> in_sources,
                      std::vector<ArcIndex> in_arcs, NodeAttributes attributes) {
  if (offsets.empty()) throw std::invalid_argument("CSR offsets must hold node_count + 1 entries");
  BoostCsr csr(static_cast<NodeId>(offsets.size() - 1));
  csr.m_forward.m_rowstart = std::move(offsets);
  csr.m_forward.m_column = std::move(targets);
  csr.m_backward.m_rowstart = std::move(in_offsets);
  csr.m_backward.m_column = std::move(in_sources);
  csr.m_backward.m_edge_properties = std::move(in_arcs);
  return Graph(std::move(csr), std::move(attributes));
}

namespace {

/// The first node (in id order) for which `bad(node)` gives a message, checked in parallel.
template <class Check>
std::string first_problem(NodeId node_count, Check bad) {
  std::atomic<NodeId> first{node_count};
  tbb::parallel_for(tbb::blocked_range<NodeId>(0, node_count, kNodeGrain / 4),
                    [&](const tbb::blocked_range<NodeId>& range) {
                      for (NodeId node = range.begin(); node != range.end(); ++node) {
                        if (node >= first.load(std::memory_order_relaxed)) return;
                        if (!bad(node).empty()) {
                          NodeId seen = first.load();
                          while (node < seen && !first.compare_exchange_weak(seen, node)) {
                          }
                          return;
                        }
                      }
                    });
  return first.load() == node_count ? std::string() : bad(first.load());
}

}  // namespace

std::string validate_followee_rows(NodeId node_count, ArcIndex arc_count,
                                   const std::vector<ArcIndex>& in_offsets,
                                   const std::vector<NodeId>& in_sources,
                                   const std::vector<ArcIndex>& in_arcs) {
  if (in_offsets.size() != std::size_t{node_count} + 1) {
    return "in_offsets must hold node_count + 1 entries";
  }
  if (in_offsets.front() != 0 || in_offsets.back() != arc_count || in_sources.size() != arc_count ||
      in_arcs.size() != arc_count) {
    return "the followee arrays do not hold one entry per arc";
  }
  return first_problem(node_count, [&](NodeId target) -> std::string {
    const ArcIndex begin = in_offsets[target], end = in_offsets[target + 1];
    if (end < begin || end > arc_count)
      return "in_offsets decrease at node " + std::to_string(target);
    for (ArcIndex slot = begin; slot < end; ++slot) {
      const bool in_range = in_sources[slot] < node_count && in_arcs[slot] < arc_count;
      const bool increasing = slot == begin || (in_sources[slot - 1] < in_sources[slot] &&
                                                in_arcs[slot - 1] < in_arcs[slot]);
      if (!in_range || !increasing) {
        return "followee row of node " + std::to_string(target) + " is out of range or unsorted";
      }
    }
    return {};
  });
}

std::string validate_transpose(const std::vector<ArcIndex>& offsets,
                               const std::vector<NodeId>& targets,
                               const std::vector<ArcIndex>& in_offsets,
                               const std::vector<NodeId>& in_sources,
                               const std::vector<ArcIndex>& in_arcs) {
  const auto node_count = static_cast<NodeId>(offsets.size() - 1);
  if (in_offsets.size() != offsets.size()) return "in_offsets must hold node_count + 1 entries";
  if (in_offsets.front() != 0 || in_offsets.back() != targets.size() ||
      in_sources.size() != targets.size() || in_arcs.size() != targets.size()) {
    return "the followee arrays do not hold one entry per arc";
  }
  return first_problem(node_count, [&](NodeId target) -> std::string {
    const ArcIndex begin = in_offsets[target], end = in_offsets[target + 1];
    if (end < begin || end > in_sources.size()) {
      return "in_offsets decrease at node " + std::to_string(target);
    }
    for (ArcIndex slot = begin; slot < end; ++slot) {
      const NodeId source = in_sources[slot];
      const ArcIndex arc = in_arcs[slot];
      const bool named = source < node_count && arc < targets.size() && targets[arc] == target &&
                         offsets[source] <= arc && arc < offsets[source + 1];
      if (!named || (slot > begin && in_sources[slot - 1] >= source)) {
        return "followee row of node " + std::to_string(target) +
               " is not the transpose of the follower rows";
      }
    }
    return {};
  });
}

std::string validate_csr(const std::vector<ArcIndex>& offsets, const std::vector<NodeId>& targets) {
  if (offsets.empty()) return "offsets must hold node_count + 1 entries";
  if (offsets.size() - 1 > kMaxNodes) return "too many nodes for 32-bit ids";
  if (offsets.front() != 0) return "offsets must start at 0";
  if (offsets.back() != targets.size()) return "last offset must equal the number of arcs";
  const auto node_count = static_cast<NodeId>(offsets.size() - 1);
  for (NodeId node = 0; node < node_count; ++node) {
    if (offsets[node + 1] < offsets[node])
      return "offsets decrease at node " + std::to_string(node);
  }
  return first_problem(node_count, [&](NodeId node) -> std::string {
    for (ArcIndex a = offsets[node]; a < offsets[node + 1]; ++a) {
      const NodeId target = targets[a];
      if (target >= node_count) {
        return "arc target " + std::to_string(target) + " out of range at arc " + std::to_string(a);
      }
      if (target == node) return "self-loop at node " + std::to_string(node);
      if (a > offsets[node] && targets[a - 1] >= target) {
        return "row of node " + std::to_string(node) + " is not strictly increasing";
      }
    }
    return {};
  });
}

}  // namespace sim::graph
