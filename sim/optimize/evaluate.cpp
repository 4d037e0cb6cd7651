#include "sim/optimize/evaluate.hpp"

#include <map>

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

/// Every metric of every world at the weeks asked for, each week computed once.
class WorldMetrics {
 public:
  WorldMetrics(const std::vector<engine::ReplicateSeries>& worlds,
               const std::vector<engine::MetricSpec>& metrics)
      : worlds_(worlds), metrics_(metrics) {}

  /// Metric `name` in every world: at week `week`, or its mean over weeks from..week.
  std::vector<double> per_world(const std::string& name, std::uint32_t week,
                                std::uint32_t from = 0) {
    const std::size_t index = engine::metric_index(metrics_, name);
    const std::uint32_t first = from > 0 && from < week ? from : week;
    std::vector<double> out(worlds_.size(), 0.0);
    for (std::uint32_t w = first; w <= week; ++w) {
      const std::vector<std::vector<double>>& rows = at(w);
      for (std::size_t r = 0; r < rows.size(); ++r)
        out[r] += rows[r].at(index);
    }
    for (double& value : out)
      value /= static_cast<double>(week - first + 1);
    return out;
  }

  std::vector<double> per_world(const Goal& goal) {
    return per_world(goal.metric, goal.week, goal.from_week);
  }

 private:
  const std::vector<std::vector<double>>& at(std::uint32_t week) {
    auto found = by_week_.find(week);
    if (found != by_week_.end()) return found->second;
    std::vector<std::vector<double>> rows;
    for (const engine::ReplicateSeries& series : worlds_)
      rows.push_back(engine::metric_values(series, week));
    return by_week_.emplace(week, std::move(rows)).first->second;
  }

  const std::vector<engine::ReplicateSeries>& worlds_;
  const std::vector<engine::MetricSpec>& metrics_;
  std::map<std::uint32_t, std::vector<std::vector<double>>> by_week_;
};

}  // namespace

Evaluation Evaluator::measure(const std::vector<engine::ReplicateSeries>& worlds,
                              std::vector<double>* objective_worlds) const {
  const std::vector<engine::MetricSpec> metrics = engine::comparison_metrics(plan_.platforms);
  WorldMetrics table(worlds, metrics);
  Evaluation e;
  std::vector<double> objective = table.per_world(plan_.objective);
  e.objective = statistic(plan_.objective, objective);
  for (const Constraint& c : plan_.constraints) {
    e.constraints.push_back(statistic(c.goal, table.per_world(c.goal)));
    e.feasible = e.feasible && c.holds(e.constraints.back());
  }
  for (const std::string& name : history_metrics())
    e.metrics.push_back(util::mean_of(table.per_world(name, plan_.objective.week)));
  if (objective_worlds != nullptr) *objective_worlds = std::move(objective);
  return e;
}

Evaluator::Evaluator(const Plan& plan, const scenario::Scenario& base, const graph::Graph& graph,
                     engine::RunObserver& progress)
    : plan_(plan), graph_(graph) {
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
