#include "sim/sweep/sensitivity.hpp"

#include <cmath>
#include <stdexcept>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/statistics.hpp"

namespace sim::sweep {
namespace {

/// S_i and ST_i of the given rows (indices into the design's rows, repeats allowed).
void estimate(const std::vector<double>& f, std::size_t d, const std::vector<std::size_t>& rows,
              std::vector<double>& first, std::vector<double>& total) {
  const std::size_t block = d + 2;
  double sum = 0.0, sum_squares = 0.0;
  for (const std::size_t r : rows) {
    for (const double value : {f[r * block], f[r * block + 1]}) {
      sum += value;
      sum_squares += value * value;
    }
  }
  const double n = 2.0 * static_cast<double>(rows.size());
  const double mean = sum / n;
  const double variance = sum_squares / n - mean * mean;
  first.assign(d, 0.0);
  total.assign(d, 0.0);
  if (!(variance > 0.0)) return;  // a constant output: no parameter explains anything
  for (std::size_t i = 0; i < d; ++i) {
    double s = 0.0, t = 0.0;
    for (const std::size_t r : rows) {
      const double a = f[r * block], b = f[r * block + 1], ab = f[r * block + 2 + i];
      // Centred f_B: the same expectation, far less variance when the mean dwarfs the spread.
      s += (b - mean) * (ab - a);
      t += (a - ab) * (a - ab);
    }
    first[i] = s / static_cast<double>(rows.size()) / variance;
    total[i] = t / static_cast<double>(rows.size()) / (2.0 * variance);
  }
}

}  // namespace

SobolIndices sobol_indices(const std::vector<double>& outputs, std::size_t d,
                           std::uint32_t bootstrap, std::uint64_t seed) {
  const std::size_t block = d + 2;
  if (d == 0 || outputs.empty() || outputs.size() % block != 0) {
    throw std::invalid_argument("Sobol indices need N (d + 2) outputs of Saltelli's scheme");
  }
  const std::size_t rows = outputs.size() / block;
  std::vector<std::size_t> all(rows);
  for (std::size_t r = 0; r < rows; ++r)
    all[r] = r;
  std::vector<double> first, total;
  estimate(outputs, d, all, first, total);
  std::vector<std::vector<double>> first_samples(d), total_samples(d);
  std::vector<std::size_t> drawn(rows);
  for (std::uint32_t b = 0; b < bootstrap; ++b) {
    rng::RandomStream stream({seed, 1}, {rng::Stream::kSweepBootstrap, b, 0, 0});
    for (auto& row : drawn)
      row = rng::below(stream, rows);
    std::vector<double> f, t;
    estimate(outputs, d, drawn, f, t);
    for (std::size_t i = 0; i < d; ++i) {
      first_samples[i].push_back(f[i]);
      total_samples[i].push_back(t[i]);
    }
  }
  SobolIndices out;
  for (std::size_t i = 0; i < d; ++i) {
    out.first.push_back(
        {first[i], util::quantile(first_samples[i], 0.05), util::quantile(first_samples[i], 0.95)});
    out.total.push_back(
        {total[i], util::quantile(total_samples[i], 0.05), util::quantile(total_samples[i], 0.95)});
  }
  return out;
}

MorrisEffects morris_effects(const Design& design, const std::vector<double>& outputs) {
  const std::size_t d = design.unit.empty() ? 0 : design.unit.front().size();
  const std::size_t block = d + 1;
  if (d == 0 || outputs.size() != design.points() || outputs.size() % block != 0) {
    throw std::invalid_argument("Morris effects need r (d + 1) outputs of the trajectories");
  }
  std::vector<std::vector<double>> effects(d);
  for (std::size_t start = 0; start < outputs.size(); start += block) {
    for (std::size_t k = start; k + 1 < start + block; ++k) {
      for (std::size_t j = 0; j < d; ++j) {
        const double step = design.unit[k + 1][j] - design.unit[k][j];
        if (step != 0.0) effects[j].push_back((outputs[k + 1] - outputs[k]) / step);
      }
    }
  }
  MorrisEffects out;
  for (const auto& ee : effects) {
    double absolute = 0.0;
    for (const double e : ee)
      absolute += std::abs(e);
    out.mu.push_back(util::mean_of(ee));
    out.mu_star.push_back(ee.empty() ? 0.0 : absolute / static_cast<double>(ee.size()));
    out.sigma.push_back(util::standard_deviation(ee));
  }
  return out;
}

}  // namespace sim::sweep
