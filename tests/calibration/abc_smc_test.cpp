// ABC-SMC against closed-form posteriors: the mean of a normal sample under a normal prior, the
// coverage of its credible intervals over repeated synthetic data sets (two parameters), the
// same result for any thread count, and its errors and stop rules.

#include <gtest/gtest.h>
#include <tbb/global_control.h>

#include <barrier>
#include <cmath>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <thread>

#include "sim/calibration/abc_smc.hpp"
#include "sim/calibration/gaussian_kernel.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/error.hpp"

namespace {

using namespace sim;
using calibration::AbcSettings;
using calibration::FreeParameter;
using scenario::Distribution;
using scenario::Family;

struct Moments {
  double mean = 0.0, sd = 0.0;
};

Moments posterior_moments(const calibration::Generation& g, std::size_t k) {
  Moments m;
  for (std::size_t j = 0; j < g.values.size(); ++j)
    m.mean += g.weights[j] * g.values[j][k];
  for (std::size_t j = 0; j < g.values.size(); ++j)
    m.sd += g.weights[j] * std::pow(g.values[j][k] - m.mean, 2);
  m.sd = std::sqrt(m.sd);
  return m;
}

/// The mean of n draws from Normal(theta, 1), keyed by the simulation number.
double sample_mean(double theta, std::size_t n, std::uint64_t simulation, std::uint64_t seed) {
  rng::RandomStream draws({seed, simulation}, {rng::Stream::kCalibrationProposal, 0, 0, 0});
  return theta + rng::normal(draws) / std::sqrt(static_cast<double>(n));
}

TEST(GaussianKernel, HoldsTwiceTheWeightedCovariance) {
  const std::vector<std::vector<double>> points{{0.0, 1.0}, {2.0, 1.0}, {1.0, 4.0}, {3.0, 2.0}};
  const std::vector<double> weights{0.1, 0.2, 0.3, 0.4};
  const calibration::GaussianKernel kernel(points, weights);
  double mean[2] = {0.0, 0.0};
  for (std::size_t i = 0; i < points.size(); ++i) {
    mean[0] += weights[i] * points[i][0];
    mean[1] += weights[i] * points[i][1];
  }
  for (std::size_t a = 0; a < 2; ++a) {
    for (std::size_t b = 0; b < 2; ++b) {
      double c = 0.0;
      for (std::size_t i = 0; i < points.size(); ++i)
        c += weights[i] * (points[i][a] - mean[a]) * (points[i][b] - mean[b]);
      EXPECT_NEAR(kernel.covariance(a, b), 2.0 * c, 1e-8);
    }
  }
  // A move by the normals xi lies at squared Mahalanobis distance |xi|^2 from its center.
  const std::vector<double> center{1.0, -1.0}, xi{0.3, -1.7};
  EXPECT_NEAR(kernel.log_shape(kernel.move(center, xi), center), -0.5 * (0.09 + 2.89), 1e-12);
}

TEST(GaussianKernel, HoldsAGivenCovarianceAndItsDeterminant) {
  const std::vector<double> covariance{4.0, 0.0, 1.2, 0.9};  // the lower triangle is read
  const calibration::GaussianKernel kernel(2, covariance);
  EXPECT_NEAR(kernel.covariance(0, 0), 4.0, 1e-8);
  EXPECT_NEAR(kernel.covariance(1, 0), 1.2, 1e-8);
  EXPECT_NEAR(kernel.covariance(0, 1), 1.2, 1e-8);
  EXPECT_NEAR(kernel.covariance(1, 1), 0.9, 1e-8);
  EXPECT_NEAR(kernel.log_sqrt_determinant(), 0.5 * std::log(4.0 * 0.9 - 1.2 * 1.2), 1e-8);
  EXPECT_THROW(calibration::GaussianKernel(3, covariance), std::invalid_argument);
}

/// theta ~ Normal(0, 2); the observed mean of n = 25 draws from Normal(theta, 1) is 1.2, so
/// the posterior is Normal(25 * 1.2 / 25.25, 1 / sqrt(25.25)). Seed 5, 1,000 particles, at most
/// 10 generations, the sampler and kernel of `settings`.
calibration::AbcResult conjugate_normal(AbcSettings settings) {
  const std::vector<FreeParameter> parameters{
      {"theta", Distribution{Family::kNormal, {0.0, 2.0}, -50.0, 50.0}}};
  settings.seed = 5;
  settings.particles = 1000;
  settings.generations = 10;
  return calibration::abc_smc(parameters, settings, [](const auto& v, std::uint64_t simulation) {
    return std::abs(sample_mean(v[0], 25, simulation, 77) - 1.2);
  });
}

class AbcKernels : public testing::TestWithParam<calibration::KernelKind> {};

std::string kernel_name(const testing::TestParamInfo<calibration::KernelKind>& kernel) {
  return kernel.param == calibration::KernelKind::kGlobal ? "Global" : "Local";
}

INSTANTIATE_TEST_SUITE_P(Both, AbcKernels,
                         testing::Values(calibration::KernelKind::kGlobal,
                                         calibration::KernelKind::kLocal),
                         kernel_name);

TEST_P(AbcKernels, RecoverTheConjugateNormalPosterior) {
  AbcSettings settings;
  settings.kernel = GetParam();
  const auto result = conjugate_normal(settings);
  // The acceptance falls as the tolerance does; the run ends by generations or min_acceptance.
  ASSERT_GE(result.generations.size(), 8U) << result.stopped;
  const auto& last = result.generations.back();
  const Moments m = posterior_moments(last, 0);
  EXPECT_NEAR(m.mean, 25.0 * 1.2 / 25.25, 0.03);
  EXPECT_NEAR(m.sd / (1.0 / std::sqrt(25.25)), 1.0, 0.12);
  EXPECT_LT(last.tolerance, 0.02);
  std::printf(
      "posterior of theta: mean %.4f sd %.4f (exact %.4f, %.4f); %zu generations, "
      "tolerance %.4f, ESS %.0f\n",
      m.mean, m.sd, 25.0 * 1.2 / 25.25, 1.0 / std::sqrt(25.25), result.generations.size(),
      last.tolerance, last.effective_size());
  EXPECT_GT(last.effective_size(), 300.0);
  // Tolerances fall generation by generation.
  for (std::size_t t = 2; t < result.generations.size(); ++t)
    EXPECT_LE(result.generations[t].tolerance, result.generations[t - 1].tolerance);
}

calibration::AbcResult normal_run(std::size_t threads, const calibration::Spread& spread = {}) {
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, threads);
  const std::vector<FreeParameter> parameters{
      {"mean", Distribution{Family::kUniform, {-3.0, 3.0}, -3.0, 3.0}},
      {"spread", Distribution{Family::kLognormal, {1.0, 0.5}, 0.0, 10.0}}};
  AbcSettings settings;
  settings.particles = 150;
  settings.generations = 5;
  const auto simulate = [](const std::vector<double>& v, std::uint64_t simulation) {
    return std::abs(sample_mean(v[0], 10, simulation, 3) - 0.5) + std::abs(v[1] - 1.3);
  };
  return calibration::abc_smc(parameters, settings, simulate, {}, {}, spread);
}

