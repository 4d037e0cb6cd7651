// Written whole through io::write_atomically, so a kill or a full disk leaves an earlier file
// intact. Candidates are rows: /history/values [N][V] holds every decision of candidate i.

#include "sim/optimize/plan_file.hpp"

#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/io/h5_copy.hpp"
#include "sim/io/probe.hpp"
#include "sim/optimize/candidate.hpp"
#include "sim/optimize/search.hpp"
#include "sim/util/error.hpp"

namespace sim::optimize {
namespace {

const char* kind_name(VariableKind kind) {
  switch (kind) {
    case VariableKind::kWeeks:
      return "weeks";
    case VariableKind::kChoice:
      return "choice";
    case VariableKind::kPosts:
      return "posts";
  }
  return "";
}

void write_goal(hid_t parent, const std::string& name, const Goal& goal) {
  io::Handle group = io::create_group(parent, name);
  io::write_attribute(group.get(), "metric", goal.metric);
  io::write_attribute(group.get(), "statistic", goal.quantile >= 0.0 ? "quantile" : "mean");
  io::write_attribute(group.get(), "quantile", goal.quantile);
  io::write_attribute(group.get(), "week", std::uint64_t{goal.week});
  io::write_attribute(group.get(), "from_week", std::uint64_t{goal.from_week});
  io::write_attribute(group.get(), "higher_is_better", std::uint64_t{goal.higher_is_better});
  io::write_attribute(group.get(), "description", goal.describe());
}

void write_decisions(hid_t file, const Plan& plan) {
  io::Handle group = io::create_group(file, "decisions");
  std::vector<std::string> names, kinds;
  std::vector<double> low, high;
  std::vector<std::uint8_t> free;
  for (const Variable& v : plan.variables) {
    names.push_back(v.name);
    kinds.push_back(kind_name(v.kind));
    low.push_back(v.min);
    high.push_back(v.max);
    free.push_back(v.free() ? 1 : 0);
  }
  io::write_strings(group.get(), "name", names);
  io::write_strings(group.get(), "kind", kinds);
  io::write_vector<double>(group.get(), "min", low);
  io::write_vector<double>(group.get(), "max", high);
  io::write_vector<std::uint8_t>(group.get(), "free", free);
}

void write_history(hid_t file, const Plan& plan, const PlanRecord& r) {
  io::Handle group = io::create_group(file, "history");
  std::vector<std::vector<double>> values, constraints, metrics;
  std::vector<double> objective, difference, p_better;
  std::vector<std::uint8_t> feasible;
  std::vector<std::string> described;
  for (const Evaluation& e : r.history) {
    values.push_back(e.values);
    constraints.push_back(e.constraints);
    metrics.push_back(e.metrics);
    objective.push_back(e.objective);
    difference.push_back(e.difference_pct);
    p_better.push_back(e.p_better);
    feasible.push_back(e.feasible ? 1 : 0);
    described.push_back(describe(plan, e.values));
  }
  io::write_rows(group.get(), "values", values, plan.variables.size());
  io::write_rows(group.get(), "constraints", constraints, plan.constraints.size());
  io::write_rows(group.get(), "metrics", metrics, history_metrics().size());
  io::write_strings(group.get(), "metric_names", history_metrics());
  io::write_vector<double>(group.get(), "objective", objective);
  io::write_vector<double>(group.get(), "difference_pct", difference);
  io::write_vector<double>(group.get(), "p_better", p_better);
  io::write_vector<std::uint8_t>(group.get(), "feasible", feasible);
  io::write_vector<std::uint32_t>(group.get(), "round", r.rounds);
  io::write_strings(group.get(), "description", described);
  io::Handle baseline = io::create_group(file, "baseline");
  io::write_attribute(baseline.get(), "objective", r.baseline.objective);
  io::write_vector<double>(baseline.get(), "constraints", r.baseline.constraints);
  io::write_vector<double>(baseline.get(), "metrics", r.baseline.metrics);
}

void write_best(hid_t file, const Plan& plan, const PlanRecord& r) {
  if (r.history.empty()) return;
  io::Handle group = io::create_group(file, "best");
  const std::size_t best = best_index(plan, r.history);
  io::write_attribute(group.get(), "index", std::uint64_t{best});
  io::write_attribute(group.get(), "description", describe(plan, r.history[best].values));
  io::write_strings(group.get(), "scenario", {r.best_scenario});
  io::write_attribute(group.get(), "fresh_objective", r.fresh_best.objective);
  io::write_attribute(group.get(), "fresh_baseline_objective", r.fresh_baseline.objective);
  io::write_attribute(group.get(), "fresh_difference_pct", r.fresh_best.difference_pct);
  io::write_attribute(group.get(), "fresh_p_better", r.fresh_best.p_better);
  io::write_attribute(group.get(), "fresh_feasible", std::uint64_t{r.fresh_best.feasible});
  std::vector<std::uint64_t> front;
  for (const std::size_t i : tradeoff_front(plan, r.history))
    front.push_back(i);
  io::write_vector<std::uint64_t>(file, "front", front);
}

void write_file(const std::string& path, const Plan& plan, const PlanRecord& r) {
  io::Handle file = io::create_file(path);
  io::write_attribute(file.get(), "format", std::string(kPlanFormat));
  io::write_attribute(file.get(), "version", kPlanVersion);
  io::write_attribute(file.get(), "creator", r.creator);
  io::write_attribute(file.get(), "command_line", r.command);
  io::write_attribute(file.get(), "complete", std::uint64_t{r.complete});
  io::write_attribute(file.get(), "inputs_hash", r.inputs_hash);
  io::write_attribute(file.get(), "seconds", r.seconds);
  io::write_attribute(file.get(), "stopped", r.stopped);
  io::write_attribute(file.get(), "plan_file", plan.file);
  io::write_strings(file.get(), "plan_text", {plan.text});
  io::write_attribute(file.get(), "base", plan.base);
  io::write_attribute(file.get(), "seed", plan.seed);
  io::write_attribute(file.get(), "worlds", std::uint64_t{plan.worlds});
  io::write_attribute(file.get(), "verify_seed", plan.verify_seed);
  io::write_attribute(file.get(), "verify_worlds", std::uint64_t{plan.verify_worlds});
  write_goal(file.get(), "objective", plan.objective);
  {
    io::Handle group = io::create_group(file.get(), "constraints");
    for (std::size_t c = 0; c < plan.constraints.size(); ++c) {
      write_goal(group.get(), std::to_string(c), plan.constraints[c].goal);
      io::Handle one = io::open_group(group.get(), std::to_string(c));
      io::write_attribute(one.get(), "bound", plan.constraints[c].bound);
      io::write_attribute(one.get(), "at_most", std::uint64_t{plan.constraints[c].at_most});
    }
  }
  write_decisions(file.get(), plan);
  write_history(file.get(), plan, r);
  write_best(file.get(), plan, r);
  if (!r.verification_file.empty()) {
    io::Handle group = io::create_group(file.get(), "verification");
    const io::Handle from = io::open_file_read(r.verification_file);
    io::copy_group(from.get(), group.get(), "comparison");
  }
  io::close_file(file);
}

}  // namespace

void write_plan_file(const std::string& path, const Plan& plan, const PlanRecord& record,
                     const io::OutputPolicy& policy) {
  io::write_atomically(
      path, [&](const std::string& temporary) { write_file(temporary, plan, record); }, policy);
}

namespace {

PlanRecord checkpoint_in_process(const std::string& path, const Plan& plan,
                                 std::uint64_t inputs_hash) {
  return io::read_input(path, [&] {
    PlanRecord r;
    const io::Handle file = io::open_file_read(path);
    io::check_format(path, file.get(), kPlanFormat, kPlanVersion, "plan");
    if (io::read_uint_attribute(file.get(), "inputs_hash") != inputs_hash)
      throw util::InputError({path, 0, "inputs_hash"},
                             "was written by another plan (or its files changed): remove it or "
                             "run without --resume");
    r.inputs_hash = inputs_hash;
    const io::Handle history = io::open_group(file.get(), "history");
    const std::size_t n = io::vector_length(history.get(), "objective");
    const std::size_t c = plan.constraints.size(), m = history_metrics().size();
    const auto values = io::read_rows(history.get(), "values", n, plan.variables.size());
    const auto constraints = io::read_rows(history.get(), "constraints", n, c);
    const auto metrics = io::read_rows(history.get(), "metrics", n, m);
    const auto objective = io::read_elements<double>(history.get(), "objective", n);
    const auto difference = io::read_elements<double>(history.get(), "difference_pct", n);
    const auto p_better = io::read_elements<double>(history.get(), "p_better", n);
    const auto feasible = io::read_elements<std::uint8_t>(history.get(), "feasible", n);
    r.rounds = io::read_elements<std::uint32_t>(history.get(), "round", n);
    for (std::size_t i = 0; i < n; ++i)
      r.history.push_back({values[i], objective[i], constraints[i], feasible[i] != 0, metrics[i],
                           difference[i], p_better[i]});
    return r;
  });
}

}  // namespace

PlanRecord read_plan_checkpoint(const std::string& path, const Plan& plan,
                                std::uint64_t inputs_hash) {
  // A damaged file can crash the HDF5 library itself: read it once in a child process first.
  io::probe_input(path, [&] { static_cast<void>(checkpoint_in_process(path, plan, inputs_hash)); });
  return checkpoint_in_process(path, plan, inputs_hash);
}

PlanSummary read_plan_summary(const std::string& path) {
  io::probe_input(path, [&] { static_cast<void>(plan_summary_in_process(path)); });
  return plan_summary_in_process(path);
}

PlanSummary plan_summary_in_process(const std::string& path) {
  return io::read_input(path, [&] {
    const io::Handle file = io::open_file_read(path);
    io::check_format(path, file.get(), kPlanFormat, kPlanVersion, "plan");
    if (io::read_uint_attribute(file.get(), "complete") != 1)
      throw util::InputError({path, 0, "complete"},
                             "is a checkpoint of an unfinished search: continue it with "
                             "trek optimize --resume");
    for (const char* group : {"history", "best", "decisions", "verification/comparison"}) {
      if (!io::has_link(file.get(), group))
        throw util::InputError({path, 0, group}, "is missing: not a complete plan file");
    }
    PlanSummary s;
    s.plan_file = io::read_string_attribute(file.get(), "plan_file");
    s.stopped = io::read_string_attribute(file.get(), "stopped");
    const io::Handle objective = io::open_group(file.get(), "objective");
    s.objective = io::read_string_attribute(objective.get(), "description");
    const io::Handle best = io::open_group(file.get(), "best");
    s.best = io::read_string_attribute(best.get(), "description");
    const io::Handle history = io::open_group(file.get(), "history");
    s.candidates = io::vector_length(history.get(), "objective");
    const std::size_t v = io::vector_length(file.get(), "decisions/name");
    io::read_rows(history.get(), "values", s.candidates, v);
    if (io::read_uint_attribute(best.get(), "index") >= s.candidates)
      throw util::InputError({path, 0, "best/index"}, "names no candidate of the history");
    return s;
  });
}

}  // namespace sim::optimize
