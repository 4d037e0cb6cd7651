#pragma once
/// Deterministic, parallel construction of the follower graph from arcs in any order.
/// Pipeline (after GAP): parallel sort -> drop self-loops and duplicates -> forward offsets ->
/// transpose by counting (atomic counts, then each row sorted) -> Boost CSR. The result depends
/// only on the set of arcs, never on their input order or the thread count.

#include <vector>

#include "sim/graph/graph.hpp"

namespace sim::graph {

/// What the builder removed from its input.
struct BuildReport {
  ArcIndex input_arcs = 0;  ///< arcs given
  ArcIndex self_loops = 0;  ///< arcs u -> u dropped
  ArcIndex duplicates = 0;  ///< repeated arcs dropped
};

/// Builds a graph of `node_count` nodes from `arcs` (consumed). Every id must be < node_count
/// (std::invalid_argument otherwise; loaders check their input first and report it properly).
Graph build_graph(NodeId node_count, std::vector<Arc> arcs, NodeAttributes attributes = {},
                  BuildReport* report = nullptr);

/// Builds a graph from forward CSR arrays: offsets (node_count + 1, non-decreasing, from 0 to
/// targets.size()) and targets (each row strictly increasing, ids < node_count, no self-loops).
/// The caller has validated them (see validate_csr).
Graph graph_from_csr(std::vector<ArcIndex> offsets, std::vector<NodeId> targets,
                     NodeAttributes attributes = {});

/// Empty string when the CSR arrays satisfy graph_from_csr's preconditions, else what is wrong.
std::string validate_csr(const std::vector<ArcIndex>& offsets, const std::vector<NodeId>& targets);

/// The graph from both directions as stored (followee rows: sources and arc indices); "" from
/// validate_transpose must hold. Builds nothing: loading is reading.
Graph graph_from_both(std::vector<ArcIndex> offsets, std::vector<NodeId> targets,
                      std::vector<ArcIndex> in_offsets, std::vector<NodeId> in_sources,
                      std::vector<ArcIndex> in_arcs, NodeAttributes attributes = {});

/// "" when the followee arrays are safe to use (sizes, non-decreasing offsets, sources and arc
/// indices in range and strictly increasing per row), without checking that they are the
/// transpose: sequential reads only, for files whose checksum vouches for the rest. Parallel.
std::string validate_followee_rows(NodeId node_count, ArcIndex arc_count,
                                   const std::vector<ArcIndex>& in_offsets,
                                   const std::vector<NodeId>& in_sources,
                                   const std::vector<ArcIndex>& in_arcs);

/// "" when the followee rows are exactly the transpose of a valid forward CSR (each slot names
/// the forward arc source -> target, rows strictly increasing), else what is wrong. Parallel.
std::string validate_transpose(const std::vector<ArcIndex>& offsets,
                               const std::vector<NodeId>& targets,
                               const std::vector<ArcIndex>& in_offsets,
                               const std::vector<NodeId>& in_sources,
                               const std::vector<ArcIndex>& in_arcs);

}  // namespace sim::graph
