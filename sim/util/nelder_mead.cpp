#include "sim/util/nelder_mead.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace sim::util {
namespace {

struct Vertex {
  std::vector<double> x;
  double value = 0.0;
};

/// centroid + t (centroid - worst)
std::vector<double> along(const std::vector<double>& centroid, const std::vector<double>& worst,
                          double t) {
  std::vector<double> out(centroid.size());
  for (std::size_t j = 0; j < out.size(); ++j)
    out[j] = centroid[j] + t * (centroid[j] - worst[j]);
  return out;
}

}  // namespace

Minimum nelder_mead(const std::function<double(const std::vector<double>&)>& f,
                    std::vector<double> start, double step, std::size_t max_evaluations,
                    double tolerance) {
  const std::size_t n = start.size();
  std::size_t evaluations = 0;
  const auto value = [&](const std::vector<double>& x) {
    ++evaluations;
    const double v = f(x);
    return std::isfinite(v) ? v : HUGE_VAL;
  };
  std::vector<Vertex> simplex;
  simplex.push_back({start, value(start)});
  for (std::size_t j = 0; j < n; ++j) {
    std::vector<double> x = start;
    x[j] += step;
    simplex.push_back({x, value(x)});
  }
  const auto by_value = [](const Vertex& a, const Vertex& b) { return a.value < b.value; };
  while (evaluations < max_evaluations) {
    std::stable_sort(simplex.begin(), simplex.end(), by_value);
    if (simplex.back().value - simplex.front().value <= tolerance) break;
    std::vector<double> centroid(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = 0; j < n; ++j)
        centroid[j] += simplex[i].x[j] / static_cast<double>(n);
    }
    Vertex& worst = simplex.back();
    const Vertex reflected{along(centroid, worst.x, 1.0), 0.0};
    const double fr = value(reflected.x);
    if (fr < simplex.front().value) {
      std::vector<double> expanded = along(centroid, worst.x, 2.0);
      const double fe = value(expanded);
      worst = fe < fr ? Vertex{std::move(expanded), fe} : Vertex{reflected.x, fr};
      continue;
    }
    if (fr < simplex[n - 1].value) {
      worst = {reflected.x, fr};
      continue;
    }
    const bool outside = fr < worst.value;
    std::vector<double> contracted = along(centroid, worst.x, outside ? 0.5 : -0.5);
    const double fc = value(contracted);
    if (fc < (outside ? fr : worst.value)) {
      worst = {std::move(contracted), fc};
      continue;
    }
    for (std::size_t i = 1; i <= n; ++i) {
      for (std::size_t j = 0; j < n; ++j)
        simplex[i].x[j] = simplex[0].x[j] + 0.5 * (simplex[i].x[j] - simplex[0].x[j]);
      simplex[i].value = value(simplex[i].x);
    }
  }
  std::stable_sort(simplex.begin(), simplex.end(), by_value);
  return {simplex.front().x, simplex.front().value, evaluations};
}

}  // namespace sim::util
