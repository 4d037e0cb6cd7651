#include "sim/optimize/search.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "sim/optimize/candidate.hpp"
#include "sim/optimize/gaussian_process.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/util/error.hpp"

namespace sim::optimize {
namespace {

constexpr std::uint32_t kMaxAttempts = 4096;
constexpr std::size_t kLocalMoves = 64;  // per leading candidate
constexpr std::size_t kLeaders = 4;

rng::RandomStream draws(const Plan& plan, std::uint64_t slot, std::uint32_t round,
                        std::uint64_t attempt) {
  return rng::RandomStream({plan.seed, 0}, {rng::Stream::kOptimizeCandidate, slot, round, attempt});
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

bool seen(const std::vector<std::vector<double>>& list, const std::vector<double>& values) {
  return std::find(list.begin(), list.end(), values) != list.end();
}

/// Each constraint as "g <= 0 holds": the value minus the bound, or the bound minus the value.
double slack(const Constraint& c, double value) {
  return c.at_most ? value - c.bound : c.bound - value;
}

}  // namespace

std::vector<double> unit_point(const Plan& plan, const std::vector<double>& values) {
  std::vector<double> unit;
  for (const std::size_t i : plan.free_variables()) {
    const Variable& v = plan.variables[i];
    unit.push_back((values.at(i) - v.min) / (v.max - v.min));
  }
  return unit;
}

std::vector<double> from_unit(const Plan& plan, const std::vector<double>& unit) {
  std::vector<double> point;
  const std::vector<std::size_t> free = plan.free_variables();
  for (std::size_t j = 0; j < free.size(); ++j) {
    const Variable& v = plan.variables[free[j]];
    const double u = std::clamp(unit.at(j), 0.0, 1.0);
    // Whole weeks: each of the max - min + 1 values takes an equal share of [0, 1].
    point.push_back(v.kind == VariableKind::kWeeks
                        ? v.min + std::min(std::floor(u * (v.max - v.min + 1.0)), v.max - v.min)
                        : v.min + u * (v.max - v.min));
  }
  return full_values(plan, point);
}

std::vector<std::vector<double>> grid_candidates(const Plan& plan) {
  std::vector<std::vector<double>> levels;
  for (const std::size_t i : plan.free_variables()) {
    const Variable& v = plan.variables[i];
    std::vector<double> values;
    const std::uint32_t steps = v.kind == VariableKind::kChoice ? 2 : plan.search.steps;
    for (std::uint32_t k = 0; k < steps; ++k) {
      const double value = v.snapped(v.min + (v.max - v.min) * k / (steps - 1.0));
      if (values.empty() || values.back() != value) values.push_back(value);
    }
    levels.push_back(values);
  }
  std::vector<std::vector<double>> out;
  std::vector<std::size_t> at(levels.size(), 0);
  while (true) {
    std::vector<double> point;
    for (std::size_t j = 0; j < levels.size(); ++j)
      point.push_back(levels[j][at[j]]);
    std::vector<double> values = full_values(plan, point);
    if (limit_problem(plan, values).empty() && !seen(out, values)) out.push_back(values);
    if (out.size() > plan.search.evaluations)
      throw util::InputError({plan.file, 0, "search.evaluations"},
                             "the grid has more points than the " +
                                 std::to_string(plan.search.evaluations) + " evaluations allowed");
    std::size_t j = 0;
    while (j < at.size() && ++at[j] == levels[j].size())
      at[j++] = 0;
    if (j == at.size()) break;
  }
  if (out.empty())
    throw util::InputError({plan.file, 0, "decisions"}, "no grid point keeps the plan's limits");
  return out;
}

std::vector<std::vector<double>> initial_candidates(const Plan& plan) {
  const std::size_t d = plan.free_variables().size();
  const std::size_t n = plan.search.initial;
  // A Latin hypercube: in each dimension the n candidates take one of n strata each.
  std::vector<std::vector<double>> unit(n, std::vector<double>(d));
  for (std::size_t j = 0; j < d; ++j) {
    rng::RandomStream stream = draws(plan, j, 0, kMaxAttempts + 1);
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t i = 0; i < n; ++i)
      order.emplace_back(rng::uniform01(stream), i);
    std::sort(order.begin(), order.end());
    for (std::size_t i = 0; i < n; ++i)
      unit[order[i].second][j] =
          (static_cast<double>(i) + rng::uniform01(stream)) / static_cast<double>(n);
  }
  std::vector<std::vector<double>> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> values = from_unit(plan, unit[i]);
    // A candidate that breaks a limit or repeats one is drawn again, uniformly.
    for (std::uint32_t attempt = 1; !limit_problem(plan, values).empty() || seen(out, values);
         ++attempt) {
      if (attempt > kMaxAttempts) {
        if (!out.empty()) return out;  // a small space: fewer candidates
        throw util::InputError(
            {plan.file, 0, "decisions"},
            "no candidate keeps the plan's limits (" + limit_problem(plan, values) + ")");
      }
      rng::RandomStream stream = draws(plan, i, 0, attempt);
      for (double& u : unit[i])
        u = rng::uniform01(stream);
      values = from_unit(plan, unit[i]);
    }
    out.push_back(std::move(values));
  }
  return out;
}

