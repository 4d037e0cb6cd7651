#pragma once
/// Uncertain parameters: a distribution in place of a value, written inline in a scenario file or
/// through --set, for example `feed_reach = { uniform = [0.01, 0.10] }`.
///
/// Families (parameters in the order written):
///   uniform    [min, max]           min <= max
///   normal     [mean, sd]           sd >= 0, truncated to the parameter's range
///   lognormal  [median, sigma]      median > 0, sigma >= 0, truncated to the range
///   beta       [a, b]               a, b > 0, on [0, 1]
///   triangular [min, mode, max]     min <= mode <= max
///   choice     [v1, v2, ...]        one of the values, each equally likely
/// Uniform, beta, triangular and choice must lie inside the parameter's valid range. Normal and
/// log-normal are truncated to it (the density renormalised inside the range, not clipped at its
/// ends), and their mean or median must lie inside it. A draw is the quantile of one uniform u in
/// (0, 1), so one u gives one value whatever the family (docs/model.md, Stochasticity).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sim::scenario {

enum class Family { kUniform, kNormal, kLognormal, kBeta, kTriangular, kChoice };

struct Distribution {
  Family family = Family::kUniform;
  std::vector<double> parameters;  ///< as written, in the order of the family's list
  double low = 0.0, high = 0.0;    ///< the parameter's valid range (truncation bounds)
};

/// The family's name as written in scenario files ("uniform").
std::string_view family_name(Family family);
/// Every family name, in the order above.
std::vector<std::string_view> family_names();
/// The family named `name`, if any.
std::optional<Family> family_of(std::string_view name);
/// How many parameters the family takes (0: one or more, for choice).
std::size_t parameter_count(Family family);

/// The problem with `distribution` for a parameter valid on [min, max] (its family's domain,
/// then its support), or "" when there is none.
std::string problem_with(const Distribution& distribution, double min, double max);

/// The value at probability u in (0, 1): the inverse of the (truncated) distribution function.
double quantile(const Distribution& distribution, double u);

/// The family's name and parameters as written ("uniform [0.01, 0.1]").
std::string describe(const Distribution& distribution);

}  // namespace sim::scenario