void expect_same_generations(const calibration::AbcResult& a, const calibration::AbcResult& b) {
  ASSERT_EQ(a.generations.size(), b.generations.size());
  for (std::size_t t = 0; t < a.generations.size(); ++t) {
    EXPECT_EQ(a.generations[t].values, b.generations[t].values);
    EXPECT_EQ(a.generations[t].weights, b.generations[t].weights);
    EXPECT_EQ(a.generations[t].distances, b.generations[t].distances);
    EXPECT_EQ(a.generations[t].proposals, b.generations[t].proposals);
    EXPECT_EQ(a.generations[t].tolerance, b.generations[t].tolerance);
  }
}

/// K processes in one: std::threads that meet in share() as MPI ranks meet in an all-reduce.
class ThreadRanks {
 public:
  explicit ThreadRanks(std::size_t ranks)
      : ranks_(ranks), sync_(static_cast<std::ptrdiff_t>(ranks)), posted_(ranks) {}

  calibration::Spread spread(std::size_t rank) {
    return {rank, ranks_, [this, rank](std::vector<double>& values, const std::vector<char>& mine) {
              posted_[rank] = {&values, &mine};
              sync_.arrive_and_wait();
              std::vector<double> whole(values.size());
              for (std::size_t i = 0; i < values.size(); ++i) {
                std::size_t owners = 0;
                for (const auto& [v, m] : posted_) {
                  if ((*m)[i] == 0) continue;
                  whole[i] = (*v)[i];
                  ++owners;
                }
                if (owners != 1) throw std::logic_error("an entry without exactly one owner");
              }
              sync_.arrive_and_wait();  // every rank has read every other's entries
              values = std::move(whole);
            }};
  }

