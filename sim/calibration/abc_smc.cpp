// Generations are filled slot by slot in parallel; everything a slot draws comes from its own
// addresses, and the weights are computed after the loop from the kept particles alone, so no
// result depends on which thread ran which slot or in which order.

#include "sim/calibration/abc_smc.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>

#include "sim/calibration/abc_rounds.hpp"
#include "sim/calibration/gaussian_kernel.hpp"
#include "sim/calibration/proposal_kernels.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/error.hpp"

namespace sim::calibration {

rng::RandomStream proposal_draws(const AbcSettings& settings, std::size_t generation,
                                 std::size_t particle, std::size_t attempt) {
  return rng::RandomStream({settings.seed, 0}, {rng::Stream::kCalibrationProposal, particle,
                                                static_cast<std::uint32_t>(generation), attempt});
}

std::vector<double> normals(rng::RandomStream& draws, std::size_t count) {
  std::vector<double> z(count);
  for (double& value : z)
    value = rng::normal(draws);
  return z;
}

double distance_of(const Simulator& simulate, const std::vector<double>& values,
                   std::uint64_t simulation) {
  const double distance = simulate(values, simulation);
  if (!std::isfinite(distance) || distance < 0.0) {
    throw util::InputError("calibration: simulation " + std::to_string(simulation) +
                           " gave the distance " + std::to_string(distance) +
                           "; a distance must be finite and non-negative");
  }
  return distance;
}

std::vector<double> round_distances(std::size_t count, const Spread& spread,
                                    const std::function<double(std::size_t)>& distance) {
  std::vector<double> distances(count, 0.0);
  std::vector<char> mine(count, 0);
  for (std::size_t i = spread.rank; i < count; i += spread.ranks)
    mine[i] = 1;
  tbb::parallel_for(std::size_t{0}, count, [&](std::size_t i) {
    if (mine[i] != 0) distances[i] = distance(i);
  });
  if (spread.ranks > 1) spread.share(distances, mine);
  return distances;
}

namespace {

constexpr std::uint64_t kParticleBits = 24, kAttemptBits = 20, kGenerationBits = 20;

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

Generation prior_generation(const std::vector<FreeParameter>& parameters,
                            const AbcSettings& settings, const Simulator& simulate,
                            const Spread& spread) {
  const std::size_t n = settings.particles;
  Generation g;
  g.tolerance = std::numeric_limits<double>::infinity();
  g.proposals = n;
  g.z.resize(n);
  g.values.resize(n);
  g.distances.resize(n);
  g.simulations.resize(n);
  g.weights.assign(n, 1.0 / static_cast<double>(n));
  g.accepted = n;
  for (std::size_t j = 0; j < n; ++j) {
    rng::RandomStream draws = proposal_draws(settings, 0, j, 0);
    g.z[j] = normals(draws, parameters.size());
    g.values[j] = values_at(parameters, g.z[j]);
    g.simulations[j] = simulation_key(0, j, 0);
  }
  g.distances = round_distances(n, spread, [&](std::size_t j) {
    return distance_of(simulate, g.values[j], g.simulations[j]);
  });
  return g;
}

/// The importance weights of a generation's particles: prior(z) / q(z), q(z) = (1 - e) sum_i W_i
/// K_i(z | z_i) + e prior(z) with e the prior share (defensive importance sampling, Hesterberg
/// 1995: no weight prior(z) / q(z) exceeds 1 / e), in logs and normalised.
std::vector<double> importance_weights(const std::vector<std::vector<double>>& particles,
                                       const Generation& previous, const ProposalKernels& kernels,
                                       double prior_share) {
  std::vector<double> log_weights(particles.size());
  for (std::size_t j = 0; j < particles.size(); ++j) {
    const std::vector<double>& z = particles[j];
    const double log_prior = -0.5 * std::inner_product(z.begin(), z.end(), z.begin(), 0.0);
    std::vector<double> terms(previous.z.size());
    for (std::size_t i = 0; i < previous.z.size(); ++i)
      terms[i] = std::log(previous.weights[i]) + kernels.log_density(z, previous.z[i], i);
    if (prior_share > 0.0) {
      for (double& term : terms)
        term += std::log1p(-prior_share);
      terms.push_back(std::log(prior_share) + log_prior);
    }
    const double largest = *std::max_element(terms.begin(), terms.end());
    double sum = 0.0;
    for (const double term : terms)
      sum += std::exp(term - largest);
    log_weights[j] = log_prior - (largest + std::log(sum));
  }
  const double top = *std::max_element(log_weights.begin(), log_weights.end());
  std::vector<double> weights(particles.size());
  double total = 0.0;
  for (std::size_t j = 0; j < weights.size(); ++j)
    total += weights[j] = std::exp(log_weights[j] - top);
  for (double& w : weights)
    w /= total;
  return weights;
}

/// The slot of each cumulative weight's pick: an ancestor drawn by weight.
std::size_t ancestor_at(const std::vector<double>& cumulative, double uniform) {
  const auto at =
      std::upper_bound(cumulative.begin(), cumulative.end(), uniform * cumulative.back()) -
      cumulative.begin();
  return std::min(static_cast<std::size_t>(at), cumulative.size() - 1);
}

/// Generation t from generation t - 1, or nothing when it would accept fewer than
/// settings.min_acceptance of its proposals (`failed` then says so).
std::optional<Generation> next_generation(const std::vector<FreeParameter>& parameters,
                                          const AbcSettings& settings, const Generation& previous,
                                          std::size_t t, const Simulator& simulate,
                                          const Spread& spread, std::string& failed) {
  const std::size_t n = settings.particles;
  Generation g;
  g.tolerance = weighted_quantile(previous.distances, previous.weights, settings.quantile);
  const ProposalKernels kernels(settings, previous, g.tolerance);
  std::vector<double> cumulative(previous.weights.size());
  std::partial_sum(previous.weights.begin(), previous.weights.end(), cumulative.begin());
  g.z.resize(n);
  g.values.resize(n);
  g.distances.resize(n);
  g.simulations.resize(n);
  const double budget = settings.min_acceptance > 0.0
                            ? std::ceil(static_cast<double>(n) / settings.min_acceptance)
                            : std::numeric_limits<double>::infinity();
  std::vector<std::size_t> empty(n);
  std::iota(empty.begin(), empty.end(), std::size_t{0});
  for (std::size_t a = 0; !empty.empty(); ++a) {
    if (static_cast<double>(g.proposals + empty.size()) > budget ||
        a >= (std::size_t{1} << kAttemptBits)) {
      failed = "generation " + std::to_string(t) + " was given up after " +
               std::to_string(g.proposals) + " proposals: " + std::to_string(n - empty.size()) +
               " of " + std::to_string(n) + " within the tolerance " + std::to_string(g.tolerance) +
               ", an acceptance below min_acceptance";
      return std::nullopt;
    }
    // Every process makes every proposal of the round (cheap, and the same everywhere); each
    // simulates its share.
    std::vector<std::vector<double>> z(empty.size()), values(empty.size());
    for (std::size_t e = 0; e < empty.size(); ++e) {
      rng::RandomStream draws = proposal_draws(settings, t, empty[e], a);
      const std::size_t ancestor = ancestor_at(cumulative, rng::to_unit(draws.next()));
      // A share of proposals comes from the prior (drawn only when the share is set, so that
      // runs without it keep their draws).
      const bool from_prior =
          settings.prior_share > 0.0 && rng::to_unit(draws.next()) < settings.prior_share;
      const std::vector<double> xi = normals(draws, parameters.size());
      z[e] = from_prior ? xi : kernels.of(ancestor).move(previous.z[ancestor], xi);
      values[e] = values_at(parameters, z[e]);
    }
    const std::vector<double> distances = round_distances(empty.size(), spread, [&](std::size_t e) {
      return distance_of(simulate, values[e], simulation_key(t, empty[e], a));
    });
    std::vector<char> kept(empty.size(), 0);
    for (std::size_t e = 0; e < empty.size(); ++e) {
      if (distances[e] > g.tolerance) continue;
      const std::size_t j = empty[e];
      g.z[j] = std::move(z[e]);
      g.values[j] = std::move(values[e]);
      g.distances[j] = distances[e];
      g.simulations[j] = simulation_key(t, j, a);
      kept[e] = 1;
    }
    g.proposals += empty.size();
    std::vector<std::size_t> still_empty;
    for (std::size_t e = 0; e < empty.size(); ++e) {
      if (kept[e] == 0) still_empty.push_back(empty[e]);
    }
    empty = std::move(still_empty);
  }
  g.weights = importance_weights(g.z, previous, kernels, settings.prior_share);
  g.accepted = n;
  return g;
}

}  // namespace

std::string problem_with(const AbcSettings& s) {
  if (s.particles < 2 || s.particles >= (std::size_t{1} << kParticleBits))
    return "particles must be at least 2 and below 2^24";
  if (s.generations < 1 || s.generations >= (std::size_t{1} << kGenerationBits))
    return "generations must be at least 1 and below 2^20";
  if (!(s.quantile > 0.0 && s.quantile < 1.0)) return "quantile must lie in (0, 1)";
  if (!(s.prior_share >= 0.0 && s.prior_share < 1.0)) return "prior_share must lie in [0, 1)";
  if (s.moves < 1 || s.moves >= (std::size_t{1} << kAttemptBits))
    return "moves must be at least 1 and below 2^20";
  if (!(s.min_acceptance >= 0.0 && s.min_acceptance < 1.0))
    return "min_acceptance must lie in [0, 1)";
  if (!(s.tolerance >= 0.0) || !std::isfinite(s.tolerance))
    return "tolerance must be finite and non-negative";
  return "";
}

std::uint64_t simulation_key(std::size_t generation, std::size_t particle, std::size_t attempt) {
  return (static_cast<std::uint64_t>(generation) << (kParticleBits + kAttemptBits)) |
         (static_cast<std::uint64_t>(particle) << kAttemptBits) |
         static_cast<std::uint64_t>(attempt);
}

double Generation::acceptance() const {
  return proposals == 0 ? 0.0 : static_cast<double>(accepted) / static_cast<double>(proposals);
}

double Generation::effective_size() const {
  // Copies of one particle (the same simulation: a resampled or unmoved particle) count once,
  // with their weights summed.
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const bool keyed = simulations.size() == weights.size();
  if (keyed) {
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return simulations[a] < simulations[b]; });
  }
  double sum = 0.0, squares = 0.0, run = 0.0;
  for (std::size_t i = 0; i < order.size(); ++i) {
    run += weights[order[i]];
    sum += weights[order[i]];
    const bool last =
        !keyed || i + 1 == order.size() || simulations[order[i + 1]] != simulations[order[i]];
    if (last) {
      squares += run * run;
      run = 0.0;
    }
  }
  return squares == 0.0 ? 0.0 : sum * sum / squares;
}

