#include "sim/sweep/read_sweep.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "sim/engine/comparison.hpp"
#include "sim/engine/observables.hpp"
#include "sim/engine/results_file.hpp"
#include "sim/scenario/document.hpp"
#include "sim/scenario/read_scenario.hpp"
#include "sim/scenario/table_reader.hpp"
#include "sim/scenario/worlds.hpp"
#include "sim/sweep/design.hpp"
#include "sim/util/did_you_mean.hpp"
#include "sim/util/input_file.hpp"

namespace sim::sweep {
namespace {

using scenario::TableReader;

constexpr std::uint64_t kMaxPoints = 100'000'000;

/// Scenario keys a sweep may not vary: they decide what is compared, not the model.
void refuse_structural(const util::InputLocation& where, const std::string& key) {
  const auto structural = [&key] {
    if (scenario::builds_population(key)) return true;
    for (const char* prefix :
         {"simulation.replicates", "simulation.seed", "simulation.weeks", "simulation.start_date",
          "name", "description", "baseline", "output."}) {
      if (key.starts_with(prefix)) return true;
    }
    return false;
  };
  if (structural()) {
    throw util::InputError(where, "'" + key +
                                      "' cannot be swept (the points of a sweep share one "
                                      "population, seed, replicate count and length; "
                                      "fix it under [set])");
  }
}

/// Checks the scenario accepts key = value; its complaint is re-addressed to the sweep file.
void check_value(const SweepSpec& spec, const util::InputLocation& where, const std::string& key,
                 double value) {
  std::vector<std::string> overrides = spec.fixed;
  overrides.push_back(assignment(key, value));
  try {
    scenario::read_scenario(spec.base, overrides);
  } catch (const util::InputError& e) {
    throw util::InputError(where, "in the base scenario: " + e.problem());
  }
}

Parameter read_parameter(const SweepSpec& spec, const std::string& key, const toml::node& node) {
  Parameter p;
  p.key = key;
  p.line = scenario::line_of(node);
  const util::InputLocation where{spec.file, p.line, "parameters." + key};
  refuse_structural(where, key);
  if (const toml::array* list = node.as_array()) {
    for (const auto& value : *list) {
      if (!value.is_number()) throw util::InputError(where, "values must be numbers");
      p.values.push_back(scenario::number_of(value));
    }
  } else if (const toml::table* table = node.as_table()) {
    TableReader reader(*table, spec.file, "parameters." + key);
    constexpr double kHuge = 1e300;
    p.min = reader.real("min", 0.0, -kHuge, kHuge);
    p.max = reader.real("max", 0.0, -kHuge, kHuge);
    const bool has_range = table->contains("min") || table->contains("max");
    if (const toml::array* listed = reader.array("values")) {
      for (const auto& value : *listed) {
        if (!value.is_number()) throw util::InputError(where, "values must be numbers");
        p.values.push_back(scenario::number_of(value));
      }
    }
    const std::uint64_t steps = reader.integer("steps", 0, 2, 1'000'000);
    p.integer = reader.boolean("integer", false);
    reader.check_unknown();
    if (has_range && !(p.min < p.max)) {
      throw util::InputError(where, "empty range: min must be below max");
    }
    if (has_range && !p.values.empty()) {
      throw util::InputError(where, "give either min and max or values, not both");
    }
    if (!has_range && p.values.empty())
      throw util::InputError(where, "needs min and max, or values");
    for (std::uint64_t i = 0; i < steps && has_range; ++i) {
      p.values.push_back(p.min +
                         (p.max - p.min) * static_cast<double>(i) / static_cast<double>(steps - 1));
    }
  } else {
    throw util::InputError(where, "expected { min = ..., max = ... } or a list of values");
  }
  if (node.is_array() && p.values.empty()) throw util::InputError(where, "empty list of values");
  if (!p.values.empty() && p.min == p.max) {
    p.min = *std::min_element(p.values.begin(), p.values.end());
    p.max = *std::max_element(p.values.begin(), p.values.end());
  }
  return p;
}

void check_design(SweepSpec& spec, const TableReader& root) {
  const util::InputLocation where = root.where("design");
  const std::size_t d = spec.parameters.size();
  if (d == 0) throw util::InputError({spec.file, 0, "parameters"}, "no parameters to vary");
  for (const Parameter& p : spec.parameters) {
    const util::InputLocation at{spec.file, p.line, "parameters." + p.key};
    if (spec.design == DesignKind::kGrid && p.values.empty()) {
      throw util::InputError(at, "a grid needs values, or min, max and steps");
    }
    if (spec.design != DesignKind::kGrid && !(p.min < p.max)) {
      throw util::InputError(at, std::string("the ") + design_name(spec.design) +
                                     " design needs a range: min and max");
    }
  }
  if (spec.design == DesignKind::kSobol && 2 * d > 21) {
    throw util::InputError(where, "the sobol design takes at most 10 parameters");
  }
  if (spec.design != DesignKind::kGrid && spec.samples < 2) {
    throw util::InputError(root.where("samples"), std::string("the ") + design_name(spec.design) +
                                                      " design needs samples >= 2");
  }
  if (spec.design == DesignKind::kMorris && spec.levels % 2 != 0) {
    throw util::InputError(root.where("levels"), "Morris levels must be even");
  }
  if (design_points(spec) > kMaxPoints) {
    throw util::InputError(where, "the design has more than 100,000,000 points");
  }
}

/// Checks the outputs and series named; returns every metric name (the default outputs).
std::vector<std::string> check_names(const SweepSpec& spec, TableReader& root,
                                     const std::vector<std::string>& platforms) {
  std::vector<std::string> metrics;
  for (const auto& m : engine::comparison_metrics(platforms))
    metrics.push_back(m.name);
  std::vector<std::string> observables = engine::observable_names();
  for (const auto& name : engine::reach_observable_names())
    observables.push_back(name);
  const auto check = [&](const std::vector<std::string>& names,
                         const std::vector<std::string>& known, const char* key) {
    const std::vector<std::string_view> candidates(known.begin(), known.end());
    for (const std::string& name : names) {
      if (std::find(known.begin(), known.end(), name) == known.end()) {
        const std::string renamed = engine::renamed_observable(name);
        throw util::InputError(
            root.where(key),
            "unknown name '" + name + "'" +
                (renamed.empty() ? util::suggestion_suffix(name, candidates)
                                 : " (renamed '" + renamed + "' in run format 6)"));
      }
    }
  };
  check(spec.outputs, metrics, "outputs");
  check(spec.series, observables, "series");
  return metrics;
}

std::vector<std::string> string_list(TableReader& root, const char* key) {
  std::vector<std::string> out;
  if (const toml::array* list = root.array(key)) {
    for (const auto& item : *list) {
      if (!item.is_string()) throw util::InputError(root.where(key), "expected a list of names");
      std::string name = item.value<std::string>().value_or("");
      if (std::find(out.begin(), out.end(), name) != out.end()) {
        throw util::InputError(root.where(key), "'" + name + "' is listed twice");
      }
      out.push_back(std::move(name));
    }
  }
  return out;
}

}  // namespace

std::string assignment(const std::string& key, double value) {
  char text[64];
  const auto [end, error] = std::to_chars(text, text + sizeof text, value);
  (void)error;
  std::string number(text, end);
  // A whole number stays a TOML integer (weeks, counts); anything else needs a decimal point.
  return key + "=" + number;
}

scenario::Scenario base_scenario(const SweepSpec& spec) {
  return scenario::read_scenario(spec.base, spec.fixed);
}

scenario::Scenario point_scenario(const SweepSpec& spec, const std::vector<double>& values) {
  std::vector<std::string> overrides = spec.fixed;
  for (std::size_t j = 0; j < values.size(); ++j)
    overrides.push_back(assignment(spec.parameters[j].key, values[j]));
  return scenario::read_scenario(spec.base, overrides);
}

SweepSpec read_sweep(const std::string& path) {
  const toml::table document = scenario::parse_toml(path);
  SweepSpec spec;
  spec.file = path;
  spec.text = util::read_input_file(path, scenario::kMaxTomlBytes);
  TableReader root(document, path, "");
  if (!document.contains("base") &&
      (document.contains("platforms") || document.contains("extends"))) {
    throw util::InputError({path, 0, ""},
                           "is a scenario file, not a sweep: 'trek run' and 'trek compare' "
                           "read it");
  }
  const std::string base = root.text("base", "");
  if (base.empty()) throw util::InputError({path, 0, "base"}, "names no base scenario");
  spec.base = util::beside(path, base);
  try {
    util::check_input_file(spec.base);
  } catch (const util::InputError& e) {
    throw util::InputError(root.where("base"), "base scenario " + std::string(e.what()));
  }
  const std::string design = root.choice("design", "", {"grid", "lhs", "sobol", "morris"});
  spec.design = design == "lhs"      ? DesignKind::kLatinHypercube
                : design == "sobol"  ? DesignKind::kSobol
                : design == "morris" ? DesignKind::kMorris
                                     : DesignKind::kGrid;
  spec.samples = root.integer("samples", 0, 0, kMaxPoints);
  spec.levels = root.integer("levels", 4, 2, 1000);
  spec.seed = root.integer("seed", 1, 0, std::numeric_limits<std::int64_t>::max());
  spec.replicates = static_cast<std::uint32_t>(root.integer("replicates", 2, 1, 100'000));
  spec.window = static_cast<std::uint32_t>(root.integer("window", 13, 1, 5200));
  spec.bootstrap = static_cast<std::uint32_t>(root.integer("bootstrap", 200, 0, 100'000));
  spec.outputs = string_list(root, "outputs");
  spec.series = string_list(root, "series");
  if (const toml::table* fixed = root.table("set")) {
    for (const auto& [key, node] : *fixed) {
      std::ostringstream value;
      node.visit([&](const auto& v) { value << v; });
      spec.fixed.push_back(std::string(key.str()) + "=" + value.str());
      if (key.str() == "simulation.replicates") {
        throw util::InputError({path, scenario::line_of(node), "set.simulation.replicates"},
                               "give the replicates per point as the top-level 'replicates'");
      }
    }
  }
  spec.fixed.push_back("simulation.replicates=" + std::to_string(spec.replicates));
  std::vector<std::string> platforms;
  std::uint32_t weeks = 0;
  try {
    const scenario::Scenario base_run = base_scenario(spec);
    platforms = base_run.platform_names();
    weeks = base_run.weeks;
    // The points share the base's population: its audience groups, not those a point's values
    // would solve for.
    if (const std::string pin = scenario::pinned_groups(base_run); !pin.empty())
      spec.fixed.push_back(pin);
  } catch (const util::InputError& e) {
    throw util::InputError(root.where("set"), "in the base scenario: " + std::string(e.what()));
  }
  if (spec.window > weeks) {
    throw util::InputError(root.where("window"), std::to_string(spec.window) +
                                                     " weeks is longer than the run (" +
                                                     std::to_string(weeks) + " weeks)");
  }
  if (const toml::table* parameters = root.table("parameters")) {
    for (const auto& [key, node] : *parameters)
      spec.parameters.push_back(read_parameter(spec, std::string(key.str()), node));
  }
  root.check_unknown();
  check_design(spec, root);
  for (const Parameter& p : spec.parameters) {
    const util::InputLocation at{spec.file, p.line, "parameters." + p.key};
    if (p.values.empty()) {
      check_value(spec, at, p.key, p.min);
      check_value(spec, at, p.key, p.max);
    }
    for (const double value : p.values)
      check_value(spec, at, p.key, value);
  }
  std::vector<std::string> metrics = check_names(spec, root, platforms);
  if (spec.outputs.empty()) spec.outputs = std::move(metrics);
  return spec;
}

}  // namespace sim::sweep