 private:
  std::size_t ranks_;
  std::barrier<> sync_;
  std::vector<std::pair<std::vector<double>*, const std::vector<char>*>> posted_;
};

TEST(AbcSmc, SameResultSpreadOverProcesses) {
  const auto one = normal_run(1);
  for (const std::size_t ranks : {2U, 3U}) {
    ThreadRanks world(ranks);
    std::vector<calibration::AbcResult> results(ranks);
    std::vector<std::thread> processes;
    for (std::size_t rank = 0; rank < ranks; ++rank)
      processes.emplace_back([&, rank] { results[rank] = normal_run(0, world.spread(rank)); });
    for (std::thread& process : processes)
      process.join();
    for (const calibration::AbcResult& result : results)
      expect_same_generations(result, one);
  }
}

TEST(AbcSmc, SameResultForAnyThreadCount) {
  expect_same_generations(normal_run(1), normal_run(2));
}

TEST(AbcSmc, LocalKernelsGiveTheSameResultForAnyThreadCount) {
  const auto run = [](std::size_t threads) {
    tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
    const std::vector<FreeParameter> parameters{
        {"a", Distribution{Family::kUniform, {0.0, 3.0}, 0.0, 3.0}},
        {"b", Distribution{Family::kUniform, {0.0, 3.0}, 0.0, 3.0}}};
    AbcSettings settings;
    settings.kernel = calibration::KernelKind::kLocal;
    settings.particles = 120;
    settings.generations = 5;
    return calibration::abc_smc(parameters, settings, [](const auto& v, std::uint64_t s) {
      return std::abs(v[0] * v[1] - sample_mean(1.0, 10, s, 4));
    });
  };
  expect_same_generations(run(1), run(2));
}

/// Six parameters, each pinned by its own noisy observation (a, b, c, d, e at 1, 1.5, ... 3), and
/// a seventh by their product's ridge (f g = 1), all with uniform priors on [0.2, 5].
std::vector<FreeParameter> seven_parameters() {
  std::vector<FreeParameter> parameters;
  for (const char* key : {"a", "b", "c", "d", "e", "f", "g"})
    parameters.push_back({key, Distribution{Family::kUniform, {0.2, 5.0}, 0.2, 5.0}});
  return parameters;
}

double seven_parameter_distance(const std::vector<double>& v, std::uint64_t simulation) {
  double squares = std::pow(v[5] * v[6] - 1.0, 2);
  for (std::size_t k = 0; k < 5; ++k)
    squares += std::pow(
        sample_mean(v[k], 400, simulation * 8 + k, 6) - 1.0 - 0.5 * static_cast<double>(k), 2);
  return std::sqrt(squares);
}

