// Summaries of the cascade samples: the standard error treats each group of consecutive cascades
// that may be correlated (those sharing one live graph) as one draw, quantiles interpolate
// linearly, and the share of large cascades uses the caller's size threshold.

#include "sim/cascade/summary.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#include "sim/util/statistics.hpp"

namespace sim::cascade {
namespace {

using util::mean_of;

/// Standard error of the mean of `values`, treating consecutive groups of `cluster` as one draw.
double clustered_std_error(const std::vector<double>& values, std::uint64_t cluster) {
  std::vector<double> means;
  for (std::size_t begin = 0; begin < values.size(); begin += cluster) {
    const std::size_t end = std::min<std::size_t>(values.size(), begin + cluster);
    means.push_back(std::accumulate(values.begin() + static_cast<std::ptrdiff_t>(begin),
                                    values.begin() + static_cast<std::ptrdiff_t>(end), 0.0) /
                    static_cast<double>(end - begin));
  }
  if (means.size() < 2) return 0.0;
  return util::standard_deviation(means) / std::sqrt(static_cast<double>(means.size()));
}

}  // namespace

SizeSummary summarise(const CascadeSamples& samples, double large_fraction,
                      const std::vector<double>& times_hours, std::uint64_t cluster) {
  SizeSummary s;
  s.samples = samples.reached.size();
  s.eligible_nodes = samples.eligible_nodes;
  if (s.samples == 0) return s;
  const std::vector<double> sizes(samples.reached.begin(), samples.reached.end());
  s.mean = mean_of(sizes);
  s.sd = util::standard_deviation(sizes);
  s.std_error = clustered_std_error(sizes, std::max<std::uint64_t>(cluster, 1));
  s.min = *std::min_element(samples.reached.begin(), samples.reached.end());
  s.max = *std::max_element(samples.reached.begin(), samples.reached.end());
  for (std::size_t i = 0; i < kSummaryQuantiles.size(); ++i) {
    s.quantiles[i] = quantile(sizes, kSummaryQuantiles[i]);
  }
  s.large_threshold =
      static_cast<std::uint64_t>(std::ceil(large_fraction * static_cast<double>(s.eligible_nodes)));
  std::vector<double> is_large(sizes.size());
  double large_sum = 0.0;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    is_large[i] = samples.reached[i] >= s.large_threshold ? 1.0 : 0.0;
    large_sum += is_large[i] * sizes[i];
  }
  s.p_large = mean_of(is_large);
  s.p_large_se = clustered_std_error(is_large, std::max<std::uint64_t>(cluster, 1));
  const double large_count = s.p_large * static_cast<double>(s.samples);
  if (large_count > 0 && s.eligible_nodes > 0) {
    s.large_mean_fraction = large_sum / large_count / static_cast<double>(s.eligible_nodes);
  }
  s.rounds_counted = samples.rounds_counted;
  s.mean_rounds = mean_of(std::vector<double>(samples.rounds.begin(), samples.rounds.end()));
  s.arcs_decided_per_cascade =
      mean_of(std::vector<double>(samples.arcs_decided.begin(), samples.arcs_decided.end()));
  s.times_hours = times_hours;
  for (std::size_t t = 0; t < samples.time_count; ++t) {
    double sum = 0.0;
    for (std::size_t c = 0; c < s.samples; ++c) {
      sum += samples.reached_by_time[c * samples.time_count + t];
    }
    s.mean_fraction_by_time.push_back(
        sum / static_cast<double>(s.samples) /
        static_cast<double>(std::max<std::uint64_t>(s.eligible_nodes, 1)));
  }
  for (const std::uint32_t size : samples.reached) {
    const auto bin = size == 0 ? 0 : static_cast<std::size_t>(std::bit_width(size) - 1);
    if (s.log2_histogram.size() <= bin) s.log2_histogram.resize(bin + 1, 0);
    ++s.log2_histogram[bin];
  }
  return s;
}

}  // namespace sim::cascade