double Generation::quantile(std::size_t k, double q) const {
  std::vector<double> column;
  column.reserve(values.size());
  for (const auto& particle : values)
    column.push_back(particle[k]);
  return weighted_quantile(column, weights, q);
}

std::vector<double> values_at(const std::vector<FreeParameter>& parameters,
                              const std::vector<double>& z) {
  // Phi(z) kept inside (0, 1): the quantiles take an open interval.
  constexpr double kEdge = 0x1p-53;
  std::vector<double> values(parameters.size());
  for (std::size_t k = 0; k < parameters.size(); ++k) {
    const double u = std::clamp(normal_cdf(z[k]), kEdge, 1.0 - kEdge);
    values[k] = scenario::quantile(parameters[k].prior, u);
  }
  return values;
}

double weighted_quantile(const std::vector<double>& samples, const std::vector<double>& weights,
                         double q) {
  std::vector<std::size_t> order(samples.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return samples[a] < samples[b] || (samples[a] == samples[b] && a < b);
  });
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  double cumulative = 0.0;
  for (const std::size_t i : order) {
    cumulative += weights[i];
    if (cumulative >= q * total) return samples[i];
  }
  return samples[order.back()];
}

namespace {

/// Why the sequence ends after generation t (g), or "" when it goes on.
std::string stop_after(const Generation& g, std::size_t t, const AbcSettings& settings) {
  if (t > 0 && g.acceptance() < settings.min_acceptance) {
    return "generation " + std::to_string(t) + " accepted " + std::to_string(g.acceptance()) +
           " of its proposals, below min_acceptance";
  }
  if (t > 0 && g.tolerance <= settings.tolerance)
    return "generation " + std::to_string(t) + " reached the tolerance";
  if (t + 1 >= settings.generations)
    return "the last generation (" + std::to_string(settings.generations) + ") was run";
  return "";
}

}  // namespace

