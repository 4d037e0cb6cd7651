// The search writes a checkpoint after every round; a resumed search reads the history back and
// proposes exactly what the interrupted one would have (the proposals are pure functions of the
// history), so it ends with the same plan file.

#include "sim/optimize/run_optimize.hpp"

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <functional>

#include "sim/engine/population.hpp"
#include "sim/engine/run_comparison.hpp"
#include "sim/engine/run_together.hpp"
#include "sim/optimize/candidate.hpp"
#include "sim/optimize/candidate_check.hpp"
#include "sim/optimize/read_plan.hpp"
#include "sim/optimize/search.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/error.hpp"
#include "sim/util/hash.hpp"
#include "sim/util/input_file.hpp"

namespace sim::optimize {
namespace {

/// A hash of the plan file and of every scenario file its base and comparisons read.
std::uint64_t inputs_hash(const Plan& plan, const scenario::Scenario& base) {
  std::uint64_t hash = util::fnv1a(plan.text);
  for (const auto& source : base.sources)
    hash = util::fnv1a(source.text, hash);
  for (const std::string& file : plan.compare)
    hash = util::fnv1a(util::read_input_file(file, scenario::kMaxTomlBytes), hash);
  return hash;
}

/// The final comparison: the baseline, the best plan and the hand-written strategies, with the
/// plan's priors on `verify_worlds` fresh worlds, into `output` (a comparison file).
engine::Comparison verify(const Plan& plan, const std::string& best_file, const std::string& output,
                          const engine::Provenance& provenance) {
  std::vector<std::string> files{plan.base, best_file};
  for (const std::string& f : plan.compare)
    files.push_back(f);
  std::vector<std::string> overrides = plan.overrides;
  overrides.push_back("simulation.seed=" + std::to_string(plan.verify_seed));
  overrides.push_back("simulation.replicates=" + std::to_string(plan.verify_worlds));
  engine::ComparisonPlan comparison = engine::plan_comparison({files, overrides, false});
  return engine::run_comparison(comparison, output, {.replace = true, .inputs = {}}, provenance);
}

/// The grid points from `done` on, a few at a time (they run together).
std::vector<std::vector<double>> grid_chunk(const std::vector<std::vector<double>>& grid,
                                            std::size_t done) {
  constexpr std::size_t kChunk = 8;
  const std::size_t end = std::min(grid.size(), done + kChunk);
  return {grid.begin() + static_cast<std::ptrdiff_t>(std::min(done, end)),
          grid.begin() + static_cast<std::ptrdiff_t>(end)};
}

/// An evaluation as numbers, for sharing between processes (values are known to all).
std::vector<double> flatten(const Evaluation& e) {
  std::vector<double> out{e.objective, e.feasible ? 1.0 : 0.0, e.difference_pct, e.p_better};
  out.insert(out.end(), e.constraints.begin(), e.constraints.end());
  out.insert(out.end(), e.metrics.begin(), e.metrics.end());
  return out;
}

Evaluation unflatten(const double* at, std::size_t constraints, std::size_t metrics,
                     std::vector<double> values) {
  Evaluation e;
  e.values = std::move(values);
  e.objective = at[0];
  e.feasible = at[1] != 0.0;
  e.difference_pct = at[2];
  e.p_better = at[3];
  e.constraints.assign(at + 4, at + 4 + constraints);
  e.metrics.assign(at + 4 + constraints, at + 4 + constraints + metrics);
  return e;
}

/// Every candidate of a round evaluated: this process's share run here, the rest received from
/// the others (util::Spread).
std::vector<Evaluation> evaluate_round(const Plan& plan, Evaluator& evaluator,
                                       const std::vector<std::vector<double>>& candidates,
                                       std::uint64_t first, engine::RunObserver& progress,
                                       const util::Spread& spread) {
  std::vector<std::vector<double>> own;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (spread.mine(i)) own.push_back(candidates[i]);
  }
  std::vector<Evaluation> done =
      own.empty() ? std::vector<Evaluation>{} : evaluator.evaluate(own, first, progress);
  if (spread.ranks <= 1) return done;
  const std::size_t c = plan.constraints.size(), m = history_metrics().size(), width = 4 + c + m;
  std::vector<double> flat(candidates.size() * width, 0.0);
  std::vector<char> mine(flat.size(), 0);
  for (std::size_t i = 0, next = 0; i < candidates.size(); ++i) {
    if (!spread.mine(i)) continue;
    const std::vector<double> one = flatten(done[next++]);
    std::copy(one.begin(), one.end(), flat.begin() + static_cast<std::ptrdiff_t>(i * width));
    std::fill(mine.begin() + static_cast<std::ptrdiff_t>(i * width),
              mine.begin() + static_cast<std::ptrdiff_t>((i + 1) * width), 1);
  }
  spread.share(flat, mine);
  std::vector<Evaluation> all;
  for (std::size_t i = 0; i < candidates.size(); ++i)
    all.push_back(unflatten(flat.data() + i * width, c, m, candidates[i]));
  return all;
}

/// The rounds of the search, from where `record` stands (a resumed checkpoint) to the budget;
/// process 0 of a spread writes a checkpoint after each.
void search(const Plan& plan, Evaluator& evaluator, PlanRecord& record, engine::RunObserver& weeks,
            util::ProgressSink& progress, const util::Spread& spread,
            const std::function<void()>& checkpoint) {
  const std::vector<std::vector<double>> grid =
      plan.search.grid ? grid_candidates(plan) : std::vector<std::vector<double>>{};
  std::uint32_t round = record.rounds.empty() ? 0 : record.rounds.back() + 1;
  record.stopped = "the budget of " + std::to_string(plan.search.evaluations) + " evaluations";
  while (record.history.size() < plan.search.evaluations) {
    const std::size_t room = plan.search.evaluations - record.history.size();
    std::vector<std::vector<double>> candidates =
        plan.search.grid ? grid_chunk(grid, record.history.size())
        : round == 0     ? initial_candidates(plan)
                         : next_candidates(plan, record.history, round,
                                           std::min<std::size_t>(room, plan.search.batch));
    if (candidates.size() > room) candidates.resize(room);
    if (candidates.empty()) {
      record.stopped = plan.search.grid ? "every point of the grid"
                                        : "every candidate the search could find was evaluated";
      break;
    }
    for (Evaluation& e :
         evaluate_round(plan, evaluator, candidates, record.history.size() + 1, weeks, spread)) {
      record.history.push_back(std::move(e));
      record.rounds.push_back(round);
    }
    progress.milestone("round " + std::to_string(round) + " (" +
                       std::to_string(record.history.size()) + " candidates)");
    if (spread.rank == 0) checkpoint();
    ++round;
  }
  if (!record.history.at(best_index(plan, record.history)).feasible)
    record.stopped += "; no candidate kept every constraint, the best shown breaks one";
}

/// The path to write in a file in `folder` for `target`: relative where one exists.
std::string path_from(const std::filesystem::path& folder, const std::string& target) {
  const std::filesystem::path relative = std::filesystem::relative(target, folder);
  return relative.empty() ? target : relative.string();
}

void write_text(const std::string& path, const std::string& text, const io::OutputPolicy& policy) {
  io::write_atomically(
      path,
      [&](const std::string& temporary) {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.close();
        if (!out) throw util::SystemError(errno, io::write_failure(temporary, errno));
      },
      policy);
}

/// After the search: the best plan on fresh worlds, the final comparison, and the outputs.
void finish(OptimizeOutcome& outcome, const graph::Graph& graph, const std::string& output,
            const io::OutputPolicy& policy, double start) {
  const Plan& plan = outcome.plan;
  PlanRecord& record = outcome.record;
  const Evaluation& best = record.history.at(best_index(plan, record.history));
  const ScratchFolder folder;
  const std::string base = std::filesystem::absolute(plan.base).lexically_normal().string();
  const std::string best_scratch =
      folder.write("best.toml", candidate_toml(plan, best.values, base, "Best plan"));
  // The objective on fresh worlds: the search's estimate of its best is biased upwards (it was
  // chosen for doing well on the search's worlds).
  Plan fresh = plan;
  fresh.overrides.push_back("simulation.seed=" + std::to_string(plan.verify_seed));
  fresh.overrides.push_back("simulation.replicates=" + std::to_string(plan.verify_worlds));
  engine::WeekProgress silent(util::no_progress());
  Evaluator again(fresh, scenario::read_scenario(plan.base, fresh.overrides), graph, silent);
  record.fresh_baseline = again.baseline();
  record.fresh_best = again.evaluate({best.values}, 0, silent).front();
  record.verification_file = folder.file("verification.h5");
  outcome.verification =
      verify(plan, best_scratch, record.verification_file, {record.creator, record.command});
  const auto out_folder = std::filesystem::absolute(outcome.best_file).parent_path();
  record.best_scenario =
      candidate_toml(plan, best.values, path_from(out_folder, base), "Best plan");
  record.complete = true;
  record.seconds = util::seconds_since(start);
  write_text(outcome.best_file, record.best_scenario, policy);
  write_plan_file(output, plan, record, policy);
  record.verification_file.clear();
}

}  // namespace

