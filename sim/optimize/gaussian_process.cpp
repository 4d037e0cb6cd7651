// Small dense linear algebra (a plan search keeps at most a few hundred points): the Cholesky
// factor of K + noise I, solved forwards and backwards. Hyperparameters live in log space and are
// clamped to a box, so a wild step of the minimiser cannot make the matrix singular.

#include "sim/optimize/gaussian_process.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "sim/util/nelder_mead.hpp"

namespace sim::optimize {

double matern52(double r) {
  const double s = std::sqrt(5.0) * r;
  return (1.0 + s + s * s / 3.0) * std::exp(-s);
}

namespace {

constexpr double kMinLength = 0.01, kMaxLength = 20.0;
constexpr double kMinSignal = 0.01, kMaxSignal = 100.0;
constexpr double kMinNoise = 1e-6, kMaxNoise = 2.0;

double correlation(const std::vector<double>& a, const std::vector<double>& b,
                   const std::vector<double>& length) {
  double sum = 0.0;
  for (std::size_t j = 0; j < a.size(); ++j) {
    const double d = (a[j] - b[j]) / length[j];
    sum += d * d;
  }
  return matern52(std::sqrt(sum));
}

/// Lower Cholesky factor of the n x n matrix `a` in place; false when it is not positive
/// definite.
bool cholesky(std::vector<double>& a, std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (std::size_t k = 0; k < j; ++k)
      d -= a[j * n + k] * a[j * n + k];
    if (!(d > 0.0)) return false;
    const double root = std::sqrt(d);
    a[j * n + j] = root;
    for (std::size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k)
        s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / root;
    }
    for (std::size_t k = j + 1; k < n; ++k)
      a[j * n + k] = 0.0;
  }
  return true;
}

/// Solves L v = b.
std::vector<double> forward(const std::vector<double>& l, std::size_t n, std::vector<double> b) {
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < i; ++k)
      b[i] -= l[i * n + k] * b[k];
    b[i] /= l[i * n + i];
  }
  return b;
}

/// Solves L^T v = b.
std::vector<double> backward(const std::vector<double>& l, std::size_t n, std::vector<double> b) {
  for (std::size_t i = n; i-- > 0;) {
    for (std::size_t k = i + 1; k < n; ++k)
      b[i] -= l[k * n + i] * b[k];
    b[i] /= l[i * n + i];
  }
  return b;
}

}  // namespace

void GaussianProcess::factor() {
  const std::size_t n = x_.size();
  double jitter = 0.0;
  for (int attempt = 0; attempt < 8; ++attempt) {
    chol_.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t k = 0; k <= i; ++k)
        chol_[i * n + k] = signal_ * correlation(x_[i], x_[k], length_);
      chol_[i * n + i] += noise_ + jitter;
    }
    if (cholesky(chol_, n)) break;
    jitter = jitter == 0.0 ? 1e-8 * signal_ : jitter * 100.0;
  }
  alpha_ = backward(chol_, n, forward(chol_, n, y_));
  double fit = 0.0, log_det = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    fit += y_[i] * alpha_[i];
    log_det += std::log(chol_[i * n + i]);
  }
  log_likelihood_ =
      -0.5 * fit - log_det - 0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
}

GaussianProcess GaussianProcess::fit(const std::vector<std::vector<double>>& x,
                                     const std::vector<double>& y) {
  GaussianProcess gp;
  gp.x_ = x;
  const double n = static_cast<double>(y.size());
  double mean = 0.0, square = 0.0;
  for (const double v : y)
    mean += v / n;
  for (const double v : y)
    square += (v - mean) * (v - mean) / n;
  gp.centre_ = mean;
  gp.scale_ = square > 0.0 ? std::sqrt(square) : 1.0;
  for (const double v : y)
    gp.y_.push_back((v - mean) / gp.scale_);
  const std::size_t d = x.empty() ? 0 : x.front().size();
  const auto apply = [&](const std::vector<double>& theta) {
    gp.length_.resize(d);
    for (std::size_t j = 0; j < d; ++j)
      gp.length_[j] = std::clamp(std::exp(theta[j]), kMinLength, kMaxLength);
    gp.signal_ = std::clamp(std::exp(theta[d]), kMinSignal, kMaxSignal);
    gp.noise_ = std::clamp(std::exp(theta[d + 1]), kMinNoise, kMaxNoise);
  };
  const auto loss = [&](const std::vector<double>& theta) {
    apply(theta);
    gp.factor();
    return -gp.log_likelihood_;
  };
  std::vector<double> best;
  double best_loss = HUGE_VAL;
  for (const double length : {0.2, 0.6, 2.0}) {
    for (const double noise : {0.01, 0.2}) {
      std::vector<double> start(d, std::log(length));
      start.push_back(0.0);
      start.push_back(std::log(noise));
      const util::Minimum m = util::nelder_mead(loss, start, 0.7, 80 * (d + 2));
      if (m.value < best_loss) {
        best_loss = m.value;
        best = m.x;
      }
    }
  }
  apply(best);
  gp.factor();
  return gp;
}

GpPrediction GaussianProcess::predict(const std::vector<double>& x) const {
  const std::size_t n = x_.size();
  std::vector<double> k(n);
  for (std::size_t i = 0; i < n; ++i)
    k[i] = signal_ * correlation(x, x_[i], length_);
  double mean = 0.0;
  for (std::size_t i = 0; i < n; ++i)
    mean += k[i] * alpha_[i];
  const std::vector<double> v = forward(chol_, n, k);
  double variance = signal_;
  for (const double e : v)
    variance -= e * e;
  return {centre_ + scale_ * mean, scale_ * std::sqrt(std::max(variance, 1e-12 * signal_))};
}

void GaussianProcess::add(const std::vector<double>& x, double y) {
  x_.push_back(x);
  y_.push_back((y - centre_) / scale_);
  factor();
}

}  // namespace sim::optimize
