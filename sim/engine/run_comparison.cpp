// Loads each distinct population once, writes the root attributes, runs the scenarios on one
// population together (run_together.hpp; replicates in parallel) and those with snapshots one
// after the other, writes each into /scenarios/<name>, computes the table from the recorded
// series and writes it, all inside one atomic write of the output.

#include "sim/engine/run_comparison.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "sim/engine/comparison_file.hpp"
#include "sim/engine/population.hpp"
#include "sim/engine/record_run.hpp"
#include "sim/engine/run_together.hpp"
#include "sim/io/h5.hpp"
#include "sim/io/h5_array.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/util/clock.hpp"
#include "sim/util/thread_limit.hpp"

namespace sim::engine {
namespace {

/// One graph per population source, loaded once.
std::map<std::string, graph::Graph> load_populations(const ComparisonPlan& plan) {
  std::map<std::string, graph::Graph> graphs;
  for (const auto& s : plan.scenarios) {
    const std::string source = resolve_graph_source(s);
    if (!graphs.contains(source)) graphs.emplace(source, load_population(s));
  }
  return graphs;
}

/// Every uncertain parameter of the plan (the baseline's first) and its value in each world,
/// taken from the first scenario that has it (scenarios sharing a prior share the draws).
WorldParameters world_parameters(const ComparisonPlan& plan) {
  WorldParameters p;
  const scenario::Scenario& first = plan.scenarios.front();
  p.seed = first.seed;
  std::vector<const scenario::Scenario*> owner;
  for (const scenario::Scenario& s : plan.scenarios) {
    for (const scenario::UncertainParameter& u : s.uncertain) {
      if (std::find(p.names.begin(), p.names.end(), u.key) != p.names.end()) continue;
      p.names.push_back(u.key);
      owner.push_back(&s);
    }
  }
  for (std::uint32_t world = 0; world < first.replicates; ++world) {
    std::map<const scenario::Scenario*, std::vector<scenario::WorldValue>> drawn;
    std::vector<double> row;
    for (std::size_t i = 0; i < p.names.size(); ++i) {
      if (!drawn.contains(owner[i])) drawn[owner[i]] = scenario::world_values(*owner[i], world);
      for (const scenario::WorldValue& v : drawn[owner[i]]) {
        if (v.key == p.names[i]) row.push_back(v.value);
      }
    }
    p.values.push_back(row);
  }
  return p;
}

/// The scenarios that run together (run_together.hpp), as sets of plan indices: those on the
/// same population with the same replicate count; those with snapshots run alone, their
/// snapshots written as they go.
std::vector<std::vector<std::size_t>> joint_sets(const ComparisonPlan& plan) {
  std::map<std::pair<std::string, std::uint32_t>, std::vector<std::size_t>> sets;
  for (std::size_t i = 0; i < plan.scenarios.size(); ++i) {
    const scenario::Scenario& s = plan.scenarios[i];
    if (s.snapshot_every == 0) sets[{resolve_graph_source(s), s.replicates}].push_back(i);
  }
  std::vector<std::vector<std::size_t>> joint;
  for (auto& [key, members] : sets) {
    if (members.size() > 1) joint.push_back(std::move(members));
  }
  return joint;
}

/// Runs the joint sets; runs[i] and facts[i] of their members are filled in.
void run_joint_sets(const ComparisonPlan& plan, const std::map<std::string, graph::Graph>& graphs,
                    std::vector<std::vector<ReplicateSeries>>& runs,
                    std::vector<std::optional<RuntimeFacts>>& facts, util::ProgressSink& progress) {
  WeekProgress weeks(progress);
  for (const std::vector<std::size_t>& set : joint_sets(plan)) {
    const double start = util::now_seconds();
    const std::string started = util::utc_now();
    std::vector<const scenario::Scenario*> scenarios;
    for (const std::size_t i : set)
      scenarios.push_back(&plan.scenarios[i]);
    const graph::Graph& graph = graphs.at(resolve_graph_source(plan.scenarios[set.front()]));
    std::vector<std::vector<ReplicateSeries>> series =
        run_scenarios_together(scenarios, graph, weeks);
    const RuntimeFacts joint{util::seconds_since(start), util::active_threads(), started};
    for (std::size_t j = 0; j < set.size(); ++j) {
      runs[set[j]] = std::move(series[j]);
      facts[set[j]] = joint;
    }
  }
}

Comparison write_file(const ComparisonPlan& plan, const std::map<std::string, graph::Graph>& graphs,
                      const std::string& path, const Provenance& provenance,
                      util::ProgressSink& progress) {
  io::Handle file = io::create_file(path);
  io::write_attribute(file.get(), "format", kComparisonFormat);
  io::write_attribute(file.get(), "version", kComparisonVersion);
  io::write_attribute(file.get(), "creator", provenance.creator);
  io::write_attribute(file.get(), "command_line", provenance.command_line);
  std::vector<std::vector<ReplicateSeries>> runs(plan.scenarios.size());
  std::vector<std::optional<RuntimeFacts>> facts(plan.scenarios.size());
  run_joint_sets(plan, graphs, runs, facts, progress);
  std::vector<std::vector<std::string>> platforms;
  {
    const io::Handle group = io::create_group(file.get(), "scenarios");
    for (std::size_t i = 0; i < plan.scenarios.size(); ++i) {
      const scenario::Scenario& s = plan.scenarios[i];
      const graph::Graph& graph = graphs.at(resolve_graph_source(s));
      ResultsFile results(group.get(), plan.names[i], s, graph, provenance);
      if (facts[i]) {
        record_series(s, runs[i], results, *facts[i]);
      } else {
        runs[i] = record_run(s, graph, results, progress);
      }
      platforms.push_back(s.platform_names());
      progress.milestone("scenario " + plan.names[i] + " (" + std::to_string(i + 1) + " of " +
                         std::to_string(plan.scenarios.size()) + ")");
    }
  }
  std::vector<bool> strategy;
  for (const scenario::Scenario& s : plan.scenarios)
    strategy.push_back(s.kind == scenario::ScenarioKind::kStrategy);
  const WorldParameters parameters = world_parameters(plan);
  Comparison comparison = compare(plan.names, runs, platforms, plan.report_weeks, strategy,
                                  &parameters, plan.reference);
  progress.milestone("the decision statistics");
  write_comparison(file.get(), comparison);
  io::close_file(file);
  return comparison;
}

}  // namespace

Comparison run_comparison(const ComparisonPlan& plan, const std::string& output,
                          io::OutputPolicy policy, const Provenance& provenance,
                          util::ProgressSink& progress) {
  for (std::string& input : input_files(plan))
    policy.inputs.push_back(std::move(input));
  io::check_output(output, policy);
  const std::map<std::string, graph::Graph> graphs = load_populations(plan);
  const scenario::Scenario& first = plan.scenarios.front();
  progress.begin(std::uint64_t{first.weeks} * first.replicates * plan.scenarios.size());
  std::optional<Comparison> comparison;
  io::write_atomically(
      output,
      [&](const std::string& temporary) {
        comparison = write_file(plan, graphs, temporary, provenance, progress);
      },
      policy);
  progress.end();
  return std::move(*comparison);
}

}  // namespace sim::engine
