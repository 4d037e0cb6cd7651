#pragma once
/// Evaluating candidates: each runs the plan's worlds (world r of every candidate and of the
/// baseline is the same world, common random numbers), and its objective and constraints are
/// statistics over those worlds. Candidates of one round run together (engine/run_together):
/// the organisation's choices do not move its audience, so they share one weekly step per
/// world. An evaluation is a pure function of the plan, the graph and the candidate's values.

#include <cstdint>
#include <vector>

#include "sim/engine/run_scenario.hpp"
#include "sim/graph/graph.hpp"
#include "sim/optimize/candidate_check.hpp"
#include "sim/optimize/plan.hpp"

namespace sim::optimize {

/// The metrics a history keeps for every candidate (engine::kDecisionMetrics order), as means
/// over worlds at the objective's week.
std::vector<std::string> history_metrics();

struct Evaluation {
  std::vector<double> values;       ///< every decision, Plan::variables order
  double objective = 0.0;           ///< the objective's statistic over worlds
  std::vector<double> constraints;  ///< each constraint's statistic over worlds
  bool feasible = true;             ///< every constraint holds
  std::vector<double> metrics;      ///< history_metrics(), means over worlds
  double difference_pct = 0.0;  ///< the objective metric against the baseline, %, world by world
  double p_better = 0.0;        ///< share of worlds where it beats the baseline there
};

/// The goal's statistic over the worlds' values.
double statistic(const Goal& goal, const std::vector<double>& worlds);

/// The objective as the search maximises it (negated when lower is better).
double score(const Plan& plan, const Evaluation& e);

/// The better of two feasible evaluations, or the feasible one; ties to the first.
bool better(const Plan& plan, const Evaluation& a, const Evaluation& b);

class Evaluator {
 public:
  /// Runs the baseline's worlds once (`base`: the plan's base scenario with its overrides).
  Evaluator(const Plan& plan, const scenario::Scenario& base, const graph::Graph& graph,
            engine::RunObserver& progress);

  /// Evaluates candidates (full value vectors) numbered first, first + 1, ... in one joint run.
  std::vector<Evaluation> evaluate(const std::vector<std::vector<double>>& candidates,
                                   std::uint64_t first, engine::RunObserver& progress);

  /// The baseline as an evaluation (values empty).
  const Evaluation& baseline() const { return baseline_; }

 private:
  /// Each goal's per-world values and the history metrics' means, from one scenario's worlds.
  Evaluation measure(const std::vector<engine::ReplicateSeries>& worlds,
                     std::vector<double>* objective_worlds) const;

  const Plan& plan_;
  const graph::Graph& graph_;
  ScratchFolder folder_;
  std::vector<double> baseline_worlds_;  ///< the objective metric in each world
  Evaluation baseline_;
};

}  // namespace sim::optimize
