// The moves sampler of ABC-SMC (abc_smc.hpp, Sampler::kMoves). Every draw of slot j in generation
// t comes from its own addresses (the resampling at attempt 0, step m at attempt m), and each
// step's simulations run as one round, so the result is the same for any thread or process
// count.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/calibration/abc_rounds.hpp"
#include "sim/calibration/gaussian_kernel.hpp"
#include "sim/rng/distributions.hpp"

namespace sim::calibration {
namespace {

/// The random walk: 2.38^2 / d times the weighted covariance of the particles `within`.
GaussianKernel random_walk(const Generation& previous, const std::vector<std::size_t>& within) {
  std::vector<std::vector<double>> points;
  std::vector<double> weights;
  double total = 0.0;
  for (const std::size_t k : within)
    total += previous.weights[k];
  for (const std::size_t k : within) {
    points.push_back(previous.z[k]);
    weights.push_back(previous.weights[k] / total);
  }
  const GaussianKernel twice(points, weights);  // twice the covariance
  const std::size_t d = twice.dimensions();
  const double scale = 2.38 * 2.38 / static_cast<double>(d) / 2.0;
  std::vector<double> covariance(d * d, 0.0);
  for (std::size_t a = 0; a < d; ++a) {
    for (std::size_t b = 0; b <= a; ++b)
      covariance[a * d + b] = scale * twice.covariance(a, b);
  }
  return GaussianKernel(d, std::move(covariance));
}

double squared_norm(const std::vector<double>& z) {
  return std::inner_product(z.begin(), z.end(), z.begin(), 0.0);
}

}  // namespace

Generation moved_generation(const std::vector<FreeParameter>& parameters,
                            const AbcSettings& settings, const Generation& previous, std::size_t t,
                            const Simulator& simulate, const Spread& spread) {
  const std::size_t n = settings.particles;
  Generation g;
  g.tolerance = weighted_quantile(previous.distances, previous.weights, settings.quantile);
  // The particles within the new tolerance (never none: the tolerance is one of the distances).
  std::vector<std::size_t> within;
  std::vector<double> cumulative;
  double sum = 0.0;
  for (std::size_t k = 0; k < previous.z.size(); ++k) {
    if (previous.distances[k] > g.tolerance) continue;
    within.push_back(k);
    cumulative.push_back(sum += previous.weights[k]);
  }
  // Resampled by weight to equal weights.
  for (std::size_t j = 0; j < n; ++j) {
    rng::RandomStream draws = proposal_draws(settings, t, j, 0);
    const double target = rng::to_unit(draws.next()) * sum;
    const auto at =
        std::upper_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin();
    const std::size_t k = within[std::min(static_cast<std::size_t>(at), within.size() - 1)];
    g.z.push_back(previous.z[k]);
    g.values.push_back(previous.values[k]);
    g.distances.push_back(previous.distances[k]);
    g.simulations.push_back(previous.simulations[k]);
  }
  g.weights.assign(n, 1.0 / static_cast<double>(n));
  const GaussianKernel walk = random_walk(previous, within);
  for (std::size_t step = 1; step <= settings.moves; ++step) {
    std::vector<std::vector<double>> z(n), values(n);
    std::vector<double> uniform(n);
    for (std::size_t j = 0; j < n; ++j) {
      rng::RandomStream draws = proposal_draws(settings, t, j, step);
      z[j] = walk.move(g.z[j], normals(draws, parameters.size()));
      uniform[j] = rng::to_unit(draws.next());
      values[j] = values_at(parameters, z[j]);
    }
    const std::vector<double> distances = round_distances(n, spread, [&](std::size_t j) {
      return distance_of(simulate, values[j], simulation_key(t, j, step));
    });
    for (std::size_t j = 0; j < n; ++j) {
      // The prior is standard normal in z and the walk symmetric: the Metropolis ratio is the
      // prior's.
      const double log_ratio = 0.5 * (squared_norm(g.z[j]) - squared_norm(z[j]));
      if (distances[j] > g.tolerance || std::log(uniform[j]) >= log_ratio) continue;
      g.z[j] = std::move(z[j]);
      g.values[j] = std::move(values[j]);
      g.distances[j] = distances[j];
      g.simulations[j] = simulation_key(t, j, step);
      ++g.accepted;
    }
  }
  g.proposals = n * settings.moves;
  return g;
}

}  // namespace sim::calibration
