// Each simulation's predictions are kept by simulation number, so that the posterior file can
// give every final particle's own predictions without simulating again.

#include "sim/calibration/run_calibration.hpp"

#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "sim/calibration/posterior_file.hpp"
#include "sim/calibration/predictions.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/run_scenario.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/hash.hpp"
#include "sim/util/input_file.hpp"
#include "sim/version.hpp"

namespace sim::calibration {

namespace {

/// A hash of everything the calibration reads: its file, the resolved base scenario and the
/// observation files, so that a checkpoint is resumed only by the same calibration.
std::uint64_t inputs_hash(const Calibration& c) {
  std::uint64_t hash = util::fnv1a(util::read_input_file(c.file, std::size_t{64} << 20U));
  hash = util::fnv1a(c.base.resolved_toml, hash);
  std::set<std::string> files;
  for (const TargetRow& row : c.rows)
    files.insert(row.file);
  for (const std::string& f : files)
    hash = util::fnv1a(util::read_input_file(f, std::size_t{64} << 20U), hash);
  return hash;
}

/// Each particle's predictions of `rows` rows, those simulated by other processes of the
/// spread included.
std::vector<std::vector<double>> final_predictions(
    const Generation& g, const std::map<std::uint64_t, std::vector<double>>& predictions,
    std::size_t rows, const Spread& spread) {
  std::vector<double> flat(g.simulations.size() * rows, 0.0);
  std::vector<char> mine(flat.size(), 0);
  for (std::size_t j = 0; j < g.simulations.size(); ++j) {
    const auto found = predictions.find(g.simulations[j]);
    if (found == predictions.end()) continue;  // simulated by another process
    for (std::size_t r = 0; r < rows; ++r) {
      flat[j * rows + r] = found->second.at(r);
      mine[j * rows + r] = 1;
    }
  }
  if (spread.ranks > 1) spread.share(flat, mine);
  std::vector<std::vector<double>> out(g.simulations.size(), std::vector<double>(rows));
  for (std::size_t j = 0; j < g.simulations.size(); ++j) {
    for (std::size_t r = 0; r < rows; ++r)
      out[j][r] = flat[j * rows + r];
  }
  return out;
}

/// The sum of every process's `count`.
std::size_t total_over(const Spread& spread, std::size_t count) {
  if (spread.ranks <= 1) return count;
  std::vector<double> counts(spread.ranks, 0.0);
  std::vector<char> mine(spread.ranks, 0);
  counts[spread.rank] = static_cast<double>(count);
  mine[spread.rank] = 1;
  spread.share(counts, mine);
  double total = 0.0;
  for (const double each : counts)
    total += each;
  return static_cast<std::size_t>(total);
}

}  // namespace

CalibrationOutcome run_calibration(const std::string& file, const std::string& output,
                                   io::OutputPolicy policy, const std::string& command, bool resume,
                                   util::ProgressSink& progress, const Spread& spread) {
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
  const std::uint64_t hash = inputs_hash(c);
  const std::string partial = output + ".partial";
  std::vector<Generation> done;
  if (resume && util::path_exists(partial)) {
    Checkpoint checkpoint = read_checkpoint(partial, hash);
    done = std::move(checkpoint.generations);
    for (std::size_t j = 0; j < done.back().simulations.size(); ++j)
      predictions.emplace(done.back().simulations[j], std::move(checkpoint.predictions[j]));
  }
  const auto record_of = [&](const AbcResult& result, bool complete) {
    PosteriorRecord record;
    record.command = command;
    record.trek_version = std::string(version());
    record.complete = complete;
    record.inputs_hash = hash;
    const std::lock_guard<std::mutex> lock(guard);
    record.predictions =
        final_predictions(result.generations.back(), predictions, c.rows.size(), spread);
    return record;
  };
  const bool writes = spread.rank == 0;
  const auto checkpoint = [&](const AbcResult& result) {
    PosteriorRecord record = record_of(result, false);
    record.seconds = util::seconds_since(start);
    if (writes)
      write_posterior(partial, c, result, record, {.replace = true, .inputs = policy.inputs});
  };
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
    outcome.result = abc_smc(c.parameters, c.method, simulate, std::move(done), checkpoint, spread);
  } catch (...) {
    progress.end();
    throw;
  }
  progress.end();
  PosteriorRecord record = record_of(outcome.result, true);
  outcome.simulations = total_over(spread, simulations.load());
  record.seconds = util::seconds_since(start);
  if (!writes) return outcome;
  write_posterior(output, c, outcome.result, record, policy);
  std::error_code ignored;
  std::filesystem::remove(partial, ignored);
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