TEST(AbcSmc, LocalKernelsReachATightToleranceWithFewerSimulations) {
  // Six parameters, each pinned by its own noisy observation, and a seventh by their product's
  // ridge: the posterior is far narrower than the prior in every direction and curved in one.
  // Both kernels run to the same tolerance; the local kernels, centred on the particles within
  // the next tolerance, need fewer simulations.
  const std::vector<FreeParameter> parameters = seven_parameters();
  const auto simulate = seven_parameter_distance;
  std::array<std::size_t, 2> simulations{};
  for (const auto kernel : {calibration::KernelKind::kGlobal, calibration::KernelKind::kLocal}) {
    AbcSettings settings;
    settings.kernel = kernel;
    settings.particles = 300;
    settings.generations = 40;
    settings.min_acceptance = 0.0;
    settings.tolerance = 0.12;
    const auto result = calibration::abc_smc(parameters, settings, simulate);
    ASSERT_LE(result.generations.back().tolerance, 0.12) << result.stopped;
    std::size_t total = 0;
    for (const auto& g : result.generations)
      total += g.proposals;
    simulations[kernel == calibration::KernelKind::kLocal ? 1 : 0] = total;
    const auto& last = result.generations.back();
    std::printf("%s: %zu generations, ESS %.0f\n",
                kernel == calibration::KernelKind::kLocal ? "local" : "global",
                result.generations.size(), last.effective_size());
    for (std::size_t k = 0; k < 5; ++k)
      EXPECT_NEAR(posterior_moments(last, k).mean, 1.0 + 0.5 * static_cast<double>(k), 0.05) << k;
  }
  std::printf("simulations to the tolerance: global %zu, local %zu\n", simulations[0],
              simulations[1]);
  EXPECT_LT(static_cast<double>(simulations[1]), 0.8 * static_cast<double>(simulations[0]));
}

TEST(AbcSmc, PriorProposalsKeepTheWeightsFromCollapsing) {
  // The seven-parameter case above with local kernels: the smallest effective sample size over
  // the generations, without and with a share of proposals from the prior.
  const std::vector<FreeParameter> parameters = seven_parameters();
  const auto simulate = seven_parameter_distance;
  std::array<double, 2> smallest{};
  for (const double share : {0.0, 0.05}) {
    AbcSettings settings;
    settings.kernel = calibration::KernelKind::kLocal;
    settings.prior_share = share;
    settings.particles = 300;
    settings.generations = 40;
    settings.min_acceptance = 0.0;
    settings.tolerance = 0.12;
    const auto result = calibration::abc_smc(parameters, settings, simulate);
    ASSERT_LE(result.generations.back().tolerance, 0.12) << result.stopped;
    double least = 300.0;
    for (const auto& g : result.generations)
      least = std::min(least, g.effective_size());
    smallest[share > 0.0 ? 1 : 0] = least;
    const auto& last = result.generations.back();
    for (std::size_t k = 0; k < 5; ++k)
      EXPECT_NEAR(posterior_moments(last, k).mean, 1.0 + 0.5 * static_cast<double>(k), 0.05) << k;
  }
  std::printf("smallest effective sample size: without prior proposals %.1f, with 5%% %.1f\n",
              smallest[0], smallest[1]);
  EXPECT_GT(smallest[1], smallest[0]);
}

TEST(AbcSmc, MovesRecoverTheConjugateNormalPosterior) {
  // The conjugate case above with equal weights and Metropolis moves.
  AbcSettings settings;
  settings.sampler = calibration::Sampler::kMoves;
  settings.moves = 6;
  const auto result = conjugate_normal(settings);
  // As with importance weights, the run ends by generations or min_acceptance (of the steps).
  ASSERT_GE(result.generations.size(), 8U) << result.stopped;
  const auto& last = result.generations.back();
  const Moments m = posterior_moments(last, 0);
  std::printf(
      "moves: posterior of theta: mean %.4f sd %.4f (exact %.4f, %.4f); tolerance %.4f, "
      "acceptance %.3f, ESS %.0f\n",
      m.mean, m.sd, 25.0 * 1.2 / 25.25, 1.0 / std::sqrt(25.25), last.tolerance, last.acceptance(),
      last.effective_size());
  EXPECT_NEAR(m.mean, 25.0 * 1.2 / 25.25, 0.03);
  EXPECT_NEAR(m.sd / (1.0 / std::sqrt(25.25)), 1.0, 0.12);
  EXPECT_LT(last.tolerance, 0.03);
  // Copies of one particle count once: at this tolerance 1.5% of the steps are accepted, so
  // copies accumulate (the importance sampler keeps about 950 of 1,000 here).
  EXPECT_GT(last.effective_size(), 100.0);
  EXPECT_EQ(last.proposals, 6000U);  // 1,000 particles, 6 steps each
}

