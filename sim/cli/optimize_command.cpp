// Options to optimize::run_optimize; prints the search history's best candidates, the trade-off
// front and the final comparison of the best plan on fresh worlds.

#include "sim/cli/optimize_command.hpp"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <numeric>

#include "sim/cli/common.hpp"
#include "sim/cli/mpi_world.hpp"
#include "sim/cli/progress.hpp"
#include "sim/engine/decision.hpp"
#include "sim/optimize/candidate.hpp"
#include "sim/optimize/run_optimize.hpp"
#include "sim/optimize/search.hpp"
#include "sim/util/error.hpp"
#include "sim/util/input_file.hpp"
#include "sim/version.hpp"

namespace sim::cli {
namespace {

struct OptimizeOptions {
  CommonOptions common;
  std::string plan, output;
  bool force = false, resume = false;
};

constexpr std::size_t kShown = 5;

void print_history(const optimize::OptimizeOutcome& o) {
  const optimize::Plan& plan = o.plan;
  const auto& history = o.record.history;
  std::vector<std::size_t> order(history.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return optimize::better(plan, history[a], history[b]);
  });
  std::printf("objective: %s (baseline %.4g)\n", plan.objective.describe().c_str(),
              o.record.baseline.objective);
  std::printf("%zu candidates evaluated on %u worlds each; stopped: %s\n\n", history.size(),
              plan.worlds, o.record.stopped.c_str());
  std::printf("%4s %12s %9s %8s %9s  %s\n", "#", "objective", "vs base", "P(bet.)", "feasible",
              "candidate");
  for (std::size_t r = 0; r < std::min(kShown, order.size()); ++r) {
    const optimize::Evaluation& e = history[order[r]];
    std::printf("%4zu %12.4g %+8.1f%% %8.2f %9s  %s\n", order[r] + 1, e.objective, e.difference_pct,
                e.p_better, e.feasible ? "yes" : "no", optimize::describe(plan, e.values).c_str());
  }
  const auto names = optimize::history_metrics();
  const auto toxic = static_cast<std::size_t>(
      std::find(names.begin(), names.end(), "toxic_exposure") - names.begin());
  std::printf(
      "\ntrade-off front: no other candidate has both a better objective and a lower "
      "mean toxic exposure\n%4s %12s %9s  %s\n",
      "#", "objective", "toxic", "candidate");
  for (const std::size_t i : optimize::tradeoff_front(plan, history)) {
    std::printf("%4zu %12.4g %9.4g  %s\n", i + 1, history[i].objective, history[i].metrics[toxic],
                optimize::describe(plan, history[i].values).c_str());
  }
  std::printf("\n");
}

void print_verification(const optimize::OptimizeOutcome& o) {
  const optimize::Evaluation& fresh = o.record.fresh_best;
  std::printf(
      "the best plan on %u fresh worlds (seed %llu): %s %.4g against %.4g, %+.1f%%, "
      "P(better) %.2f%s\n",
      o.plan.verify_worlds, static_cast<unsigned long long>(o.plan.verify_seed),
      o.plan.objective.describe().c_str(), fresh.objective, o.record.fresh_baseline.objective,
      fresh.difference_pct, fresh.p_better, fresh.feasible ? "" : "; it breaks a constraint there");
  const engine::Comparison& c = o.verification;
  const std::size_t metric = engine::metric_index(c.metrics, o.plan.objective.metric);
  const std::size_t week = c.weeks.size() - 1;
  std::printf("final comparison on %zu fresh worlds (seed %llu), %s at week %zu:\n", c.worlds,
              static_cast<unsigned long long>(o.plan.verify_seed), c.metrics[metric].name.c_str(),
              c.weeks[week]);
  std::printf("%-38s %10s %22s %7s %7s %4s  %s\n", "scenario", "mean", "vs baseline (90%)",
              "P(bet.)", "P(best)", "tier", "verdict");
  for (std::size_t s = 0; s < c.scenarios.size(); ++s) {
    const engine::MetricCell& cell = c.cells[s][week][metric];
    char band[48];
    std::snprintf(band, sizeof band, "%+.1f%% [%+.1f, %+.1f]", cell.decision.difference_pct.mean,
                  cell.decision.difference_pct.low, cell.decision.difference_pct.high);
    std::printf("%-38.38s %10.4g %22s %7.2f %7.2f %4u  %s\n", c.scenarios[s].c_str(),
                cell.level.mean, s == 0 ? "" : band, s == 0 ? 0.5 : cell.decision.p_better,
                cell.decision.p_best, cell.decision.tier,
                engine::verdict_text(cell.decision.verdict).c_str());
  }
  std::printf(
      "(P(best): share of worlds where it is the best of these; tier 1: the best and every "
      "strategy not clearly worse than it)\n\n");
}

void optimize_plan(const OptimizeOptions& o) {
  if (o.resume && util::path_exists(o.output) && !util::path_exists(o.output + ".partial")) {
    inform(o.common, o.output + " is already complete: nothing to resume");
    return;
  }
  const MpiWorld world;
  const bool lead = world.rank() == 0;
  Progress progress("weeks", !o.common.quiet && lead);
  optimize::OptimizeOutcome outcome;
  const util::Spread spread = world.spread();
  world.run_or_abort([&] {
    outcome = optimize::run_optimize(
        {o.plan, o.output, o.force || o.resume, o.resume, command_line(), sim::creator()}, progress,
        spread);
  });
  if (!lead) return;
  print_history(outcome);
  print_verification(outcome);
  std::printf(
      "best plan: %s\nwritten as %s\n",
      optimize::describe(
          outcome.plan,
          outcome.record.history[optimize::best_index(outcome.plan, outcome.record.history)].values)
          .c_str(),
      outcome.best_file.c_str());
  char line[240];
  std::snprintf(line, sizeof line, "wrote %s: %zu candidates in %.1f s", o.output.c_str(),
                outcome.record.history.size(), outcome.record.seconds);
  inform(o.common, line);
}

}  // namespace

void register_optimize_command(CLI::App& app) {
  auto o = std::make_shared<OptimizeOptions>();
  CLI::App* command = app.add_subcommand(
      "optimize", "Search a plan's decisions for the best strategy (Bayesian optimisation)");
  command->add_option("plan", o->plan, "Plan file (TOML)")->required();
  command->add_option("-o,--output", o->output, "Plan results file (HDF5)")->required();
  command->add_flag("--force", o->force, "Replace an existing output and best scenario file");
  command->add_flag("--resume", o->resume,
                    "Continue an interrupted search from OUTPUT.partial (same result)");
  add_common_options(*command, o->common);
  command->callback([o] { optimize_plan(*o); });
}

}  // namespace sim::cli
