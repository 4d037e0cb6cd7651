#pragma once
/// Summary of a degree distribution: mean, maximum, percentiles, number of zeros, and the share of
/// all degree held by the top 1% of nodes.

#include <cstdint>
#include <vector>

#include "sim/graph/graph.hpp"

namespace sim::graph::stats {

struct DegreeSummary {
  double mean = 0;
  std::uint64_t max = 0;
  std::uint64_t p50 = 0, p90 = 0, p99 = 0;  ///< nearest-rank percentiles
  std::uint64_t zeros = 0;                  ///< nodes with degree 0
  /// Share of the total degree held by the ceil(n / 100) nodes of highest degree (0 when the
  /// total is 0): how concentrated following (in-degree) or being followed (out-degree) is.
  double top1_share = 0;
};

/// Summary of arbitrary degrees (consumed: sorted in place).
DegreeSummary summarize_degrees(std::vector<std::uint64_t> degrees);

/// In-degree (followees per node) and out-degree (followers per node) summaries.
DegreeSummary in_degree_summary(const Graph& graph);
DegreeSummary out_degree_summary(const Graph& graph);

}  // namespace sim::graph::stats
