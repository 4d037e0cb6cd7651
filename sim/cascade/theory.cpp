// The self-consistency equations solved by fixed-point iteration from the end that converges to
// the physical root (1 for the giant share, 0 for the edge probabilities), and the Watts window
// from the Poisson degree distribution.

#include "sim/cascade/theory.hpp"

#include <cmath>

namespace sim::cascade::theory {
namespace {

/// Iterates x <- f(x) from `start` until it moves less than 1e-14 (monotone maps here converge).
template <class Map>
double fixed_point(Map map, double start) {
  double x = start;
  for (int i = 0; i < 100000; ++i) {
    const double next = map(x);
    if (std::abs(next - x) < 1e-14) return next;
    x = next;
  }
  return x;
}

double poisson_probability(double mean, int k) {
  return std::exp(k * std::log(mean) - mean - std::lgamma(k + 1.0));
}

}  // namespace

double poisson_giant_share(double mean_degree, double p) {
  // Start at 1: the iteration then converges to the largest root (0 below the threshold).
  return fixed_point([&](double s) { return 1.0 - std::exp(-mean_degree * p * s); }, 1.0);
}

double poisson_seeded_share(double mean_degree, double p, double rho) {
  // theta is the probability that a neighbour does not pass the message; start from 0, the
  // smallest value, so the iteration climbs to the smallest root (the physical one).
  const double theta = fixed_point(
      [&](double t) { return 1.0 - p + p * (1.0 - rho) * std::exp(mean_degree * (t - 1.0)); }, 0.0);
  return 1.0 - (1.0 - rho) * std::exp(mean_degree * (theta - 1.0));
}

double configuration_giant_share(const std::vector<double>& nodes_by_degree, double p) {
  double nodes = 0.0, stubs = 0.0;
  for (std::size_t k = 0; k < nodes_by_degree.size(); ++k) {
    nodes += nodes_by_degree[k];
    stubs += static_cast<double>(k) * nodes_by_degree[k];
  }
  if (nodes == 0.0 || stubs == 0.0) return 0.0;
  auto g0 = [&](double x) {
    double sum = 0.0;
    for (std::size_t k = 0; k < nodes_by_degree.size(); ++k) {
      sum += nodes_by_degree[k] / nodes * std::pow(x, static_cast<double>(k));
    }
    return sum;
  };
  auto g1 = [&](double x) {
    double sum = 0.0;
    for (std::size_t k = 1; k < nodes_by_degree.size(); ++k) {
      sum += static_cast<double>(k) * nodes_by_degree[k] / stubs *
             std::pow(x, static_cast<double>(k - 1));
    }
    return sum;
  };
  // u: probability that an edge does not lead into the giant; start at 0 to reach the smallest
  // root in [0, 1].
  const double u = fixed_point([&](double x) { return 1.0 - p + p * g1(x); }, 0.0);
  return 1.0 - g0(u);
}

double watts_margin(double mean_degree, double phi) {
  const int vulnerable_max = phi <= 0.0 ? 1000 : static_cast<int>(std::floor(1.0 / phi + 1e-12));
  double sum = 0.0;
  for (int k = 2; k <= vulnerable_max && k < 1000; ++k) {
    sum += k * (k - 1.0) * poisson_probability(mean_degree, k);
  }
  return sum - mean_degree;
}

std::pair<double, double> watts_window(double phi) {
  constexpr double kStep = 0.001;
  double low = 0.0, high = 0.0;
  for (double z = kStep; z <= 40.0; z += kStep) {
    if (watts_margin(z, phi) > 0.0) {
      if (low == 0.0) low = z;
      high = z;
    }
  }
  return {low, high};
}

}  // namespace sim::cascade::theory