calibration::AbcResult moves_run(std::size_t threads, const calibration::Spread& spread = {},
                                 std::vector<calibration::Generation> done = {}) {
  std::optional<tbb::global_control> limit;
  if (threads > 0) limit.emplace(tbb::global_control::max_allowed_parallelism, threads);
  const std::vector<FreeParameter> parameters{
      {"mean", Distribution{Family::kUniform, {-3.0, 3.0}, -3.0, 3.0}},
      {"spread", Distribution{Family::kLognormal, {1.0, 0.5}, 0.0, 10.0}}};
  AbcSettings settings;
  settings.sampler = calibration::Sampler::kMoves;
  settings.particles = 150;
  settings.generations = 5;
  const auto simulate = [](const std::vector<double>& v, std::uint64_t simulation) {
    return std::abs(sample_mean(v[0], 10, simulation, 3) - 0.5) + std::abs(v[1] - 1.3);
  };
  return calibration::abc_smc(parameters, settings, simulate, std::move(done), {}, spread);
}

TEST(AbcSmc, MovesGiveTheSameResultForAnyThreadProcessCountAndResumed) {
  const auto one = moves_run(1);
  expect_same_generations(one, moves_run(2));
  ThreadRanks world(2);
  std::vector<calibration::AbcResult> results(2);
  std::vector<std::thread> processes;
  for (std::size_t rank = 0; rank < 2; ++rank)
    processes.emplace_back([&, rank] { results[rank] = moves_run(0, world.spread(rank)); });
  for (std::thread& process : processes)
    process.join();
  for (const calibration::AbcResult& result : results)
    expect_same_generations(result, one);
  // Resumed from its first three generations, the sequence continues as it would have.
  const std::vector<calibration::Generation> first(one.generations.begin(),
                                                   one.generations.begin() + 3);
  expect_same_generations(moves_run(2, {}, first), one);
}

class AbcSamplers : public testing::TestWithParam<calibration::Sampler> {};

std::string sampler_name(const testing::TestParamInfo<calibration::Sampler>& sampler) {
  return sampler.param == calibration::Sampler::kMoves ? "Moves" : "Importance";
}

INSTANTIATE_TEST_SUITE_P(Both, AbcSamplers,
                         testing::Values(calibration::Sampler::kImportance,
                                         calibration::Sampler::kMoves),
                         sampler_name);

