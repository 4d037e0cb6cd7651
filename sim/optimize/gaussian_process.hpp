#pragma once
/// Gaussian-process regression for the plan search (Rasmussen and Williams 2006, ch. 2 and 5):
/// a constant mean, a Matern 5/2 kernel with one length scale per input (inputs in [0, 1]) and a
/// noise variance, all fitted by maximising the log marginal likelihood (Nelder-Mead in log
/// space from fixed starting points, so a fit is a pure function of its data).
///
/// Outputs are standardised before the fit; predictions are in the data's units.

#include <vector>

namespace sim::optimize {

struct GpPrediction {
  double mean = 0.0;
  double sd = 0.0;  ///< of the latent function (the noise left out)
};

class GaussianProcess {
 public:
  /// Fits to x[i] (each of the same dimension, in [0, 1]) and y[i]. At least two points; with a
  /// constant y the process predicts that constant with a small spread.
  static GaussianProcess fit(const std::vector<std::vector<double>>& x,
                             const std::vector<double>& y);

  GpPrediction predict(const std::vector<double>& x) const;

  /// The same hyperparameters conditioned on one more point (a "kriging believer" batch: the
  /// point's predicted mean stands in for its value until it is simulated).
  void add(const std::vector<double>& x, double y);

  double log_likelihood() const { return log_likelihood_; }
  const std::vector<double>& length_scales() const { return length_; }
  double noise_variance() const { return noise_; }  ///< in standardised units

 private:
  void factor();  // the Cholesky factor and alpha for the current data and hyperparameters

  std::vector<std::vector<double>> x_;
  std::vector<double> y_;  // standardised
  double centre_ = 0.0, scale_ = 1.0;
  std::vector<double> length_;
  double signal_ = 1.0, noise_ = 1e-4;
  std::vector<double> chol_;  // lower triangle, row-major n x n
  std::vector<double> alpha_;
  double log_likelihood_ = 0.0;
};

/// Matern 5/2 correlation at scaled distance r (r = |x - x'| / length, summed over inputs).
double matern52(double r);

}  // namespace sim::optimize