AbcResult abc_smc(const std::vector<FreeParameter>& parameters, const AbcSettings& settings,
                  const Simulator& simulate, std::vector<Generation> done,
                  const GenerationDone& on_generation, const Spread& spread) {
  if (const std::string problem = problem_with(settings); !problem.empty())
    throw util::InputError("calibration: " + problem);
  if (parameters.empty()) throw util::InputError("calibration: no free parameters");
  if (spread.ranks == 0 || spread.rank >= spread.ranks || (spread.ranks > 1 && !spread.share))
    throw std::invalid_argument("abc_smc: an unusable spread");
  AbcResult result;
  result.generations = std::move(done);
  if (result.generations.empty()) {
    result.generations.push_back(prior_generation(parameters, settings, simulate, spread));
    if (on_generation) on_generation(result);
  }
  // Generation t + 1 depends only on generation t and the seed: a sequence resumed from its
  // complete generations continues exactly as it would have.
  for (std::size_t t = result.generations.size() - 1;; ++t) {
    result.stopped = stop_after(result.generations.back(), t, settings);
    if (!result.stopped.empty()) break;
    std::string failed;
    std::optional<Generation> next =
        settings.sampler == Sampler::kMoves
            ? moved_generation(parameters, settings, result.generations.back(), t + 1, simulate,
                               spread)
            : next_generation(parameters, settings, result.generations.back(), t + 1, simulate,
                              spread, failed);
    if (!next) {
      result.stopped = failed;
      break;
    }
    result.generations.push_back(std::move(*next));
    if (on_generation) on_generation(result);
  }
  return result;
}

}  // namespace sim::calibration
