// The rule of common random numbers lives here: whatever a scenario file says about its seed,
// replicates and weeks, a compared scenario takes the baseline's (or the command line's).

#include "sim/engine/comparison_plan.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/engine/population.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/util/error.hpp"

namespace sim::engine {
namespace {

/// The files with the baseline moved to the front.
std::vector<std::string> baseline_first(std::vector<std::string> paths,
                                        const std::vector<std::string>& overrides) {
  std::vector<std::size_t> marked;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    if (scenario::read_scenario(paths[i], overrides).baseline) marked.push_back(i);
  }
  if (marked.size() > 1) {
    throw util::InputError(
        {paths[marked[1]], 0, "baseline"},
        "two scenarios are marked as the baseline (also " + paths[marked[0]] + ")");
  }
  if (!marked.empty()) {
    const auto first = paths.begin() + static_cast<std::ptrdiff_t>(marked[0]);
    std::rotate(paths.begin(), first, first + 1);
  }
  return paths;
}

std::vector<std::string> group_names(const std::vector<std::string>& paths) {
  std::vector<std::string> names;
  for (const auto& path : paths) {
    std::string name = std::filesystem::path(path).stem().string();
    while (std::find(names.begin(), names.end(), name) != names.end())
      name += "_";
    names.push_back(name);
  }
  return names;
}

/// Appends, for each what-if, every strategy under it (the baseline's first, the group's
/// reference), named "<strategy>_under_<what-if>".
void cross_what_ifs(const std::vector<std::string>& paths, const std::vector<std::string>& shared,
                    ComparisonPlan& plan) {
  const std::size_t given = paths.size();
  for (std::size_t w = 0; w < given; ++w) {
    if (plan.scenarios[w].kind != scenario::ScenarioKind::kWhatIf) continue;
    const std::size_t reference = plan.scenarios.size();
    for (std::size_t s = 0; s < given; ++s) {
      if (plan.scenarios[s].kind != scenario::ScenarioKind::kStrategy) continue;
      plan.scenarios.push_back(scenario::read_crossed_scenario(paths[s], paths[w], shared));
      std::string name = plan.names[s] + "_under_" + plan.names[w];
      while (std::find(plan.names.begin(), plan.names.end(), name) != plan.names.end())
        name += "_";
      plan.names.push_back(name);
      plan.reference.push_back(reference);
    }
  }
  if (plan.scenarios.size() == given) {
    throw util::InputError({"--cross-what-ifs", 0, ""},
                           "no scenario is a what-if (kind = \"what-if\") to cross with the "
                           "strategies");
  }
}

}  // namespace

ComparisonPlan plan_comparison(const ComparisonRequest& request) {
  if (request.scenario_files.empty()) throw util::InputError({}, "no scenario to compare");
  const std::vector<std::string> paths = baseline_first(request.scenario_files, request.overrides);
  const scenario::Scenario baseline = scenario::read_scenario(paths.front(), request.overrides);
  std::vector<std::string> shared = request.overrides;
  shared.push_back("simulation.seed=" + std::to_string(baseline.seed));
  shared.push_back("simulation.replicates=" + std::to_string(baseline.replicates));
  shared.push_back("simulation.weeks=" + std::to_string(baseline.weeks));
  ComparisonPlan plan;
  for (const std::string& path : paths)
    plan.scenarios.push_back(scenario::read_scenario(path, shared));
  if (plan.scenarios.front().kind == scenario::ScenarioKind::kWhatIf) {
    throw util::InputError({paths.front(), 0, "kind"},
                           "a what-if cannot be the baseline: mark a strategy baseline = true or "
                           "give it first");
  }
  plan.names = group_names(paths);
  plan.reference.assign(paths.size(), 0);
  if (request.cross_what_ifs) cross_what_ifs(paths, shared, plan);
  plan.report_weeks = report_weeks(baseline.weeks);
  return plan;
}

std::vector<std::string> input_files(const ComparisonPlan& plan) {
  std::vector<std::string> inputs;
  for (const auto& s : plan.scenarios) {
    for (std::string& input : input_files(s))
      inputs.push_back(std::move(input));
  }
  return inputs;
}

std::vector<std::size_t> report_weeks(std::size_t weeks) {
  std::vector<std::size_t> chosen;
  for (const std::size_t week : {std::size_t{13}, std::size_t{52}, std::size_t{104}}) {
    if (week < weeks) chosen.push_back(week);
  }
  chosen.push_back(weeks);
  return chosen;
}

}  // namespace sim::engine
