// Each simulation's predictions are kept by simulation number, so that the posterior file can
// give every final particle's own predictions without simulating again.

#include "sim/calibration/run_calibration.hpp"

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>

#include "sim/calibration/posterior_file.hpp"
#include "sim/calibration/predictions.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/util/clock.hpp"
#include "sim/version.hpp"

namespace sim::calibration {

CalibrationOutcome run_calibration(const std::string& file, const std::string& output,
                                   io::OutputPolicy policy, const std::string& command,
                                   util::ProgressSink& progress) {
  const double start = util::now_seconds();
  CalibrationOutcome outcome;
  outcome.calibration = read_calibration(file);
  const Calibration& c = outcome.calibration;
  policy.inputs.push_back(file);
  policy.inputs.push_back(c.base.file);
  for (const TargetRow& row : c.rows)
    policy.inputs.push_back(row.file);
  io::check_output(output, policy);
  const graph::Graph graph = engine::load_population(c.base);
  engine::check_population(c.base, graph);
  std::mutex guard;
  std::map<std::uint64_t, std::vector<double>> predictions;
  std::atomic<std::size_t> simulations{0};
  const double per_generation =
      c.method.min_acceptance > 0.0
          ? std::ceil(static_cast<double>(c.method.particles) / c.method.min_acceptance)
          : static_cast<double>(c.method.particles);
  progress.begin(static_cast<std::uint64_t>(per_generation) * c.method.generations);
  const auto simulate = [&](const std::vector<double>& values, std::uint64_t simulation) {
    std::vector<double> predicted = predict(c, values, graph, simulation);
    const double d = distance(c, predicted, simulation);
    {
      const std::lock_guard<std::mutex> lock(guard);
      predictions.emplace(simulation, std::move(predicted));
    }
    ++simulations;
    progress.advance();
    return d;
  };
  try {
    outcome.result = abc_smc(c.parameters, c.method, simulate);
  } catch (...) {
    progress.end();
    throw;
  }
  progress.end();
  PosteriorRecord record;
  record.command = command;
  record.trek_version = std::string(version());
  for (const std::uint64_t simulation : outcome.result.generations.back().simulations)
    record.predictions.push_back(predictions.at(simulation));
  outcome.simulations = simulations.load();
  record.seconds = util::seconds_since(start);
  write_posterior(output, c, outcome.result, record, policy);
  outcome.seconds = util::seconds_since(start);
  return outcome;
}

RecoveryOutcome run_recovery(const std::string& file, std::size_t repetitions) {
  const double start = util::now_seconds();
  RecoveryOutcome outcome;
  outcome.calibration = read_calibration(file);
  const graph::Graph graph = engine::load_population(outcome.calibration.base);
  engine::check_population(outcome.calibration.base, graph);
  outcome.recovery =
      recovery_study(outcome.calibration, graph, repetitions, outcome.calibration.method.seed);
  outcome.seconds = util::seconds_since(start);
  return outcome;
}

}  // namespace sim::calibration