TEST_P(AbcSamplers, CredibleIntervalsCoverTheTruth) {
  // Synthetic data from parameters drawn from the prior: a sample of 20 from Normal(mu, sigma),
  // summarised by its mean and sd. The 90% intervals must cover the truth about 90% of the time;
  // over 40 data sets at least 0.75 (the lower end of the binomial 99% range at 0.9).
  const std::vector<FreeParameter> parameters{
      {"mu", Distribution{Family::kNormal, {0.0, 1.0}, -10.0, 10.0}},
      {"sigma", Distribution{Family::kLognormal, {1.0, 0.4}, 0.0, 10.0}}};
  constexpr std::size_t kSets = 40, kSample = 20;
  const auto summaries = [&](double mu, double sigma, std::uint64_t key, std::uint64_t seed) {
    rng::RandomStream draws({seed, key}, {rng::Stream::kCalibrationProposal, 1, 0, 0});
    double sum = 0.0, squares = 0.0;
    for (std::size_t i = 0; i < kSample; ++i) {
      const double y = mu + sigma * rng::normal(draws);
      sum += y;
      squares += y * y;
    }
    const double mean = sum / kSample;
    return std::pair{mean, std::sqrt((squares - kSample * mean * mean) / (kSample - 1))};
  };
  std::array<std::size_t, 2> covered{};
  std::size_t degenerate = 0;  // posteriors with an effective size below 30 of 300
  for (std::size_t set = 0; set < kSets; ++set) {
    rng::RandomStream truth_draws({1000 + set, 0}, {rng::Stream::kCalibrationProposal, 2, 0, 0});
    const std::vector<double> truth =
        calibration::values_at(parameters, {rng::normal(truth_draws), rng::normal(truth_draws)});
    const auto observed = summaries(truth[0], truth[1], 0, 500 + set);
    AbcSettings settings;
    settings.sampler = GetParam();
    settings.seed = 900 + set;
    settings.particles = 300;
    settings.generations = 7;
    const auto simulate = [&](const std::vector<double>& v, std::uint64_t simulation) {
      const auto [mean, sd] = summaries(v[0], v[1], simulation, 7000 + set);
      return std::hypot(mean - observed.first, sd - observed.second);
    };
    const calibration::AbcResult result = calibration::abc_smc(parameters, settings, simulate);
    const calibration::Generation& last = result.generations.back();
    degenerate += last.effective_size() < 30.0 ? 1U : 0U;
    for (std::size_t k = 0; k < 2; ++k) {
      const double low = last.quantile(k, 0.05), high = last.quantile(k, 0.95);
      covered[k] += truth[k] >= low && truth[k] <= high ? 1U : 0U;
    }
  }
  for (std::size_t k = 0; k < 2; ++k) {
    const double share = static_cast<double>(covered[k]) / kSets;
    EXPECT_GE(share, 0.75) << parameters[k].key;
    std::printf("coverage of the 90%% interval, %s: %.3f\n", parameters[k].key.c_str(), share);
  }
  std::printf("posteriors with an effective size below 30: %zu of %zu\n", degenerate, kSets);
}

TEST(AbcSmc, StopsWhenNoProposalFitsAndKeepsTheCompleteGenerations) {
  const std::vector<FreeParameter> parameters{
      {"x", Distribution{Family::kChoice, {1.0, 2.0}, 0.0, 3.0}}};
  AbcSettings settings;
  settings.particles = 20;
  settings.generations = 6;
  settings.min_acceptance = 0.5;
  // Distances 0 or 1: the tolerance falls to 0, then the run ends by a rule, not by an error.
  const auto simulate = [](const std::vector<double>& v, std::uint64_t) { return v[0] - 1.0; };
  const auto result = calibration::abc_smc(parameters, settings, simulate);
  ASSERT_FALSE(result.generations.empty());
  EXPECT_FALSE(result.stopped.empty());
  for (const auto& g : result.generations)
    EXPECT_EQ(g.values.size(), 20U);
}

TEST(AbcSmc, RejectsBadSettingsAndDistances) {
  const std::vector<FreeParameter> parameters{
      {"x", Distribution{Family::kUniform, {0.0, 1.0}, 0.0, 1.0}}};
  const auto fine = [](const std::vector<double>& v, std::uint64_t) { return v[0]; };
  AbcSettings settings;
  settings.particles = 1;
  EXPECT_THROW(calibration::abc_smc(parameters, settings, fine), util::InputError);
  settings = {};
  settings.quantile = 1.0;
  EXPECT_THROW(calibration::abc_smc(parameters, settings, fine), util::InputError);
  settings = {};
  EXPECT_THROW(calibration::abc_smc({}, settings, fine), util::InputError);
  const auto negative = [](const std::vector<double>&, std::uint64_t) { return -1.0; };
  EXPECT_THROW(calibration::abc_smc(parameters, settings, negative), util::InputError);
  const auto nan = [](const std::vector<double>&, std::uint64_t) { return std::nan(""); };
  EXPECT_THROW(calibration::abc_smc(parameters, settings, nan), util::InputError);
}

}  // namespace
