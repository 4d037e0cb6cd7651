#include "sim/graph/stats/degree_summary.hpp"

#include <tbb/parallel_sort.h>

#include <cmath>

namespace sim::graph::stats {
namespace {

/// Nearest-rank percentile of sorted values: the smallest value with at least q of the mass.
std::uint64_t percentile(const std::vector<std::uint64_t>& sorted, double q) {
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(sorted.size())));
  return sorted[rank == 0 ? 0 : rank - 1];
}

}  // namespace

DegreeSummary summarize_degrees(std::vector<std::uint64_t> degrees) {
  DegreeSummary summary;
  if (degrees.empty()) return summary;
  tbb::parallel_sort(degrees.begin(), degrees.end());
  std::uint64_t total = 0;
  for (std::uint64_t d : degrees) {
    total += d;
    summary.zeros += d == 0 ? 1 : 0;
  }
  summary.mean = static_cast<double>(total) / static_cast<double>(degrees.size());
  summary.max = degrees.back();
  summary.p50 = percentile(degrees, 0.50);
  summary.p90 = percentile(degrees, 0.90);
  summary.p99 = percentile(degrees, 0.99);
  const std::size_t top = (degrees.size() + 99) / 100;
  std::uint64_t top_total = 0;
  for (std::size_t i = degrees.size() - top; i < degrees.size(); ++i)
    top_total += degrees[i];
  if (total > 0) summary.top1_share = static_cast<double>(top_total) / static_cast<double>(total);
  return summary;
}

DegreeSummary in_degree_summary(const Graph& graph) {
  std::vector<std::uint64_t> degrees(graph.node_count());
  for (NodeId v = 0; v < graph.node_count(); ++v)
    degrees[v] = graph.followee_count(v);
  return summarize_degrees(std::move(degrees));
}

DegreeSummary out_degree_summary(const Graph& graph) {
  std::vector<std::uint64_t> degrees(graph.node_count());
  for (NodeId u = 0; u < graph.node_count(); ++u)
    degrees[u] = graph.follower_count(u);
  return summarize_degrees(std::move(degrees));
}

}  // namespace sim::graph::stats
