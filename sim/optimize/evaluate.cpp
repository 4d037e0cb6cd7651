#include "sim/optimize/evaluate.hpp"

#include "sim/engine/comparison.hpp"
#include "sim/engine/decision.hpp"
#include "sim/engine/run_together.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/statistics.hpp"

namespace sim::optimize {

std::vector<std::string> history_metrics() {
  return {engine::kDecisionMetrics.begin(), engine::kDecisionMetrics.end()};
}

double statistic(const Goal& goal, const std::vector<double>& worlds) {
  return goal.quantile >= 0.0 ? util::quantile(worlds, goal.quantile) : util::mean_of(worlds);
}

double score(const Plan& plan, const Evaluation& e) {
  return plan.objective.higher_is_better ? e.objective : -e.objective;
}

bool better(const Plan& plan, const Evaluation& a, const Evaluation& b) {
  if (a.feasible != b.feasible) return a.feasible;
  return score(plan, a) > score(plan, b);
}

namespace {

/// Metric `name` in every world: at week `week`, or its mean over weeks from..week.
std::vector<double> per_world(const std::vector<engine::ReplicateSeries>& worlds,
                              const std::vector<engine::MetricSpec>& metrics,
                              const std::string& name, std::uint32_t week, std::uint32_t from = 0) {
  const std::size_t index = engine::metric_index(metrics, name);
  const std::uint32_t first = from > 0 && from < week ? from : week;
  std::vector<double> out;
  for (const engine::ReplicateSeries& series : worlds) {
    double sum = 0.0;
    for (std::uint32_t w = first; w <= week; ++w)
      sum += engine::metric_values(series, w).at(index);
    out.push_back(sum / static_cast<double>(week - first + 1));
  }
  return out;
}

std::vector<double> per_world(const std::vector<engine::ReplicateSeries>& worlds,
                              const std::vector<engine::MetricSpec>& metrics, const Goal& goal) {
  return per_world(worlds, metrics, goal.metric, goal.week, goal.from_week);
}

}  // namespace

Evaluation Evaluator::measure(const std::vector<engine::ReplicateSeries>& worlds,
                              std::vector<double>* objective_worlds) const {
  const std::vector<engine::MetricSpec> metrics = engine::comparison_metrics(plan_.platforms);
  Evaluation e;
  std::vector<double> objective = per_world(worlds, metrics, plan_.objective);
  e.objective = statistic(plan_.objective, objective);
  for (const Constraint& c : plan_.constraints) {
    e.constraints.push_back(statistic(c.goal, per_world(worlds, metrics, c.goal)));
    e.feasible = e.feasible && c.holds(e.constraints.back());
  }
  for (const std::string& name : history_metrics())
    e.metrics.push_back(util::mean_of(per_world(worlds, metrics, name, plan_.objective.week)));
  if (objective_worlds != nullptr) *objective_worlds = std::move(objective);
  return e;
}

Evaluator::Evaluator(const Plan& plan, const graph::Graph& graph, engine::RunObserver& progress)
    : plan_(plan), graph_(graph) {
  const scenario::Scenario base = scenario::read_scenario(plan.base, plan.overrides);
  const scenario::Scenario* members[] = {&base};
  const auto series = engine::run_scenarios_together(members, graph, progress);
  baseline_ = measure(series.front(), &baseline_worlds_);
  baseline_.p_better = 0.5;
}

std::vector<Evaluation> Evaluator::evaluate(const std::vector<std::vector<double>>& candidates,
                                            std::uint64_t first, engine::RunObserver& progress) {
  std::vector<scenario::Scenario> scenarios;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    scenarios.push_back(read_candidate(plan_, candidates[i], first + i, folder_));
  std::vector<const scenario::Scenario*> members;
  for (const scenario::Scenario& s : scenarios)
    members.push_back(&s);
  const auto series = engine::run_scenarios_together(members, graph_, progress);
  std::vector<Evaluation> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    std::vector<double> worlds;
    Evaluation e = measure(series[i], &worlds);
    e.values = candidates[i];
    const std::vector<engine::Decision> decision =
        engine::decide({baseline_worlds_, worlds}, {true, true}, plan_.objective.higher_is_better);
    e.difference_pct = decision[1].difference_pct.mean;
    e.p_better = decision[1].p_better;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sim::optimize
