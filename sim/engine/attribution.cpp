// Small dense least squares (three columns) by the normal equations on centred and scaled x,
// which keeps them well conditioned for parameters of any unit; bootstrap resamples are keyed
// by (seed, label, resample), never by thread.

#include "sim/engine/attribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/rng/streams.hpp"
#include "sim/util/hash.hpp"
#include "sim/util/statistics.hpp"

namespace sim::engine {
namespace {

double variance(const std::vector<double>& v) {
  const double s = util::standard_deviation(v);
  return s * s;
}

/// Solves the 3x3 system a z = b (Gaussian elimination with partial pivoting); false when
/// singular.
bool solve3(std::array<std::array<double, 3>, 3> a, std::array<double, 3> b,
            std::array<double, 3>& z) {
  for (std::size_t c = 0; c < 3; ++c) {
    std::size_t pivot = c;
    for (std::size_t r = c + 1; r < 3; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[pivot][c])) pivot = r;
    }
    if (std::abs(a[pivot][c]) < 1e-12) return false;
    std::swap(a[c], a[pivot]);
    std::swap(b[c], b[pivot]);
    for (std::size_t r = c + 1; r < 3; ++r) {
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < 3; ++k)
        a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  for (std::size_t c = 3; c-- > 0;) {
    double sum = b[c];
    for (std::size_t k = c + 1; k < 3; ++k)
      sum -= a[c][k] * z[k];
    z[c] = sum / a[c][c];
  }
  return true;
}

}  // namespace

std::vector<double> quadratic_fit(const std::vector<double>& x, const std::vector<double>& y) {
  const double mean_y = util::mean_of(y);
  const double centre = util::mean_of(x);
  const double scale = util::standard_deviation(x);
  std::vector<double> fitted(y.size(), mean_y);
  if (!(scale > 0.0) || x.size() < 3) return fitted;
  std::array<std::array<double, 3>, 3> normal{};
  std::array<double, 3> right{};
  for (std::size_t r = 0; r < x.size(); ++r) {
    const double t = (x[r] - centre) / scale;
    const std::array<double, 3> row{1.0, t, t * t};
    for (std::size_t i = 0; i < 3; ++i) {
      right[i] += row[i] * y[r];
      for (std::size_t j = 0; j < 3; ++j)
        normal[i][j] += row[i] * row[j];
    }
  }
  std::array<double, 3> z{};
  if (!solve3(normal, right, z)) return fitted;
  for (std::size_t r = 0; r < x.size(); ++r) {
    const double t = (x[r] - centre) / scale;
    fitted[r] = z[0] + z[1] * t + z[2] * t * t;
  }
  return fitted;
}

double first_order_share(const std::vector<double>& x, const std::vector<double>& y) {
  const auto worlds = static_cast<double>(y.size());
  const double total = variance(y);
  if (y.size() < 5 || !(total > 0.0)) return 0.0;
  const double explained = variance(quadratic_fit(x, y)) / total;
  const double adjusted = 1.0 - (1.0 - explained) * (worlds - 1.0) / (worlds - 3.0);
  return std::clamp(adjusted, 0.0, 1.0);
}

Band first_order_band(const std::vector<double>& x, const std::vector<double>& y,
                      std::uint64_t seed, const std::string& label, std::size_t resamples) {
  Band band;
  band.mean = first_order_share(x, y);
  std::vector<double> shares;
  std::vector<double> bx(x.size()), by(y.size());
  for (std::size_t b = 0; b < resamples && !x.empty(); ++b) {
    rng::RandomStream draws(
        {seed, 0},
        {.stream = rng::Stream::kCompareBootstrap, .entity = util::fnv1a(label), .sub = b});
    for (std::size_t r = 0; r < x.size(); ++r) {
      const auto pick = static_cast<std::size_t>(rng::below(draws, x.size()));
      bx[r] = x[pick];
      by[r] = y[pick];
    }
    shares.push_back(first_order_share(bx, by));
  }
  band.low = shares.empty() ? band.mean : util::quantile(shares, 0.05);
  band.high = shares.empty() ? band.mean : util::quantile(shares, 0.95);
  return band;
}

namespace {

/// E_x[max_d fit_d(x)] - max_d E[outcome_d]: the raw regression estimate.
double raw_evppi(const std::vector<double>& x, const std::vector<std::vector<double>>& outcomes) {
  std::vector<std::vector<double>> fitted;
  double best_now = -INFINITY;
  for (const auto& outcome : outcomes) {
    fitted.push_back(quadratic_fit(x, outcome));
    best_now = std::max(best_now, util::mean_of(outcome));
  }
  double informed = 0.0;
  for (std::size_t r = 0; r < x.size(); ++r) {
    double best = -INFINITY;
    for (const auto& f : fitted)
      best = std::max(best, f[r]);
    informed += best;
  }
  return informed / static_cast<double>(x.size()) - best_now;
}

}  // namespace

double evppi(const std::vector<double>& x, const std::vector<std::vector<double>>& outcomes,
             std::uint64_t seed, const std::string& label, std::size_t permutations) {
  if (outcomes.empty() || x.empty()) return 0.0;
  const double raw = raw_evppi(x, outcomes);
  // The same estimate with x shuffled against the outcomes measures what noise alone gains.
  double null = 0.0;
  std::vector<double> shuffled = x;
  for (std::size_t k = 0; k < permutations; ++k) {
    rng::RandomStream draws(
        {seed, 1},
        {.stream = rng::Stream::kCompareBootstrap, .entity = util::fnv1a(label), .sub = k});
    for (std::size_t i = shuffled.size(); i > 1; --i)
      std::swap(shuffled[i - 1], shuffled[static_cast<std::size_t>(rng::below(draws, i))]);
    null += raw_evppi(shuffled, outcomes);
  }
  if (permutations > 0) null /= static_cast<double>(permutations);
  return std::max(0.0, raw - std::max(0.0, null));
}

}  // namespace sim::engine