double expected_improvement(double mean, double sd, double best) {
  if (!(sd > 0.0)) return std::max(mean - best, 0.0);
  const double z = (mean - best) / sd;
  const double density = std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
  return (mean - best) * normal_cdf(z) + sd * density;
}

std::size_t best_index(const Plan& plan, const std::vector<Evaluation>& history) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < history.size(); ++i) {
    if (better(plan, history[i], history[best])) best = i;
  }
  return best;
}

std::vector<std::size_t> tradeoff_front(const Plan& plan, const std::vector<Evaluation>& history) {
  const std::vector<std::string> names = history_metrics();
  const auto toxic = static_cast<std::size_t>(
      std::find(names.begin(), names.end(), "toxic_exposure") - names.begin());
  std::vector<std::size_t> front;
  for (std::size_t i = 0; i < history.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < history.size() && !dominated; ++j) {
      const double si = score(plan, history[i]), sj = score(plan, history[j]);
      const double ti = history[i].metrics[toxic], tj = history[j].metrics[toxic];
      dominated = sj >= si && tj <= ti && (sj > si || tj < ti);
    }
    if (!dominated) front.push_back(i);
  }
  return front;
}

std::vector<std::vector<double>> next_candidates(const Plan& plan,
                                                 const std::vector<Evaluation>& history,
                                                 std::uint32_t round, std::size_t count) {
  std::vector<std::vector<double>> x, evaluated;
  std::vector<double> y;
  for (const Evaluation& e : history) {
    x.push_back(unit_point(plan, e.values));
    y.push_back(score(plan, e));
    evaluated.push_back(e.values);
  }
  GaussianProcess objective = GaussianProcess::fit(x, y);
  std::vector<GaussianProcess> constraints;
  for (std::size_t c = 0; c < plan.constraints.size(); ++c) {
    std::vector<double> g;
    for (const Evaluation& e : history)
      g.push_back(slack(plan.constraints[c], e.constraints[c]));
    constraints.push_back(GaussianProcess::fit(x, g));
  }
  // The pool: uniform candidates, then moves around the leading evaluated ones.
  std::vector<std::vector<double>> pool;
  const std::size_t d = plan.free_variables().size();
  for (std::uint64_t slot = 0; slot < plan.search.pool; ++slot) {
    rng::RandomStream stream = draws(plan, slot, round, 0);
    std::vector<double> unit(d);
    for (double& u : unit)
      u = rng::uniform01(stream);
    pool.push_back(from_unit(plan, unit));
  }
  std::vector<std::size_t> order(history.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return better(plan, history[a], history[b]);
  });
  for (std::size_t l = 0; l < std::min(kLeaders, order.size()); ++l) {
    const std::vector<double> centre = x[order[l]];
    for (std::size_t m = 0; m < kLocalMoves; ++m) {
      rng::RandomStream stream = draws(plan, plan.search.pool + l * kLocalMoves + m, round, 0);
      std::vector<double> unit = centre;
      for (double& u : unit) {
        const double step = rng::normal(stream) * 0.1;
        if (rng::uniform01(stream) < 0.5) u = std::clamp(u + step, 0.0, 1.0);
      }
      // A choice flips with the same chance as a real decision moves.
      pool.push_back(from_unit(plan, unit));
    }
  }
  std::vector<std::vector<double>> candidates;
  for (std::vector<double>& values : pool) {
    if (limit_problem(plan, values).empty() && !seen(evaluated, values) &&
        !seen(candidates, values))
      candidates.push_back(std::move(values));
  }
  std::vector<std::vector<double>> chosen;
  while (chosen.size() < count && !candidates.empty()) {
    double best = -HUGE_VAL;
    bool any_feasible = false;
    for (std::size_t i = 0; i < history.size(); ++i) {
      if (history[i].feasible) best = std::max(best, y[i]), any_feasible = true;
    }
    std::size_t pick = 0;
    double top = -1.0;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      const std::vector<double> u = unit_point(plan, candidates[i]);
      const GpPrediction f = objective.predict(u);
      double a = any_feasible ? expected_improvement(f.mean, f.sd, best) : 1.0;
      for (const GaussianProcess& g : constraints) {
        const GpPrediction p = g.predict(u);
        a *= normal_cdf(-p.mean / p.sd);
      }
      if (a > top) top = a, pick = i;
    }
    const std::vector<double> u = unit_point(plan, candidates[pick]);
    objective.add(u, objective.predict(u).mean);
    for (GaussianProcess& g : constraints)
      g.add(u, g.predict(u).mean);
    chosen.push_back(std::move(candidates[pick]));
    candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(pick));
  }
  return chosen;
}

}  // namespace sim::optimize