std::string best_scenario_path(const std::string& output) {
  std::filesystem::path path(output);
  path.replace_extension(".best.toml");
  return path.string();
}

OptimizeOutcome run_optimize(const OptimizeRequest& request, util::ProgressSink& progress,
                             const util::Spread& spread) {
  const double start = util::now_seconds();
  OptimizeOutcome outcome;
  outcome.plan = read_plan(request.plan_file);
  const Plan& plan = outcome.plan;
  io::OutputPolicy policy{.replace = request.force, .inputs = {plan.file, plan.base}};
  for (const std::string& f : plan.compare)
    policy.inputs.push_back(f);
  outcome.best_file = best_scenario_path(request.output);
  io::check_output(request.output, policy);
  io::check_output(outcome.best_file, policy);
  const scenario::Scenario base = scenario::read_scenario(plan.base, plan.overrides);
  const graph::Graph graph = engine::load_population(base);
  engine::check_population(base, graph);
  PlanRecord& record = outcome.record;
  const std::uint64_t hash = inputs_hash(plan, base);
  const std::string partial = request.output + ".partial";
  if (request.resume && util::path_exists(partial))
    record = read_plan_checkpoint(partial, plan, hash);
  record.command = request.command;
  record.creator = request.creator;
  record.inputs_hash = hash;
  progress.begin(std::uint64_t{plan.weeks} * plan.worlds * (plan.search.evaluations + 1));
  engine::WeekProgress weeks(progress);
  try {
    Evaluator evaluator(plan, base, graph, weeks);
    record.baseline = evaluator.baseline();
    search(plan, evaluator, record, weeks, progress, spread, [&] {
      record.seconds = util::seconds_since(start);
      write_plan_file(partial, plan, record, {.replace = true, .inputs = policy.inputs});
    });
  } catch (...) {
    progress.end();
    throw;
  }
  progress.end();
  if (spread.rank != 0) return outcome;
  finish(outcome, graph, request.output, policy, start);
  std::error_code ignored;
  std::filesystem::remove(partial, ignored);
  return outcome;
}

}  // namespace sim::optimize
