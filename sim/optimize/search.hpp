#pragma once
/// The plan search: Bayesian optimisation with Gaussian-process surrogates (docs/optimize.md).
///
/// Round 0 is a Latin hypercube of `initial` candidates over the free decisions. Each later round
/// fits one Gaussian process (gaussian_process.hpp) to the objective of every candidate so far
/// and one to each constraint, and proposes `batch` candidates that maximise the expected
/// improvement over the best feasible candidate times the probability that every constraint
/// holds (Gardner et al. 2014), over a pool of random candidates and moves around the best ones;
/// within a round each chosen candidate joins the processes at its predicted value ("kriging
/// believer"), so the batch spreads. Candidates break no limit of the plan (max_platforms,
/// posting_budget) and are never evaluated twice.
///
/// Every draw comes from stream optimize_candidate at (entity: pool slot, week: round, sub:
/// attempt) of run key {seed, 0}, and the processes are pure functions of the history, so a
/// search is the same for any thread count and after a resume.

#include <cstdint>
#include <vector>

#include "sim/optimize/evaluate.hpp"
#include "sim/optimize/plan.hpp"

namespace sim::optimize {

/// The free decisions of a candidate (full values) in [0, 1], the processes' inputs.
std::vector<double> unit_point(const Plan& plan, const std::vector<double>& values);

/// The candidate (full values, snapped) at a point of [0, 1]^free.
std::vector<double> from_unit(const Plan& plan, const std::vector<double>& unit);

/// Every point of the grid (SearchSettings::grid): `steps` evenly spaced levels of each free
/// decision (whole weeks rounded, duplicates dropped; a choice 0 and 1), within the limits.
/// InputError when it holds more than `evaluations` points or none.
std::vector<std::vector<double>> grid_candidates(const Plan& plan);

/// Round 0. InputError when no candidate within the plan's limits can be found.
std::vector<std::vector<double>> initial_candidates(const Plan& plan);

/// Round `round` (>= 1): at most `count` new candidates, fewer when the pool holds fewer that
/// were not evaluated yet.
std::vector<std::vector<double>> next_candidates(const Plan& plan,
                                                 const std::vector<Evaluation>& history,
                                                 std::uint32_t round, std::size_t count);

/// Expected improvement of a maximised quantity with prediction (mean, sd) over `best`.
double expected_improvement(double mean, double sd, double best);

/// The index of the best evaluation (better(); the first of equals); history not empty.
std::size_t best_index(const Plan& plan, const std::vector<Evaluation>& history);

/// Indices of the candidates on the trade-off front of the objective (as the search maximises it)
/// against mean toxic exposure (lower is better): none does better on both. In history order.
std::vector<std::size_t> tradeoff_front(const Plan& plan, const std::vector<Evaluation>& history);

}  // namespace sim::optimize
