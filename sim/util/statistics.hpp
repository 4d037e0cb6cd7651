#pragma once
/// Small descriptive statistics shared by the summaries of cascades and runs.

#include <vector>

namespace sim::util {

/// The q-quantile (0..1) of values, by linear interpolation between order statistics (0 if empty).
double quantile(std::vector<double> values, double q);

double mean_of(const std::vector<double>& values);

/// The sample standard deviation (divisor n - 1); 0 for fewer than two values.
double standard_deviation(const std::vector<double>& values);

}  // namespace sim::util
