#pragma once
/// Nelder-Mead minimisation (Lagarias et al. 1998 coefficients: reflection 1, expansion 2,
/// contraction 1/2, shrink 1/2) of a function of a few real variables. Deterministic: the same
/// start gives the same path.

#include <functional>
#include <vector>

namespace sim::util {

struct Minimum {
  std::vector<double> x;
  double value = 0.0;
  std::size_t evaluations = 0;
};

/// Minimises f from `start`, the first simplex spanning `step` along each axis; stops after
/// `max_evaluations` or when the simplex's values differ by less than `tolerance`.
Minimum nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                    std::vector<double> start, double step, std::size_t max_evaluations,
                    double tolerance = 1e-8);

}  // namespace sim::util
