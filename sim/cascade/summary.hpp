#pragma once
/// Summary statistics of Monte Carlo cascade sizes: mean with standard error, quantiles, the
/// probability of a large cascade and the size of large ones, rounds, reach over time, histogram.

#include <array>
#include <cstdint>
#include <vector>

#include "sim/cascade/study.hpp"

#include "sim/util/statistics.hpp"

namespace sim::cascade {

inline constexpr std::array<double, 5> kSummaryQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};

struct SizeSummary {
  std::uint64_t samples = 0;
  std::uint64_t eligible_nodes = 0;
  double mean = 0, sd = 0, std_error = 0;  ///< final size (nodes); std_error over clusters
  std::uint32_t min = 0, max = 0;
  std::array<double, kSummaryQuantiles.size()> quantiles{};  ///< final size (nodes)
  std::uint64_t large_threshold = 0;  ///< a cascade is large when its size is at least this
  double p_large = 0, p_large_se = 0;
  double large_mean_fraction = 0;  ///< mean relative size (of eligible nodes) of large cascades
  double mean_rounds = 0;
  bool rounds_counted = true;
  double arcs_decided_per_cascade = 0;
  std::vector<double> times_hours;
  std::vector<double> mean_fraction_by_time;  ///< mean share of eligible nodes reached by each time
  /// Histogram of final sizes in bins [2^k, 2^(k+1)): count per bin, from k = 0.
  std::vector<std::uint64_t> log2_histogram;
};

/// `large_fraction`: share of eligible nodes above which a cascade counts as large.
/// `cluster`: number of consecutive cascades that share randomness (cascades per live-arc graph);
/// standard errors are computed from cluster means.
SizeSummary summarise(const CascadeSamples& samples, double large_fraction,
                      const std::vector<double>& times_hours, std::uint64_t cluster = 1);

using util::quantile;

}  // namespace sim::cascade
