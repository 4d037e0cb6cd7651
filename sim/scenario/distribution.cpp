// Quantiles from Boost.Math (header-only, deterministic for a given build); truncation maps u
// into [F(low), F(high)] before inverting, so a truncated draw is still one quantile of one u.

#include "sim/scenario/distribution.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace sim::scenario {
namespace {

struct FamilyInfo {
  Family family;
  std::string_view name;
  std::size_t count;  ///< parameters; 0: any number of at least one (choice)
};

constexpr std::array kFamilies{
    FamilyInfo{Family::kUniform, "uniform", 2},       FamilyInfo{Family::kNormal, "normal", 2},
    FamilyInfo{Family::kLognormal, "lognormal", 2},   FamilyInfo{Family::kBeta, "beta", 2},
    FamilyInfo{Family::kTriangular, "triangular", 3}, FamilyInfo{Family::kChoice, "choice", 0},
};

const FamilyInfo& info_of(Family family) {
  for (const FamilyInfo& info : kFamilies) {
    if (info.family == family) return info;
  }
  return kFamilies.front();
}

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", value);
  return text;
}

}  // namespace

std::string problem_with(const Distribution& d, double min, double max) {
  const auto& p = d.parameters;
  const std::size_t count = parameter_count(d.family);
  if (count == 0 && p.empty()) return "choice needs at least one value";
  if (count != 0 && p.size() != count) {
    return std::string(family_name(d.family)) + " takes " + std::to_string(count) +
           " numbers, not " + std::to_string(p.size());
  }
  for (const double value : p) {
    if (!std::isfinite(value)) return "values must be finite";
  }
  std::string problem;
  const auto fail = [&](const std::string& text) {
    if (problem.empty()) problem = text;
  };
  const std::string range = "[" + number(min) + ", " + number(max) + "]";
  const auto inside = [&](double value) { return value >= min && value <= max; };
  switch (d.family) {
    case Family::kUniform:
      if (p[0] > p[1]) fail("uniform [min, max] needs min <= max");
      if (!inside(p[0]) || !inside(p[1])) fail("uniform support lies outside " + range);
      break;
    case Family::kNormal:
      if (p[1] < 0.0) fail("normal [mean, sd] needs sd >= 0");
      if (!inside(p[0])) fail("normal mean " + number(p[0]) + " lies outside " + range);
      break;
    case Family::kLognormal:
      if (p[0] <= 0.0 || p[1] < 0.0) fail("lognormal [median, sigma] needs median > 0, sigma >= 0");
      if (!inside(p[0])) fail("lognormal median " + number(p[0]) + " lies outside " + range);
      break;
    case Family::kBeta:
      if (p[0] <= 0.0 || p[1] <= 0.0) fail("beta [a, b] needs a > 0 and b > 0");
      if (!inside(0.0) || !inside(1.0)) fail("beta lies on [0, 1], which is not inside " + range);
      break;
    case Family::kTriangular:
      if (!(p[0] <= p[1] && p[1] <= p[2]))
        fail("triangular [min, mode, max] needs min <= mode <= max");
      if (!inside(p[0]) || !inside(p[2])) fail("triangular support lies outside " + range);
      break;
    case Family::kChoice:
      for (const double value : p) {
        if (!inside(value)) fail("choice value " + number(value) + " lies outside " + range);
      }
      break;
  }
  return problem;
}

namespace {

/// Quantile of a distribution truncated to [low, high] with distribution function `cdf`.
template <class Boost>
double truncated(const Boost& distribution, double u, double low, double high) {
  const double below =
      low <= boost::math::support(distribution).first ? 0.0 : boost::math::cdf(distribution, low);
  const double above = high >= boost::math::support(distribution).second
                           ? 1.0
                           : boost::math::cdf(distribution, high);
  const double p = below + u * (above - below);
  if (p <= 0.0) return low;
  if (p >= 1.0) return high;
  return std::clamp(boost::math::quantile(distribution, p), low, high);
}

}  // namespace

std::string_view family_name(Family family) {
  return info_of(family).name;
}

std::vector<std::string_view> family_names() {
  std::vector<std::string_view> names;
  for (const FamilyInfo& info : kFamilies)
    names.push_back(info.name);
  return names;
}

std::optional<Family> family_of(std::string_view name) {
  for (const FamilyInfo& info : kFamilies) {
    if (info.name == name) return info.family;
  }
  return std::nullopt;
}

std::size_t parameter_count(Family family) {
  return info_of(family).count;
}

double quantile(const Distribution& d, double u) {
  const auto& p = d.parameters;
  switch (d.family) {
    case Family::kUniform:
      return p[0] == p[1] ? p[0] : p[0] + u * (p[1] - p[0]);
    case Family::kNormal:
      if (p[1] == 0.0) return p[0];
      return truncated(boost::math::normal_distribution<double>(p[0], p[1]), u, d.low, d.high);
    case Family::kLognormal:
      if (p[1] == 0.0) return p[0];
      return truncated(boost::math::lognormal_distribution<double>(std::log(p[0]), p[1]), u,
                       std::max(d.low, 0.0), d.high);
    case Family::kBeta:
      return boost::math::quantile(boost::math::beta_distribution<double>(p[0], p[1]), u);
    case Family::kTriangular: {
      const double width = p[2] - p[0];
      if (width == 0.0) return p[0];
      const double left = (p[1] - p[0]) / width;  // the distribution function at the mode
      return u < left ? p[0] + std::sqrt(u * width * (p[1] - p[0]))
                      : p[2] - std::sqrt((1.0 - u) * width * (p[2] - p[1]));
    }
    case Family::kChoice: {
      const auto index = static_cast<std::size_t>(u * static_cast<double>(p.size()));
      return p[std::min(index, p.size() - 1)];
    }
  }
  return p[0];
}

std::string describe(const Distribution& d) {
  std::string text = std::string(info_of(d.family).name) + " [";
  for (std::size_t i = 0; i < d.parameters.size(); ++i)
    text += (i == 0 ? "" : ", ") + number(d.parameters[i]);
  return text + "]";
}

}  // namespace sim::scenario
