// One replicate of the base scenario per simulation, run only to the last week a row needs; the
// state-based metrics are counted by an observer at their weeks, the rest read off the series.

#include "sim/calibration/predictions.hpp"

#include <cmath>

#include "sim/engine/run_scenario.hpp"
#include "sim/rng/distributions.hpp"
#include "sim/rng/philox.hpp"
#include "sim/scenario/worlds.hpp"

namespace sim::calibration {
namespace {

/// Counts the organisation's followers (accounts that follow it, active or not: what its
/// analytics show) and the X followers who also follow it elsewhere, at the rows' weeks.
class StateCounts : public engine::RunObserver {
 public:
  StateCounts(const Calibration& c, std::vector<double>& predicted) : c_(c), predicted_(predicted) {
    for (std::size_t k = 0; k < c.base.platforms.size(); ++k) {
      if (c.base.platforms[k].name == "x") x_ = k;
    }
  }

  void on_state(std::uint32_t, std::uint32_t week, const model::AgentState& state) override {
    bool needed = false;
    for (const TargetRow& row : c_.rows)
      needed = needed || (row.week == week && is_state_metric(row.observation.metric));
    if (!needed) return;
    std::vector<double> follows(state.platforms, 0.0), also(state.platforms, 0.0);
    double x_followers = 0.0;
    for (std::size_t agent = 0; agent < state.agents(); ++agent) {
      const model::PlatformBits bits = state.follows[agent];
      const bool on_x = model::has(bits, x_);
      x_followers += on_x ? 1.0 : 0.0;
      for (std::size_t k = 0; k < state.platforms; ++k) {
        follows[k] += model::has(bits, k) ? 1.0 : 0.0;
        also[k] += on_x && model::has(bits, k) ? 1.0 : 0.0;
      }
    }
    for (std::size_t i = 0; i < c_.rows.size(); ++i) {
      const TargetRow& row = c_.rows[i];
      if (row.week != week) continue;
      if (row.observation.metric == Metric::kFollowers) predicted_[i] = follows[row.platform];
      if (row.observation.metric == Metric::kAlsoFollows)
        predicted_[i] = x_followers > 0.0 ? also[row.platform] / x_followers : 0.0;
    }
  }

  void on_replicate(const engine::ReplicateSeries& series) override {
    for (std::size_t i = 0; i < c_.rows.size(); ++i) {
      const TargetRow& row = c_.rows[i];
      const std::size_t k = row.platform;
      switch (row.observation.metric) {
        case Metric::kAccounts:
          predicted_[i] = series.weeks[row.week].accounts[k];
          break;
        case Metric::kActive:
          predicted_[i] = series.weeks[row.week].active[k];
          break;
        case Metric::kImpressionsPerPost:
          predicted_[i] = series.reach[row.week].viewers[k];
          break;
        case Metric::kEngagementsPerPost:
          predicted_[i] = series.reach[row.week].engagements[k];
          break;
        default:
          break;  // counted on the state
      }
    }
  }

 private:
  static bool is_state_metric(Metric m) {
    return m == Metric::kFollowers || m == Metric::kAlsoFollows;
  }

  const Calibration& c_;
  std::vector<double>& predicted_;
  std::size_t x_ = 0;
};

}  // namespace

std::uint64_t simulation_seed(std::uint64_t seed, std::uint64_t simulation) {
  return rng::mix64(seed ^ rng::mix64(simulation + 1));
}

std::vector<double> predict(const Calibration& c, const std::vector<double>& values,
                            const graph::Graph& graph, std::uint64_t simulation) {
  std::vector<scenario::WorldValue> fixed;
  for (std::size_t k = 0; k < c.parameters.size(); ++k)
    fixed.push_back({c.parameters[k].key, values[k]});
  scenario::Scenario run = scenario::scenario_with_values(c.base, fixed);
  run.uncertain.clear();
  run.seed = simulation_seed(c.method.seed, simulation);
  run.weeks = c.last_week;
  run.snapshot_every = 0;
  run.reach.week_plan = false;  // no row reads the week's posting plan
  if (!c.needs_reach) run.reach.posts = 0;
  for (const TargetRow& row : c.rows) {
    const Metric m = row.observation.metric;
    if (m == Metric::kImpressionsPerPost || m == Metric::kEngagementsPerPost)
      run.reach.only_weeks.push_back(row.week);
  }
  std::vector<double> predicted(c.rows.size(), 0.0);
  StateCounts observer(c, predicted);
  observer.on_replicate(engine::run_replicate(run, graph, 0, &observer));
  return predicted;
}

double distance(const Calibration& c, const std::vector<double>& predicted,
                std::uint64_t simulation) {
  double sum = 0.0, weights = 0.0;
  for (std::size_t i = 0; i < c.rows.size(); ++i) {
    const TargetRow& row = c.rows[i];
    double model = predicted[i], observed = row.observation.value, scale = row.scale;
    if (is_platform_level(row.observation.metric)) {
      if (row.reference == i) continue;  // the series' reference: zero change by definition
      const double observed_ref = c.rows[row.reference].observation.value;
      const double model_ref = predicted[row.reference];
      observed = observed / observed_ref - 1.0;
      scale /= observed_ref;
      model = model_ref > 0.0 ? model / model_ref - 1.0 : 0.0;
    }
    rng::RandomStream draws({c.method.seed, 0}, {rng::Stream::kCalibrationNoise, i, 0, simulation});
    const double residual = (model - observed) / scale + rng::normal(draws);
    sum += row.weight * residual * residual;
    weights += row.weight;
  }
  return weights > 0.0 ? std::sqrt(sum / weights) : 0.0;
}

}  // namespace sim::calibration
