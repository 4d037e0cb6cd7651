#pragma once
/// Approximate Bayesian computation by sequential Monte Carlo (ABC-SMC; Beaumont et al. 2009,
/// "Adaptive approximate Bayesian computation", with the tolerance of each generation the
/// weighted quantile of the previous one's distances, Del Moral et al. 2012).
///
/// The free parameters are sampled in a standard normal space: parameter k's value is the prior's
/// quantile at Phi(z_k), the same quantile by which worlds draw their values (scenario/worlds.hpp),
/// so every prior family of scenario files works unchanged, truncation included, and the prior
/// density in z is the standard normal one. Generation 0 draws N particles from the prior; each
/// later generation t sets its tolerance to the `quantile` of generation t - 1's weighted
/// distances and fills each particle slot by proposals: an ancestor drawn by weight, moved by a
/// Gaussian kernel, simulated, kept when its distance is within the tolerance. A kept particle
/// weighs prior(z) / sum_i W_i K_i(z | z_i). The kernel is either global, with twice the weighted
/// covariance of generation t - 1 (Beaumont et al. 2009), or local to each ancestor i: the
/// optimal local covariance of Filippi et al. (2013, Stat. Appl. Genet. Mol. Biol. 12:87),
/// sum_k W~_k (z_k - z_i)(z_k - z_i)' over the particles k of generation t - 1 within the new
/// tolerance (weights W~ renormalised over them), which follows a narrow or curved posterior
/// where the global one proposes mostly outside it.
///
/// Reproducible: proposal a of slot j in generation t takes its draws from the stream
/// calibration_proposal at (entity j, week t, sub a) of run key {seed, 0}, and its simulation is
/// told simulation_key(t, j, a). Proposals go in rounds: in round a every slot still empty makes
/// its proposal a, in parallel, so which proposals are made, and the result, is the same for any
/// thread count, and for any number of processes (Spread).

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "sim/scenario/distribution.hpp"
#include "sim/util/spread.hpp"

namespace sim::calibration {

struct FreeParameter {
  std::string key;  ///< the parameter's full dotted key (as in --set)
  scenario::Distribution prior;
};

enum class KernelKind { kGlobal, kLocal };

/// How a generation is made from the one before: proposals moved from weighted ancestors and
/// kept within the tolerance, with importance weights (Beaumont et al. 2009); or the particles
/// within the new tolerance resampled to equal weights and each moved by Metropolis steps that
/// keep it within the tolerance (Del Moral, Doucet & Jasra 2012, with one simulation per step).
enum class Sampler { kImportance, kMoves };

struct AbcSettings {
  std::uint64_t seed = 1;
  KernelKind kernel = KernelKind::kGlobal;  ///< the importance sampler's kernels
  Sampler sampler = Sampler::kImportance;
  /// Metropolis steps per particle and generation (the moves sampler): each is one simulation.
  /// The steps are a Gaussian random walk in z with 2.38^2 / d times the weighted covariance of
  /// the particles within the tolerance (Roberts, Gelman & Gilks 1997), accepted when the
  /// simulation lies within the tolerance and a uniform lies below prior(z') / prior(z).
  std::size_t moves = 2;
  std::size_t particles = 200;  ///< per generation
  std::size_t generations = 8;  ///< at most, generation 0 included
  double quantile = 0.5;        ///< the next tolerance: this weighted quantile of distances
  /// A generation that would accept fewer of its proposals is given up (once it has made
  /// particles / min_acceptance proposals), and the sequence ends with the one before.
  double min_acceptance = 0.02;
  double tolerance = 0.0;  ///< stop once a generation's tolerance is at or below this
  /// Share of proposals drawn from the prior instead of a kernel (defensive importance
  /// sampling): no weight prior(z) / q(z) can exceed 1 / prior_share, which keeps a proposal
  /// far from its ancestors from taking the whole weight. 0: none (as before).
  double prior_share = 0.0;
};

/// "" when the settings are usable, else the problem (naming the setting).
std::string problem_with(const AbcSettings& settings);

/// One simulation: the distance between what the parameter values give and the observations.
/// `simulation`: a number unique to this simulation of the calibration, to key its own draws.
/// Called from several threads at once. Must be finite and non-negative.
using Simulator =
    std::function<double(const std::vector<double>& values, std::uint64_t simulation)>;

/// The simulation number of proposal `attempt` of slot `particle` in generation `generation`.
std::uint64_t simulation_key(std::size_t generation, std::size_t particle, std::size_t attempt);

struct Generation {
  double tolerance = 0.0;     ///< accepted distances are at most this (infinite in generation 0)
  std::size_t proposals = 0;  ///< simulations run
  /// Proposals kept: the particles (the importance sampler), the accepted steps (moves).
  std::size_t accepted = 0;
  std::vector<std::vector<double>> z;       ///< [particle][parameter], standard normal space
  std::vector<std::vector<double>> values;  ///< [particle][parameter], the parameters' values
  std::vector<double> weights;              ///< normalised to sum 1
  std::vector<double> distances;
  std::vector<std::uint64_t> simulations;  ///< the simulation_key of each particle

  double acceptance() const;  ///< accepted / proposals
  /// (sum w)^2 / sum w^2, copies of one particle (the same simulation) counted once with their
  /// weights summed.
  double effective_size() const;
  /// The weighted quantile q of parameter k over the particles.
  double quantile(std::size_t k, double q) const;
};

struct AbcResult {
  std::vector<Generation> generations;  ///< every complete generation; the last is the posterior
  std::string stopped;                  ///< why the sequence ended
};

/// Called after each complete generation with the sequence so far (for checkpoints).
using GenerationDone = std::function<void(const AbcResult&)>;

/// A calibration spread over processes (util/spread.hpp): the simulations of each round.
using Spread = util::Spread;

/// Runs ABC-SMC. `done`: the complete generations of an interrupted run of the same parameters
/// and settings, to continue from (the result is the same as without the interruption). Throws
/// util::InputError for unusable settings or priors, and when a simulation returns a negative or
/// non-finite distance.
AbcResult abc_smc(const std::vector<FreeParameter>& parameters, const AbcSettings& settings,
                  const Simulator& simulate, std::vector<Generation> done = {},
                  const GenerationDone& on_generation = {}, const Spread& spread = {});

/// The value of every parameter at a point z of the standard normal space.
std::vector<double> values_at(const std::vector<FreeParameter>& parameters,
                              const std::vector<double>& z);

/// The weighted quantile q of `samples` (the least sample whose cumulative weight reaches q).
double weighted_quantile(const std::vector<double>& samples, const std::vector<double>& weights,
                         double q);

}  // namespace sim::calibration
